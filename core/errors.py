"""Errors a user can fix. They carry a finished message and are shown without a traceback."""

from core.i18n import _


class BangfuError(Exception):
    """Bad input or a refused action: the message is for the user; nothing was written."""


class InvalidValue(BangfuError):
    """A single value that breaks a rule; names the field so forms and imports can point at it."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(_("{field}: {reason}").format(field=field, reason=reason))
