"""Dates far from today: inside the calendar (load/construct.py refuses the rest), yet likely a typo (2062 for 2026).

A warning, once per contract (at its first such date in the file), since it depends on today and
a contract about a 99-year lease may mean it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site

CODE = "PW336"
YEARS = 50
_DAYS = round(YEARS * 365.25)


def dates_of(contract: Contract) -> Iterator[tuple[str, date, bool]]:
    """Every date the contract states: (JSON pointer, date, whether it is a key), in file order."""
    if contract.signed_on is not None:
        yield "/signed_on", contract.signed_on, False
    if contract.term is not None:
        yield "/term/start", contract.term.start, False
        yield "/term/end", contract.term.end, False
    for m in contract.milestones:
        base = f"/milestones/{m.index}"
        if m.due_after is None:  # a relative milestone states no date of its own
            yield f"{base}/due", m.due, False
        if m.completed_on is not None:
            yield f"{base}/completed_on", m.completed_on, False
        if m.ack is not None:
            yield f"{base}/ack/until", m.ack.until, False
        if m.repeat is not None and m.repeat.until is not None:
            yield f"{base}/repeat/until", m.repeat.until, False
        for due, done in m.completed.items():
            yield f"{base}/completed/{due.isoformat()}", due, True
            yield f"{base}/completed/{due.isoformat()}", done, False
    for index, amendment in enumerate(contract.amendments):
        yield f"/amendments/{index}/date", amendment.date, False


def check(contract: Contract, today: date, site: Site) -> Iterator[Finding]:
    far = [(pointer, when, key) for pointer, when, key in dates_of(contract) if abs((when - today).days) > _DAYS]
    if not far:
        return
    pointer, when, key = min(far, key=lambda item: site.document.locate(item[0], key=item[2]))
    facts: dict[str, str | int] = {"date": when.isoformat(), "years": abs(when.year - today.year), "today": today.isoformat()}
    message = msg("finding.far_dates", count=len(far) - 1, **facts) if len(far) > 1 else msg("finding.far_date", **facts)
    yield site.finding(CODE, pointer, message, msg("finding.hint.check_year_far", limit=YEARS), key=key)
