"""The audit trail as people read it: each stored action code (``import.products``) and summary
(``added 3, skipped 0``) in the window's language. What is stored stays as it was recorded (the
hash chain covers it); only the reading is translated."""

import re

from core.i18n import _

ACTIONS = {
    "login": "signed in",
    "login.failed": "sign-in failed",
    "login.locked": "account locked",
    "user.create": "user created",
    "user.password": "password changed",
    "user.active": "user activated",
    "user.inactive": "user deactivated",
    "backup": "backup",
    "restore": "restore",
    "settings.change": "setting changed",
    "id.reveal": "ID number shown",
    "linkage.create": "linkage created",
    "linkage.end": "linkage ended",
    "certificate.suspend": "certificate suspended",
    "certificate.revoke": "certificate revoked",
    "certificate.reinstate": "certificate reinstated",
    "certificate.renew": "certificate renewed",
    "counter.save": "counter saved",
    "price.override": "price changed",
    "report.issue": "month issued",
    "campaign.save": "campaign saved",
    "campaign.tag": "sale tagged to a campaign",
    "shift.open": "shift opened",
    "shift.close": "shift closed",
    "refund": "refund",
    "organisation.save": "purchasing unit saved",
    "quota.set": "quota set",
    "bulk.order": "bulk order placed",
    "bulk.cancel": "bulk order cancelled",
    "bulk.deliver": "bulk order delivered",
    "bulk.paid": "bulk order paid",
    "demo.load": "demo data loaded",
    "kiosk.join": "kiosk enrolled",
    "kiosk.claim": "counter claimed by a kiosk",
    "kiosk.release": "counter released from its kiosk",
    "stock.receipt": "goods received",
    "stock.transfer": "goods transferred",
    "stock.return": "goods returned to the supplier",
    "stock.write_off": "goods written off",
    "stock.minimum": "minimum stock set",
    "stocktake.start": "stocktake started",
    "stocktake.approve": "stocktake approved",
    "settlement.issue": "settlement statement issued",
    "settlement.paid": "settlement statement paid",
    "points.award": "points awarded",
    "points.redeem": "points redeemed",
    "points.adjust": "points adjusted",
    "points.propose": "points proposed for approval",
    "points.approve": "points proposal approved",
    "points.refuse": "points proposal refused",
    "points.donation": "donated goods received",
    "points.purchase": "goods bought with programme funds",
    "points.supermarket": "points supermarket registered",
}
# import.products, export.households, suppliers.update …: an operation on a kind of record
KINDS = {
    "suppliers": "suppliers",
    "products": "products",
    "households": "households",
    "linkages": "linkages",
    "sales": "sales and refunds",
    "audit": "audit log",
    "stock": "stock",
    "points_rules": "points rules",
    "points_goods": "points goods",
    "points": "points",
}
OPERATIONS = {
    "import": "import: {kind}",
    "export": "export: {kind}",
    "create": "{kind}: added",
    "update": "{kind}: changed",
}

# What the audit page filters by: an action code's first part
GROUPS = {
    "login": "sign-ins",
    "price.override": "price changes",
    "refund": "refunds",
    "certificate": "certificates",
    "import": "imports",
    "export": "exports",
    "id.reveal": "ID numbers shown",
    "user": "users",
    "settings": "settings",
    "backup": "backups",
    "restore": "restores",
    "shift": "shifts",
    "bulk": "bulk orders",
    "demo": "demo data",
    "kiosk": "kiosks",
    "stock": "stock",
    "stocktake": "stocktakes",
    "settlement": "settlement",
    "points": "points",
}

# The summaries' shapes as core and catalog write them, with their wording for translation.
SUMMARIES = [
    (r"added (\d+), skipped (\d+)", "added {0}, skipped {1}"),
    (r"(\d+) rows, ID numbers in clear", "{0} rows, ID numbers in clear"),
    (r"(\d+) rows", "{0} rows"),
    (r"difference (.+)", "difference {0}"),
    (r"float (.+)", "float {0}"),
    (r"sale ([^,]+), ([^,]+), (.*)", "sale {0}, {1}, {2}"),
    (r"sale ([^,]+), ([^,]+)", "sale {0}, {1}"),
    (r"role=(\w+)", "role {0}"),
    (r"unknown or inactive user", "unknown or inactive user"),
    (r"account locked", "account locked"),
    (r"(\d+) wrong passwords", "{0} wrong passwords"),
    (r"attempt (\d+)", "attempt {0}"),
    (r"schema (\w+)", "schema {0}"),
    (r"net (-?\d+) fen", "net {0} fen"),
    (r"(\d+) lines, delivery (\S+)", "{0} lines, delivery {1}"),
    (r"until (\S+)", "until {0}"),
    (r"product (\d+): (\S+) → (\S+), by (.+)", "product {0}: {1} → {2}, by {3}"),
]


def action_text(code: str) -> str:
    """A stored action code in the window's language; an unknown one as stored."""
    if code in ACTIONS:
        return _(ACTIONS[code])
    first, _dot, last = code.partition(".")
    if first in OPERATIONS and last in KINDS:
        return _(OPERATIONS[first]).format(kind=_(KINDS[last]))
    if last in OPERATIONS and first in KINDS:
        return _(OPERATIONS[last]).format(kind=_(KINDS[first]))
    return code


def group_text(prefix: str) -> str:
    return _(GROUPS[prefix])


def summary_text(summary: str) -> str:
    """A stored summary in the window's language; free text (a reason, a list of changed
    fields by their column names) as stored."""
    for pattern, wording in SUMMARIES:
        found = re.fullmatch(pattern, summary)
        if found:
            return _(wording).format(*found.groups())
    return summary
