"""The site's "Mark done" and "Report a delay" links: GitHub's new-issue page, prefilled with a title the
chatops workflow recognises (``[pactwatch] C-2026-001/M3 …``) and the command as the body. Pure."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from pactwatch.catalogue import text, word
from pactwatch.chatops.event import TITLE_PREFIX
from pactwatch.escape.html import escape_text
from pactwatch.links import new_issue, new_issue_page

OPEN_STATES = frozenset({"overdue", "due_soon", "upcoming"})


def _asks(contract_id: str, ref: str, title: str, due: str, today: date, language: str) -> tuple[str, list[tuple[str, str]]]:
    """The issue's title, and (label, body) of each request: the command the chatops workflow reads."""
    done = (text("chatops.site.mark_done", language), f"/done {today.isoformat()}\n")
    delay = (text("chatops.site.report_delay", language), f"/reschedule {due} {word('chatops.site.delay_reason', language)}\n")
    return f"{TITLE_PREFIX}{contract_id}/{ref} {title}", [done, delay]


def request_links(
    repository: str | None, contract_id: str, ref: str, title: str, due: str, today: date, language: str
) -> list[tuple[str, str]]:
    """(label, url) of the two links for one open milestone occurrence; none without a repository."""
    issue_title, asks = _asks(contract_id, ref, title, due, today, language)
    found = [(label, new_issue(repository, issue_title, body)) for label, body in asks]
    return [(label, url) for label, url in found if url is not None]


def request_form(
    repository: str | None, contract_id: str, ref: str, title: str, state: str, due: date, today: date, language: str
) -> Markup:
    """The two requests as a GET form of GitHub's new-issue page: the same title and bodies as the links, but
    the title once and in UTF-8, not percent-encoded twice (~40% of the bytes); it needs no JavaScript.
    Empty for a closed occurrence, a derived one, or without a repository."""
    page = new_issue_page(repository)
    if page is None or state not in OPEN_STATES or not ref or ref.startswith("_"):
        return Markup("")
    issue_title, asks = _asks(contract_id, ref, title, due.isoformat(), today, language)
    buttons = " · ".join(f'<button name=body value="{escape_text(body)}">{escape_text(label)}</button>' for label, body in asks)
    # attribute names and constant values unquoted (HTML allows it): styled as .pw-requests form in pactwatch.css
    return Markup(f'<form action="{escape_text(page)}"><input type=hidden name=title value="{escape_text(issue_title)}">{buttons}</form>')


def links_html(
    repository: str | None, contract_id: str, ref: str, title: str, state: str, due: object, today: date, language: str
) -> Markup:
    """The links as HTML for a page (empty for a closed occurrence, a derived one, or without a repository)."""
    if state not in OPEN_STATES or not ref or ref.startswith("_"):
        return Markup("")
    shown = due.isoformat() if isinstance(due, date) else str(due)  # an Occurrence's date or a row's due_iso
    found = request_links(repository, contract_id, ref, title, shown, today, language)
    return Markup(
        " · ".join(f'<a class="pw-request" href="{escape_text(url)}" rel="noopener">{escape_text(label)}</a>' for label, url in found)
    )
