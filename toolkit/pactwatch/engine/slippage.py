"""Plan versus actual: each occurrence's baseline, its slip and its re-plans, and the ``slipping`` risk (pure).

The baseline of a milestone is its ``baseline_due:`` when written, else the one git history gives
(``pactwatch.history``: the plan when the contract became active). An occurrence of a recurring
milestone keeps the series' shift: its baseline is its own date moved back by as many days as the
series' first date moved. A relative deadline (``due_after``) has a baseline only from ``baseline_due``
or from a history whose baseline plan was a date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from pactwatch.catalogue import msg
from pactwatch.engine.records import Occurrence, Risk
from pactwatch.history.records import PlanHistory, Replan
from pactwatch.model import Contract, Milestone, Settings


def milestone_baseline(contract: Contract, milestone: Milestone, history: PlanHistory | None) -> date | None:
    if milestone.baseline_due is not None:
        return milestone.baseline_due
    found = history.milestone(contract.source, milestone.id) if history is not None else None
    return found.baseline_date if found is not None else None


def with_baselines(contract: Contract, items: list[Occurrence], history: PlanHistory | None) -> list[Occurrence]:
    """``items`` with ``baseline`` set; the same list, untouched, when the contract has no baseline at all."""
    baselines = {m.id: b for m in contract.milestones if (b := milestone_baseline(contract, m, history)) is not None}
    if not baselines:
        return items
    out = []
    for o in items:
        first = baselines.get(o.milestone.id) if not o.derived else None
        if first is None:
            out.append(o)
            continue
        if o.milestone.repeat is None:
            out.append(o._replace(baseline=first))
        else:
            out.append(o._replace(baseline=(o.written or o.due) + (first - o.milestone.due)))
    return out


def slip_days(o: Occurrence) -> int | None:
    """Current plan minus baseline, in days (the date as written, before a business-day move); None without a baseline."""
    return None if o.baseline is None else ((o.written or o.due) - o.baseline).days


def replans_of(o: Occurrence, history: PlanHistory | None) -> tuple[Replan, ...]:
    found = history.milestone(o.contract.source, o.milestone.id) if history is not None and not o.derived else None
    return found.replans if found is not None else ()


def replans_between(
    occurrences: Iterable[Occurrence], history: PlanHistory | None, start: date, end: date
) -> list[tuple[Occurrence, Replan]]:
    """Re-plans that landed in [start, end], once per milestone (its first occurrence), by day then ref."""
    seen: set[tuple[str, str]] = set()
    found = []
    for o in occurrences:
        key = (o.contract.id, o.milestone.id)
        if key in seen or o.derived:
            continue
        seen.add(key)
        found += [(o, r) for r in replans_of(o, history) if start <= r.day <= end]
    return sorted(found, key=lambda pair: (pair[1].day, pair[0].ref, pair[1].commit))


def slipping(occurrences: Sequence[Occurrence], history: PlanHistory | None, settings: Settings) -> Iterable[Risk]:
    """Open milestones re-planned at least risk.replans times or at least risk.slip_days behind their baseline."""
    seen: set[tuple[str, str]] = set()
    for o in occurrences:
        key = (o.contract.id, o.milestone.id)
        if not o.is_open or o.derived or key in seen or o.contract.status != "active":
            continue
        seen.add(key)  # a recurring milestone is one signal: its next open occurrence
        replans, slip = replans_of(o, history), slip_days(o)
        if len(replans) < settings.risk.replans and (slip is None or slip < settings.risk.slip_days):
            continue
        yield Risk(
            kind="slipping",
            subject_type="milestone",
            subject=o.ref,
            severity="high" if (slip or 0) >= 2 * settings.risk.slip_days or len(replans) >= 2 * settings.risk.replans else "medium",
            detail=msg(
                "history.risk.slipping",
                ref=o.ref,
                replans=len(replans),
                count=len(replans),
                slip=slip or 0,
                baseline=o.baseline.isoformat() if o.baseline is not None else "—",
            ),
            evidence=tuple(
                f"{r.day} {r.commit[:7]} {r.before} → {r.after}" + (f" #{r.pull_request}" if r.pull_request else "") for r in replans
            ),
            contract_ids=(o.contract.id,),
            person=o.owner,
        )
