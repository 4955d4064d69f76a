"""Occurrence budgets: what validates must be cheap to evaluate, and nothing is cut silently.

2,000 milestones each repeating 1,000 times pass the schema, yet would expand to two million
occurrences in every command. The counts come from arithmetic (dates.planned_occurrences), so
checking costs nothing; a contract over its budget is reported and left out of the portfolio
instead of being expanded. A milestone that would be cut at MAX_OCCURRENCES or at the end of the
calendar (dates.LAST_DAY) is reported as well, rather than tracked with occurrences missing.
"""

from __future__ import annotations

from pactwatch.dates import LAST_DAY, MAX_OCCURRENCES, count_until, occurrence_count, planned_occurrences
from pactwatch.findings import Finding
from pactwatch.load.budget import PER_PORTFOLIO
from pactwatch.model import Contract, Milestone
from pactwatch.rules.site import Site

CODE = "PW335"
PER_CONTRACT = 5_000


def _cut(m: Milestone, site: Site) -> Finding | None:
    """A finding when the repeat asks for more occurrences than are tracked."""
    assert m.repeat is not None
    planned = planned_occurrences(m.due, m.repeat)
    if planned <= occurrence_count(m.due, m.repeat):
        return None
    pointer = f"/milestones/{m.index}/repeat"
    if count_until(m.due, m.repeat.every, m.repeat.unit, LAST_DAY) < min(planned, MAX_OCCURRENCES):
        message = f"milestone '{m.id}' repeats past {LAST_DAY}, the last day pactwatch tracks"
        return site.finding(CODE, pointer, message, "end the repeat earlier (until or a smaller count)")
    message = f"milestone '{m.id}' repeats {planned:,} times; at most {MAX_OCCURRENCES:,} occurrences of one milestone are tracked"
    return site.finding(CODE, pointer, message, "repeat less often, or split it into milestones with their own until")


def check(contract: Contract, site: Site) -> list[Finding]:
    """Milestones that would be cut, and the contract's total against PER_CONTRACT (errors: the contract is left out)."""
    findings: list[Finding] = []
    total = 0
    for m in contract.milestones:
        if m.repeat is None:
            total += 1
            continue
        total += planned_occurrences(m.due, m.repeat)
        cut = _cut(m, site)
        if cut is not None:
            findings.append(cut)
    if total > PER_CONTRACT:
        message = f"contract '{contract.id}' has {total:,} milestone occurrences; the budget is {PER_CONTRACT:,} per contract"
        findings.append(site.finding(CODE, "/milestones", message, "split the contract, or repeat milestones less often", key=True))
    return findings


def portfolio_finding(source: str, count: int, site: Site, budget: int = PER_PORTFOLIO) -> Finding:
    message = f"this contract's {count:,} occurrences take the portfolio past its budget of {budget:,}; it is left out"
    return site.finding(CODE, "/milestones", message, "repeat milestones less often, or archive finished contracts", key=True)
