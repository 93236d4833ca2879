"""A kiosk's status-bar line: 已同步 16:02, or 离线 · 37 笔待上传 · 自 14:10, and 立即同步.

Sales commit locally first; this widget synchronises in the background every few seconds and
right after a sale, on a thread of its own (gui.tasks.SYNC_POOL), so the checkout never waits for
the network.
"""

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from core.db import Database
from gui.tasks import CHANGES, SYNC_POOL, Report, message_for, read, run_task
from gui.text import tr
from orders.kiosk import Synced, status, sync_kiosk

SYNC_SECONDS = 60  # between two rounds when nothing is sold


def clock(iso: str | None) -> str:
    """An ISO time as the PC's HH:MM (the day too when it is not today)."""
    if not iso:
        return "—"
    local = dt.datetime.fromisoformat(iso).astimezone()
    return local.strftime("%H:%M") if local.date() == dt.date.today() else local.strftime("%Y-%m-%d %H:%M")


class SyncStatus(QWidget):
    def __init__(self, db: Database, seconds: int = SYNC_SECONDS) -> None:
        super().__init__()
        self.db = db
        self.running = False
        self.offline: str | None = None  # why the last round failed; None: it worked
        self.offline_since: str | None = None
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.button = QPushButton(tr("Sync now"))
        self.button.setFlat(True)
        self.button.clicked.connect(lambda: self.sync_now())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.sync_now)
        self.timer.start()
        CHANGES.changed.connect(self._changed)
        self.show_state()

    @Slot(object)  # a real slot: Qt drops the connection when the window closes
    def _changed(self, kinds: frozenset[str]) -> None:
        if "sales" in kinds:  # a sale or refund was just committed here: send it now (the registry
            self.sync_now(download=False)  # comparison waits for the timer: it costs ~1 s at 20,000 products)

    def sync_now(self, download: bool = True) -> None:
        if self.running:
            return
        self.running = True
        self.button.setEnabled(False)

        def work(_report: Report) -> Synced:
            return sync_kiosk(self.db, download)

        run_task(self, tr("Synchronising…"), work, self._synced, self._failed, pool=SYNC_POOL)

    def _synced(self, _synced: Synced) -> None:
        self.running, self.offline, self.offline_since = False, None, None
        self.button.setEnabled(True)
        self.show_state()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.button.setEnabled(True)
        self.offline = message_for(error)
        if self.offline_since is None:
            self.offline_since = dt.datetime.now(dt.UTC).isoformat()
        self.show_state()

    def show_state(self) -> None:
        read(self, self.db, status, self._show, lambda error: self.label.setText(message_for(error)), view="status")

    def _show(self, state: dict[str, Any]) -> None:
        waiting = state["pending"]["sales"] + state["pending"]["refunds"]
        if self.offline is None:
            text = tr("Synced {0}").replace("{0}", clock(state["last_upload"]))
        else:
            text = tr("Offline · {n} waiting to upload · since {0}")
            text = text.replace("{n}", str(waiting)).replace("{0}", clock(self.offline_since))
        if state["registry_warning"]:  # sales go on, with this warning at every scan
            old = tr("old registry copy")
            text = f"{text} · {old}"
        if state["clock_warning"]:
            wrong = tr("clock wrong")
            text = f"{text} · {wrong}"
        self.label.setText(text)
        notes = (self.offline, state["registry_warning"], state["clock_warning"])
        self.label.setToolTip("\n".join(note for note in notes if note))  # the reasons, in full
        self.label.setProperty("offline", self.offline is not None)
        self.label.style().polish(self.label)
