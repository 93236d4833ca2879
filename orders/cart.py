"""A cart at the counter: plain data, no database, no Qt. Serialised to JSON so that an
unfinished or held cart survives a restart (see orders.carts)."""

import json
import uuid
from dataclasses import asdict, dataclass, field

from core.money import QTY_SCALE, is_weight_unit, line_amount, parse_quantity
from orders.ledger import LineDraft


@dataclass
class CartLine:
    product_id: int
    code: str
    name: str
    unit: str
    price_fen: int  # the listed price
    quantity_milli: int = QTY_SCALE
    override_fen: int | None = None  # a manager-approved price for this sale

    @property
    def unit_price_fen(self) -> int:
        return self.price_fen if self.override_fen is None else self.override_fen

    @property
    def amount_fen(self) -> int:
        return line_amount(self.unit_price_fen, self.quantity_milli)

    @property
    def weighed(self) -> bool:
        return is_weight_unit(self.unit)


@dataclass
class Cart:
    counter_code: str
    lines: list[CartLine] = field(default_factory=list)
    key: str = field(default_factory=lambda: uuid.uuid4().hex)  # idempotency key of the sale
    approver: str | None = None  # the manager who approved price overrides

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    def add(self, line: CartLine) -> int:
        """Scanning a product already in the cart adds to its line (one more unit, or the new
        weight), so the cart shows exactly the lines the sale will have. Returns the line's index."""
        for index, existing in enumerate(self.lines):
            if existing.product_id == line.product_id:
                existing.quantity_milli += line.quantity_milli
                return index
        self.lines.append(line)
        return len(self.lines) - 1

    def set_quantity(self, index: int, text: str) -> None:
        line = self.lines[index]
        line.quantity_milli = parse_quantity(text, line.unit)

    def remove(self, index: int) -> None:
        del self.lines[index]

    def drafts(self) -> tuple[LineDraft, ...]:
        return tuple(LineDraft(line.product_id, line.quantity_milli, line.override_fen) for line in self.lines)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Cart":
        data = json.loads(text)
        return cls(
            data["counter_code"], [CartLine(**line) for line in data["lines"]], data["key"], data.get("approver")
        )
