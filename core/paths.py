"""Where Bangfu's own files live: resources in the installed package, logs and backups in the
user's folder."""

import contextlib
import os
from importlib.resources import files
from pathlib import Path

import platformdirs

# The resources package as a folder: a source checkout, an installed wheel and a PyInstaller
# bundle all keep it as real files (ReportLab and Qt open fonts and translations by file name).
RESOURCES = Path(str(files("resources")))


def backup_folder() -> Path:
    return Path(platformdirs.user_data_dir("Bangfu", appauthor=False)) / "backups"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("Bangfu", appauthor=False))


def private_file(path: Path) -> Path:
    """Create ``path`` empty and readable by its owner only (0600 on POSIX), unless it exists.
    The database and its backups hold ID numbers in clear; on Windows the user's own folders
    (%LOCALAPPDATA%) already admit only that user and the administrators."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path
