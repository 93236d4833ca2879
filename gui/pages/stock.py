"""库存: what each counter has of each product, what to act on (low, slow), receiving goods and a
stocktake (盘点), all through orders.stock on the worker."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel

from core.auth import Actor, can
from core.db import Database
from core.errors import BangfuError
from core.money import format_fen, quantity_text
from gui.forms import Field, FormDialog, Operation
from gui.pages.common import RecordPage
from gui.table import Col
from gui.tasks import read, write
from gui.text import tr
from orders import stock
from orders.counter import counters

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from orders.stock import Difference, StockRow

SLOW_DAYS = 60


def _last_sold(row: "StockRow") -> str:
    return f"{row.last_sold:%Y-%m-%d}" if row.last_sold else "—"


class StockPage(RecordPage):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        columns = [
            Col(tr("Counter"), lambda r: r.counter),
            Col(tr("Code"), lambda r: r.code),
            Col(tr("Name"), lambda r: r.name),
            Col(
                tr("On hand"),
                lambda r: f"{quantity_text(r.on_hand_milli)} {r.unit}",
                sort=lambda r: r.on_hand_milli,
                right=True,
            ),
            Col(tr("Minimum"), lambda r: "" if r.minimum_milli is None else quantity_text(r.minimum_milli), right=True),
            Col(tr("Last sold"), _last_sold),
        ]
        super().__init__(
            db,
            actor,
            title,
            columns,
            lambda session: [],  # replaced by reload: one counter's stock (a city has millions of rows)
            shows=("sales", "stock"),
            background=lambda r: QColor("#fde2e2") if r.on_hand_milli < 0 or r.low else None,
        )
        self.show_filter = QComboBox()
        for value, text in (
            ("all", tr("All stock")),
            ("low", tr("Low or below zero")),
            ("slow", tr("Not sold for {n} days").format(n=SLOW_DAYS)),
        ):
            self.show_filter.addItem(text, value)
        self.show_filter.currentIndexChanged.connect(self._filter)
        self.filters.addWidget(self.show_filter, 1)
        self.counter_box = QComboBox()
        self.counter_box.currentIndexChanged.connect(self._counter_chosen)
        self.filters.addWidget(self.counter_box, 1)
        self.stocktake = QLabel()
        self.inner.addWidget(self.stocktake)
        self.counter_codes: list[str] = []
        self.last_document = ""  # the receiving note, transfer… this page just recorded
        if can(actor, "stock.manage"):
            self.add_button(tr("Receive goods…"), self.receive)
            self.add_button(tr("Move out…"), self.move_out)
            self.add_button(tr("Minimum…"), self.set_minimum)
            self.add_button(tr("Stocktake: start"), self.start_stocktake)
            self.add_button(tr("Stocktake: count…"), self.count_goods)
            self.add_button(tr("Stocktake: approve…"), self.approve)
        self.add_button(tr("Save document PDF…"), self.ask_document)
        read(self, db, lambda session: [c.code for c in counters(session)], self._counters, self.show_error)

    def _counters(self, codes: list[str]) -> None:
        """A manager starts at their own counter, an administrator at the first; a cooperative
        manager at every counter (their own goods only)."""
        self.counter_codes = codes
        self.counter_box.blockSignals(True)
        self.counter_box.addItem(tr("All counters"), "")
        for code in codes:
            self.counter_box.addItem(code, code)
        everywhere = self.actor.role == "coop_manager" or not codes
        start = "" if everywhere else (self.actor.counter_code if self.actor.counter_code in codes else codes[0])
        self.counter_box.setCurrentIndex(self.counter_box.findData(start))
        self.counter_box.blockSignals(False)
        self._counter_chosen()

    def _counter_chosen(self) -> None:
        counter = self.counter_box.currentData() or None
        self._load = lambda session: stock.stock_rows(session, self.actor, counter)
        self.reload()

    def _filter(self) -> None:
        chosen = self.show_filter.currentData()
        if chosen == "low":
            self.proxy.set_predicate("on_hand_milli", lambda r: r.low or r.on_hand_milli < 0)
        elif chosen == "slow":
            slow = {id(r) for r in stock.slow_movers(self.model.rows, dt.datetime.now(dt.UTC), SLOW_DAYS)}
            self.proxy.set_predicate("on_hand_milli", lambda r: id(r) in slow)
        else:
            self.proxy.set_predicate("on_hand_milli", None)

    def _counter_field(self) -> Field:
        shown = self.counter_box.currentData()  # the counter on screen comes first
        codes = sorted(self.counter_codes, key=lambda code: code != shown)
        return Field("counter_code", tr("Counter"), choices=[(code, code) for code in codes])

    def receive(self) -> FormDialog:
        """收货: one supplier's goods into a counter, a line at a time."""
        fields = [
            self._counter_field(),
            Field("product_code", tr("Product code or barcode")),
            Field("quantity", tr("Quantity"), placeholder="10"),
            Field("batch", tr("Batch")),
            Field("produced_on", tr("Produced on (YYYY-MM-DD)"), placeholder="2026-11-01"),
            Field("shelf_life_days", tr("Shelf life (days)"), placeholder="365"),
        ]

        def save(texts: dict[str, str]) -> Operation:
            def op(session: "Session") -> str:
                line = stock.typed_line(
                    session,
                    texts["product_code"],
                    texts["quantity"],
                    texts.get("batch", ""),
                    texts.get("produced_on", ""),
                    texts.get("shelf_life_days", ""),
                )
                return stock.receive_goods(session, self.actor, texts["counter_code"], [line])

            return op

        dialog = FormDialog(self, tr("Receive goods"), fields, save, self.db, self.saved, self._recorded)
        dialog.open()
        return dialog

    def move_out(self) -> FormDialog:
        """调拨 to another counter, 退供 back to the supplier, or 报损 with a reason: never more than
        is on hand (the service says how much there is)."""
        kinds = [
            ("transfer", tr("Transfer to another counter")),
            ("return", tr("Return to the supplier")),
            ("write_off", tr("Write off (expired, damaged…)")),
        ]
        fields = [
            Field("kind", tr("What"), choices=kinds),
            self._counter_field(),
            Field("product_code", tr("Product code or barcode")),
            Field("quantity", tr("Quantity"), placeholder="1"),
            Field(
                "to_counter", tr("To counter (transfers)"), choices=[("", "—")] + [(c, c) for c in self.counter_codes]
            ),
            Field("reason", tr("Reason")),
        ]

        def save(texts: dict[str, str]) -> Operation:
            def op(session: "Session") -> str:
                line = [stock.typed_line(session, texts["product_code"], texts["quantity"])]
                counter, reason = texts["counter_code"], texts.get("reason", "")
                if texts["kind"] == "transfer":
                    return stock.transfer(session, self.actor, counter, texts.get("to_counter", ""), line)
                if texts["kind"] == "return":
                    return stock.return_to_supplier(session, self.actor, counter, line, reason)
                return stock.write_off(session, self.actor, counter, line, reason)

            return op

        dialog = FormDialog(self, tr("Move goods out"), fields, save, self.db, self.saved, self._recorded)
        dialog.open()
        return dialog

    def _recorded(self, number: str) -> None:
        self.last_document = number
        recorded = tr("Recorded {0}: Save document PDF… prints it.").replace("{0}", number)
        self.stocktake.setText(recorded)
        read(
            self,
            self.db,
            lambda session: stock.receiving_hints(session, number),  # first-expiry-first-out on the shelf
            lambda hints: self.stocktake.setText("\n".join([recorded, *hints])),
            self.show_error,
        )

    def set_minimum(self) -> FormDialog:
        """下限: below this the counter's stock of the product is low."""
        fields = [
            self._counter_field(),
            Field("product_code", tr("Product code or barcode")),
            Field("quantity", tr("Minimum"), placeholder="5"),
        ]

        def save(texts: dict[str, str]) -> Operation:
            def op(session: "Session") -> None:
                line = stock.typed_line(session, texts["product_code"], texts["quantity"])
                stock.set_minimum(session, self.actor, texts["counter_code"], line.product_id, line.quantity_milli)

            return op

        dialog = FormDialog(self, tr("Minimum stock"), fields, save, self.db, self.saved)
        dialog.open()
        return dialog

    def ask_document(self) -> None:
        """A receiving note, transfer, return, write-off or stocktake (PD-…) by its number, as PDF."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        number, ok = QInputDialog.getText(
            self, tr("Save document PDF…"), tr("Document number"), text=self.last_document
        )
        if not ok or not number.strip():
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Save document PDF…"), f"{number.strip()}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_document(number.strip(), path)

    def save_document(self, number: str, path: str) -> None:
        from reports.stock_docs import document_pdf

        def write_file(session: "Session") -> str:
            Path(path).write_bytes(document_pdf(session, self.actor, number))
            return path

        read(self, self.db, write_file, lambda _path: None, self.show_error)

    def _chosen_counter(self) -> str | None:
        row = self.selected()
        shown = self.counter_box.currentData() or (self.counter_codes[0] if self.counter_codes else None)
        return row.counter if row is not None else shown

    def start_stocktake(self) -> None:
        counter = self._chosen_counter()
        if counter is None:
            return
        write(
            self,
            self.db,
            lambda session: stock.start_stocktake(session, self.actor, counter),
            lambda number: self.stocktake.setText(
                tr("Stocktake {0} open at {1}: count, then approve.").replace("{0}", number).replace("{1}", counter)
            ),
            self.show_error,
            changes=("stock",),
        )

    def count_goods(self) -> FormDialog:
        """盘点计数: a scanned or typed product and the quantity found (counts of a product add up)."""
        fields = [
            self._counter_field(),
            Field("product_code", tr("Product code or barcode")),
            Field("quantity", tr("Quantity counted"), placeholder="12"),
        ]

        def save(texts: dict[str, str]) -> Operation:
            def op(session: "Session") -> None:
                number = stock.open_stocktake(session, texts["counter_code"])
                if number is None:
                    raise BangfuError(tr("Start a stocktake at this counter first."))
                line = stock.typed_line(session, texts["product_code"], texts["quantity"])
                stock.count(session, self.actor, number, line.product_id, line.quantity_milli)

            return op

        dialog = FormDialog(self, tr("Stocktake: count"), fields, save, self.db)
        dialog.open()
        return dialog

    def approve(self) -> None:
        counter = self._chosen_counter()
        if counter is None:
            return

        def differences(session: "Session") -> tuple[str, list["Difference"]] | None:
            number = stock.open_stocktake(session, counter)
            return (number, stock.differences(session, number)) if number else None

        read(self, self.db, differences, self._differences, self.show_error)

    def _differences(self, found: "tuple[str, list[Difference]] | None") -> None:
        from PySide6.QtWidgets import QMessageBox

        if found is None:
            self.stocktake.setText(tr("No stocktake is open at this counter."))
            return
        number, rows = found
        lines = [
            f"{d.code} {d.name}: {quantity_text(d.expected_milli)} → "
            + (tr("not counted") if d.counted_milli is None else quantity_text(d.counted_milli))
            for d in rows
        ]
        if rows:
            lines.append(tr("Value of the differences: {0}").replace("{0}", format_fen(sum(d.value_fen for d in rows))))
        answer = QMessageBox.question(
            self, tr("Approve stocktake {0}").replace("{0}", number), "\n".join(lines) or tr("No differences.")
        )
        if answer == QMessageBox.StandardButton.Yes:
            write(
                self,
                self.db,
                lambda session: stock.approve_stocktake(session, self.actor, number),
                lambda _found: self.stocktake.setText(tr("Stocktake {0} approved.").replace("{0}", number)),
                self.show_error,
                changes=("stock",),
            )


def make(db: Database, actor: Actor, title: str) -> StockPage:
    return StockPage(db, actor, title)
