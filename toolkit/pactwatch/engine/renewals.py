"""Terms after automatic renewals, and the notice deadline as a derived renewal milestone.

The notice deadline (``end - notice_days``) is the last day to cancel an
auto-renewing contract, or to renew one that would expire. A milestone of kind
``renewal`` written in the contract and due in the current term is the decision:
once it is done (or waived), the deadline is met. An auto-renewing contract
whose deadline passed undecided has renewed, so its next deadline is shown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from pactwatch.catalogue import word
from pactwatch.dates import add_months
from pactwatch.engine.records import NOTICE_ID, Occurrence
from pactwatch.engine.states import classify
from pactwatch.model import Contract, Milestone, MilestoneStatus, Term

MAX_RENEWALS = 1200


def next_term(term: Term) -> Term:
    months = term.renewal_months or 12
    start = term.end + timedelta(days=1)
    return replace(term, start=start, end=add_months(start, months) - timedelta(days=1))


def current_term(term: Term, today: date) -> Term:
    """The term in force on ``today``: the original, or a renewal of an auto-renewing one."""
    current = term
    for _ in range(MAX_RENEWALS):
        if not current.auto_renew or current.end >= today:
            break
        current = next_term(current)
    return current


def _decision(contract: Contract, term: Term, deadline: date) -> Milestone | None:
    """The contract's own renewal milestone for this term, if it has one."""
    candidates = [m for m in contract.milestones if m.kind == "renewal" and m.repeat is None and term.start <= m.due <= term.end]
    return min(candidates, key=lambda m: (abs((m.due - deadline).days), m.id), default=None)


def notice_occurrence(contract: Contract, today: date, due_soon_days: int, language: str) -> tuple[Term | None, Occurrence | None]:
    """(current term, derived notice-deadline occurrence) for an active contract with a notice period."""
    if contract.term is None:
        return None, None
    term = current_term(contract.term, today)
    if contract.status != "active" or term.notice_days is None:
        return term, None
    deadline = term.end - timedelta(days=term.notice_days)
    decision = _decision(contract, term, deadline)
    decided = decision is not None and decision.status in ("done", "waived")
    if term.auto_renew and deadline < today and not decided:
        term = next_term(term)  # the deadline passed undecided: the contract renews
        deadline = term.end - timedelta(days=term.notice_days or 0)
        decision, decided = None, False
    completed_on = decision.completed_on if decided and decision is not None else None
    status: MilestoneStatus = "waived" if decided and decision is not None and decision.status == "waived" else "pending"
    state, days_late, days_until = classify(status, deadline, completed_on, today, due_soon_days)
    milestone = Milestone(
        id=NOTICE_ID,
        title=word("renewal.notice_title", language),
        kind="renewal",
        due=deadline,
        owner=contract.owner,
        currency=contract.currency,
        index=-1,
        line=0,
    )
    occurrence = Occurrence(
        contract=contract,
        milestone=milestone,
        key=f"{NOTICE_ID}@{deadline.isoformat()}",
        due=deadline,
        completed_on=completed_on,
        state=state,
        days_late=days_late,
        days_until=days_until,
        blocked=False,
        acknowledged=False,
        derived=True,
    )
    return term, occurrence
