#!/bin/sh
# Add ceplanner to this user's application menu and open .ceplan files with it.
# Run from the unpacked bundle: ./install-desktop-entry.sh (undo with --remove). No root needed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
files="applications/ceplanner.desktop mime/packages/ceplanner.xml metainfo/io.github.ceplanner.metainfo.xml
       icons/hicolor/scalable/apps/ceplanner.svg"
for size in 16 24 32 48 64 128 256; do files="$files icons/hicolor/${size}x${size}/apps/ceplanner.png"; done
if [ "${1:-}" = "--remove" ]; then
  for f in $files; do rm -f "$data/$f"; done
  echo "Removed ceplanner's menu entry and file association."
else
  for f in $files; do mkdir -p "$(dirname "$data/$f")"; cp "$here/share/$f" "$data/$f"; done
  # The menu entry runs this copy of ceplanner, wherever it was unpacked.
  sed -i "s|^Exec=.*|Exec=\"$here/ceplanner-gui\" %f|" "$data/applications/ceplanner.desktop"
  echo "Added ceplanner to the application menu; .ceplan files open with $here/ceplanner-gui."
fi
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
