"""Money in integer fen, quantities in integer thousandths, rates in basis points (SPEC §2, §6).

Decimal appears only here, at the edges: parsing what a person typed and formatting what a
person reads. Everything stored or computed is an ``int``.
"""

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from core.errors import InvalidValue
from core.i18n import _

WEIGHT_UNITS = frozenset({"公斤", "千克", "kg", "斤", "克", "g"})
QTY_SCALE = 1000  # quantities are stored in thousandths of a unit
RATE_SCALE = 10000  # benefit rates are stored in hundredths of a percent (basis points)
WEIGHT_SCALE = 100  # linkage weights are stored in hundredths

MAX_FEN = 10_000_000_000  # ¥100,000,000.00: above any price or amount typed, far below 64-bit integers
MAX_QTY_MILLI = 1_000_000_000  # 1,000,000 units: so that price × quantity always fits the database
MAX_WEIGHT_CENTI = 100_000_000  # a linkage weight up to 1,000,000
MAX_DIGITS = 24  # longer digit strings are typos or attacks, refused before any arithmetic

_PLAIN_NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_GROUPED_NUMBER = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
# A Chinese input method in full-width mode types ０-９ and ．; they mean the ASCII digits. Other
# scripts' digits (٣, ३) are refused: Python's int() would read them, a clerk never means them.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def ascii_number(text: str) -> str:
    """What a person typed, with full-width digits and points made ASCII."""
    return text.strip().translate(_FULL_WIDTH)


def div_round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in exact integer arithmetic."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return magnitude if numerator >= 0 else -magnitude


def round_half_up(value: Fraction | Decimal | int) -> int:
    """Round an exact number to an integer, half away from zero."""
    fraction = Fraction(value)
    return div_round_half_up(fraction.numerator, fraction.denominator)


def _decimal(text: object, field: str) -> Decimal:
    """Parse a non-negative plain decimal number as a person would type it."""
    if isinstance(text, int | Decimal) and not isinstance(text, bool):
        value = Decimal(text)
    else:
        raw = ascii_number(str(text))
        for prefix in ("¥", "￥"):
            raw = raw.removeprefix(prefix).strip()
        if _GROUPED_NUMBER.match(raw):
            raw = raw.replace(",", "")
        if raw.startswith("-"):
            raise InvalidValue(field, _("must not be negative: {value}").format(value=text))
        if not _PLAIN_NUMBER.match(raw):
            raise InvalidValue(field, _("not a number: {value}").format(value=text))
        if len(raw) > MAX_DIGITS:
            raise InvalidValue(field, _("too large: {value}").format(value=str(text)[:MAX_DIGITS] + "…"))
        try:
            value = Decimal(raw)
        except InvalidOperation:  # pragma: no cover - the pattern above admits only digits
            raise InvalidValue(field, _("not a number: {value}").format(value=text)) from None
    if value < 0:
        raise InvalidValue(field, _("must not be negative: {value}").format(value=text))
    return value


def _scaled(text: object, field: str, scale: int, too_precise: str, maximum: int, too_large: str = "") -> int:
    """A non-negative number in 1/scale units, at most ``maximum`` of them."""
    if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        scaled = int(text) * scale  # the common case, a plain whole number, without Decimal
    else:
        value = _decimal(text, field) * scale
        if value != value.to_integral_value():
            raise InvalidValue(field, too_precise.format(value=text))
        scaled = int(value)
    if scaled > maximum:
        raise InvalidValue(field, (too_large or _("too large: {value}")).format(value=text))
    return scaled


def parse_yuan(text: object, field: str = "price") -> int:
    """A yuan amount exact to the fen (``12``, ``12.5``, ``¥1,234.50``) → fen."""
    return _scaled(text, field, 100, _("amount must be exact to the fen (0.01): {value}"), MAX_FEN)


def parse_quantity(text: object, unit: str, field: str = "quantity") -> int:
    """A quantity > 0 exact to 3 decimals → thousandths; count units take whole numbers only."""
    milli = _scaled(text, field, QTY_SCALE, _("quantity allows at most 3 decimals: {value}"), MAX_QTY_MILLI)
    if milli <= 0:
        raise InvalidValue(field, _("quantity must be greater than 0: {value}").format(value=text))
    problem = whole_units_problem(milli, unit)
    if problem:
        raise InvalidValue(field, problem)
    return milli


def whole_units_problem(quantity_milli: int, unit: str) -> str | None:
    """SPEC: weighed units take up to 3 decimals, every other unit whole numbers. The one
    definition: forms, the checkout, the ledger and the sales import ask here."""
    if is_weight_unit(unit) or quantity_milli % QTY_SCALE == 0:
        return None
    return _("unit {unit} is counted in whole numbers: {value}").format(unit=unit, value=quantity_text(quantity_milli))


def parse_rate(text: object, field: str = "benefit_rate") -> int:
    """A percentage 0–100 with ≤ 2 decimals (``12.5`` or ``12.5%``) → basis points."""
    raw = str(text).strip().removesuffix("%").removesuffix("％")
    too_precise = _("percentage allows at most 2 decimals: {value}")
    return _scaled(raw, field, 100, too_precise, RATE_SCALE, _("percentage must be between 0 and 100: {value}"))


def parse_weight(text: object, field: str = "weight") -> int:
    """A linkage weight > 0 with ≤ 2 decimals → hundredths."""
    centi = _scaled(text, field, WEIGHT_SCALE, _("weight allows at most 2 decimals: {value}"), MAX_WEIGHT_CENTI)
    if centi <= 0:
        raise InvalidValue(field, _("weight must be greater than 0: {value}").format(value=text))
    return centi


def is_weight_unit(unit: str) -> bool:
    return unit.strip().lower() in WEIGHT_UNITS


def line_amount(unit_price_fen: int, quantity_milli: int) -> int:
    """round_half_up(unit price × quantity) in whole fen (SPEC §2)."""
    return div_round_half_up(unit_price_fen * quantity_milli, QTY_SCALE)


def yuan_text(fen: int) -> str:
    """Plain ``1234.50`` (for files and edit fields)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def format_fen(fen: int) -> str:
    """``¥1,234.50`` as people read it; negative amounts as ``-¥12.00``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


def _scaled_text(value: int, scale: int) -> str:
    """An integer in 1/scale units as the shortest exact decimal (``1500`` / 1000 → ``1.5``)."""
    sign = "-" if value < 0 else ""
    whole, part = divmod(abs(value), scale)
    digits = len(str(scale)) - 1
    fraction = f"{part:0{digits}d}".rstrip("0")
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def quantity_text(milli: int) -> str:
    return _scaled_text(milli, QTY_SCALE)


def rate_text(bp: int) -> str:
    return _scaled_text(bp, 100)


def weight_text(centi: int) -> str:
    return _scaled_text(centi, WEIGHT_SCALE)
