"""Parsers for the columns of SPEC §7, shared by importers, edit dialogs and services.

Each parser takes the text of a cell and the field's name, and returns the stored value or
raises InvalidValue naming the field; an empty optional cell is None before a parser sees it.
"""

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from core import identifiers, money
from core.config import check_year
from core.errors import InvalidValue
from core.i18n import _
from core.tabular import NumberCell

Parser = Callable[[str, str], object]

# Chinese words a clerk may type for the English codes of SPEC §7.
ENUM_ALIASES: dict[str, dict[str, str]] = {
    "kind": {"企业": "enterprise", "公司": "enterprise", "合作社": "cooperative", "农民专业合作社": "cooperative",
             "家庭农场": "family_farm", "个体": "individual", "个体户": "individual", "其他": "other",
             "销售": "sale", "退货": "refund", "退款": "refund"},
    "channel": {"专柜": "counter", "专区": "counter", "专馆": "counter", "合作社": "cooperative",
                "团购": "bulk", "以购代捐": "bulk", "线上": "online", "网络": "online", "电商": "online"},
    "cert_level": {"国家级": "national", "省级": "provincial", "市级": "municipal", "县级": "county"},
    "cert_status": {"有效": "active", "正常": "active", "暂停": "suspended", "撤销": "revoked", "已撤销": "revoked"},
    "status": {"未脱贫": "poor", "脱贫户": "lifted", "已脱贫": "lifted", "监测户": "monitored", "监测": "monitored"},
    "mode": {"分红": "dividend", "务工": "employment", "就业": "employment", "订单收购": "purchase",
             "收购": "purchase", "土地流转": "land", "土地": "land", "其他": "other"},
}  # fmt: skip
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")


@dataclass(frozen=True)
class Column:
    """One column of an import kind: its SPEC name, whether it is required, its parser, and
    the Chinese headers accepted for it."""

    name: str
    required: bool
    parse: Parser
    aliases: tuple[str, ...] = ()
    in_header: bool = False  # the header must name it even where a row may leave it blank

    @property
    def header_required(self) -> bool:
        return self.required or self.in_header


def parse_values(columns: Sequence[Column], raw: Mapping[str, str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Parse one row or form: the values by column name, and (field, reason) for each problem.
    A column absent from ``raw`` or blank is None; blank is a problem when the column is required."""
    return parse_cells(columns, [raw.get(column.name) or "" for column in columns])


def parse_cells(
    columns: Sequence[Column], cells: Sequence[str], values: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``parse_values`` for the cells of ``columns`` in order, into ``values`` when given."""
    values = {} if values is None else values
    problems = []
    for column, cell in zip(columns, cells, strict=True):
        try:
            values[column.name] = parse_cell(column, cell)
        except InvalidValue as exc:
            values[column.name] = None
            problems.append((exc.field, exc.reason))
    return values, problems


def parse_cell(column: Column, cell: str) -> Any:
    """One cell's value, None when blank; raises InvalidValue when it cannot be ``column``'s."""
    text_value = NumberCell(cell.strip()) if type(cell) is NumberCell else cell.strip()
    if not text_value:
        if column.required:
            raise InvalidValue(column.name, _("required, but empty"))
        return None
    value = column.parse(text_value, column.name)
    return str(value) if type(value) is NumberCell else value


def text(max_length: int) -> Parser:
    def parse(value: str, field: str) -> str:
        if len(value) > max_length:
            raise InvalidValue(field, _("longer than {n} characters").format(n=max_length))
        return value

    return parse


def one_of(choices: tuple[str, ...]) -> Parser:
    def parse(value: str, field: str) -> str:
        code = ENUM_ALIASES.get(field, {}).get(value, value.lower())
        if code not in choices:
            raise InvalidValue(
                field, _("must be one of {choices}: {value}").format(choices=", ".join(choices), value=value)
            )
        return code

    return parse


def date(value: str, field: str) -> dt.date:
    """``YYYY-MM-DD``; a date-time (an Excel date cell read with its time) gives its date, but
    only if the time is a real one (``2026-02-03T25:00`` is refused, not cut short)."""
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
        elif len(value) > 10 and value[10] in "T ":
            day = dt.datetime.fromisoformat(value).date()
        else:
            raise ValueError
    except ValueError:
        raise InvalidValue(field, _("not a real date YYYY-MM-DD: {value}").format(value=value)) from None
    check_year(day.year, field, value)
    return day


def timestamp(zone: tzinfo) -> Parser:
    """ISO 8601 date-time; with an offset as written (``Z``, ``+08:00``), without one it is local
    time in the business zone (as an XLSX date-time cell holds it)."""

    def parse(value: str, field: str) -> dt.datetime:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            reason = _("not a real date-time, write it as 2026-06-03T09:12:00+08:00: {value}")
            raise InvalidValue(field, reason.format(value=value)) from None
        check_year(moment.year, field, value)
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)

    return parse


def month(value: str, field: str) -> str:
    match = _MONTH.match(value)
    if match is None and len(value) >= 10:  # Excel turns 2026-01 into the date 2026-01-01
        try:
            day = dt.date.fromisoformat(value[:10])
            return f"{day:%Y-%m}" if day.day == 1 else month("", field)
        except ValueError:
            pass
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise InvalidValue(field, _("must be a month YYYY-MM: {value}").format(value=value))
    check_year(int(match.group(1)), field, value)
    return value


def whole_number(minimum: int, maximum: int) -> Parser:
    def parse(value: str, field: str) -> int:
        digits = money.ascii_number(value)
        if not (digits.isascii() and digits.isdigit()) or len(digits) > money.MAX_DIGITS:
            raise InvalidValue(field, _("not a whole number: {value}").format(value=value[: money.MAX_DIGITS]))
        number = int(digits)
        if not minimum <= number <= maximum:
            reason = _("must be between {low} and {high}: {value}")
            raise InvalidValue(field, reason.format(low=minimum, high=maximum, value=value))
        return number

    return parse


_WHOLE = re.compile(r"(-?)(\d+)(?:\.0+)?")


def whole(minimum: int | None = 1) -> Parser:
    """A whole number where ``2.0`` is whole (SPEC §10), at least ``minimum``; ``None``: any
    non-zero number, signed (an adjustment)."""

    def parse(value: str, field: str) -> int:
        text = money.ascii_number(str(value))
        found = _WHOLE.fullmatch(text)
        if found is None or len(found.group(2)) > money.MAX_DIGITS or (found.group(1) and minimum is not None):
            raise InvalidValue(field, _("not a whole number: {value}").format(value=text[: money.MAX_DIGITS]))
        number = int(found.group(1) + found.group(2))
        if minimum is None and number == 0:
            raise InvalidValue(field, _("must not be 0"))
        if minimum is not None and number < minimum:
            raise InvalidValue(field, _("must be at least {n}: {value}").format(n=minimum, value=number))
        return number

    return parse


def kilograms_to_grams(value: str, field: str) -> int:
    """Net weight per unit in kg with at most 3 decimals (a 500 g bag: 0.5) → grams."""
    return money.parse_quantity(value, "kg", field)


def barcode(value: str, field: str) -> str:
    """EAN-13 or EAN-8 as typed; only an XLSX number cell is left-padded to 13 digits, because
    Excel dropped its leading zeros (SPEC §7). A typed 12-digit code is a typo, not a barcode."""
    if isinstance(value, NumberCell) and value.isdigit() and len(value) < 13:
        value = value.zfill(13)
    return identifiers.check_ean(value, field)


yuan = money.parse_yuan
rate = money.parse_rate
weight = money.parse_weight
uscc = identifiers.check_uscc
region = identifiers.check_region_code


def resident_id(value: str, field: str) -> str:
    if identifiers.is_masked_id(value):
        return value.upper()  # only matches an existing household; see catalog.kinds
    return identifiers.check_resident_id(value, field)
