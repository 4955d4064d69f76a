"""Re-plans and month-end trends as JSON and as report rows: one way to write them for the report, the site and status."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pactwatch.catalogue import text
from pactwatch.engine.records import Occurrence
from pactwatch.history.records import Replan, TrendRow


def _money_map(amounts: dict[str, Decimal]) -> dict[str, str]:
    return {currency: str(amount) for currency, amount in sorted(amounts.items())}


def replan_json(o: Occurrence, r: Replan) -> dict[str, Any]:
    return {
        "contract": o.contract.id,
        "milestone": o.milestone.id,
        "title": o.milestone.title,
        "date": r.day.isoformat(),
        "author": r.author,
        "commit": r.commit,
        "pull_request": r.pull_request,
        "from": r.before,
        "to": r.after,
        "file": o.contract.source,
    }


def trend_json(row: TrendRow) -> dict[str, Any]:
    return {
        "month_end": row.month_end.isoformat(),
        "commit": row.commit or None,
        "due": row.due,
        "done_on_time": row.done_on_time,
        "on_time_rate": row.on_time_rate,
        "overdue": row.overdue,
        "overdue_amount": _money_map(row.overdue_amount),
        "planned": _money_map(row.planned),
        "collected": _money_map(row.collected),
    }


def replan_line(r: Replan, language: str) -> str:
    """ "2026-04-22 Ann Lee: 2026-05-31 → 2026-06-15 (#7)" in the report's and the site's words."""
    pr = f" (#{r.pull_request})" if r.pull_request else ""
    return text("history.replan_line", language, day=r.day.isoformat(), author=r.author, before=r.before, after=r.after, pr=pr)


def money_cells(rows: Sequence[TrendRow], field: str) -> list[str]:
    """Per row, the amounts of one field (overdue_amount, planned, collected) as "CNY 1,200.00; USD 5.00"."""
    return ["; ".join(f"{c} {a:,.2f}" for c, a in sorted(getattr(row, field).items())) or "—" for row in rows]
