"""One page per contract: /contracts/<id>/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from pactwatch import links, naming
from pactwatch.catalogue import text
from pactwatch.catalogue.terms import term_label
from pactwatch.chatops.prefill import can_ask, request_data
from pactwatch.engine.records import ContractView
from pactwatch.escape.html import json_attribute
from pactwatch.i18n import format_share, word
from pactwatch.model import KeyTerm
from pactwatch.rules.urls import is_safe_url
from pactwatch.site import charts, timeline
from pactwatch.site.common import DETAIL, Page, feed_context, prefix, render_page, risk_items, rows, when_text
from pactwatch.site.context import Site
from pactwatch.site.plan_history import replan_rows
from pactwatch.site.rows import milestone_rows


def page_path(contract_id: str) -> str:
    return naming.contract_page(contract_id)


def _term_value(term: KeyTerm, language: str) -> str:
    value = term.value
    if isinstance(value, bool):
        return text("site.yes" if value else "site.no", language)
    return str(value)


def _facts(site: Site, view: ContractView) -> dict[str, Any]:
    c, lang = view.contract, site.language
    progress = view.progress
    share = progress.share
    term = view.current_term or c.term
    renew = ""
    if term is not None:
        renew = text("site.renews_by", lang, count=term.renewal_months or 12) if term.auto_renew else text("site.no_auto_renew", lang)
    notice_days = (view.notice_deadline - site.today).days if view.notice_deadline else None
    return {
        "value": site.money(c.value.amount, c.value.currency) if c.value else "",
        "collected": site.money_map(progress.collected) if progress.collected else "",
        "settled_word": text("money.paid" if c.side == "buy" else "site.collected", lang),  # 已付款 on our purchases, 已回款 on sales
        "collected_share": format_share(view.collected_share) if view.collected_share is not None and not site.public else "",
        "done": progress.done,
        "total": progress.total,
        "share_text": format_share(share),
        "bar": charts.progress_bar(share, f"{progress.done}/{progress.total}", f"pw-h-{view.health}"),
        "term": f"{site.date(term.start)} – {site.date(term.end)}" if term else "",
        "renew": renew,
        "notice": site.date(view.notice_deadline),
        "notice_days": notice_days,
        "notice_soon": notice_days is not None and 0 <= notice_days <= site.settings.risk.notice_window_days,
        "signed_on": site.date(c.signed_on),
        "next": view.next_open,
        "next_when": when_text(site, view.next_open) if view.next_open else "",
        "next_due": site.date(view.next_open.due) if view.next_open else "",
    }


def _history(site: Site, view: ContractView) -> list[dict[str, Any]]:
    if site.public:
        return []
    out = []
    for change in site.data.history.get(view.contract.source, ()):
        pull = change.pull_request
        out.append(
            {
                "date": site.date(change.day),
                "author": change.author,
                "subject": change.subject,
                "pull": pull,
                "pull_href": links.pull_request(site.settings.repository, pull) if pull is not None else None,
                "commit": change.commit[:7],
            }
        )
    return out


def _mailto(site: Site, person: str) -> str | None:
    found = site.people.get(person)
    if site.public or found is None or not found.email:
        return None
    return links.mailto(found.email)


def _asks(site: Site, view: ContractView) -> Markup:
    """What the "Mark done" / "Report a delay" forms of the open occurrences share (the quoted value of the
    milestone table's ``data-pw-asks``; each row that gets them carries its due date): empty when none does."""
    if not any(can_ask(o.state, o.key) for o in view.occurrences):
        return Markup("")
    data = request_data(site.settings.repository, view.contract.id, site.today, site.language)
    return json_attribute(data) if data is not None else Markup("")


def _context(site: Site, view: ContractView, path: str) -> dict[str, Any]:
    c, lang = view.contract, site.language
    root = prefix(path)
    owner_href = site.person_href(c.owner)
    asks = _asks(site, view)
    return {
        "c": c,
        "view": view,
        "health": view.health,
        "health_text": word(view.health, lang),
        "type_text": word(c.type, lang),
        "status_text": word(c.status, lang),
        "owner": site.person_name(c.owner),
        "owner_href": root + owner_href if owner_href else None,
        "owner_person": site.people.get(c.owner),
        "counterparty_href": root + site.counterparty_href(c.counterparty),
        "facts": _facts(site, view),
        "terms": [(term_label(term.key, lang, site.settings.term_labels), _term_value(term, lang)) for term in c.terms],
        "gantt": timeline.gantt(view, site.today, lang),
        "asks": asks,
        "milestone_rows": milestone_rows(rows(site, view.occurrences, root), site.t, site.public, bool(asks)),
        "amendments": [(a.id, site.date(a.date), a.summary) for a in sorted(c.amendments, key=lambda a: (a.date, a.id))],
        "documents": [(d.title, d.url.strip() if is_safe_url(d.url) else None) for d in c.documents],
        "history": _history(site, view),
        "replans": replan_rows(site, view),
        "edit_href": site.repository_file(c.source, action="edit"),
        "source_href": site.repository_file(c.source),
        "feed": feed_context(site, naming.contract_feed(c.id), root),
        "risks": risk_items(site, site.risks_by_contract.get(c.id, ())),
        "mailto": _mailto(site, c.owner),
    }


def pages(env: Environment, site: Site) -> Iterator[Page]:
    for view in site.views:
        path = page_path(view.contract.id)
        title = f"{view.contract.id} {view.contract.title}"
        yield render_page(env, site, path, "pages/contract.html", title, theme=DETAIL, **_context(site, view, path))
