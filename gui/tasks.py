"""The operation layer: the one way the window reaches data, as Anki's operations are.

An operation is a service call on a session, ``op(session) -> result``. ``read`` and ``write``
(``read_long``/``write_long`` for work that reports progress) run it on the window's one worker
thread, each in its own session (a write in one transaction), and call ``done(result)`` or
``failed(error)`` back on the GUI thread. This is the only module of the window that opens a
session. Operations run one after another in the order they were given, so two never race for
the database and a result never arrives before that of an earlier operation.

``report(n)`` inside long work updates the progress dialog, which appears only when the work
lasts over half a second, and raises Cancelled once the user has pressed Cancel.

A load given a ``view`` name supersedes the previous load of that view on the same widget: the
older one is cancelled and its result, should it still arrive, is dropped — so a slow old
reload never overwrites a newer one. After a committed write, ``changes`` (or ``announce(kinds)``)
tells every page, through ``CHANGES.changed``, which kinds of data changed; a page reloads only
if it shows one of them.
"""

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from core.collector import collect_due, collect_only_when_asked
from core.errors import BangfuError
from core.tasks import CancelToken

if TYPE_CHECKING:  # only in annotations: the window never builds queries (see the contracts), and
    # the sign-in window shows before the data layer has loaded (gui.app)
    from sqlalchemy.orm import Session

    from core.db import Database

Report = Callable[[int], None]
T = TypeVar("T")

POOL = QThreadPool()
POOL.setMaxThreadCount(1)
# A kiosk's synchronisation with its central runs on a thread of its own: a slow or broken
# network never delays a scan or a payment waiting on POOL.
SYNC_POOL = QThreadPool()
SYNC_POOL.setMaxThreadCount(1)


COLLECT_EVERY_MS = 1000


def collect_on_gui_thread(app: QCoreApplication) -> None:
    """Garbage is collected on the GUI thread only, never on a worker (core.collector): automatic
    collection off, and a timer of ``app`` making the collections that have come due."""
    collect_only_when_asked()
    if app.findChild(QTimer, "garbage collector") is None:
        timer = QTimer(app)
        timer.setObjectName("garbage collector")
        timer.timeout.connect(collect_due)
        timer.start(COLLECT_EVERY_MS)


def wait_for_background(msecs: int = 30_000) -> bool:
    """Block until the workers are idle (screenshots, tests); True when they are."""
    return POOL.waitForDone(msecs) and SYNC_POOL.waitForDone(msecs)


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
        self.ended = False
        self.updating = False
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
        if self.ended or self.updating or not isValid(self.dialog):  # late news, or its page already gone
            return
        # A shown window-modal QProgressDialog runs the event loop inside setValue: the work's end
        # can arrive in there, and must not delete the dialog under its own setValue.
        self.updating = True
        try:
            if self.dialog.maximum():
                self.dialog.setValue(min(value, self.dialog.maximum()))
            else:  # unknown length (a file being read): a busy bar and a count
                self.dialog.setLabelText(f"{self.label} {value:,}")
        finally:
            self.updating = False
        if self.ended:
            self._dispose()

    def _end(self, signal: Any, value: object) -> None:
        """Hide the progress, hand the result on, and only then let the task go: a result that
        opens a modal dialog (a nested event loop) must not find its task deleted under it."""
        self.ended = True
        if not self.updating and isValid(self.dialog):  # not when its page was closed first
            self.dialog.reset()
            self.dialog.close()
        try:
            if not self.superseded:
                signal.emit(value)
        finally:
            if not self.updating:  # else _progress lets go once its setValue has returned
                self._dispose()

    def _dispose(self) -> None:
        if isValid(self.dialog):
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()  # a child of the page, not of the task
        # Off its widget before it goes: a widget Python lets go of at once (the sign-in dialog
        # after exec()) deleted its ended task with it while that waited to be deleted later,
        # and the program crashed ("shared QObject was deleted directly", a corrupted heap).
        self.setParent(None)
        self.deleteLater()

    # Real Qt slots of this QObject (not lambdas or plain methods, which PySide routes through a
    # global receiver), so Qt drops the connection when the page that owns the task is closed
    # before the work ends.
    @Slot(object)
    def _finished(self, result: object) -> None:
        self._end(self.finished, result)

    @Slot(object)
    def _failed(self, error: object) -> None:
        self._end(self.failed, error)


def run_task(
    parent: QWidget,
    label: str,
    work: Callable[[Report], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    maximum: int = 0,
    view: str | None = None,
    pool: QThreadPool = POOL,
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
    pool.start(job)
    return task


def read(
    parent: QWidget,
    db: "Database",
    op: "Callable[[Session], T]",
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
    view: str | None = None,
    label: str | None = None,
) -> Task:
    """Run a service that reads, ``op(session)``, on the worker in its own read-only session."""
    return read_long(parent, db, lambda session, _report: op(session), done, failed, view=view, label=label)


def read_long(
    parent: QWidget,
    db: "Database",
    op: "Callable[[Session, Report], T]",
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
    maximum: int = 0,
    view: str | None = None,
    label: str | None = None,
) -> Task:
    """A long read, ``op(session, report)``: ``report(n)`` moves the progress bar and raises
    Cancelled once the user has pressed Cancel."""

    def work(report: Report) -> T:
        with db.read_session() as session:
            return op(session, report)

    return run_task(parent, label or _loading(), work, done, failed, maximum, view)


def write(
    parent: QWidget,
    db: "Database",
    op: "Callable[[Session], T]",
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
    changes: tuple[str, ...] = (),
    label: str | None = None,
) -> Task:
    """Run a service that writes, ``op(session)``, on the worker in one transaction; once it is
    committed, every page showing one of ``changes`` reloads, then ``done(result)`` runs. An
    error rolls the whole transaction back and goes to ``failed``."""
    return write_long(parent, db, lambda session, _report: op(session), done, failed, changes, label=label)


def write_long(
    parent: QWidget,
    db: "Database",
    op: "Callable[[Session, Report], T]",
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
    changes: tuple[str, ...] = (),
    maximum: int = 0,
    label: str | None = None,
) -> Task:
    """A long write (an import): progress and Cancel as for ``read_long``; Cancel rolls it back."""

    def work(report: Report) -> T:
        with db.session() as session, session.begin():
            return op(session, report)

    def committed(result: T) -> None:
        if changes:
            announce(*changes)
        done(result)

    return run_task(parent, label or _saving(), work, committed, failed, maximum)


def read_now(db: "Database", op: "Callable[[Session], T]") -> T:
    """A read that blocks: only at start-up — on the thread that opens the database behind the
    sign-in window (is this the first start), and before the main window is built (the idle
    setting, the title) — when there is nothing yet to keep responsive."""
    with db.read_session() as session:
        return op(session)


def _loading() -> str:
    return QCoreApplication.translate("Tasks", "Loading…")


def _saving() -> str:
    return QCoreApplication.translate("Tasks", "Saving…")


def settle() -> None:
    """Until no job is left: each finished job's result delivered, and whatever work that started
    done too (tests and screenshots, which look at the window once everything has arrived)."""
    while KEEPER.running:
        POOL.waitForDone()
        SYNC_POOL.waitForDone()
        QCoreApplication.processEvents()
    # Ended tasks are deleted later, as the event loop would do: not in the middle of whatever
    # closes the window next.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def message_for(error: BaseException) -> str:
    """What the user reads: our own message, or one line pointing to the log for a real bug."""
    if isinstance(error, BangfuError):
        return str(error)
    logging.getLogger("bangfu").error("unexpected failure", exc_info=error)
    return QCoreApplication.translate("Tasks", "Unexpected failure; the details are in the log file.")
