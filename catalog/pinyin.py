"""Chinese text to pinyin syllables, exactly as ``pypinyin.lazy_pinyin`` gives them, faster.

pypinyin's own pieces, in the order lazy_pinyin uses them: runs of characters that have pinyin
(RE_HANS without its anchors) are cut into phrases, and each piece is converted alone. Each run
is converted once: a registry repeats its names and words (a test holds this equal to
lazy_pinyin).
"""

import re
from functools import lru_cache

from pypinyin import Style
from pypinyin.constants import RE_HANS
from pypinyin.converter import DefaultConverter
from pypinyin.seg.mmseg import p_set as phrase_starts
from pypinyin.seg.mmseg import seg as phrases

_RUNS = re.compile(f"({RE_HANS.pattern[4:-3]}+)")
_CONVERTER = DefaultConverter()


def syllables_of(value: str) -> list[str]:
    """``pypinyin.lazy_pinyin(value)``: one syllable per character, other text as it is."""
    found: list[str] = []
    for position, part in enumerate(_RUNS.split(value)):
        if part:
            found.extend(_run(part) if position % 2 else _piece(part))
    return found


@lru_cache(maxsize=65_536)
def _run(chinese: str) -> tuple[str, ...]:
    if all(chinese[at : at + 2] not in phrase_starts for at in range(len(chinese) - 1)):
        # No two neighbours begin a phrase (most names): the cut would give each character alone.
        return tuple(syllable for character in chinese for syllable in _piece(character))
    return tuple(syllable for phrase in phrases.cut(chinese) for syllable in _piece(phrase))


@lru_cache(maxsize=65_536)
def _piece(words: str) -> tuple[str, ...]:
    converted = _CONVERTER.convert(words, Style.NORMAL, False, "default", strict=True)
    return tuple(syllable for readings in converted for syllable in readings)
