import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import InvalidValue
from core.identifiers import (
    USCC_ALPHABET,
    check_ean,
    check_region_code,
    check_resident_id,
    check_uscc,
    ean_check_digit,
    mask_ids_in_text,
    mask_resident_id,
    receipt_number,
    receipt_number_parts,
    ric_check_char,
    uscc_check_char,
)


@pytest.mark.parametrize(
    "code", ["91110000600037341L", "91310115MA1K3BTP2B", "9144030071526726XG", "934112240000050101"]
)
def test_valid_uscc(code: str) -> None:
    assert check_uscc(code) == code


def test_uscc_lower_case_is_upper_cased_and_village_codes_pass() -> None:
    assert check_uscc("91310115ma1k3btp2b") == "91310115MA1K3BTP2B"
    body = "N2110000MA0000000"  # village collectives start with N: no 8 leading digits
    assert check_uscc(body + uscc_check_char(body)).startswith("N")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91110000600037341N", "check character"),
        ("9111000060003734", "18 characters"),
        ("91110000600037341I", "invalid character I"),
    ],
)
def test_invalid_uscc_names_the_field(code: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason) as caught:
        check_uscc(code, field="supplier_uscc")
    assert caught.value.field == "supplier_uscc"


@pytest.mark.parametrize("code", ["110102199101010078", "44011320141005001X", "41122419760616006x"])
def test_valid_resident_id(code: str) -> None:
    assert check_resident_id(code) == code.upper()


@pytest.mark.parametrize(
    ("code", "reason"),
    [("36042619910102009X", "check character"), ("360426199113010079", "not a real date"), ("3604261991", "17 digits")],
)
def test_invalid_resident_id(code: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        check_resident_id(code)


def test_mask_keeps_first_six_and_last_four() -> None:
    assert mask_resident_id("110102199101010078") == "110102********0078"


def test_id_numbers_in_free_text_are_masked_and_other_numbers_stay() -> None:
    assert (
        mask_ids_in_text("给 110102199101010078、11010219910101007x 补记")
        == "给 110102********0078、110102********007X 补记"
    )
    assert mask_ids_in_text("110102199101010079") == "110102********0079"  # a wrong check character: still someone's
    kept = "credit code 934112240000050101, order 2026050500001234567, 1101021991010100781 (19 digits)"
    assert mask_ids_in_text(kept) == kept


@pytest.mark.parametrize("code", ["9780471117094", "7501031311309", "96385074", "73513537"])
def test_valid_ean13_and_ean8(code: str) -> None:
    assert check_ean(code) == code


@pytest.mark.parametrize(
    ("code", "reason"), [("7501031311308", "check digit"), ("750103131130", "13 digits"), ("96385075", "check digit")]
)
def test_invalid_ean13(code: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        check_ean(code)


@pytest.mark.parametrize(
    ("code", "ok"),
    [("411224", True), ("110000", True), ("820000", True), ("160000", False), ("99000", False), ("4112A4", False)],
)
def test_region_codes(code: str, ok: bool) -> None:
    if ok:
        assert check_region_code(code) == code
    else:
        with pytest.raises(InvalidValue):
            check_region_code(code)


@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17), st.sampled_from(USCC_ALPHABET))
def test_any_changed_uscc_check_character_is_rejected(body: str, other: str) -> None:
    good = body + uscc_check_char(body)
    assert check_uscc(good) == good
    if other != good[-1]:
        with pytest.raises(InvalidValue):
            check_uscc(body + other)


@given(
    st.text(alphabet="0123456789", min_size=12, max_size=12) | st.text(alphabet="0123456789", min_size=7, max_size=7),
    st.integers(0, 9),
)
def test_any_changed_ean_check_digit_is_rejected(body: str, digit: int) -> None:
    good = body + ean_check_digit(body)
    assert check_ean(good) == good
    if str(digit) != good[-1]:
        with pytest.raises(InvalidValue):
            check_ean(body + str(digit))


@given(st.dates(), st.text(alphabet="0123456789", min_size=3, max_size=3), st.sampled_from("0123456789X"))
def test_any_changed_resident_id_check_is_rejected(born, seq: str, other: str) -> None:  # type: ignore[no-untyped-def]
    body = f"110102{born:%Y%m%d}{seq}"
    if len(body) != 17:
        return  # years before 1000 do not fit the format
    good = body + ric_check_char(body)
    assert check_resident_id(good) == good
    if other != good[-1]:
        with pytest.raises(InvalidValue):
            check_resident_id(body + other)


@given(
    st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,30}", fullmatch=True),
    st.dates(min_value=dt.date(2000, 1, 1)),  # business days: four-digit years
    st.integers(min_value=1, max_value=99_999),
)
def test_a_receipt_number_reads_back_as_its_counter_day_and_number(code, day, number) -> None:  # type: ignore[no-untyped-def]
    assert receipt_number_parts(receipt_number(code, day, number)) == (code, day, number)


@pytest.mark.parametrize(
    "ref", ["S-1", "ONLINE-2026060-0001", "ZZ01-20261341-0001", "ZZ01-20260601-12", "-20260601-0001"]
)
def test_other_references_are_not_receipt_numbers(ref: str) -> None:
    assert receipt_number_parts(ref) is None
