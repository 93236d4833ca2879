"""Writing import files the way people's programs write them: CSV in several encodings, XLSX
with typed cells (numbers, dates) as Excel stores them."""

import csv
import datetime as dt
import io
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
REGISTRY = ("suppliers", "products", "households", "linkages")


def sample_rows(kind: str) -> list[list[str]]:
    raw = (SAMPLES / f"{kind}.csv").read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else _decode(raw)
    return list(csv.reader(io.StringIO(text)))


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _typed(header: str, value: str) -> object:
    """The cell Excel would hold after a person typed ``value`` into column ``header``."""
    if value == "":
        return None
    if header in ("price", "benefit_rate", "weight", "net_weight_kg", "unit_price", "quantity"):
        return float(value)
    if header in ("barcode", "members"):
        return int(value)
    if header in ("certified_on", "valid_until"):
        return dt.date.fromisoformat(value)
    if header in ("start_month", "end_month"):
        return dt.datetime.fromisoformat(value + "-01")  # Excel turns 2026-01 into a date
    if header == "sold_at":
        return dt.datetime.fromisoformat(value).replace(tzinfo=None)  # local time, no offset
    return value


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    header = rows[0]
    sheet.append(header)
    for row in rows[1:]:
        sheet.append([_typed(h, v) for h, v in zip(header, row, strict=False)])
    book.save(path)
    return path
