"""Loading the data layer: SQLAlchemy, the mapped tables and the services' common modules.

Importing them creates ~100,000 objects, none of them garbage, that live as long as the process:
they are made with the collector paused and then frozen out of its passes, which would otherwise
cost ~55 ms here and recur in every full collection afterwards. Commands load it before their
work; the window loads it on a thread behind the sign-in window (gui.app).
"""

import gc
import importlib
import sys

from core.collector import collector_paused

DATA_LAYER = ("core.db", "core.auth", "core.config", "core.audit")


def load_data_layer(*also: str) -> None:
    """The data layer, and ``also`` these modules (the window's pages) in the same pause."""
    names = (*DATA_LAYER, *also)
    if all(name in sys.modules for name in names):
        return  # loaded (a test process, a second command in it): nothing to pause or freeze
    with collector_paused():
        for name in names:
            importlib.import_module(name)
        gc.freeze()
