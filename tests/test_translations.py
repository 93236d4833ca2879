"""Chinese first: no message reaches a user untranslated, in the window or on the command line."""

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.messages_zh import ZH

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "bangfu_zh_CN.ts"
CORE_PACKAGES = ("core", "catalog", "orders", "reports", "cli")


def _message_literals() -> set[str]:
    """Every string literal passed to ``_()`` in the Qt-free packages."""
    found = set()
    for package in CORE_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_" and node.args:
                    arg = node.args[0]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add(arg.value)
    return found


def test_every_core_message_has_chinese() -> None:
    missing = sorted(_message_literals() - ZH.keys())
    assert missing == []


def test_chinese_keeps_every_placeholder() -> None:
    for english, chinese in ZH.items():
        assert sorted(_placeholders(english)) == sorted(_placeholders(chinese)), english


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def test_every_window_string_is_translated(tmp_path: Path) -> None:
    """lupdate over the current sources finds nothing unfinished in the committed .ts."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing: PySide6 is not installed properly")
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    unfinished = [
        m.findtext("source")
        for m in ET.parse(fresh).iter("message")
        if m.find("translation") is not None
        and m.find("translation").get("type") in ("unfinished", None)
        and not (m.findtext("translation") or "")
    ]
    assert unfinished == []


@pytest.mark.gui
def test_compiled_translations_match_the_ts(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for context in ET.parse(TS).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if message.find("translation").get("type") == "vanished":
                continue
            assert translator.translate(name, message.findtext("source")) == message.findtext("translation")
