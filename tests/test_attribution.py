"""SPEC §6: pools and their largest-remainder split, by hand and by property."""

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orders.attribution import split_pool


def test_largest_remainder_by_hand() -> None:
    # 100 fen over weights 1:1:1 -> 33.33 each; the one fen left goes to the smallest code
    assert split_pool(100, [("B", 100), ("A", 100), ("C", 100)]) == {"A": 34, "B": 33, "C": 33}
    # 10 fen over 2:1 -> 6.67 / 3.33: the larger remainder wins, whatever the codes
    assert split_pool(10, [("A", 100), ("Z", 200)]) == {"A": 3, "Z": 7}
    # plain string order: "H10" < "H9"
    assert split_pool(1, [("H9", 100), ("H10", 100)]) == {"H10": 1, "H9": 0}
    # the sample: 27819 over 2:1:1
    assert split_pool(27819, [("LS001", 200), ("LS002", 100), ("LS003", 100)]) == {
        "LS001": 13909,
        "LS002": 6955,
        "LS003": 6955,
    }
    # 8462 over 1 : 1.5
    assert split_pool(8462, [("LS004", 100), ("LS005", 150)]) == {"LS004": 3385, "LS005": 5077}


def test_negative_and_zero_pools() -> None:
    # |−100| is split, then the sign applied: the extra fen goes with the same rule
    assert split_pool(-100, [("B", 100), ("A", 100), ("C", 100)]) == {"A": -34, "B": -33, "C": -33}
    assert split_pool(0, [("A", 100), ("B", 300)]) == {"A": 0, "B": 0}


def test_a_pool_needs_a_weight() -> None:
    with pytest.raises(ValueError, match="positive weight"):
        split_pool(100, [])


weights_strategy = st.lists(
    st.tuples(st.text(alphabet="ABCH0123456789", min_size=1, max_size=4), st.integers(1, 10_000)),
    min_size=1,
    max_size=30,
    unique_by=lambda item: item[0],
)


@given(st.integers(-(10**12), 10**12), weights_strategy)
def test_split_sums_exactly_and_each_share_is_within_a_fen(pool: int, weights: list[tuple[str, int]]) -> None:
    shares = split_pool(pool, weights)
    assert sum(shares.values()) == pool
    total = sum(w for _c, w in weights)
    for code, weight in weights:
        exact = Fraction(pool * weight, total)
        assert abs(shares[code] - exact) < 1
        assert shares[code] * pool >= 0  # every share carries the pool's sign (or is zero)


@given(st.integers(-(10**9), 10**9), weights_strategy, st.randoms(use_true_random=False))
def test_split_does_not_depend_on_the_order_of_linkages(
    pool: int, weights: list[tuple[str, int]], rnd: random.Random
) -> None:
    shuffled = list(weights)
    rnd.shuffle(shuffled)
    assert split_pool(pool, shuffled) == split_pool(pool, weights)
