"""Notice deadlines and automatic renewals."""

from __future__ import annotations

from pactwatch.engine import evaluate
from pactwatch.engine.renewals import current_term
from tests.engine.factories import D, contract, milestone, portfolio, term


def test_current_term_rolls_forward_without_drift() -> None:
    t = term("2025-02-16", "2026-02-15", auto_renew=True, renewal_months=12, notice_days=60)
    assert current_term(t, D("2026-02-15")) == t
    rolled = current_term(t, D("2027-03-01"))
    assert (rolled.start, rolled.end) == (D("2027-02-16"), D("2028-02-15"))


def test_term_that_does_not_renew_stays() -> None:
    t = term("2025-01-01", "2025-12-31", notice_days=30)
    assert current_term(t, D("2026-11-27")) == t


def _notice(c: object, today: str) -> list[tuple[str, str, int | None]]:
    ev = evaluate(portfolio(c), D(today))  # type: ignore[arg-type]
    return [(o.key, o.state, o.days_until) for o in ev.occurrences if o.derived]


def test_notice_deadline_is_end_minus_notice_days_owned_by_contract_owner() -> None:
    c = contract(term=term("2025-02-16", "2027-02-15", auto_renew=True, renewal_months=12, notice_days=60), owner="cy")
    ev = evaluate(portfolio(c), D("2026-11-27"))
    (notice,) = [o for o in ev.occurrences if o.derived]
    assert (notice.key, notice.due, notice.owner, notice.kind, notice.state) == (
        "_notice@2026-12-17",
        D("2026-12-17"),
        "cy",
        "renewal",
        "upcoming",
    )
    assert ev.contracts["C-1"].notice_deadline == D("2026-12-17")


def test_auto_renewing_contract_past_its_deadline_shows_the_next_one() -> None:
    c = contract(term=term("2025-02-16", "2027-02-15", auto_renew=True, renewal_months=12, notice_days=60))
    assert _notice(c, "2026-12-18") == [("_notice@2027-12-17", "upcoming", 364)]
    view = evaluate(portfolio(c), D("2027-03-01")).contracts["C-1"]
    assert view.current_term is not None and view.current_term.end == D("2028-02-15")


def test_non_renewing_contract_deadline_goes_overdue() -> None:
    c = contract(term=term("2026-01-01", "2026-12-31", notice_days=60))
    assert _notice(c, "2026-11-27") == [("_notice@2026-11-01", "overdue", -26)]


def test_a_done_renewal_milestone_is_the_decision() -> None:
    decision = milestone("R", "2026-12-10", kind="renewal", status="done", completed_on=D("2026-11-20"))
    c = contract(milestones=(decision,), term=term("2025-02-16", "2027-02-15", auto_renew=True, renewal_months=12, notice_days=60))
    ev = evaluate(portfolio(c), D("2026-11-27"))
    (notice,) = [o for o in ev.occurrences if o.derived]
    assert (notice.state, notice.completed_on) == ("done", D("2026-11-20"))
    assert not [r for r in ev.risks if r.kind == "notice_window"]


def test_no_notice_for_contracts_without_notice_days_or_not_active() -> None:
    assert _notice(contract(term=term("2026-01-01", "2026-12-31")), "2026-11-27") == []
    assert _notice(contract(term=term("2026-01-01", "2026-12-31", notice_days=30), status="draft"), "2026-11-27") == []
