"""Language of messages written by the core and the command line.

Messages are written in English in the code, wrapped in ``_()``; the Simplified Chinese text
lives in ``core/messages_zh.py``. A test checks that every ``_()`` literal has a translation,
so a new message cannot reach a Chinese user untranslated.
"""

import locale
import os

from core.messages_zh import ARGPARSE_ZH, ZH

_language: str | None = None


def detect_language() -> str:
    """``zh`` or ``en`` from BANGFU_LANG, then the locale; Chinese unless English is asked for."""
    explicit = os.environ.get("BANGFU_LANG", "").strip().lower()
    if explicit:
        return "en" if explicit.startswith("en") else "zh"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "zh" if value.lower().startswith("zh") else "en"
    if os.name == "nt":  # Windows keeps its language in the locale, not in the environment
        system = (locale.getlocale()[0] or "").lower()
        return "zh" if system.startswith(("zh", "chinese")) or not system else "en"
    return "zh"


def language() -> str:
    global _language
    if _language is None:
        _language = detect_language()
    return _language


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang.lower().startswith("en") else "zh"


def _(text: str) -> str:
    """The message in the current language (English source text → Chinese when asked)."""
    if language() == "zh":
        return ZH.get(text, text)
    return text


def argparse_text(message: str) -> str:
    """argparse's own messages ("the following arguments are required…") in the language of ours."""
    return ARGPARSE_ZH.get(message, message) if language() == "zh" else message
