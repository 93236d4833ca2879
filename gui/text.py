"""Translating window text outside a QObject.

pyside6-lupdate files a bare ``tr("…")`` call under the empty context, so this helper looks the
text up there; inside a QObject, ``self.tr`` (context: the class name) works as usual.
"""

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def role_text(role: str) -> str:
    return {
        "admin": tr("Administrator"),
        "manager": tr("Manager"),
        "cashier": tr("Cashier"),
        "coop_manager": tr("Cooperative manager"),
    }[role]


def channel_text(channel: str) -> str:
    return {
        "counter": tr("Counter"),
        "cooperative": tr("Co-op"),
        "bulk": tr("Bulk"),
        "online": tr("Online"),
    }[channel]
