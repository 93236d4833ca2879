"""The SPEC's code lists: what a kind, level, status, mode, channel, method or role may be.
Stored as these codes; the window and the files show their names. Nothing here touches the
database, so the window may use them."""

SUPPLIER_KINDS = ("enterprise", "cooperative", "family_farm", "individual", "other")
CERT_LEVELS = ("national", "provincial", "municipal", "county")
CERT_STATUSES = ("active", "suspended", "revoked")
HOUSEHOLD_STATUSES = ("poor", "lifted", "monitored")
LINKAGE_MODES = ("dividend", "employment", "purchase", "land", "other")
CHANNELS = ("counter", "cooperative", "bulk", "online")
COUNTER_KINDS = ("counter", "zone", "hall", "points")  # points: a points supermarket (积分超市)
PAYMENT_METHODS = ("cash", "wechat", "alipay", "unionpay", "transfer", "other")
ROLES = ("admin", "manager", "cashier", "coop_manager", "village_officer")
ORG_KINDS = ("government", "canteen", "union", "company", "school", "hospital", "other")
ORDER_STATES = ("ordered", "delivered", "paid", "cancelled")
# Stock movements (issue 16): in from a supplier, out by a sale, back by a refund, between
# counters, back to the supplier, written off, corrected by a stocktake.
STOCK_KINDS = ("receipt", "sale", "refund", "transfer_out", "transfer_in", "return", "write_off", "stocktake")
