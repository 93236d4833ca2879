"""Python's cyclic garbage collector: held off while work makes many objects that all stay alive,
and, in the window, run on the GUI thread only.

An import builds every row of a batch, a data layer ~100,000 objects at start-up; none is
garbage, yet each full collection walks them all again (a heap-wide pass every few hundred
thousand allocations: a third of a second of a 100,000-household import, more in a process
whose heap is already large). Reference counting still frees what is let go; only cycles wait
for the collector's return.

The collector runs on whichever thread happens to allocate when a generation fills up. In the
window that may be a worker, which then destroys a cycle holding a widget made on the GUI
thread: Qt crashes (seen in the test suite: a segfault "Garbage-collecting" in a labels load).
So the window switches automatic collection off and calls ``collect_due`` from a GUI-thread
timer (gui.tasks), as pyqtgraph and Anki do; it waits while a worker's import or report holds
the collector off, whose objects are all alive anyway.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # blocks inside collector_paused, on any thread
_resume = False  # whether automatic collection was on when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection inside the block, automatic or ``collect_due``'s, whichever thread runs it;
    the collector as it was once the last such block has ended (a window's stays off)."""
    global _paused, _resume
    with _lock:
        if _paused == 0:
            _resume = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _resume:
                gc.enable()


def collect_only_when_asked() -> None:
    """Automatic collection off for good (the window: ``collect_due`` on its GUI thread instead);
    a pause that is running when this is called does not turn it back on when it ends."""
    global _resume
    with _lock:
        gc.disable()
        _resume = False


def collect_due() -> int:
    """The collection the interpreter would have started by now, made on the calling thread:
    the oldest generation whose count has passed its threshold, with the younger ones. Returns
    the generation collected (-1: none was due, or work that holds the collector off is running)."""
    if _paused:
        return -1
    due = -1
    for generation, (count, threshold) in enumerate(zip(gc.get_count(), gc.get_threshold(), strict=True)):
        if count <= threshold:
            break
        due = generation
    if due >= 0:
        gc.collect(due)
    return due
