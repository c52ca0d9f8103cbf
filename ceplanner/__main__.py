"""``python -m ceplanner`` and the ``ceplanner`` command."""

import sys

from ceplanner.cli import main

if __name__ == "__main__":
    sys.exit(main())
