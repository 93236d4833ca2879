"""Chart value axes that tell the truth: they start at zero (or below it, for a negative net),
step in round 1-2-5 amounts and end at or above the highest value, so no bar or peak is cut
and bar lengths stay proportional. Shared by the screen's charts and the PDF's."""

from collections.abc import Iterable
from dataclasses import dataclass

MIN_STEP_FEN = 100  # whole yuan: axis labels never show fen


@dataclass(frozen=True)
class Scale:
    low_fen: int
    high_fen: int
    step_fen: int

    @property
    def ticks(self) -> int:
        """The number of labelled values, both ends included."""
        return (self.high_fen - self.low_fen) // self.step_fen + 1


def _round_step(raw: float) -> int:
    step = MIN_STEP_FEN
    while True:
        for factor in (1, 2, 5):
            if step * factor >= raw:
                return step * factor
        step *= 10


def zero_based_scale(values_fen: Iterable[int], intervals: int = 5) -> Scale:
    """About ``intervals`` steps from min(0, values) to max(0, values), in whole fen (exact)."""
    values = list(values_fen)
    low, high = min([0, *values]), max([0, *values])
    step = _round_step(max(high - low, MIN_STEP_FEN) / intervals)
    low, high = (low // step) * step, -(-high // step) * step  # floor and ceiling, in integers
    if high == low:  # nothing sold: an empty chart still has its scale
        high = low + step * intervals
    return Scale(low, high, step)
