"""Translating window text outside a QObject.

pyside6-lupdate files a bare ``tr("…")`` call under the empty context, so this helper looks the
text up there; inside a QObject, ``self.tr`` (context: the class name) works as usual.
"""

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate without translating it (tr() does, where it is shown); typed as
    the str it is, where PySide6's own is typed as returning object."""
    return text


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def role_text(role: str) -> str:
    return {
        "admin": tr("Administrator"),
        "manager": tr("Manager"),
        "cashier": tr("Cashier"),
        "coop_manager": tr("Cooperative manager"),
        "village_officer": tr("Village officer"),
    }[role]


def channel_text(channel: str) -> str:
    return {
        "counter": tr("Counter"),
        "cooperative": tr("Co-op"),
        "bulk": tr("Bulk"),
        "online": tr("Online"),
    }[channel]
