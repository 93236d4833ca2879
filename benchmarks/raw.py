"""The baselines' own SQLite connections: plain sqlite3, with the page cache Bangfu's connections
have (core.db), so a ratio compares the work done and not the cache each side was given."""

import sqlite3
from pathlib import Path
from typing import Any

from core.db import PAGE_CACHE_KIB


def raw_sqlite(path: Path | str, **options: Any) -> sqlite3.Connection:
    con = sqlite3.connect(path, **options)
    con.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    return con
