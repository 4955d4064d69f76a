"""Occurrence budgets: what validates must be cheap to evaluate, and nothing is cut silently.

2,000 milestones each repeating 1,000 times pass the schema, yet would expand to two million
occurrences in every command. The counts come from arithmetic (dates.planned_occurrences), so
checking costs nothing; a contract over its budget is reported and left out of the portfolio
instead of being expanded. A milestone that would be cut at MAX_OCCURRENCES or at the end of the
calendar (dates.LAST_DAY) is reported as well, rather than tracked with occurrences missing.
"""

from __future__ import annotations

from pactwatch.catalogue import msg
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
        message = msg("finding.repeats_past_last_day", milestone=m.id, last_day=LAST_DAY.isoformat())
        return site.finding(CODE, pointer, message, msg("finding.hint.end_repeat_earlier"))
    message = msg("finding.too_many_repeats", milestone=m.id, count=planned, limit=MAX_OCCURRENCES)
    return site.finding(CODE, pointer, message, msg("finding.hint.repeat_less_or_split"))


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
        message = msg("finding.contract_over_budget", contract=contract.id, count=total, budget=PER_CONTRACT)
        findings.append(site.finding(CODE, "/milestones", message, msg("finding.hint.split_contract"), key=True))
    return findings


def portfolio_finding(source: str, count: int, site: Site, budget: int = PER_PORTFOLIO) -> Finding:
    message = msg("finding.portfolio_over_budget", count=count, budget=budget)
    return site.finding(CODE, "/milestones", message, msg("finding.hint.archive_finished"), key=True)
