"""The import engine of SPEC §7: map headers, parse every row, store in batches, all or nothing.

Rows are stored as they are read, inside the caller's transaction; if any row is bad the engine
raises ImportFailed after reading the whole file, the caller's transaction rolls back, and
nothing is written. Memory stays bounded by one batch, whatever the size of the file.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from catalog.fields import Column, parse_cell
from core.audit import record
from core.auth import Actor, require
from core.collector import collector_paused
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import serialize
from core.tabular import NumberCell, open_sheet
from core.xlsx import column_name

BATCH = 1000
MAX_ERRORS = 1000  # problems listed at most; a file with more is read no further
Progress = Callable[[int], None]  # called with the number of rows read; may raise Cancelled


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("line {line}, {column}: {reason}").format(line=self.line, column=self.column, reason=self.reason)


class ImportFailed(BangfuError):
    """Some rows are bad; nothing was written. ``errors`` lists every one of them."""

    def __init__(self, file: str, errors: list[RowError], stopped_at: int | None = None) -> None:
        self.errors = errors
        self.stopped_at = stopped_at
        head = _("{file}: nothing was imported, {n} problem(s) found:").format(file=file, n=len(errors))
        lines = [head, *(str(e) for e in errors)]
        if stopped_at is not None:
            lines.append(_("… stopped reading after line {line}: fix these and import again").format(line=stopped_at))
        super().__init__("\n".join(lines))


@dataclass
class Batch:
    """Parsed rows waiting to be stored, with the problems found while storing them."""

    rows: list[tuple[int, dict[str, Any]]]  # parsed values of each kind's columns
    final: bool = False  # the last batch of the file: kinds that hold rows back finish now
    errors: list[RowError] = field(default_factory=list)
    added: int = 0
    skipped: int = 0

    def fail(self, line: int, column: str, reason: str) -> None:
        self.errors.append(RowError(line, column, reason))


class Kind(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def columns(self) -> Sequence[Column]: ...

    @property
    def permission(self) -> str:
        """What an actor needs to import this kind."""

    def store(self, session: Session, batch: Batch) -> None:
        """Check the batch against the database and earlier rows, insert the new rows."""


@dataclass(frozen=True)
class ImportResult:
    kind: str
    added: int
    skipped: int

    def __str__(self) -> str:
        return _("{kind}: {added} added, {skipped} skipped (already present)").format(
            kind=self.kind, added=self.added, skipped=self.skipped
        )


def _header_map(header: list[str], columns: Sequence[Column]) -> tuple[list[tuple[Column, int]], list[RowError]]:
    """Match each column to its header cell, trimmed and case-insensitively, English or Chinese."""
    found, errors = [], []
    for column in columns:
        names = {n.lower() for n in (column.name, *column.aliases)}
        indexes = [i for i, cell in enumerate(header) if cell.strip().lower() in names]
        if len(indexes) > 1:  # which one holds the values? the person must say, not the first one silently
            shown = ", ".join(f"{column_name(i + 1)} {header[i]}" for i in indexes)
            reason = _("the header names this column more than once: {cells}")
            errors.append(RowError(1, column.name, reason.format(cells=shown)))
        elif indexes:
            found.append((column, indexes[0]))
        elif column.header_required:
            errors.append(RowError(1, column.name, _("required column is missing")))
    return found, errors


REMEMBERED_LENGTH = 64  # longer cells (names, addresses) seldom repeat, and memory stays bounded
REMEMBERED_MOST = 65_536  # distinct cells kept per column; then it starts over


class RowShape:
    """Where a file's columns stand, the values of the kind's columns it does not have, and for
    each column the value of every distinct cell met so far: down a file the same channel,
    quantity or sale time comes back on many rows, and is parsed once. Parsers are pure, and
    only values are kept (a refused cell is refused again each time, with its own reason); at
    most REMEMBERED_MOST cells of REMEMBERED_LENGTH characters per column, whatever the file."""

    def __init__(self, columns: list[Column], indexes: list[int], absent: dict[str, None]) -> None:
        self.columns = columns
        self.indexes = indexes
        self.absent = absent
        self.known: list[dict[object, Any]] = [{} for _column in columns]

    def parse(self, cells: list[str], line: int) -> tuple[dict[str, Any], list[RowError]]:
        values = dict(self.absent)
        errors = []
        width = len(cells)
        for column, index, known in zip(self.columns, self.indexes, self.known, strict=True):
            cell = cells[index] if index < width else ""
            # An XLSX number cell may parse otherwise than the same digits typed as text.
            key = cell if type(cell) is str else (NumberCell, cell)
            found = known.get(key, known)
            if found is known:
                try:
                    found = parse_cell(column, cell)
                except InvalidValue as exc:
                    values[column.name] = None
                    errors.append(RowError(line, exc.field, exc.reason))
                    continue
                if len(cell) <= REMEMBERED_LENGTH:
                    if len(known) >= REMEMBERED_MOST:
                        known.clear()
                    known[key] = found
            values[column.name] = found
        return values, errors


@collector_paused()  # each batch's rows all stay alive until stored: nothing for it to find
def import_file(
    session: Session, actor: Actor, kind: Kind, path: Path, progress: Progress | None = None
) -> ImportResult:
    """Import ``path`` as ``kind`` in the caller's transaction; raises ImportFailed listing every bad row."""
    require(actor, kind.permission)
    serialize(session, "import", kind.name)  # two imports of one kind take turns (core.locks)
    if session.get_bind().dialect.name == "postgresql":
        # The tables grow under the import: a plan PostgreSQL made for the first batches, when a
        # lookup by ref met an empty table, must not serve the last ones (that prepared plan
        # scanned every sale already imported: 200,000 lines took 136 s instead of 22 s).
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    sheet = open_sheet(path)
    mapping, errors = _header_map(sheet.header, kind.columns)
    if errors:
        raise ImportFailed(path.name, errors)
    present = {column.name for column, _index in mapping}
    shape = RowShape(
        [column for column, _index in mapping],
        [index for _column, index in mapping],
        {column.name: None for column in kind.columns if column.name not in present},
    )
    added = skipped = read = 0
    pending: list[tuple[int, dict[str, Any]]] = []

    def flush(final: bool = False) -> None:
        nonlocal added, skipped
        batch = Batch(pending.copy(), final)
        kind.store(session, batch)
        errors.extend(batch.errors)
        added += batch.added
        skipped += batch.skipped
        pending.clear()

    for line, cells in sheet.rows:
        values, row_errors = shape.parse(cells, line)
        read += 1
        if row_errors:
            errors.extend(row_errors)
        else:
            pending.append((line, values))
        if len(pending) >= BATCH:
            flush()
        if progress and read % BATCH == 0:
            progress(read)
        if len(errors) >= MAX_ERRORS:  # the file is wrong throughout: say so now, at bounded cost
            raise ImportFailed(path.name, sorted(errors, key=lambda e: e.line), stopped_at=line)
    flush(final=True)
    if read == 0:
        raise BangfuError(_("{file} has a header but no rows").format(file=path.name))
    if errors:
        errors.sort(key=lambda e: e.line)
        raise ImportFailed(path.name, errors)
    if progress:
        progress(read)
    record(session, actor.username, f"import.{kind.name}", path.name, f"added {added}, skipped {skipped}")
    return ImportResult(kind.name, added, skipped)


def check_file(
    session: Session, actor: Actor, kind: Kind, path: Path, progress: Progress | None = None
) -> ImportResult:
    """What importing would do, without writing: the import runs in the caller's transaction,
    which is then rolled back (whatever the caller does next)."""
    try:
        return import_file(session, actor, kind, path, progress)
    finally:
        session.rollback()
