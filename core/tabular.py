"""Reading and writing the spreadsheet files of SPEC §7: CSV (UTF-8, UTF-8 with BOM, GB18030)
and XLSX (first sheet). Rows stream: a file is never held in memory whole.

Every cell reaches the importers as text, the way a person saw it in Excel: a number cell shows
up to 15 significant digits, a date cell as ``YYYY-MM-DD``, a date-time cell as
``YYYY-MM-DDTHH:MM:SS`` (no offset). Text cells that Excel would run as formulas are escaped on
the way out and un-escaped on the way in, so export → import gives back the same values.
"""

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from core.errors import BangfuError
from core.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 1 << 20
PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")
MAX_SHEET_ROWS = 1_048_576  # Excel's own limit; a sheet claiming more rows is not a real one


@dataclass(frozen=True)
class Sheet:
    """A header and its data rows; ``rows`` yields (line number, cells) with the header as line 1."""

    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str


def _line_of(path: Path, offset: int) -> int:
    """The line (1-based) holding byte ``offset`` of the file."""
    line, done = 1, 0
    with path.open("rb") as f:
        while done < offset and (chunk := f.read(min(_CHUNK, offset - done))):
            line += chunk.count(b"\n")
            done += len(chunk)
    return line


def _decodes(path: Path, encoding: str, skip: int = 0) -> int | None:
    """None if the whole file decodes strictly as ``encoding``, else the offset of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = skip
    with path.open("rb") as f:
        f.seek(skip)
        while chunk := f.read(_CHUNK):
            if (nul := chunk.find(b"\x00")) >= 0:
                return offset + nul
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + max(exc.start, 0)
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return offset
    return None


def detect_encoding(path: Path) -> str:
    """A BOM means UTF-8; otherwise strict UTF-8, else GB18030; anything else is refused, naming
    the line of the first byte that is not text."""
    with path.open("rb") as f:
        bom = f.read(3) == codecs.BOM_UTF8
    bad = _decodes(path, "utf-8", 3 if bom else 0)
    if bad is None:
        return "utf-8-sig" if bom else "utf-8"
    if not bom and _decodes(path, "gb18030") is None:
        return "gb18030"
    raise BangfuError(
        _("{file}, line {line}: the text is neither UTF-8 nor GB18030; save it as CSV UTF-8 in Excel").format(
            file=path.name, line=_line_of(path, bad)
        )
    )


class NumberCell(str):
    """The text of an XLSX number cell: what Excel shows, remembering it was a number (Excel
    drops a barcode's leading zeros, so only such a cell may be padded back, SPEC §7)."""


def cell_text(value: object) -> str:
    """A cell's value as the text Excel shows for it (SPEC §7)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return NumberCell(value)
    if isinstance(value, float):
        text = format(Decimal(f"{value:.15g}"), "f")  # 15 significant digits, never 1e+16
        return NumberCell(text.rstrip("0").rstrip(".") if "." in text else text)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    return unescape_formula(str(value))


def unescape_formula(text: str) -> str:
    """Undo ``escape_formula``: a quote before a formula character was ours."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def escape_formula(text: str) -> str:
    """Keep Excel from running a text cell as a formula (CWE-1236); a plain negative number such
    as a stock movement's -4.500 is no formula and stays as it is."""
    return "'" + text if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text) else text


def _csv_rows(path: Path, encoding: str) -> Iterator[list[str]]:
    with path.open(encoding=encoding, newline="") as f:
        reader = csv.reader(f)
        try:
            for row in reader:
                yield [unescape_formula(cell) if cell[:1] == "'" else cell for cell in row]
        except csv.Error as exc:  # a cell longer than the csv module allows (131,072 characters), …
            reason = _("{file}, line {line}: not readable as CSV ({reason})")
            raise BangfuError(reason.format(file=path.name, line=reader.line_num, reason=exc)) from None


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # openpyxl parses through defusedxml when it is installed

    # Bangfu owns the file handle: openpyxl leaves its own open when a workbook fails to load.
    with path.open("rb") as handle:
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
            sheet = book.worksheets[0]
        except Exception as exc:
            raise BangfuError(
                _("{file}: not a readable XLSX workbook ({reason})").format(file=path.name, reason=exc)
            ) from None
        line = 0
        try:
            # The stored dimension (A1:F2) may understate or wildly overstate what the sheet holds:
            # read the rows that are really there.
            sheet.reset_dimensions()
            for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                if line > MAX_SHEET_ROWS:
                    reason = _("{file}: more than {n} rows, more than Excel itself allows")
                    raise BangfuError(reason.format(file=path.name, n=f"{MAX_SHEET_ROWS:,}"))
                yield [cell_text(cell) for cell in row]
        except BangfuError:
            raise
        except Exception as exc:  # broken sheet XML, a missing part of the workbook, …
            reason = _("{file}, line {line}: the sheet cannot be read ({reason})")
            raise BangfuError(reason.format(file=path.name, line=line + 1, reason=exc)) from None
        finally:
            book.close()


def open_sheet(path: Path) -> Sheet:
    """Open a CSV or XLSX file; the first non-empty row is the header."""
    if not path.is_file():
        raise BangfuError(_("file not found: {file}").format(file=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw, encoding = _xlsx_rows(path), "xlsx"
    elif suffix in (".csv", ".txt", ""):
        encoding = detect_encoding(path)
        raw = _csv_rows(path, encoding)
    else:
        raise BangfuError(_("{file}: only CSV and XLSX files can be imported").format(file=path.name))

    numbered = ((line, cells) for line, cells in enumerate(raw, start=1) if "".join(cells).strip())
    first = next(numbered, None)
    if first is None:
        raise BangfuError(_("{file} is empty").format(file=path.name))
    header = [cell.strip() for cell in first[1]]
    # Line numbers count every row of the file, so they match what Excel shows.
    return Sheet(header, ((line - first[0] + 1, cells) for line, cells in numbered), encoding)


def write_table(path: Path, header: list[str], rows: Iterable[list[object]]) -> int:
    """Write CSV (UTF-8 with BOM, which Excel on Chinese Windows opens correctly) or XLSX by the
    file's extension. Numbers stay numbers in XLSX; text is escaped against formulas."""
    try:
        return _write_table(path, header, rows)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BangfuError(_("cannot write {file}: {reason}").format(file=path, reason=reason)) from None


def _write_table(path: Path, header: list[str], rows: Iterable[list[object]]) -> int:
    suffix = path.suffix.lower()
    count = 0
    if suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.freeze_panes = "A2"
        sheet.append(header)
        for row in rows:
            sheet.append([escape_formula(v) if isinstance(v, str) else v for v in row])
            count += 1
        book.save(path)
        return count
    if suffix != ".csv":
        raise BangfuError(_("{file}: export writes .csv or .xlsx files").format(file=path.name))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else escape_formula(v) if isinstance(v, str) else v for v in row])
            count += 1
            if count % 1000 == 0:
                f.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
        f.write(buffer.getvalue())
    return count


def preview(path: Path, rows: int = 20) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the first data rows, for showing a file before importing it."""
    sheet = open_sheet(path)
    first = []
    for item in sheet.rows:
        first.append(item)
        if len(first) >= rows:
            break
    return sheet.header, first


def row_at(path: Path, line: int) -> list[str]:
    """The cells of one line (header = line 1), read by streaming up to it."""
    sheet = open_sheet(path)
    if line == 1:
        return sheet.header
    return next((cells for number, cells in sheet.rows if number == line), [])
