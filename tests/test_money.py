from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import InvalidValue
from core.money import (
    MAX_FEN,
    div_round_half_up,
    format_fen,
    line_amount,
    parse_quantity,
    parse_rate,
    parse_weight,
    parse_yuan,
    quantity_text,
    rate_text,
    round_half_up,
    weight_text,
    yuan_text,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [("12", 1200), ("12.5", 1250), ("12.50", 1250), ("12.500", 1250), ("0", 0), (" 7.01 ", 701), ("¥1,234.50", 123450)],
)
def test_parse_yuan_accepts_amounts_exact_to_the_fen(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12.345", "exact to the fen"),
        ("-1", "negative"),
        ("abc", "not a number"),
        ("", "not a number"),
        ("1,23", "not a number"),
    ],
)
def test_parse_yuan_rejects_with_field_and_reason(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_yuan(text, field="price")
    assert caught.value.field == "price"
    assert reason in caught.value.reason
    assert str(caught.value).startswith("price: ")


def test_spec_line_amount_example() -> None:
    assert line_amount(1235, parse_quantity("1.235", "公斤")) == 1525


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(5, 2), 3),
        (Fraction(-5, 2), -3),
        (Decimal("1525.225"), 1525),
        (Decimal("0.5"), 1),
        (Fraction(-1, 3), 0),
        (7, 7),
    ],
)
def test_round_half_up_is_half_away_from_zero(value: Fraction | Decimal | int, expected: int) -> None:
    assert round_half_up(value) == expected


def test_quantity_rules_by_unit() -> None:
    assert parse_quantity("1.36", "斤") == 1360
    assert parse_quantity("2.0", "袋") == 2000
    with pytest.raises(InvalidValue, match="whole numbers"):
        parse_quantity("1.5", "袋")
    with pytest.raises(InvalidValue, match="greater than 0"):
        parse_quantity("0", "kg")
    with pytest.raises(InvalidValue, match="3 decimals"):
        parse_quantity("1.0005", "kg")


def test_rates_and_weights() -> None:
    assert parse_rate("12.5") == parse_rate("12.5%") == 1250
    assert parse_rate("100") == 10000
    with pytest.raises(InvalidValue, match="between 0 and 100"):
        parse_rate("100.01")
    with pytest.raises(InvalidValue, match="2 decimals"):
        parse_rate("1.234")
    assert parse_weight("1.5") == 150
    with pytest.raises(InvalidValue, match="greater than 0"):
        parse_weight("0")
    assert (rate_text(1250), weight_text(150), quantity_text(1360), quantity_text(2000)) == ("12.5", "1.5", "1.36", "2")


def test_display_formats() -> None:
    assert format_fen(123450) == "¥1,234.50"
    assert format_fen(5) == "¥0.05"
    assert format_fen(-1200) == "-¥12.00"
    assert yuan_text(123450) == "1234.50"


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_parse_is_the_inverse_of_format(fen: int) -> None:
    assert parse_yuan(yuan_text(fen)) == fen
    assert parse_yuan(format_fen(fen)) == fen


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6))
def test_integer_rounding_matches_exact_rational_rounding(numerator: int, denominator: int) -> None:
    exact = Fraction(numerator, denominator)
    result = div_round_half_up(numerator, denominator)
    assert abs(exact - result) <= Fraction(1, 2)
    if abs(exact - result) == Fraction(1, 2):
        assert abs(result) > abs(exact)  # ties go away from zero


@given(st.integers(0, 10**8), st.integers(1, 10**7))
def test_line_amount_is_exact_product_rounded(price: int, milli: int) -> None:
    assert line_amount(price, milli) == round_half_up(Fraction(price * milli, 1000))
