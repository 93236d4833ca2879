"""A kiosk's own PostgreSQL role at the central: it reads the registry and inserts its counters'
records, nothing else (issue 15).

Every kiosk role is a member of ``bangfu_kiosks``, which holds the grants: SELECT on the registry
and INSERT on the records a kiosk uploads (never UPDATE or DELETE; households, linkages and the
rest are not granted at all). Row-level security narrows what a member sees and inserts to the
counters it holds (``counters.kiosk``, matched to the role's name), the users who may work there
and the settings a kiosk copies. Roles that are not kiosks see every row, as before.
"""

import secrets

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.locks import serialize

GROUP = "bangfu_kiosks"
PREFIX = "bangfu_kiosk_"  # + the kiosk's id: its role's name
READ = ("alembic_version", "suppliers", "products", "certificate_events", "counters", "users", "settings")
UPLOAD = ("sales", "sale_lines", "payments", "refunds", "refund_lines", "shifts", "audit_events", "stock_movements")

MINE = f"'{PREFIX}' || kiosk = current_user"  # a counter this kiosk holds
OWN_COUNTER = f"counter_id IN (SELECT id FROM counters WHERE {MINE})"
OWN_SALE = f"EXISTS (SELECT 1 FROM sales s WHERE s.id = sale_id AND s.{OWN_COUNTER})"
ROWS = {  # table -> (command, the rows a kiosk may see or add)
    "users": ("SELECT", f"role IN ('admin', 'manager') OR counter_code IN (SELECT code FROM counters WHERE {MINE})"),
    "settings": ("SELECT", "key IN ({keys})"),
    "counters": ("SELECT", "true"),
    "receipt_sequences": ("ALL", OWN_COUNTER),  # its counters' numbering, kept at the central too
    "stock_balances": ("ALL", OWN_COUNTER),
    "stock_movements": ("ALL", OWN_COUNTER),
    "sales": ("ALL", OWN_COUNTER),
    "shifts": ("ALL", OWN_COUNTER),
    "sale_lines": ("ALL", OWN_SALE),
    "payments": ("ALL", OWN_SALE),
    "refunds": ("ALL", OWN_SALE),
    "refund_lines": ("ALL", f"refund_id IN (SELECT id FROM refunds WHERE {OWN_SALE})"),
    "audit_events": ("ALL", f"'{PREFIX}' || split_part(origin, ':', 1) = current_user"),  # its own uploads
}


def role_name(kiosk_id: str) -> str:
    return PREFIX + kiosk_id


def prepare(central: Session, settings: tuple[str, ...]) -> None:
    """The group, its grants and the row policies, made or brought up to date (at every join, so
    a central upgraded since gets the policies of the new version)."""
    serialize(central, "kiosk roles")
    central.execute(text(f"DO $$ BEGIN CREATE ROLE {GROUP} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"))
    central.execute(text(f"GRANT USAGE ON SCHEMA {central.scalar(text('SELECT current_schema()'))} TO {GROUP}"))
    central.execute(text(f"GRANT SELECT ON {', '.join(READ)} TO {GROUP}"))
    central.execute(text(f"GRANT SELECT, INSERT ON {', '.join(UPLOAD)} TO {GROUP}"))
    central.execute(text(f"GRANT UPDATE (uploaded_until) ON counters TO {GROUP}"))
    central.execute(text(f"GRANT SELECT, INSERT, UPDATE ON receipt_sequences, stock_balances TO {GROUP}"))
    for table in UPLOAD:  # the kiosk takes the central's ids for what it inserts
        sequence = central.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table})
        central.execute(text(f"GRANT USAGE ON SEQUENCE {sequence} TO {GROUP}"))
    keys = ", ".join(f"'{key}'" for key in settings)
    for table, (command, rows) in ROWS.items():
        central.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        not_kiosk = f"NOT pg_has_role(current_user, '{GROUP}', 'MEMBER')"
        _policy(central, table, "bangfu_not_kiosk", f"FOR ALL USING ({not_kiosk}) WITH CHECK ({not_kiosk})")
        check = " WITH CHECK ({})" if command == "ALL" else ""
        rows = rows.format(keys=keys)
        _policy(central, table, "bangfu_kiosk", f"FOR {command} TO {GROUP} USING ({rows}){check.format(rows)}")
    central.execute(text(WHERE_SOLD))
    central.execute(text("REVOKE EXECUTE ON FUNCTION bangfu_where_sold(text) FROM PUBLIC"))
    central.execute(text(f"GRANT EXECUTE ON FUNCTION bangfu_where_sold(text) TO {GROUP}"))
    _policy(central, "counters", "bangfu_kiosk_mark", f"FOR UPDATE TO {GROUP} USING ({MINE}) WITH CHECK ({MINE})")


# Where a receipt a kiosk does not have was sold: all a kiosk may learn of another counter's sale.
WHERE_SOLD = """
CREATE OR REPLACE FUNCTION bangfu_where_sold(wanted text)
RETURNS TABLE (counter_code text, counter_name text, kiosk boolean, sold_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT c.code, c.name, c.kiosk IS NOT NULL, s.sold_at FROM sales s JOIN counters c ON c.id = s.counter_id
    WHERE s.ref = wanted
$$
"""


def _policy(central: Session, table: str, name: str, body: str) -> None:
    central.execute(text(f"DROP POLICY IF EXISTS {name} ON {table}"))
    central.execute(text(f"CREATE POLICY {name} ON {table} {body}"))


def grant(central: Session, kiosk_id: str) -> tuple[str, str]:
    """The kiosk's login role (a new password each time it joins): its name and password."""
    role, password = role_name(kiosk_id), secrets.token_urlsafe(24)  # letters, digits, - and _ only
    central.execute(
        text(
            f"DO $$ BEGIN CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE {GROUP}; "
            f"EXCEPTION WHEN duplicate_object THEN ALTER ROLE {role} LOGIN PASSWORD '{password}'; END $$"
        )
    )
    return role, password
