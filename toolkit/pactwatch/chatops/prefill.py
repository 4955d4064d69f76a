"""The site's "Mark done" and "Report a delay" links: GitHub's new-issue page, prefilled with a title the
chatops workflow recognises (``[pactwatch] C-2026-001/M3 …``) and the command as the body. Pure."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from pactwatch.catalogue import text, word
from pactwatch.chatops.event import TITLE_PREFIX
from pactwatch.escape.html import escape_text
from pactwatch.links import new_issue

OPEN_STATES = frozenset({"overdue", "due_soon", "upcoming"})


def request_links(
    repository: str | None, contract_id: str, ref: str, title: str, due: str, today: date, language: str
) -> list[tuple[str, str]]:
    """(label, url) of the two links for one open milestone occurrence; none without a repository."""
    issue_title = f"{TITLE_PREFIX}{contract_id}/{ref} {title}"
    done = new_issue(repository, issue_title, f"/done {today.isoformat()}\n")
    delay = new_issue(repository, issue_title, f"/reschedule {due} {word('chatops.site.delay_reason', language)}\n")
    if done is None or delay is None:
        return []
    return [(text("chatops.site.mark_done", language), done), (text("chatops.site.report_delay", language), delay)]


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
