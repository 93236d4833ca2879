"""A keyring for the tests and the processes they start (PYTHON_KEYRING_BACKEND, set in conftest):
a JSON file, since a test machine has no desktop keyring."""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["BANGFU_TEST_KEYRING"])

    def _all(self) -> dict[str, str]:
        return json.loads(self._path.read_text()) if self._path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        kept = self._all()
        kept[f"{service}/{username}"] = password
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._path.write_text(json.dumps(kept))

    def delete_password(self, service: str, username: str) -> None:
        kept = self._all()
        kept.pop(f"{service}/{username}", None)
        self._path.write_text(json.dumps(kept))
