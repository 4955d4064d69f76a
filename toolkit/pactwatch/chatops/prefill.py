"""The site's "Mark done" and "Report a delay" links: GitHub's new-issue page, prefilled with a title the
chatops workflow recognises (``[pactwatch] C-2026-001/M3 …``) and the command as the body. Pure."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from pactwatch.catalogue import text, word
from pactwatch.chatops.event import TITLE_PREFIX
from pactwatch.engine.records import OPEN_STATES
from pactwatch.escape.html import escape_text
from pactwatch.links import new_issue, new_issue_page

DUE = "{due}"  # in a request's body template: where the contract page's script puts the row's due date


def can_ask(state: str, ref: str) -> bool:
    """Whether an occurrence gets the requests: open, and not derived (a derived key starts with "_", and a row of
    the site shows it empty)."""
    return state in OPEN_STATES and bool(ref) and not ref.startswith("_")


def _title_prefix(contract_id: str) -> str:
    return f"{TITLE_PREFIX}{contract_id}/"


def _bodies(due: str, today: date, language: str) -> list[tuple[str, str]]:
    """(label, body) of each request: the command the chatops workflow reads."""
    done = (text("chatops.site.mark_done", language), f"/done {today.isoformat()}\n")
    delay = (text("chatops.site.report_delay", language), f"/reschedule {due} {word('chatops.site.delay_reason', language)}\n")
    return [done, delay]


def _asks(contract_id: str, ref: str, title: str, due: str, today: date, language: str) -> tuple[str, list[tuple[str, str]]]:
    """The issue's title, and (label, body) of each request."""
    return f"{_title_prefix(contract_id)}{ref} {title}", _bodies(due, today, language)


def request_links(
    repository: str | None, contract_id: str, ref: str, title: str, due: str, today: date, language: str
) -> list[tuple[str, str]]:
    """(label, url) of the two links for one open milestone occurrence; none without a repository."""
    issue_title, asks = _asks(contract_id, ref, title, due, today, language)
    found = [(label, new_issue(repository, issue_title, body)) for label, body in asks]
    return [(label, url) for label, url in found if url is not None]


def request_data(repository: str | None, contract_id: str, today: date, language: str) -> list[str | list[str]] | None:
    """What the requests of a contract page share, for assets/pactwatch.js to write a GET form of GitHub's
    new-issue page for each row carrying a due date (``data-due``, where ``can_ask``): the page, the issue
    title's prefix (the row's "id title" follows it) and (label, body) of each request, the body with ``DUE``
    for the row's date. The forms send the same title and bodies as the person page's links; None without a
    repository."""
    page = new_issue_page(repository)
    if page is None:
        return None
    return [page, _title_prefix(contract_id), *[[label, body] for label, body in _bodies(DUE, today, language)]]


def links_html(
    repository: str | None, contract_id: str, ref: str, title: str, state: str, due: object, today: date, language: str
) -> Markup:
    """The links as HTML for a page (empty for a closed occurrence, a derived one, or without a repository)."""
    if not can_ask(state, ref):
        return Markup("")
    shown = due.isoformat() if isinstance(due, date) else str(due)  # an Occurrence's date or a row's due_iso
    found = request_links(repository, contract_id, ref, title, shown, today, language)
    return Markup(
        " · ".join(f'<a class="pw-request" href="{escape_text(url)}" rel="noopener">{escape_text(label)}</a>' for label, url in found)
    )
