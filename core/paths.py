"""Where Bangfu's own files live: resources beside the code, logs in the user's folder."""

from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"


def backup_folder() -> Path:
    return Path(platformdirs.user_data_dir("Bangfu", appauthor=False)) / "backups"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("Bangfu", appauthor=False))
