"""The pages of the main window, in navigation order, each with an English slug (CLI ``--page``).

A page's module is imported the first time the page is shown, so start-up loads none of them.
"""

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from core.db import Database
from gui.pages.placeholder import PlaceholderPage


@dataclass(frozen=True)
class PageSpec:
    slug: str
    title_source: str  # English source text; translated in the "Pages" context
    module: str | None = None  # a module with make(db, title) -> QWidget; None: not built yet

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.title_source)

    def make(self, db: Database) -> QWidget:
        if self.module is None:
            return PlaceholderPage(self.title)
        return importlib.import_module(self.module).make(db, self.title)  # type: ignore[no-any-return]


PAGES = (
    PageSpec("counter", QT_TRANSLATE_NOOP("Pages", "Checkout")),
    PageSpec("catalog", QT_TRANSLATE_NOOP("Pages", "Products & certificates"), "gui.pages.products"),
    PageSpec("suppliers", QT_TRANSLATE_NOOP("Pages", "Suppliers"), "gui.pages.suppliers"),
    PageSpec("households", QT_TRANSLATE_NOOP("Pages", "Households"), "gui.pages.households"),
    PageSpec("coop", QT_TRANSLATE_NOOP("Pages", "Cooperatives & bulk orders")),
    PageSpec("labels", QT_TRANSLATE_NOOP("Pages", "Label printing")),
    PageSpec("summary", QT_TRANSLATE_NOOP("Pages", "Monthly summary")),
    PageSpec("users", QT_TRANSLATE_NOOP("Pages", "Users & log")),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings")),
)
