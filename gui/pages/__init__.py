"""The pages of the main window, in navigation order, each with an English slug (CLI ``--page``)."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from core.db import Database
from gui.pages import households, products, suppliers
from gui.pages.placeholder import PlaceholderPage


@dataclass(frozen=True)
class PageSpec:
    slug: str
    title_source: str  # English source text; translated in the "Pages" context
    make: Callable[[Database, str], QWidget]

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.title_source)


def _placeholder(db: Database, title: str) -> QWidget:
    return PlaceholderPage(title)


PAGES = (
    PageSpec("counter", QT_TRANSLATE_NOOP("Pages", "Checkout"), _placeholder),
    PageSpec("catalog", QT_TRANSLATE_NOOP("Pages", "Products & certificates"), products.make),
    PageSpec("suppliers", QT_TRANSLATE_NOOP("Pages", "Suppliers"), suppliers.make),
    PageSpec("households", QT_TRANSLATE_NOOP("Pages", "Households"), households.make),
    PageSpec("coop", QT_TRANSLATE_NOOP("Pages", "Cooperatives & bulk orders"), _placeholder),
    PageSpec("labels", QT_TRANSLATE_NOOP("Pages", "Label printing"), _placeholder),
    PageSpec("summary", QT_TRANSLATE_NOOP("Pages", "Monthly summary"), _placeholder),
    PageSpec("users", QT_TRANSLATE_NOOP("Pages", "Users & log"), _placeholder),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), _placeholder),
)
