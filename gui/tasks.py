"""Running work off the GUI thread: one helper for every long action, as Anki does.

``run_task`` starts ``work(report)`` on the window's one worker thread (work runs one piece
after another, so two pieces never race for the database) and calls ``done(result)`` or
``failed(error)`` back on the GUI thread. ``report(n)`` updates the progress dialog, which
appears only when the work lasts over half a second, and raises Cancelled once the user has
pressed Cancel. The work must open its own database session: sessions never cross threads.

A load given a ``view`` name supersedes the previous load of that view on the same widget: the
older one is cancelled and its result, should it still arrive, is dropped — so a slow old
reload never overwrites a newer one. After a write, ``announce(kinds)`` tells every page, through
``CHANGES.changed``, which kinds of data changed; a page reloads only if it shows one of them.
"""

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.errors import BangfuError
from core.tasks import CancelToken

Report = Callable[[int], None]

POOL = QThreadPool()
POOL.setMaxThreadCount(1)


def wait_for_background(msecs: int = 30_000) -> bool:
    """Block until the worker is idle (screenshots, tests); True when it is."""
    return POOL.waitForDone(msecs)


class _Changes(QObject):
    changed = Signal(object)  # a frozenset of kinds of data: "products", "sales", "users", …


CHANGES = _Changes()


def announce(*kinds: str) -> None:
    """After a committed write: every page showing one of ``kinds`` reloads."""
    CHANGES.changed.emit(frozenset(kinds))


class _Signals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(object)
    ended = Signal()  # after finished or failed: the job may be let go


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], Any], token: CancelToken) -> None:
        super().__init__()
        # Python owns the job (the Task keeps it): with Qt's auto-delete the pool would delete
        # it after run() while its Python wrapper still lives, and freeing that wrapper later
        # crashed the program at a random moment.
        self.setAutoDelete(False)
        self.work = work
        self.token = token
        self.signals = _Signals()

    def _report(self, value: int) -> None:
        self.token.check()
        self.signals.progress.emit(value)

    def run(self) -> None:
        try:
            result = self.work(self._report)
        except Exception as exc:  # handed to the GUI thread, which decides what the user sees
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self.signals.ended.emit()


class _Keeper(QObject):
    """Holds every job until it has ended, whatever happens to the widget that started it: a job
    freed by Python while the worker still runs it would crash the program."""

    def __init__(self) -> None:
        super().__init__()
        self.running: dict[int, _Job] = {}

    def keep(self, job: _Job) -> None:
        self.running[id(job.signals)] = job
        job.signals.ended.connect(self._ended)

    @Slot()
    def _ended(self) -> None:  # on the GUI thread, after run() has returned
        self.running.pop(id(self.sender()), None)


KEEPER = _Keeper()


class Task(QObject):
    """A running job: ``cancel()`` asks it to stop; ``finished``/``failed`` arrive on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, label: str, maximum: int) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.superseded = False  # a newer load of the same view started: drop this one's result
        self.label = label
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, maximum, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.token.cancel)
        self.dialog.setValue(0)

    def cancel(self) -> None:
        self.token.cancel()

    @Slot(int)
    def _progress(self, value: int) -> None:
        if self.dialog.maximum():
            self.dialog.setValue(min(value, self.dialog.maximum()))
        else:  # unknown length (a file being read): a busy bar and a count
            self.dialog.setLabelText(f"{self.label} {value:,}")

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.deleteLater()

    # Real Qt slots of this QObject (not lambdas or plain methods, which PySide routes through a
    # global receiver), so Qt drops the connection when the page that owns the task is closed
    # before the work ends.
    @Slot(object)
    def _finished(self, result: object) -> None:
        self._close()
        if not self.superseded:
            self.finished.emit(result)

    @Slot(object)
    def _failed(self, error: object) -> None:
        self._close()
        if not self.superseded:
            self.failed.emit(error)


def run_task(
    parent: QWidget,
    label: str,
    work: Callable[[Report], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    maximum: int = 0,
    view: str | None = None,
) -> Task:
    """Start ``work`` in the background; ``done``/``failed`` run on the GUI thread afterwards.
    With ``view``, this load supersedes the widget's previous load of that view."""
    task = Task(parent, label, maximum)
    if view is not None:
        loads: dict[str, Task] = parent.__dict__.setdefault("_latest_loads", {})
        older = loads.get(view)
        if older is not None:
            older.cancel()  # its result is dropped when it arrives (see Task.superseded)
            older.superseded = True
        loads[view] = task
    job = _Job(work, task.token)
    job.signals.progress.connect(task._progress)
    job.signals.finished.connect(task._finished)
    job.signals.failed.connect(task._failed)
    task.finished.connect(done)
    task.failed.connect(failed)
    KEEPER.keep(job)
    POOL.start(job)
    return task


def message_for(error: BaseException) -> str:
    """What the user reads: our own message, or one line pointing to the log for a real bug."""
    if isinstance(error, BangfuError):
        return str(error)
    logging.getLogger("bangfu").error("unexpected failure", exc_info=error)
    return QCoreApplication.translate("Tasks", "Unexpected failure; the details are in the log file.")
