"""Rules across files: people and managers, owners, duplicate ids, completion dates after today."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

from pactwatch.catalogue import Msg, msg
from pactwatch.findings import Finding
from pactwatch.model import Contract, Person
from pactwatch.naming import person_name
from pactwatch.rules import far_dates
from pactwatch.rules.dependencies import cycle_text
from pactwatch.rules.site import Site


def check_people(people: list[Person], site: Site) -> Iterator[Finding]:
    by_id = {p.id: p for p in reversed(people)}  # the first of two namesakes names the id
    ids = set(by_id)
    seen: set[str] = set()
    for index, person in enumerate(people):
        if person.id in seen:
            yield site.finding("PW318", f"/people/{index}/id", msg("finding.person_id_twice", person=person.id))
        seen.add(person.id)
        if person.manager is not None and person.manager not in ids:
            message = msg("finding.unknown_manager", manager=person.manager, person=person_name(person.id, by_id, with_id=True))
            yield site.finding("PW305", f"/people/{index}/manager", message, near_miss(person.manager, by_id))
    managers = {p.id: p.manager for p in people if p.manager in ids}
    reported: set[str] = set()
    for index, person in enumerate(people):
        chain: list[str] = []
        current: str | None = person.id
        while current is not None and current not in chain:
            chain.append(current)
            current = managers.get(current)
        if current is not None and current == person.id and person.id not in reported:
            reported.update(chain)
            yield site.finding("PW306", f"/people/{index}/manager", msg("finding.manager_cycle", cycle=cycle_text(chain)))


def check_contracts(
    contracts: Iterable[Contract], people: Mapping[str, Person] | None, today: date, sites: Mapping[str, Site]
) -> Iterator[Finding]:
    for contract in contracts:
        site = sites[contract.source]
        if people is not None:
            yield from _owners(contract, people, site)
        yield from _future_completions(contract, today, site)
        yield from far_dates.check(contract, today, site)


def _owners(contract: Contract, people: Mapping[str, Person], site: Site) -> Iterator[Finding]:
    def unknown(person_id: str, pointer: str) -> Finding:
        return site.finding("PW304", pointer, msg("finding.unknown_owner", owner=person_id), near_miss(person_id, people))

    if contract.owner not in people:
        yield unknown(contract.owner, "/owner")
    for m in contract.milestones:
        if m.owner not in people:
            yield unknown(m.owner, f"/milestones/{m.index}/owner")
    if contract.watchers:  # people ids or teams of people.yaml (pactwatch announce tells them of every merged change)
        teams = {p.team for p in people.values() if p.team}
        for index, watcher in enumerate(contract.watchers):
            if watcher not in people and watcher not in teams:
                message = msg("changes.announce.unknown_watcher", watcher=watcher)
                yield site.finding("PW304", f"/watchers/{index}", message, near_miss(watcher, people))


def near_miss(person_id: str, people: Mapping[str, Person]) -> Msg:
    """The hint for an unknown person id: the closest id in people.yaml, named (liu.mn -> 'liu.min' (刘敏)), else how to fix it."""
    close = difflib.get_close_matches(person_id, sorted(people), n=1)
    if not close:
        return msg("finding.hint.add_person")
    return msg("finding.hint.did_you_mean_person", suggestion=close[0], name=person_name(close[0], people))


def _future_completions(contract: Contract, today: date, site: Site) -> Iterator[Finding]:
    hint = msg("finding.hint.record_when_done", today=today.isoformat())
    for m in contract.milestones:
        if m.completed_on is not None and m.completed_on > today:
            yield site.finding(
                "PW311",
                f"/milestones/{m.index}/completed_on",
                msg("finding.completed_after_today", milestone=m.id, completed=m.completed_on.isoformat()),
                hint,
            )
        for due, done in sorted(m.completed.items()):
            if done > today:
                yield site.finding(
                    "PW311",
                    f"/milestones/{m.index}/completed/{due.isoformat()}",
                    msg("finding.occurrence_completed_after_today", due=due.isoformat(), milestone=m.id, completed=done.isoformat()),
                    hint,
                )


def check_duplicate_ids(all_sources: list[str], checked: set[str], sites: Mapping[str, Site]) -> Iterator[Finding]:
    """Ids equal file names (PW301), so two files with one stem are two contracts with one id."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for source in all_sources:
        by_stem[source.rsplit("/", 1)[-1].rsplit(".", 1)[0]].append(source)
    for stem, sources in sorted(by_stem.items()):
        if len(sources) < 2:
            continue
        for source in sources:
            if source in checked:
                others = ", ".join(s for s in sources if s != source)
                message, hint = msg("finding.duplicate_contract_id", id=stem, files=others), msg("finding.hint.unique_ids")
                if source in sites:
                    yield sites[source].finding("PW302", "/id", message, hint)
                else:
                    yield Finding("PW302", "error", source, 1, 1, "/id", message, hint)
