"""Bangfu 帮扶 — start the desktop application or a command (``python main.py --help``)."""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
