"""Bangfu 帮扶 — start the desktop application or a command (``python main.py --help``).

The process ends without the interpreter's teardown, which takes apart every module and object
one by one: 0.2–0.3 s for a report that took 0.5 s (issue 18, ``bench startup``).
"""

import atexit
import contextlib
import os
import sys

_status = 1  # what the process exits with, should anything escape main()


def _leave_without_teardown() -> None:
    # Registered before any other module is imported, so it runs last: after threads are joined
    # and every other exit handler (logging's among them) has run. Nothing is left to do then but
    # flushing the standard streams; memory and files go back to the system as the process ends.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
            stream.flush()
    os._exit(_status)


atexit.register(_leave_without_teardown)

from cli.main import main as _main  # noqa: E402  (after the exit handler, so that it runs last)


def main() -> int:
    """The program's entry: the command's exit status, as ``sys.exit`` would end with it."""
    global _status
    try:
        _status = _main()
    except SystemExit as exc:  # --help, --version: argparse ends the program itself
        _status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        raise
    return _status


if __name__ == "__main__":
    sys.exit(main())
