"""Helpers every page family uses: the page record, link prefixes and occurrence rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from pactwatch import links
from pactwatch.catalogue import text
from pactwatch.engine.records import Occurrence, Risk
from pactwatch.i18n import amount_text, due_note, risk_sentence, word
from pactwatch.site.context import FeedLinks, Site
from pactwatch.site.render import SEARCH_END, page_text


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # relative to the docs folder, e.g. "contracts/C-1.md" (served at /contracts/C-1.html)
    text: str


@dataclass(frozen=True, slots=True)
class Kept:
    """A page not rendered again: its digest is the one the last build recorded for it, and its file is there
    (page_keys.Keeper)."""

    path: str


FLAGS = ("blocked", "acknowledged", "projected")  # an occurrence's flags, shown beside its title


def prefix(path: str) -> str:
    """The relative way back to the site root from the page built from ``path`` (a file beside it: links.page)."""
    return "../" * path.count("/")


class Ui:
    """What templates call for links relative to the current page (words: the ``t`` global of catalogue.jinja)."""

    def __init__(self, site: Site, path: str) -> None:
        self.site = site
        self.root = prefix(path)

    def href(self, target: str | None) -> str | None:
        return None if target is None else self.root + target

    def section(self, folder: str, query: str = "") -> str:
        """A section's index page from this page (``../contracts/index.html?health=overdue``)."""
        return self.root + links.section(folder) + (f"?{query}" if query else "")


DETAIL = "detail.html"  # the theme's lean page for pages outside the navigation (templates/site/theme/detail.html)


def render_page(env: Environment, site: Site, path: str, template: str, title: str, *, theme: str | None = None, **context: Any) -> Page:
    """``theme``: the theme template the page is poured into (its meta ``template:``), main.html when None."""
    ui = Ui(site, path)
    body = env.get_template(template).render(ui=ui, site=site, search_end=Markup(SEARCH_END), public=site.public, **context)
    return Page(path, page_text(title, body, {"template": theme} if theme else None))


def occurrence_row(site: Site, o: Occurrence, root: str) -> dict[str, Any]:
    """One milestone occurrence, formatted for a table row (links relative to ``root``)."""
    lang = site.language
    person = site.person_href(o.owner)
    return {
        "key": "" if o.derived else o.key,  # a derived milestone's key (_notice@...) is pactwatch's, not a word to read
        "title": o.title,
        "kind": word(o.kind, lang),
        "state": o.state,
        "state_text": word(o.state, lang),
        "due": site.date(o.due),
        "due_iso": o.due.isoformat(),
        "due_note": due_note(o, lang),  # why the effective date is not the one written ("" when it is)
        "projected": o.projected,
        "completed": site.date(o.completed_on),
        "days_late": o.days_late,
        "days_until": o.days_until,
        "amount": amount_text(o, lang) if o.kind == "payment" and not site.public else "",  # 应收/应付 and any late fee
        "owner": site.person_name(o.owner),
        "owner_href": root + person if person else None,
        "contract_id": o.contract.id,
        "contract_title": o.contract.title,
        "contract_href": root + links.contract_page(o.contract.id),
        "flags": [word(flag, lang) for flag in FLAGS if getattr(o, flag)],
        "derived": o.derived,
        "evidence": o.milestone.evidence or "",
        "depends_on": ", ".join(o.milestone.depends_on),
    }


def rows(site: Site, items: Iterable[Occurrence], root: str) -> list[dict[str, Any]]:
    return [occurrence_row(site, o, root) for o in items]


def when_text(site: Site, o: Occurrence) -> str:
    """'in 3 days' / 'due today' / '12 days overdue' for open occurrences."""
    if o.state == "overdue":
        return text("site.days_overdue", site.language, count=o.days_late)
    if o.days_until == 0:
        return text("site.due_today", site.language)
    if o.days_until is not None:
        return text("site.in_days", site.language, count=o.days_until)
    return word(o.state, site.language)


def risk_items(site: Site, risks: Iterable[Risk]) -> list[tuple[str, str, str, str]]:
    """(severity, its word, the kind's word, the sentence) of each risk, for the risk lists of every page."""
    lang = site.language
    return [
        (r.severity, word(r.severity, lang), word(r.kind, lang), risk_sentence(r.kind, r.subject, r.facts, lang, r.detail)) for r in risks
    ]


def feed_context(site: Site, path: str | None, root: str) -> FeedLinks | None:
    """A feed's links for a page whose way back to the site root is ``root``; None if the build wrote no such feed."""
    found = site.feed_links(site.feed(path) if path else None)
    return None if found is None else replace(found, href=root + found.href)
