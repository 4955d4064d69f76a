"""Rules across files: people and managers, owners, duplicate ids, completion dates after today."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

from pactwatch.findings import Finding
from pactwatch.model import Contract, Person
from pactwatch.rules import far_dates
from pactwatch.rules.site import Site


def check_people(people: list[Person], site: Site) -> Iterator[Finding]:
    ids = {p.id for p in people}
    seen: set[str] = set()
    for index, person in enumerate(people):
        if person.id in seen:
            yield site.finding("PW318", f"/people/{index}/id", f"person id '{person.id}' is used twice")
        seen.add(person.id)
        if person.manager is not None and person.manager not in ids:
            yield site.finding("PW305", f"/people/{index}/manager", f"manager '{person.manager}' of '{person.id}' is not in people.yaml")
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
            yield site.finding("PW306", f"/people/{index}/manager", "managers form a cycle: " + " -> ".join([*chain, person.id]))


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
        return site.finding("PW304", pointer, f"owner '{person_id}' is not in people.yaml", "add the person to people.yaml or fix the id")

    if contract.owner not in people:
        yield unknown(contract.owner, "/owner")
    for m in contract.milestones:
        if m.owner not in people:
            yield unknown(m.owner, f"/milestones/{m.index}/owner")


def _future_completions(contract: Contract, today: date, site: Site) -> Iterator[Finding]:
    hint = f"today is {today}; record a completion once it has happened"
    for m in contract.milestones:
        if m.completed_on is not None and m.completed_on > today:
            yield site.finding(
                "PW311", f"/milestones/{m.index}/completed_on", f"milestone '{m.id}' is completed on {m.completed_on}, after today", hint
            )
        for due, done in sorted(m.completed.items()):
            if done > today:
                yield site.finding(
                    "PW311",
                    f"/milestones/{m.index}/completed/{due.isoformat()}",
                    f"occurrence {due} of '{m.id}' is completed on {done}, after today",
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
                message, hint = f"contract id '{stem}' is also used by {others}", "contract ids are unique across the portfolio"
                if source in sites:
                    yield sites[source].finding("PW302", "/id", message, hint)
                else:
                    yield Finding("PW302", "error", source, 1, 1, "/id", message, hint)
