"""A kiosk's window says whether its sales reached the central (issue 15)."""

from pathlib import Path

import pytest

from core.db import open_database
from gui.main_window import MainWindow
from gui.sync_status import SyncStatus
from gui.tasks import settle
from orders import kiosk
from tests.factories import ADMIN

pytestmark = pytest.mark.gui


def test_an_unreachable_central_shows_offline_with_what_waits_then_sync_now_retries(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(str(tmp_path / "kiosk.db"))
    with db.session() as session, session.begin():
        kiosk.bind(session, "postgresql+psycopg://bangfu@127.0.0.1:9/nowhere", "k-test", ["ZZ01"])
    window = MainWindow(db, ADMIN)
    qtbot.addWidget(window)
    status = window.sync
    assert isinstance(status, SyncStatus)
    settle()
    assert status.label.text().startswith("已同步") or status.label.text().startswith("Synced")
    status.sync_now()
    settle()
    assert status.offline is not None
    assert "0" in status.label.text()  # nothing waits yet
    assert "cannot open database" in status.label.toolTip()
    assert status.button.isEnabled()  # 立即同步 tries again
    db.dispose()


def test_a_database_that_is_not_a_kiosk_has_no_sync_line(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(str(tmp_path / "plain.db"))
    window = MainWindow(db, ADMIN)
    qtbot.addWidget(window)
    assert window.sync is None
    settle()  # the first page's loads end before the database is closed under them
    db.dispose()
