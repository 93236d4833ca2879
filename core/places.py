"""Places by name: GB/T 2260 region codes as the people reading a label or a report know them
(卢氏县, 河南省三门峡市卢氏县). The list is shipped data, resources/regions/regions.csv (its
README gives source and date); a code that is not in it is shown as the code."""

import csv
import functools

from core.paths import RESOURCES


@functools.cache
def _names() -> dict[str, str]:
    with (RESOURCES / "regions" / "regions.csv").open(encoding="utf-8", newline="") as file:
        return {row["code"]: row["name"] for row in csv.DictReader(file)}


def place_parts(code: str) -> tuple[str, ...]:
    """Province, city and county names of a 6-digit code, each once (东莞市 has no county level);
    empty when the code is not a known place."""
    names = _names()
    if code not in names:
        return ()
    levels = dict.fromkeys((code[:2] + "0000", code[:4] + "00", code))
    return tuple(names[level] for level in levels if level in names)


def place_name(code: str) -> str:
    """河南省三门峡市卢氏县 for 411224; the code itself when it is not in the list."""
    return "".join(place_parts(code)) or code
