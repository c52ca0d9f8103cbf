#!/bin/sh
# Check the Debian/Ubuntu libraries Qt needs; install them when run as root, else say how.
# Usage: system-deps.sh gui|test
set -eu
case "${1:-gui}" in
  test) pkgs="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core fonts-droid-fallback
              fonts-noto-core poppler-utils libreoffice-writer-nogui" ;;
  *)    pkgs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core fonts-droid-fallback fonts-noto-core
              libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
              libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1" ;;
esac
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: nothing to check
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing system libraries Qt needs:$missing"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "ceplanner needs these system libraries. Install them with:"
  echo "  sudo apt-get install -y$missing"
  exit 1
fi
