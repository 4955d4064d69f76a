"""Table rows built in Python for the hottest loop (the milestone table of every contract page).

A Jinja2 macro call per cell costs more than the rest of a contract page; these
rows are the same HTML the templates would write, with every value escaped by
``pactwatch.escape.html.escape_text``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from pactwatch.chatops.prefill import can_ask
from pactwatch.escape.html import escape_text as e

# a state's class on the contract page (its table rows and timeline marks): " class=" and one letter, styled in
# pactwatch.css under .pw-ms and .pw-gantt (o overdue, s due soon, u upcoming, l done late, w waived, c cancelled);
# done, the commonest, is the unclassed default
STATE_CLASS = {"overdue": " class=o", "due_soon": " class=s", "upcoming": " class=u", "done": "", "done_late": " class=l"}
STATE_CLASS |= {"waived": " class=w", "cancelled": " class=c"}


def _flags(o: dict[str, Any]) -> str:
    """A space and a flag each (assets/pactwatch.js rowTitle takes the title in front of them, less the space)."""
    return "".join(f' <span class="pw-flag">{e(flag)}</span>' for flag in o["flags"])


def _due(o: dict[str, Any]) -> str:
    """The effective due date, and under it why it is not the date written (a convention, a relative deadline)."""
    if not o["due_note"]:
        return str(e(o["due"]))
    return f"{e(o['due'])}<small>{e(o['due_note'])}</small>"


def _notes(o: dict[str, Any], t: Callable[..., str]) -> str:
    out = str(e(o["kind"]))
    if o["depends_on"]:
        out += f" · {t('site.label', label=t('site.depends_on'))}{e(o['depends_on'])}"
    if o["evidence"]:
        out += f" · {t('site.label', label=t('site.evidence'))}{e(o['evidence'])}"
    if o["derived"]:
        out += f" · {t('site.derived_notice')}"
    return out


def milestone_rows(rows: Iterable[dict[str, Any]], t: Callable[..., str], public: bool, asks: bool = False) -> Markup:
    """<tr> rows of the contract page's milestone table (see common.occurrence_row for the fields).

    With ``asks`` (the page can make requests: chatops.prefill.request_data), a row that gets them
    (``can_ask``) carries its due date as ``data-due``, from which assets/pactwatch.js writes its
    "Mark done" / "Report a delay" form under the table.

    The table (``pw-ms``) styles its columns, so the cells carry no class: the id and dates do not wrap,
    days late and the amount are numbers, days late in red when there are any; a row's one-letter state class
    colours its state (a <b>) and its first cell; a <small> is a cell's second line (see pactwatch.css).
    Cells and rows leave their end tags out, as HTML allows: a fifth of the table's bytes."""
    out = []
    for o in rows:
        due = f" data-due={o['due_iso']}" if asks and can_ask(o["state"], o["key"]) else ""  # an ISO date: no quotes needed
        owner = f'<a href="{e(o["owner_href"])}">{e(o["owner"])}</a>' if o["owner_href"] else str(e(o["owner"]))
        amount = "" if public else f"<td>{e(o['amount'])}"
        out.append(
            f"<tr{STATE_CLASS[o['state']]}{due}><td>{e(o['key'])}<td>{e(o['title'])}{_flags(o)}<small>{_notes(o, t)}</small>"
            f"<td>{owner}<td>{_due(o)}<td>{e(o['completed'])}<td><b>{e(o['state_text'])}</b><td>{o['days_late'] or ''}{amount}"
        )
    return Markup("\n".join(out))
