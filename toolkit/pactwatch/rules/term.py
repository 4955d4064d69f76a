"""The term starts before it ends; milestones fall inside it, every occurrence of a repeating one too.

An auto-renewing term is not checked for repeats running past its end: the renewed terms cover them.
"""

from __future__ import annotations

from collections.abc import Iterator

from pactwatch.dates import occurrence_dates
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
        if m.kind == "renewal" or m.due_after is not None:
            continue  # renewal decisions may fall after the original end; a relative date depends on a completion
        if not term.start <= m.due <= term.end:
            yield site.finding(
                "PW314",
                f"/milestones/{m.index}/due",
                f"milestone '{m.id}' is due {m.due}, outside the term {term.start} .. {term.end}",
                "check the date or extend the term with an amendment",
            )
        elif m.repeat is not None and not term.auto_renew:
            after = [due for due in occurrence_dates(m.due, m.repeat) if due > term.end]
            if after:
                count = f"{len(after)} occurrence{'s' if len(after) > 1 else ''}"
                yield site.finding(
                    "PW314",
                    f"/milestones/{m.index}/repeat",
                    f"milestone '{m.id}' repeats past the term's end {term.end}: {count} from {after[0]} on",
                    f"end the repeat with the term (until: {term.end}, or a smaller count), or extend the term with an amendment",
                )
