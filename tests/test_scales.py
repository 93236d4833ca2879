"""Chart axes (issue 13): zero-based, round 1-2-5 steps, never cutting a value."""

from hypothesis import given
from hypothesis import strategies as st

from core.scales import zero_based_scale


@given(st.lists(st.integers(-(10**12), 10**12), max_size=40))
def test_every_value_fits_on_a_zero_based_round_scale(values: list[int]) -> None:
    scale = zero_based_scale(values)
    assert scale.low_fen <= min([0, *values])
    assert scale.high_fen >= max([0, *values])
    assert scale.low_fen > min([0, *values]) - scale.step_fen  # no empty step below
    assert scale.high_fen < max([0, *values]) + scale.step_fen or max([0, *values]) == 0
    digits = str(scale.step_fen).rstrip("0")
    assert digits in ("1", "2", "5")
    assert scale.step_fen >= 100
    assert scale.low_fen % scale.step_fen == 0
    assert scale.high_fen % scale.step_fen == 0
    assert 2 <= scale.ticks <= 12


def test_nothing_sold_still_has_a_scale() -> None:
    assert zero_based_scale([0, 0]).high_fen > 0
    assert zero_based_scale([]).high_fen > 0  # no supplier at all
