"""``python -m crampcoach`` and the ``crampcoach`` entry point."""

from __future__ import annotations

import sys

from crampcoach.cli import main

if __name__ == "__main__":
    sys.exit(main())
