"""The contract timeline (a Gantt chart): planned and actual dates of every milestone, as compact data that
assets/pactwatch.js draws as inline SVG (~1 KB of data instead of ~3 KB of SVG on every contract page).

One row per milestone (a recurring one keeps all its occurrences in its row),
plus the term as a band on top and today as a line. A hollow diamond is the
planned date, a filled dot the actual completion; the line between them is red
when late and green when early; an overdue milestone draws a dashed red line
up to today. This module decides all of it (the span, the ticks, the rows, the
clipped labels, the classes, the baselines, the coordinates in whole units); the
script only writes the elements. Without JavaScript the section is not shown
(the milestone table holds the same facts).

The data, one JSON array (``gantt``; the script's ``drawGantt`` reads it in this order)::

    [[width, height, axis, row], aria-label, [planned, actual, today], day0,
     [tick x, tick label, ...], [term x, term width, term tooltip] or [], [today x, shown 0/1],
     [[row label, the whole name when the label is clipped or "", mark, ...], ...]]

The first row is the term's; a mark is ``[class letter, plan x, planned day, dot x, actual day, baseline x]``
(its end left out when there is no actual date and no baseline; -1 for a missing dot or baseline), a day
being a number of days after ``day0`` (days since 1970-01-01): its tooltip shows it as an ISO date. The
script puts a tick's label and today's 3 units right of their line, and a row's middle half a row below its top.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup

from pactwatch.catalogue import text
from pactwatch.engine.records import ContractView, Occurrence
from pactwatch.escape.html import json_attribute
from pactwatch.site.rows import STATE_CLASS
from pactwatch.terminal import clip

WIDTH = 1000
LABEL = 230
RIGHT = 12
ROW = 22  # even: the middle of a row is a whole unit (the script adds half a row)
AXIS = 24
LABEL_COLUMNS = 30
EPOCH = date(1970, 1, 1)
Mark = list[str | int]


def _rows(occurrences: Sequence[Occurrence]) -> list[tuple[str, list[Occurrence]]]:
    rows: dict[str, list[Occurrence]] = {}
    for o in occurrences:
        rows.setdefault(o.milestone.id, []).append(o)
    return sorted(rows.items(), key=lambda item: (item[1][0].due, item[0]))


def _span(view: ContractView, today: date) -> tuple[date, date]:
    days = [o.due for o in view.occurrences] + [o.completed_on for o in view.occurrences if o.completed_on]
    days += [o.baseline for o in view.occurrences if o.baseline is not None]  # the original plan (engine.slippage)
    term = view.current_term or view.contract.term
    if term is not None:
        days += [term.start, term.end]
    lo, hi = min(days), max(days)
    if lo - timedelta(days=60) <= today <= hi + timedelta(days=60):
        lo, hi = min(lo, today), max(hi, today)
    pad = max((hi - lo).days // 30, 3)
    return lo - timedelta(days=pad), hi + timedelta(days=pad)


def _ticks(lo: date, hi: date) -> list[date]:
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = 1 if months <= 14 else 3 if months <= 40 else 12
    day = date(lo.year, lo.month, 1)
    ticks = []
    while day <= hi:
        if day >= lo and (day.month - 1) % step == 0:
            ticks.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return ticks


class _Scale:
    def __init__(self, lo: date, hi: date) -> None:
        self.lo = lo
        self.span = max((hi - lo).days, 1)

    def __call__(self, day: date) -> float:
        return LABEL + (WIDTH - LABEL - RIGHT) * (day - self.lo).days / self.span


def _n(value: float) -> int:
    """A coordinate in whole units: a unit is a thousandth of the chart's width, about a pixel where the page shows
    it (half a pixel off at most, which no one sees; a decimal cost ~2 bytes a number)."""
    return round(value)


def _mark(o: Occurrence, x: _Scale, lo: date) -> Mark:
    """One occurrence (see the module docstring): classed by its state (rows.STATE_CLASS); the script draws the
    line from plan to actual (green when early), or up to today when overdue, and the baseline's slip."""
    mark: Mark = [STATE_CLASS[o.state].removeprefix(" class="), _n(x(o.due)), (o.due - lo).days]
    if o.completed_on is not None:
        mark += [_n(x(o.completed_on)), (o.completed_on - lo).days]
    if o.baseline is not None and o.baseline != (o.written or o.due):  # the slip: from the baseline to the plan now
        mark += [] if o.completed_on is not None else [-1, -1]
        mark.append(_n(x(o.baseline)))
    return mark


def _label(name: str) -> list[str | Mark]:
    """A row's name clipped to the label column, and the whole name when clipped (its marks' tooltips name it)."""
    shown = clip(name, LABEL_COLUMNS)
    return [shown, name if shown != name else ""]


def _term(view: ContractView, x: _Scale, language: str) -> list[str | int]:
    term = view.current_term or view.contract.term
    if term is None:
        return []
    tip = f"{text('site.term', language)} {term.start.isoformat()} – {term.end.isoformat()}"
    return [_n(x(term.start)), _n(max(x(term.end) - x(term.start), 1)), tip]


def gantt(view: ContractView, today: date, language: str) -> Markup:
    """The contract's timeline as the quoted value of the page's ``data-pw-gantt``; empty without milestones."""
    if not view.occurrences:
        return Markup("")
    lo, hi = _span(view, today)
    x = _Scale(lo, hi)
    rows: list[list[str | Mark]] = [_label(text("site.term", language))]
    for _, items in _rows(view.occurrences):
        first = items[0]
        row = _label(f"{first.milestone.id if not first.derived else ''} {first.title}".strip())
        rows.append(row + [_mark(o, x, lo) for o in items])
    ticks: list[str | int] = []
    for tick in _ticks(lo, hi):
        ticks += [_n(x(tick)), text("site.month_year", language, year=tick.year, month=text(f"site.month.{tick.month}", language))]
    words = [text(key, language) for key in ("site.planned", "site.actual", "site.today")]
    data = [
        [WIDTH, AXIS + ROW * len(rows) + 6, AXIS, ROW],
        text("site.timeline_of", language, contract=view.contract.id),
        words,
        (lo - EPOCH).days,
        ticks,
        _term(view, x, language),
        [_n(x(today)), int(lo <= today <= hi)],
        rows,
    ]
    return json_attribute(data)
