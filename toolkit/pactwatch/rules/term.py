"""The term starts before it ends; milestones fall inside it, every occurrence of a repeating one too.

An auto-renewing term is not checked for repeats running past its end: the renewed terms cover them.
"""

from __future__ import annotations

from collections.abc import Iterator

from pactwatch.catalogue import msg
from pactwatch.dates import occurrence_dates
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    term = contract.term
    if term is None:
        return
    if term.start > term.end:
        yield site.finding("PW313", "/term/end", msg("finding.term_reversed", end=term.end.isoformat(), start=term.start.isoformat()))
        return
    for m in contract.milestones:
        if m.kind == "renewal" or m.due_after is not None:
            continue  # renewal decisions may fall after the original end; a relative date depends on a completion
        if not term.start <= m.due <= term.end:
            yield site.finding(
                "PW314",
                f"/milestones/{m.index}/due",
                msg(
                    "finding.due_outside_term",
                    milestone=m.id,
                    due=m.due.isoformat(),
                    start=term.start.isoformat(),
                    end=term.end.isoformat(),
                ),
                msg("finding.hint.check_date_or_amend"),
            )
        elif m.repeat is not None and not term.auto_renew:
            after = [due for due in occurrence_dates(m.due, m.repeat) if due > term.end]
            if after:
                end = term.end.isoformat()
                yield site.finding(
                    "PW314",
                    f"/milestones/{m.index}/repeat",
                    msg("finding.repeats_past_term", milestone=m.id, end=end, count=len(after), first=after[0].isoformat()),
                    msg("finding.hint.end_repeat_with_term", end=end),
                )
