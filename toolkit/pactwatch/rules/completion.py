"""completed_on agrees with status; recurring records are consistent; acks are on open milestones."""

from __future__ import annotations

from collections.abc import Iterator

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
                f"milestone '{m.id}' is done but has no completed_on",
                "add completed_on: YYYY-MM-DD (the day it was completed)",
            )
        if m.completed_on is not None and m.status != "done":
            yield site.finding(
                "PW310",
                f"{base}/completed_on",
                f"milestone '{m.id}' has completed_on but its status is {m.status}",
                "set status: done, or remove completed_on",
                key=True,
            )
        if m.repeat is None and m.completed:
            yield site.finding(
                "PW320",
                f"{base}/completed",
                f"milestone '{m.id}' records completed occurrences but does not repeat",
                "use completed_on for a one-off milestone",
                key=True,
            )
        if m.repeat is not None:
            if m.status == "done" or m.completed_on is not None:
                yield site.finding(
                    "PW320",
                    f"{base}/status",
                    f"recurring milestone '{m.id}' records completions in 'completed:', not with status done/completed_on",
                    "remove completed_on and record each occurrence under completed:",
                )
            valid = set(occurrence_dates(m.due, m.repeat))
            for due in m.completed:
                if due not in valid:
                    yield site.finding(
                        "PW320",
                        f"{base}/completed/{due.isoformat()}",
                        f"{due.isoformat()} is not an occurrence of milestone '{m.id}'",
                        "occurrences: " + ", ".join(d.isoformat() for d in sorted(valid)[:6]) + (" ..." if len(valid) > 6 else ""),
                        key=True,
                    )
        if m.ack is not None and m.status in ("done", "waived", "cancelled"):
            yield site.finding(
                "PW321", f"{base}/ack", f"milestone '{m.id}' is {m.status}; its ack has no effect", "remove the ack", key=True
            )
