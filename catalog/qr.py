"""What a Bangfu label's QR code says, and reading it back at the counter.

A product with a barcode gets a GS1 Digital Link URI —
``https://{domain}/01/{GTIN-14}/10/{batch}?17={YYMMDD expiry}&cert={certificate}`` — which any
GS1-aware phone understands; one without gets ``bangfu:p/{code}?10={batch}&17={YYMMDD}``.
A household's points card (积分卡) says ``bangfu:h/{household code}``: the code only, never a name
or an ID number.
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

DEFAULT_DOMAIN = "id.bangfu.cn"


@dataclass(frozen=True)
class LabelCode:
    barcode: str | None  # EAN-13, when the label carries a GTIN
    code: str | None  # Bangfu product code, when it does not
    batch: str | None
    expires: dt.date | None


def label_payload(
    code: str,
    barcode: str | None,
    batch: str | None,
    expires: dt.date | None,
    cert_no: str,
    domain: str = DEFAULT_DOMAIN,
) -> str:
    query = [f"17={expires:%y%m%d}"] if expires else []
    if barcode:
        path = f"https://{domain}/01/{barcode.zfill(14)}"
        if batch:
            path += f"/10/{quote(batch, safe='')}"
        return path + "?" + "&".join([*query, f"cert={quote(cert_no, safe='')}"])
    query = ([f"10={quote(batch, safe='')}"] if batch else []) + query
    return f"bangfu:p/{quote(code, safe='')}" + ("?" + "&".join(query) if query else "")


def _yymmdd(text: str | None) -> dt.date | None:
    if not text or len(text) != 6 or not text.isdigit():
        return None
    try:
        return dt.date(2000 + int(text[:2]), int(text[2:4]), int(text[4:]))
    except ValueError:
        return None


def read_label(text: str) -> LabelCode | None:
    """The product a scanned label names, or None when ``text`` is not a Bangfu label."""
    text = text.strip()
    if text.startswith("bangfu:p/"):
        rest = urlsplit(text[len("bangfu:") :])
        query = parse_qs(rest.query)
        return LabelCode(None, unquote(rest.path[2:]), query.get("10", [None])[0], _yymmdd(query.get("17", [None])[0]))
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        return None
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if len(segments) < 2 or segments[0] != "01" or not segments[1].isdigit() or len(segments[1]) != 14:
        return None
    batch = segments[3] if len(segments) >= 4 and segments[2] == "10" else None
    gtin = segments[1]
    # GTIN-14 → the EAN-8 (six leading zeros, GS1 keeps that range for it) or the EAN-13
    barcode = gtin[6:] if gtin.startswith("000000") else gtin[1:] if gtin.startswith("0") else gtin
    return LabelCode(barcode, None, batch, _yymmdd(parse_qs(parts.query).get("17", [None])[0]))


def card_payload(household_code: str) -> str:
    return f"bangfu:h/{quote(household_code, safe='')}"


def read_card(text: str) -> str:
    """The household code a scanned points card names, or ``text`` itself as a typed code."""
    text = text.strip()
    return unquote(text[len("bangfu:h/") :]) if text.startswith("bangfu:h/") else text
