"""Cancellation for long work (imports, reports, label sheets), without any GUI in sight."""

import threading

from core.errors import BangfuError
from core.i18n import _


class Cancelled(BangfuError):
    """The user stopped the work; whatever it did was rolled back."""

    def __init__(self) -> None:
        super().__init__(_("cancelled; nothing was changed"))


class CancelToken:
    """Set from the GUI thread, checked by the worker at each progress report."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled
