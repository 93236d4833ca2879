"""Change numbers at a PostgreSQL central: what a kiosk asks for when it downloads the registry.

A trigger stamps every inserted or really changed registry row with its transaction's id
(``pg_current_xact_id``, 64 bits: it never wraps). A kiosk remembers the oldest transaction still
running when it last read (``pg_snapshot_xmin``) and next asks for the rows stamped from there on,
so a change committed after its read is never missed, however early its transaction began.
Columns only the central uses (failed sign-ins, upload marks) are left out of the comparison, so
they do not send a row down again. A kiosk's SQLite copy keeps the numbers it was given.
"""

from sqlalchemy import DDL, MetaData, event

# table -> the columns whose changes a kiosk does not need (change_no itself first: never empty)
STAMPED = {
    "suppliers": ("change_no",),
    "counters": ("change_no", "uploaded_until"),
    "users": ("change_no", "failed_attempts", "locked_until"),
    "products": ("change_no",),
    "certificate_events": ("change_no",),
}

FUNCTION = """
CREATE FUNCTION bangfu_change_no() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR (to_jsonb(NEW) - TG_ARGV) IS DISTINCT FROM (to_jsonb(OLD) - TG_ARGV) THEN
        NEW.change_no := pg_current_xact_id()::text::bigint;
    ELSE
        NEW.change_no := OLD.change_no;
    END IF;
    RETURN NEW;
END
$$
"""


def statements() -> list[str]:
    """The function and its triggers (PostgreSQL only)."""
    return [FUNCTION] + [
        f"CREATE TRIGGER {table}_change_no BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW "
        f"EXECUTE FUNCTION bangfu_change_no({', '.join(repr(column) for column in ignored)})"
        for table, ignored in STAMPED.items()
    ]


def install_on_create(metadata: MetaData) -> None:
    """A new central made from the models gets the triggers as a migrated one does."""
    for statement in statements():
        event.listen(metadata, "after_create", DDL(statement).execute_if(dialect="postgresql"))  # type: ignore[no-untyped-call]
