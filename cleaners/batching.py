"""Cutting a sequence of documents into runs handled together."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def sized_runs(
    items: Sequence[T], size: Callable[[T], int], limit: int, most: int | None = None
) -> Iterator[Sequence[T]]:
    """Yield consecutive runs of `items` whose sizes add up to at most `limit` (of at most `most` items).

    An item larger than `limit` makes a run of its own; no run is empty.
    """
    start = 0
    while start < len(items):
        end, total = start + 1, size(items[start])
        while end < len(items) and (most is None or end - start < most) and total + size(items[end]) <= limit:
            total += size(items[end])
            end += 1
        yield items[start:end]
        start = end
