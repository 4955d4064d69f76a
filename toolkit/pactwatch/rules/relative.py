"""due_after names an existing milestone (or occurrence) and forms no cycle; working days need a calendar."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from pactwatch.dates import occurrence_dates
from pactwatch.engine.deadlines import anchor_of
from pactwatch.findings import Finding
from pactwatch.model import Contract, Milestone, Settings
from pactwatch.rules.dependencies import find_cycle
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    by_id = {m.id: m for m in contract.milestones}
    graph: dict[str, tuple[str, ...]] = {}
    for m in contract.milestones:
        if m.due_after is None:
            continue
        problem = _anchor_problem(m.due_after.anchor, by_id)
        if problem is not None:
            yield site.finding("PW351", f"/milestones/{m.index}/due_after/milestone", f"milestone '{m.id}' {problem[0]}", problem[1])
        else:
            graph[m.id] = (anchor_of(m.due_after.anchor)[0],)
    cycle = find_cycle(graph)
    if cycle:
        first = by_id[cycle[0]]
        yield site.finding(
            "PW352",
            f"/milestones/{first.index}/due_after",
            "relative deadlines form a cycle: " + " -> ".join([*cycle, cycle[0]]),
            "one milestone of the chain needs a fixed due date",
        )


def _anchor_problem(reference: str, by_id: Mapping[str, Milestone]) -> tuple[str, str] | None:
    """(what is wrong, a hint) with a due_after reference, or None."""
    name, day = anchor_of(reference)
    anchor = by_id.get(name)
    if anchor is None:
        return f"is due after '{reference}', which this contract does not have", "known milestones: " + ", ".join(sorted(by_id))
    if anchor.repeat is None and day is not None:
        return f"is due after '{reference}', but '{name}' does not repeat", f"write milestone: {name}"
    if anchor.repeat is not None and day is None:
        first = anchor.due.isoformat()
        return f"is due after '{name}', which repeats", f"name one occurrence, e.g. milestone: {name}@{first}"
    if anchor.repeat is not None and day not in occurrence_dates(anchor.due, anchor.repeat):
        return (
            f"is due after '{reference}', which is not an occurrence of '{name}'",
            f"occurrences start {anchor.due} ({name}@{anchor.due})",
        )
    return None


def check_calendar(contracts: Iterable[Contract], settings: Settings, sites: Mapping[str, Site]) -> Iterator[Finding]:
    """Working-day offsets and business-day conventions mean nothing without the settings' calendar (PW353)."""
    if settings.calendar is not None:
        return
    hint = "add calendar: {country: CN} to pactwatch.yml, or count calendar days (days: 30)"
    for contract in contracts:
        if contract.business_day not in (None, "none"):
            yield sites[contract.source].finding("PW353", "/terms/business_day", "a business-day convention without a calendar", hint)
        for m in contract.milestones:
            if m.due_after is not None and m.due_after.working:
                pointer, message = (
                    f"/milestones/{m.index}/due_after/working_days",
                    f"milestone '{m.id}' counts working days without a calendar",
                )
                yield sites[contract.source].finding("PW353", pointer, message, hint)
            if m.business_day not in (None, "none"):
                pointer, message = (
                    f"/milestones/{m.index}/business_day",
                    f"milestone '{m.id}' has a business-day convention without a calendar",
                )
                yield sites[contract.source].finding("PW353", pointer, message, hint)
