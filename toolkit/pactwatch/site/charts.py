"""Charts drawn at build time: inline SVG and HTML/CSS, readable without JavaScript.

Colours come from CSS classes (``pw-fill-*``) so the light and dark palettes
both apply. Every text is escaped; every bar carries a ``<title>`` tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from pactwatch.catalogue import text
from pactwatch.catalogue.site import NUMBER_UNITS
from pactwatch.escape.html import escape_text as e

WIDTH = 720
HEIGHT = 220
LEFT = 64  # room for the y-axis labels
BOTTOM = 28  # room for the x-axis labels
TOP = 10


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    css: str  # pw-fill-<css>
    values: Sequence[float | None]


def compact_number(value: float, language: str) -> str:
    """1.2M / 350K in English, 120万 / 1.2亿 in Chinese."""
    magnitude = abs(value)
    for size, suffix in NUMBER_UNITS[language]:
        if magnitude >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}" if value != int(value) else str(int(value))


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    scale = float(10 ** len(str(int(value)))) / 10
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * scale >= value:
            return float(step * scale)
    return value


def _axis(top: float, fmt: Callable[[float], str], height: float) -> list[str]:
    parts = []
    for i in range(5):
        value = top * i / 4
        y = TOP + height - height * i / 4
        parts.append(f'<line class="pw-grid" x1="{LEFT}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="pw-axis" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{e(fmt(value))}</text>')
    return parts


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    fmt: Callable[[float], str],
    *,
    title: str,
    language: str,
    tooltip: Callable[[float], str] | None = None,
    highlight: int | None = None,
) -> Markup:
    """Grouped vertical bars: one group per label, one bar per series."""
    values = [v for s in series for v in s.values if v is not None]
    top = _nice_max(max(values, default=0.0))
    height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) / max(len(labels), 1)
    bar = max(min(slot * 0.8 / max(len(series), 1), 28.0), 2.0)
    parts = [f'<svg class="pw-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{e(title)}">', *_axis(top, fmt, height)]
    if highlight is not None and 0 <= highlight < len(labels):
        x = LEFT + slot * highlight
        parts.append(f'<rect class="pw-now" x="{x:.1f}" y="{TOP}" width="{slot:.1f}" height="{height}"/>')
    show = tooltip or fmt
    for index, label in enumerate(labels):
        group = LEFT + slot * index + (slot - bar * len(series)) / 2
        for rank, s in enumerate(series):
            value = s.values[index]
            if value is None:
                continue
            h = height * value / top
            x = group + rank * bar
            parts.append(
                f'<rect class="pw-fill-{s.css}" x="{x:.1f}" y="{TOP + height - h:.1f}" width="{bar - 1:.1f}" height="{h:.1f}">'
                f"<title>{e(text('site.chart_tip', language, label=label, series=s.name, value=show(value)))}</title></rect>"
            )
        cx = LEFT + slot * index + slot / 2
        parts.append(f'<text class="pw-axis" x="{cx:.1f}" y="{HEIGHT - 8}" text-anchor="middle">{e(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def legend(series: Sequence[Series]) -> Markup:
    items = "".join(f'<span class="pw-legend-item"><i class="pw-swatch pw-bg-{s.css}"></i>{e(s.name)}</span>' for s in series)
    return Markup(f'<div class="pw-legend">{items}</div>')


def progress_bar(share: float, label: str, css: str = "") -> Markup:
    """A horizontal bar filled to ``share`` (0..1), with its text for screen readers and without CSS (a
    progressbar's range is 0 to 100 unless it says otherwise)."""
    width = max(0.0, min(share, 1.0)) * 100
    return Markup(
        f'<span class="pw-progress {e(css)}" title="{e(label)}" role="progressbar" aria-valuenow="{width:.0f}">'
        f'<span style="width:{width:.1f}%"></span></span>'
    )


@dataclass(frozen=True, slots=True)
class Part:
    label: str
    css: str
    count: int
    href: str | None = None


def stacked_bar(parts: Sequence[Part]) -> Markup:
    """A 100% bar split into the parts' shares (contracts by health)."""
    total = sum(p.count for p in parts) or 1
    cells = []
    for p in parts:
        if not p.count:
            continue
        inner = f"{e(p.label)} {p.count}"
        tag = f'<a href="{e(p.href)}"' if p.href else "<span"
        end = "</a>" if p.href else "</span>"
        cells.append(f'{tag} class="pw-bg-{e(p.css)}" style="flex-grow:{p.count}" title="{inner}">{p.count}{end}')
    del total
    return Markup(f'<div class="pw-stack">{"".join(cells)}</div>')


def hbars(rows: Sequence[tuple[str, float, str]], css: str) -> Markup:
    """Horizontal bars (label, value, text), scaled to the largest value."""
    top = max((value for _, value, _ in rows), default=0.0) or 1.0
    items = []
    for label, value, note in rows:
        width = 100 * value / top
        items.append(
            f'<div class="pw-hbar"><span class="pw-hbar-label">{e(label)}</span>'
            f'<span class="pw-hbar-track"><span class="pw-bg-{e(css)}" style="width:{width:.1f}%"></span></span>'
            f'<span class="pw-hbar-text">{e(note)}</span></div>'
        )
    return Markup(f'<div class="pw-hbars">{"".join(items)}</div>')


def line_chart(labels: Sequence[str], series: Sequence[Series], fmt: Callable[[float], str], *, title: str, language: str) -> Markup:
    """Lines over the labels (month-ends), one per series (``pw-line-<css>``); a missing value breaks the line."""
    values = [v for s in series for v in s.values if v is not None]
    top = _nice_max(max(values, default=0.0))
    height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) / max(len(labels), 1)
    parts = [f'<svg class="pw-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{e(title)}">', *_axis(top, fmt, height)]
    for s in series:
        points = [(LEFT + slot * i + slot / 2, TOP + height - height * v / top, v, i) for i, v in enumerate(s.values) if v is not None]
        path = " ".join(f"{'M' if n == 0 or points[n - 1][3] != i - 1 else 'L'}{x:.1f} {y:.1f}" for n, (x, y, _, i) in enumerate(points))
        if path:
            parts.append(f'<path class="pw-line pw-line-{e(s.css)}" d="{path}"/>')
        for x, y, v, i in points:
            tip = e(text("site.chart_tip", language, label=labels[i], series=s.name, value=fmt(v)))
            parts.append(f'<circle class="pw-fill-{e(s.css)}" cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{tip}</title></circle>')
    for index, label in enumerate(labels):
        cx = LEFT + slot * index + slot / 2
        parts.append(f'<text class="pw-axis" x="{cx:.1f}" y="{HEIGHT - 8}" text-anchor="middle">{e(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
