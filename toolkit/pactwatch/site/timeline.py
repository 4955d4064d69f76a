"""The contract timeline (a Gantt chart) as inline SVG: planned and actual dates of every milestone.

One row per milestone (a recurring one keeps all its occurrences in its row),
plus the term as a band on top and today as a line. A hollow diamond is the
planned date, a filled dot the actual completion; the line between them is red
when late and green when early; an overdue milestone draws a dashed red line
up to today.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup

from pactwatch.catalogue import text
from pactwatch.engine.records import ContractView, Occurrence
from pactwatch.escape.html import escape_text as e
from pactwatch.site.rows import STATE_CLASS
from pactwatch.terminal import clip

WIDTH = 1000
LABEL = 230
RIGHT = 12
ROW = 22
AXIS = 24
LABEL_COLUMNS = 30
# the plan's diamond, drawn once and placed by <use> at each planned date (and a baseline's)
DIAMOND = '<defs><path id=pw-d d="M0-6l6 6-6 6-6-6z"/></defs>'


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


def _n(value: float) -> str:
    """A coordinate in whole units: a unit is a thousandth of the chart's width, about a pixel where the page shows
    it (half a pixel off at most, which no one sees; a decimal cost ~2 bytes a number, ~10% of the timeline)."""
    return str(round(value))


def _tip(o: Occurrence, name: str, language: str) -> str:
    """A mark's tooltip and name: its dates (the row's label names the milestone, the table its state and notes);
    the milestone's name first only when the label had to clip it."""
    parts = [name] if name else []
    parts.append(f"{text('site.planned', language)} {o.due.isoformat()}")
    if o.completed_on:
        parts.append(f"{text('site.actual', language)} {o.completed_on.isoformat()}")
    return " · ".join(parts)


def _marks(o: Occurrence, x: _Scale, y: float, today: date, name: str, language: str) -> str:
    """One occurrence, classed by its state (rows.STATE_CLASS): its tooltip, the line from plan to actual (red,
    green when early, dashed up to today when overdue), the plan (a diamond, #pw-d) and the actual (a dot)."""
    px, py = _n(x(o.due)), _n(y)
    out = [f"<g{STATE_CLASS[o.state]}><title>{e(_tip(o, name, language))}</title>"]
    if o.completed_on is not None and o.completed_on != o.due:
        early = " class=e" if o.completed_on < o.due else ""
        out.append(f'<path{early} d="M{px} {py}H{_n(x(o.completed_on))}"/>')
    elif o.state == "overdue":
        out.append(f'<path d="M{px} {py}H{_n(x(today))}"/>')
    if o.baseline is not None and o.baseline != (o.written or o.due):  # the slip: from the baseline to the plan now
        bx = _n(x(o.baseline))
        out.append(f'<path class=k d="M{bx} {_n(y - 9)}H{px}"/><use class=b href=#pw-d x={bx} y={py} />')
    out.append(f"<use href=#pw-d x={px} y={py} />")  # numbers need no quotes; the space keeps / out of y
    if o.completed_on is not None:
        out.append(f"<circle cx={_n(x(o.completed_on))} cy={py} r=4 />")
    out.append("</g>")
    return "".join(out)


def _axis(x: _Scale, lo: date, hi: date, height: int, language: str) -> list[str]:
    """The month grid as one path, the month names in one group (the class and y once, not on every text)."""
    ticks = _ticks(lo, hi)
    grid = "".join(f"M{_n(x(tick))} {AXIS - 6}V{height}" for tick in ticks)
    labels = []
    for tick in ticks:
        label = text("site.month_year", language, year=tick.year, month=text(f"site.month.{tick.month}", language))
        labels.append(f"<text x={_n(x(tick) + 3)}>{e(label)}</text>")
    return [
        f'<path class=pw-grid d="{grid}"/>' if grid else "",
        f'<g class=pw-axis transform="translate(0 {AXIS - 10})">{"".join(labels)}</g>',
    ]


def _label(name: str, y: float) -> tuple[str, str]:
    """A row's name clipped to the label column (in a group moved 4 units right), and the whole name when clipped
    (the row's marks name it then)."""
    shown = clip(name, LABEL_COLUMNS)
    return f"<text y={_n(y + 4)}>{e(shown)}</text>", name if shown != name else ""


def gantt(view: ContractView, today: date, language: str) -> Markup:
    """The contract's timeline; empty when it has no milestones."""
    if not view.occurrences:
        return Markup("")
    lo, hi = _span(view, today)
    x = _Scale(lo, hi)
    rows = _rows(view.occurrences)
    height = AXIS + ROW * (len(rows) + 1) + 6
    label = text("site.timeline_of", language, contract=view.contract.id)
    parts = [f'<svg class="pw-gantt" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{e(label)}">', DIAMOND]
    parts += _axis(x, lo, hi, height, language)
    term = view.current_term or view.contract.term
    y = AXIS + ROW / 2
    labels = [_label(text("site.term", language), y)[0]]
    if term is not None:
        tip = f"{text('site.term', language)} {term.start.isoformat()} – {term.end.isoformat()}"
        parts.append(
            f'<rect class=pw-gterm x="{_n(x(term.start))}" y="{_n(y - 5)}" width="{_n(max(x(term.end) - x(term.start), 1))}" '
            f'height="10" rx="3"><title>{e(tip)}</title></rect>'
        )
    for index, (_, items) in enumerate(rows, start=1):
        y = AXIS + ROW * index + ROW / 2
        first = items[0]
        shown, name = _label(f"{first.milestone.id if not first.derived else ''} {first.title}".strip(), y)
        labels.append(shown)
        parts.extend(_marks(o, x, y, today, name, language) for o in items)
    parts.append(f'<g class=pw-glabel transform="translate(4)">{"".join(labels)}</g>')
    if lo <= today <= hi:
        px = x(today)
        parts.append(f'<path class=pw-gtoday d="M{_n(px)} {AXIS - 6}V{height}"/>')
        parts.append(f'<text class=pw-gtoday-label x="{_n(px + 3)}" y="{height - 2}">{e(text("site.today", language))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
