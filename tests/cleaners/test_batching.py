"""Runs of documents handled together."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaners.batching import sized_runs


@given(st.lists(st.integers(0, 50), max_size=30), st.integers(1, 100), st.none() | st.integers(1, 5))
def test_runs_are_the_items_in_order_each_as_large_as_allowed(sizes: list[int], limit: int, most: int | None) -> None:
    runs = [list(run) for run in sized_runs(sizes, lambda size: size, limit, most)]
    assert [size for run in runs for size in run] == sizes
    for run, following in zip(runs, [*runs[1:], None], strict=False):
        assert run
        assert sum(run) <= limit or len(run) == 1
        assert most is None or len(run) <= most
        # Greedy: the next item did not fit, by size or by count.
        if following is not None:
            assert sum(run) + following[0] > limit or len(run) == most
