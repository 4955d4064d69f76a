"""Issue titles, bodies and comments in the portfolio's language, from Jinja2 templates.

Templates live in ``templates/github/`` (shipped in the wheel); a portfolio's own
``templates/github/`` overrides them file by file. One template per text, for both languages: its words
are catalogue ids (``t("github.alert.lead", ...)``, pactwatch.catalogue.jinja). Every ``{{ value }}`` a template prints passes
through ``finalize``: contract text is made inert (pactwatch.escape.github_markdown) unless it is ``Trusted``
(links and handles we built ourselves). So a template cannot forget to escape.

The hidden marker is added here, not by the template, so an overriding template cannot drop it.
The days-late line sits between ``<!-- pactwatch:as-of -->`` comments: it changes every day, so the
planner ignores it when deciding whether a body needs an update (``stable``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from pactwatch.catalogue import word
from pactwatch.catalogue.jinja import globals_for
from pactwatch.engine.records import Occurrence
from pactwatch.errors import PactwatchError
from pactwatch.escape.github_markdown import code_span as _code_span
from pactwatch.escape.github_markdown import markdown_text, title_text
from pactwatch.github.issues import marker
from pactwatch.i18n import amount_text, format_date, with_due_note
from pactwatch.links import DEFAULT_BRANCH, GITHUB, contract_url, repository_file
from pactwatch.model import Person, Settings
from pactwatch.naming import person_name
from pactwatch.resources import data_dir, own_templates

TITLE_LIMIT = 256  # GitHub refuses a longer issue title (422), on every run
_AS_OF = re.compile(r"<!-- pactwatch:as-of -->.*?<!-- /pactwatch:as-of -->", re.DOTALL)
CloseWhy = str  # done | done_late | waived | cancelled | acknowledged | not_overdue | gone | duplicate


class Trusted(str):
    """Text pactwatch built itself (a URL it quoted, a handle people.yaml validated): printed as is."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Links:
    repository: str  # owner/name
    server_url: str = GITHUB
    branch: str = DEFAULT_BRANCH
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class AlertFacts:
    """What an alert says about one overdue occurrence, ready for a template."""

    ref: str
    contract_id: str
    contract_title: str
    counterparty: str
    milestone_id: str
    milestone_title: str
    kind: str  # in the portfolio's language
    due: str  # the effective date, with why it is not the date written
    due_iso: Trusted  # the occurrence's date as written (its key under `completed`), ISO
    days_late: int
    as_of: str
    amount: str | None
    owner: str  # display name
    owner_handle: Trusted | None  # "@login"
    manager: str | None
    manager_handle: Trusted | None
    source: str  # the contract file, relative to the repository root
    source_url: Trusted | None  # None only when the repository or branch cannot make a link
    contract_url: Trusted | None  # None when there is no site or the contract is confidential
    recurring: bool
    derived: bool  # a notice deadline computed from the term
    escalate_after_days: int


def escalation_marker(ref: str) -> str:
    """Hidden in the escalation comment, so a retry after a lost answer can tell it was posted."""
    return f"<!-- pactwatch-escalation:{ref} -->"


def stable(body: str) -> str:
    """A body without its days-late line: what must match for the body to count as up to date."""
    return _AS_OF.sub("", body).strip()


def bounded_title(make: Callable[[str], str], user: str, limit: int = TITLE_LIMIT) -> str:
    """``make(user)``, within ``limit`` characters: the user-written part is cut (with an ellipsis) so
    that our own words, the state word and the id, stay. Escaping can lengthen a value (joiners), so
    the result is measured, not predicted; a title still too long (an overriding template) is cut last."""
    title = make(user)
    while len(title) > limit and user:
        user = user[: max(len(user) - (len(title) - limit) - 1, 0)].rstrip()
        title = make(f"{user}…" if user else "")
    return title[:limit]


def _trusted(url: str | None) -> Trusted | None:
    return None if url is None else Trusted(url)


def _handle(person: Person | None) -> Trusted | None:
    return Trusted(f"@{person.github}") if person is not None and person.github else None


def facts(o: Occurrence, people: Mapping[str, Person], settings: Settings, links: Links, today: date) -> AlertFacts:
    lang = settings.language
    owner = people.get(o.owner)
    manager = people.get(owner.manager) if owner is not None and owner.manager else None
    contract = o.contract
    page = None if contract.confidential else contract_url(links.site_url or settings.site_url, contract.id)
    source = repository_file(links.repository, contract.source, branch=links.branch, server=links.server_url)
    return AlertFacts(
        ref=o.ref,
        contract_id=contract.id,
        contract_title=contract.title,
        counterparty=contract.counterparty.name,
        milestone_id=o.milestone.id,
        milestone_title=o.title,
        kind=word(f"value.{o.kind}", lang),
        due=with_due_note(format_date(o.due, lang), o, lang),  # and why it moved, if it did
        due_iso=Trusted((o.written or o.due).isoformat()),  # the key under `completed`: the date as written
        days_late=o.days_late,
        as_of=format_date(today, lang),
        amount=amount_text(o, lang, fee=False) if o.amount is not None else None,  # 应收/应付; the fee grows daily: not in the body
        owner=person_name(o.owner, people),
        owner_handle=_handle(owner),
        manager=person_name(manager.id, people) if manager is not None else None,
        manager_handle=_handle(manager),
        source=contract.source,
        source_url=_trusted(source),
        contract_url=_trusted(page),
        recurring=o.milestone.repeat is not None,
        derived=o.derived,
        escalate_after_days=settings.escalate_after_days,
    )


def code_span(value: object) -> Trusted:
    """A Markdown code span showing ``value`` literally (the ``code`` filter of the templates)."""
    return Trusted(_code_span(value))


def _finalizer(clean: Any) -> Any:
    def finalize(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, Trusted):
            return str(value)
        return str(clean(str(value)))

    return finalize


def search_path(portfolio_root: Path | None, shipped: Path) -> list[Path]:
    """Template folders, most specific first: the portfolio's own templates/, then the shipped ones."""
    own = portfolio_root / "templates" if portfolio_root is not None else None
    return [p for p in (own, shipped) if p is not None and p.is_dir()]


def refuse_per_language(folders: Sequence[Path], shipped: Path) -> None:
    """A portfolio's ``github/<name>.zh.j2`` (the old per-language copies) would be silently ignored: say so."""
    for folder in folders:
        if folder.resolve().is_relative_to(shipped):
            continue
        old = sorted(p.name for p in (folder / "github").glob("*.j2") if p.name.endswith((".zh.j2", ".en.j2")))
        if old:
            raise PactwatchError(
                f"{folder / 'github' / old[0]}: per-language issue templates are no longer read;"
                " make one github/<name>.j2 for both languages (its words are catalogue ids: t('github.alert.lead', ...))"
            )


class Renderer:
    """Renders the github/ templates in one language. Deterministic: same facts, same text."""

    def __init__(self, folders: Sequence[Path], language: str) -> None:
        shipped = data_dir("templates").resolve()
        refuse_per_language(folders, shipped)
        loader = ChoiceLoader(  # a portfolio's own templates arrive by pull request: read as regular files only
            [FileSystemLoader(str(f)) if f.resolve().is_relative_to(shipped) else own_templates(f) for f in folders]
        )
        options: dict[str, Any] = {"loader": loader, "undefined": StrictUndefined, "trim_blocks": True, "lstrip_blocks": True}
        self._markdown = Environment(finalize=_finalizer(markdown_text), autoescape=False, **options)  # Markdown: finalize escapes
        self._plain = Environment(finalize=_finalizer(title_text), autoescape=False, **options)  # titles: finalize neutralises
        self._markdown.filters["code"] = code_span
        self.language = language
        self._markdown.globals.update(globals_for(language, markdown_text, Trusted))  # facts escaped, our words as they are
        self._plain.globals.update(globals_for(language, title_text, Trusted))

    def _render(self, env: Environment, name: str, **context: Any) -> str:
        return env.get_template(f"github/{name}.j2").render(**context).strip()

    def title(self, alert: AlertFacts) -> str:
        """The issue title, at most TITLE_LIMIT characters: a long milestone title is what gets cut."""

        def make(milestone_title: str) -> str:
            return " ".join(self._render(self._plain, "alert-title", a=replace(alert, milestone_title=milestone_title)).split())

        return bounded_title(make, alert.milestone_title)

    def body(self, alert: AlertFacts) -> str:
        return f"{marker(alert.ref)}\n{self._render(self._markdown, 'alert-body', a=alert)}\n"

    def escalation(self, alert: AlertFacts) -> str:
        return f"{escalation_marker(alert.ref)}\n{self._render(self._markdown, 'escalation', a=alert)}\n"

    def closing(self, ref: str, why: CloseWhy, alert: AlertFacts | None, detail: Mapping[str, str]) -> str:
        context = {"ref": ref, "why": why, "a": alert, "detail": detail}
        return self._render(self._markdown, "closing", **context) + "\n"
