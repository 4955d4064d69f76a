"""completed_on agrees with status; recurring records are consistent; acks are on open milestones."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pactwatch.catalogue import msg
from pactwatch.dates import occurrence_dates
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    for m in contract.milestones:
        base = f"/milestones/{m.index}"
        if m.status == "done" and m.completed_on is None and m.repeat is None:
            yield site.finding(
                "PW309",
                f"{base}/status",
                msg("finding.done_without_date", milestone=m.id),
                msg("finding.hint.add_completed_on"),
            )
        if m.completed_on is not None and m.status != "done":
            yield site.finding(
                "PW310",
                f"{base}/completed_on",
                msg("finding.completed_but_not_done", milestone=m.id, status=m.status),
                msg("finding.hint.done_or_no_date"),
                key=True,
            )
        if m.repeat is None and m.completed:
            yield site.finding(
                "PW320",
                f"{base}/completed",
                msg("finding.completed_without_repeat", milestone=m.id),
                msg("finding.hint.use_completed_on"),
                key=True,
            )
        if m.repeat is not None:
            if m.status == "done" or m.completed_on is not None:
                yield site.finding(
                    "PW320",
                    f"{base}/status",
                    msg("finding.recurring_done", milestone=m.id),
                    msg("finding.hint.record_under_completed"),
                )
            valid = set(occurrence_dates(m.due, m.repeat))
            for due in m.completed:
                if due not in valid:
                    yield site.finding(
                        "PW320",
                        f"{base}/completed/{due.isoformat()}",
                        msg("finding.not_an_occurrence", due=due.isoformat(), milestone=m.id),
                        msg("finding.hint.occurrences", dates=_first_dates(valid)),
                        key=True,
                    )
        if m.ack is not None and m.status in ("done", "waived", "cancelled"):
            yield site.finding(
                "PW321",
                f"{base}/ack",
                msg("finding.ack_without_effect", milestone=m.id, status=m.status),
                msg("finding.hint.remove_ack"),
                key=True,
            )


def _first_dates(dates: set[date], shown: int = 6) -> str:
    """The first occurrences, as a hint lists them ("..." when there are more)."""
    return ", ".join(d.isoformat() for d in sorted(dates)[:shown]) + (" ..." if len(dates) > shown else "")
