"""The pages of the main window, in navigation order, each with an English slug (CLI ``--page``).

A page's module is imported the first time the page is shown, so start-up loads none of them.
"""

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.auth import Actor
from core.db import Database
from gui.pages.placeholder import PlaceholderPage
from gui.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    slug: str
    title_source: str  # English source text; translated in the "Pages" context
    permission: str  # what a role needs to see the page
    module: str | None = None  # a module with make(db, actor, title) -> QWidget; None: not built yet

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.title_source)

    def make(self, db: Database, actor: Actor) -> QWidget:
        if self.module is None:
            return PlaceholderPage(self.title)
        return importlib.import_module(self.module).make(db, actor, self.title)


PAGES = (
    PageSpec("counter", QT_TRANSLATE_NOOP("Pages", "Checkout"), "sale.record", "gui.pages.counter"),
    PageSpec("catalog", QT_TRANSLATE_NOOP("Pages", "Products & certificates"), "registry.view", "gui.pages.products"),
    PageSpec("suppliers", QT_TRANSLATE_NOOP("Pages", "Suppliers"), "suppliers.view", "gui.pages.suppliers"),
    PageSpec("households", QT_TRANSLATE_NOOP("Pages", "Households"), "households.view", "gui.pages.households"),
    PageSpec("coop", QT_TRANSLATE_NOOP("Pages", "Cooperatives & bulk orders"), "coop.sales", "gui.pages.coop"),
    PageSpec("labels", QT_TRANSLATE_NOOP("Pages", "Label printing"), "labels.print", "gui.pages.labels"),
    PageSpec("stock", QT_TRANSLATE_NOOP("Pages", "Stock"), "stock.view", "gui.pages.stock"),
    PageSpec("settlement", QT_TRANSLATE_NOOP("Pages", "Settlement"), "settlement.view", "gui.pages.settlement"),
    PageSpec("points", QT_TRANSLATE_NOOP("Pages", "Points supermarket"), "points.view", "gui.pages.points"),
    PageSpec("summary", QT_TRANSLATE_NOOP("Pages", "Monthly summary"), "report.view", "gui.pages.summary"),
    PageSpec("users", QT_TRANSLATE_NOOP("Pages", "Users & log"), "audit.view", "gui.pages.users"),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), "settings.change", "gui.pages.settings"),
)
