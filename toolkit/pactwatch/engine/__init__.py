"""The execution engine: (portfolio, today) -> states, renewals, reminders, risks, KPIs.

Pure: no clock, no files, no environment. Every output (status, check,
report, feeds, site, alerts, reminders, ledger export) reads one Evaluation,
so they all agree.

    from pactwatch.engine import evaluate
    ev = evaluate(portfolio, today)
    ev.occurrences        # every milestone occurrence with its state, sorted by due, contract, key
    ev.contracts["C-1"]   # ContractView: health, progress, next_open, current_term, notice_deadline
    ev.risks              # Risk signals, most severe first
    reminders.firing(ev.occurrences, ev.today, portfolio.settings)
    kpis.compute(ev.contracts.values(), start, end, ev.today); kpis.compute_by(ev, "owner", start, end)
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from pactwatch.engine import contracts as contract_views
from pactwatch.engine import kpis, reminders
from pactwatch.engine.deadlines import DeadlineRules
from pactwatch.engine.records import (
    OPEN_STATES,
    STATES,
    ContractParts,
    ContractView,
    Evaluation,
    Occurrence,
    Reminder,
    Risk,
    State,
)
from pactwatch.engine.renewals import notice_occurrence
from pactwatch.engine.slippage import with_baselines
from pactwatch.engine.states import occurrences as expand
from pactwatch.history.records import PlanHistory
from pactwatch.model import Portfolio
from pactwatch.workdays import WorkCalendar
from pactwatch.workdays import build as build_calendar

_ID = attrgetter("id")
_DUE = attrgetter("due")
_DUE_AND_KEY = attrgetter("due", "key")

__all__ = [
    "OPEN_STATES",
    "STATES",
    "ContractView",
    "Evaluation",
    "Occurrence",
    "Reminder",
    "Risk",
    "State",
    "evaluate",
    "kpis",
    "reminders",
]


def evaluate(portfolio: Portfolio, today: date, workdays: WorkCalendar | None = None, history: PlanHistory | None = None) -> Evaluation:
    """Everything the engine knows on ``today``; ``workdays``: the settings' calendar, when the caller has built it already;
    ``history``: baselines and re-plans read from git (``pactwatch.history``), else baselines come from ``baseline_due`` only."""
    settings = portfolio.settings
    calendar = workdays if workdays is not None else build_calendar(settings.calendar)
    rules = DeadlineRules(calendar, settings.business_day, today)
    parts: dict[str, ContractParts] = {}
    listed: list[Occurrence] = []
    notices: list[Occurrence] = []
    for contract in sorted(portfolio.contracts, key=_ID):  # sorted already when loaded: then this costs nothing
        items = with_baselines(contract, expand(contract, today, settings.due_soon_days, rules), history)
        term, notice = notice_occurrence(contract, today, settings.due_soon_days, settings.language)
        if notice is not None:
            items.append(notice)
            notices.append(notice)
        parts[contract.id] = ContractParts(tuple(items), term, notice)
        shown = [o for o in items if not o.is_open] if contract.status in contract_views.INACTIVE_STATUSES else items
        listed.extend(sorted(shown, key=_DUE_AND_KEY))
    # contracts come sorted by id and each one's items by (due, key): a stable sort by due alone
    # gives the order (due, contract id, key) at a fraction of the cost of a three-part key
    listed.sort(key=_DUE)
    return Evaluation(today, portfolio, tuple(listed), parts, tuple(notices), calendar, history)
