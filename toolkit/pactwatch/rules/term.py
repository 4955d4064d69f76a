"""The term starts before it ends; milestones fall inside it."""

from __future__ import annotations

from collections.abc import Iterator

from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    term = contract.term
    if term is None:
        return
    if term.start > term.end:
        yield site.finding("PW313", "/term/end", f"the term ends ({term.end}) before it starts ({term.start})")
        return
    for m in contract.milestones:
        if m.kind == "renewal":
            continue  # renewal decisions may fall after the original end
        if not term.start <= m.due <= term.end:
            yield site.finding(
                "PW314",
                f"/milestones/{m.index}/due",
                f"milestone '{m.id}' is due {m.due}, outside the term {term.start} .. {term.end}",
                "check the date or extend the term with an amendment",
            )
