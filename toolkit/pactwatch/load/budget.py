"""The portfolio's occurrence budget: which contracts to leave out so that every command stays cheap.

Counted with arithmetic (dates.occurrence_count), never by expanding. It runs on every load, warm
ones included, so it lives here and imports nothing of the rules (their findings are made in
rules/occurrences.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from pactwatch.dates import occurrence_count
from pactwatch.model import Contract

PER_PORTFOLIO = 1_000_000  # 7 times the 10,000-contract benchmark portfolio (145,000 occurrences)


def size(contract: Contract) -> int:
    """The occurrences the engine will expand for ``contract``."""
    return sum(1 if m.repeat is None else occurrence_count(m.due, m.repeat) for m in contract.milestones)


def over_portfolio_budget(contracts: Iterable[Contract], budget: int = PER_PORTFOLIO) -> dict[str, int]:
    """The contracts (by source, with their sizes) to leave out so that the rest fit ``budget``: the largest first."""
    sizes = sorted(((size(c), c.source) for c in contracts), key=lambda pair: (-pair[0], pair[1]))
    total = sum(count for count, _ in sizes)
    dropped: dict[str, int] = {}
    for count, source in sizes:
        if total <= budget:
            break
        dropped[source] = count
        total -= count
    return dropped
