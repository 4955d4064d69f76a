"""due_after names an existing milestone (or occurrence) and forms no cycle; working days need a calendar."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from pactwatch.catalogue import Msg, msg
from pactwatch.dates import occurrence_dates
from pactwatch.engine.deadlines import anchor_of
from pactwatch.findings import Finding
from pactwatch.model import Contract, Milestone, Settings
from pactwatch.rules.dependencies import cycle_text, find_cycle
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    by_id = {m.id: m for m in contract.milestones}
    graph: dict[str, tuple[str, ...]] = {}
    for m in contract.milestones:
        if m.due_after is None:
            continue
        problem = _anchor_problem(m.id, m.due_after.anchor, by_id)
        if problem is not None:
            yield site.finding("PW351", f"/milestones/{m.index}/due_after/milestone", *problem)
        else:
            graph[m.id] = (anchor_of(m.due_after.anchor)[0],)
    cycle = find_cycle(graph)
    if cycle:
        first = by_id[cycle[0]]
        yield site.finding(
            "PW352",
            f"/milestones/{first.index}/due_after",
            msg("finding.due_after_cycle", cycle=cycle_text(cycle)),
            msg("finding.hint.fix_one_due"),
        )


def _anchor_problem(milestone: str, reference: str, by_id: Mapping[str, Milestone]) -> tuple[Msg, Msg] | None:
    """(what is wrong, a hint) with milestone's due_after reference, or None."""
    name, day = anchor_of(reference)
    anchor = by_id.get(name)
    if anchor is None:
        known = ", ".join(sorted(by_id))
        return msg("finding.due_after_unknown", milestone=milestone, reference=reference), msg(
            "finding.hint.known_milestones", milestones=known
        )
    if anchor.repeat is None and day is not None:
        return msg("finding.due_after_not_repeating", milestone=milestone, reference=reference, anchor=name), msg(
            "finding.hint.write_anchor", anchor=name
        )
    first = anchor.due.isoformat()
    if anchor.repeat is not None and day is None:
        return msg("finding.due_after_repeating", milestone=milestone, anchor=name), msg(
            "finding.hint.name_one_occurrence", anchor=name, first=first
        )
    if anchor.repeat is not None and day not in occurrence_dates(anchor.due, anchor.repeat):
        return msg("finding.due_after_not_an_occurrence", milestone=milestone, reference=reference, anchor=name), msg(
            "finding.hint.occurrences_start", anchor=name, first=first
        )
    return None


def check_calendar(contracts: Iterable[Contract], settings: Settings, sites: Mapping[str, Site]) -> Iterator[Finding]:
    """Working-day offsets and business-day conventions mean nothing without the settings' calendar (PW353)."""
    if settings.calendar is not None:
        return
    hint = msg("finding.hint.add_calendar")
    for contract in contracts:
        if contract.business_day not in (None, "none"):
            yield sites[contract.source].finding("PW353", "/terms/business_day", msg("finding.business_day_without_calendar"), hint)
        for m in contract.milestones:
            if m.due_after is not None and m.due_after.working:
                pointer, message = (
                    f"/milestones/{m.index}/due_after/working_days",
                    msg("finding.milestone_working_days_without_calendar", milestone=m.id),
                )
                yield sites[contract.source].finding("PW353", pointer, message, hint)
            if m.business_day not in (None, "none"):
                pointer, message = (
                    f"/milestones/{m.index}/business_day",
                    msg("finding.milestone_business_day_without_calendar", milestone=m.id),
                )
                yield sites[contract.source].finding("PW353", pointer, message, hint)
