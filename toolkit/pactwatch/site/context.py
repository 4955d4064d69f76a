"""What the page generators read: the evaluation plus the lookups every page family shares.

Built once per build in linear time (indexes by person, counterparty and
contract), so each page costs only its own rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from markupsafe import Markup

from pactwatch import links, naming
from pactwatch.catalogue.jinja import globals_for
from pactwatch.engine.records import ContractView, Evaluation, Occurrence, Risk
from pactwatch.escape.html import escape_text
from pactwatch.findings import Finding
from pactwatch.history.records import TrendRow
from pactwatch.i18n import format_date, format_money
from pactwatch.load.files import CONTRACTS_DIR
from pactwatch.model import Counterparty, Settings
from pactwatch.naming import assign_slugs, group_key
from pactwatch.site.history import Change


@dataclass(frozen=True, slots=True)
class SiteInput:
    """Everything a build reads, already loaded: pure page generation starts here."""

    evaluation: Evaluation
    findings: tuple[Finding, ...] = ()
    history: Mapping[str, tuple[Change, ...]] = field(default_factory=dict)
    feeds: tuple[str, ...] = ()  # feed paths relative to calendar/ (all.ics, people/x.ics, ...)
    public: bool = False
    root: Path | None = None  # for the portfolio's own templates
    trends: tuple[TrendRow, ...] = ()  # month-ends as they stood (pactwatch.history.trends), oldest first


def left_out(findings: tuple[Finding, ...], sources: set[str]) -> list[str]:
    """Contract files with an error that gave no contract, so no page: YAML or structure broken, impossible dates,
    too many occurrences. Files with other errors (an unknown owner, say) are on the site, with their problems."""
    contract_files = {f.file for f in findings if f.severity == "error" and (f.file + "/").startswith(CONTRACTS_DIR + "/")}
    return sorted(contract_files - sources)


@dataclass(frozen=True, slots=True)
class FeedLinks:
    """A feed's download link (relative) and, only with a plain http(s) ``site_url``, its https and webcal addresses."""

    href: str
    https: str | None = None
    webcal: str | None = None


@dataclass(frozen=True, slots=True)
class CounterpartyGroup:
    key: str  # naming.group_key
    slug: str
    counterparty: Counterparty  # the first contract's (sorted by id)
    views: tuple[ContractView, ...]


class Site:
    """Lookups and formatting shared by every page family."""

    def __init__(self, data: SiteInput) -> None:
        self.data = data
        self.ev = data.evaluation
        self.settings: Settings = self.ev.portfolio.settings
        self.language = self.settings.language
        self.today: date = self.ev.today
        self.public = data.public
        self.people = self.ev.portfolio.people
        self.views: list[ContractView] = [self.ev.contracts[c.id] for c in self.ev.portfolio.contracts]
        self.feeds = frozenset(data.feeds)
        self.words = globals_for(self.language, escape_text, Markup)  # t(id, **facts) and word(id): facts escaped
        self.t: Callable[..., str] = self.words["t"]
        self.left_out = left_out(data.findings, {c.source for c in self.ev.portfolio.contracts})
        self._index()

    def _index(self) -> None:
        slugs = assign_slugs([c.counterparty for c in self.ev.portfolio.contracts])
        groups: dict[str, list[ContractView]] = defaultdict(list)
        for view in self.views:
            groups[group_key(view.contract.counterparty)].append(view)
        self.slug_of: dict[str, str] = {key: slugs[key] for key in groups}
        self.groups = sorted(
            (CounterpartyGroup(key, slugs[key], views[0].contract.counterparty, tuple(views)) for key, views in groups.items()),
            key=lambda g: (g.counterparty.name, g.slug),
        )
        self.by_owner: dict[str, list[Occurrence]] = defaultdict(list)
        for o in self.ev.occurrences:
            self.by_owner[o.owner].append(o)
        self.owned: dict[str, list[ContractView]] = defaultdict(list)
        for view in self.views:
            self.owned[view.contract.owner].append(view)
        self.risks_by_contract: dict[str, list[Risk]] = defaultdict(list)
        self.risks_by_counterparty: dict[str, list[Risk]] = defaultdict(list)
        self.risk_rank: dict[int, int] = {}  # id(risk) -> its place in the engine's order (pages merge risk lists)
        for rank, risk in enumerate(self.ev.risks):
            self.risk_rank[id(risk)] = rank
            for cid in risk.contract_ids:
                self.risks_by_contract[cid].append(risk)
            if risk.subject_type == "counterparty":
                self.risks_by_counterparty[risk.subject].append(risk)

    # ---- names and links (relative to the site root; pages prefix them with their own depth) ----

    def person_name(self, person: str) -> str:
        return naming.person_name(person, self.people)

    def person_ids(self) -> list[str]:
        return sorted(set(self.people) | set(self.by_owner) | set(self.owned))

    def person_href(self, person: str) -> str | None:
        """The person's page, for people in people.yaml or owning something (others have none)."""
        return links.person_page(person) if person in self.people or person in self.by_owner else None

    def counterparty_slug(self, counterparty: Counterparty) -> str:
        return self.slug_of[group_key(counterparty)]

    def counterparty_href(self, counterparty: Counterparty) -> str:
        return links.counterparty_page(self.counterparty_slug(counterparty))

    def feed(self, path: str) -> str | None:
        """A feed path (relative to calendar/) if the build wrote it."""
        return path if path in self.feeds else None

    def feed_links(self, path: str | None) -> FeedLinks | None:
        """The links of a feed (href relative to the site root); without site_url, the download link alone."""
        if path is None:
            return None
        absolute = links.feed_urls(self.settings.site_url, path)
        return FeedLinks(links.feed(path), *(absolute or (None, None)))

    def repository_file(self, file: str, *, action: str = "blob", line: int = 0) -> str | None:
        return links.repository_file(self.settings.repository, file, action=action, line=line)

    # ---- formatting ----

    def date(self, day: date | None) -> str:
        return "" if day is None else format_date(day, self.language)

    def money(self, amount: Decimal | None, currency: str) -> str:
        if amount is None or self.public:
            return ""
        return format_money(amount, currency, self.language)

    def money_map(self, amounts: Mapping[str, Decimal]) -> str:
        if self.public:
            return ""
        return " + ".join(format_money(a, c, self.language) for c, a in sorted(amounts.items()) if a) or "—"
