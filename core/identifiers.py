"""Chinese identifiers (SPEC §3). Each ``check_*`` returns the normalised value or raises
InvalidValue naming the field, so forms, importers and the CLI say the same thing."""

import datetime as dt
import re

from core.errors import InvalidValue
from core.i18n import _

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK = "10X98765432"
PROVINCE_CODES = frozenset(
    [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66), 71, 81, 82]
)


def uscc_check_char(first17: str) -> str:
    total = sum(w * USCC_ALPHABET.index(c) for w, c in zip(_USCC_WEIGHTS, first17, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_uscc(value: str, field: str = "uscc") -> str:
    """Unified social credit code (GB 32100-2015); lower case is accepted and upper-cased."""
    code = str(value).strip().upper()
    if len(code) != 18:
        raise InvalidValue(field, _("must be 18 characters: {value}").format(value=value))
    bad = [c for c in code if c not in USCC_ALPHABET]
    if bad:
        raise InvalidValue(field, _("invalid character {char}: {value}").format(char=bad[0], value=value))
    if uscc_check_char(code[:17]) != code[17]:
        raise InvalidValue(field, _("check character is wrong: {value}").format(value=value))
    return code


def ric_check_char(first17: str) -> str:
    total = sum(w * int(c) for w, c in zip(_RIC_WEIGHTS, first17, strict=True))
    return _RIC_CHECK[total % 11]


def check_resident_id(value: str, field: str = "id_number") -> str:
    """Resident ID number (GB 11643-1999): 17 digits, a real birth date, a check character."""
    code = str(value).strip().upper()
    if len(code) != 18 or not code[:17].isdigit() or not (code[17].isdigit() or code[17] == "X"):
        raise InvalidValue(field, _("must be 17 digits and a check character: {value}").format(value=value))
    try:
        dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        raise InvalidValue(field, _("birth date is not a real date: {value}").format(value=value)) from None
    if ric_check_char(code[:17]) != code[17]:
        raise InvalidValue(field, _("check character is wrong: {value}").format(value=value))
    return code


def mask_resident_id(code: str) -> str:
    """Keep the first 6 and last 4 characters (SPEC §7): ``110102********0078``."""
    if len(code) <= 10:
        return "*" * len(code)
    return code[:6] + "*" * (len(code) - 10) + code[-4:]


# 17 digits and a check character standing alone in free text (a reason typed into a form).
_RESIDENT_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")


def mask_ids_in_text(text: str) -> str:
    """``text`` with every resident ID number in it masked: 17 digits and a check character
    around a real birth date, whatever the check character (a mistyped number is still someone's).
    Other long numbers stay, such as an all-digit credit code, whose middle is no date."""

    def masked(found: re.Match[str]) -> str:
        code = found[0]
        try:
            born = dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
        except ValueError:
            return code
        return mask_resident_id(code.upper()) if 1900 <= born.year < 2100 else code

    return _RESIDENT_ID_IN_TEXT.sub(masked, text)


def mask_name(name: str) -> str:
    """张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明: the first and last characters stay."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def masked_field(name: str, value: object) -> object:
    """A value of a personal field (``id_number``, ``head_name``) as messages and the audit trail
    show it, masked; any other field's value as it is."""
    if name == "id_number" and value:
        return mask_resident_id(str(value))
    if name == "head_name" and value:
        return mask_name(str(value))
    return value


def is_masked_id(value: str) -> bool:
    """A resident ID as Bangfu exports it: 6 digits, asterisks, the last 4 characters."""
    return len(value) == 18 and value[:6].isdigit() and set(value[6:14]) == {"*"} and value[14:17].isdigit()


def check_region_code(value: str, field: str = "region_code") -> str:
    """Administrative division code (GB/T 2260): 6 digits starting with a province code."""
    code = str(value).strip()
    if len(code) != 6 or not code.isdigit():
        raise InvalidValue(field, _("must be 6 digits: {value}").format(value=value))
    if int(code[:2]) not in PROVINCE_CODES:
        raise InvalidValue(field, _("{prefix} is not a province code: {value}").format(prefix=code[:2], value=value))
    return code


def ean_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit of an EAN-13 (12 digits given) or EAN-8 (7 digits given):
    weights 3, 1, 3, … from the right, so one rule serves both (SPEC §3's 1, 3, 1, … from the
    left for EAN-13)."""
    total = sum(int(c) * (1 if i % 2 else 3) for i, c in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def check_ean(value: str, field: str = "barcode") -> str:
    """An EAN-13 or EAN-8 barcode, as typed, with its check digit."""
    code = str(value).strip()
    if len(code) not in (8, 13) or not code.isascii() or not code.isdigit():
        raise InvalidValue(
            field, _("must be an EAN-13 (13 digits) or EAN-8 (8 digits) barcode: {value}").format(value=value)
        )
    if ean_check_digit(code[:-1]) != code[-1]:
        raise InvalidValue(field, _("check digit is wrong: {value}").format(value=value))
    return code


def receipt_number(counter_code: str, day: dt.date, number: int) -> str:
    """A counter receipt's number: the counter, its business day and the day's running number."""
    return f"{counter_code}-{day:%Y%m%d}-{number:04d}"


def receipt_number_parts(ref: str) -> tuple[str, dt.date, int] | None:
    """(counter, business day, number) of a receipt number made by ``receipt_number``; None for
    any other reference (an imported sale's own)."""
    counter, _dash, rest = ref.rpartition("-")
    code, _dash, day = counter.rpartition("-")
    if not (code and len(day) == 8 and day.isdigit() and len(rest) >= 4 and rest.isdigit()):
        return None
    try:
        return code, dt.datetime.strptime(day, "%Y%m%d").date(), int(rest)
    except ValueError:
        return None
