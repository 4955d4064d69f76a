"""Risk signals that tell money we receive from money we pay, and our delays from the counterparty's (issue #14)."""

from __future__ import annotations

from decimal import Decimal

from pactwatch.engine import evaluate
from pactwatch.model import Counterparty, LateFee, Milestone, Money
from tests.engine.factories import D, contract, milestone, portfolio

TODAY = D("2026-11-27")


def _paid(mid: str, due: str, done: str, amount: int = 100) -> Milestone:
    return milestone(mid, due, amount=Decimal(amount), status="done", completed_on=D(done))


def test_our_late_payments_do_not_make_the_supplier_a_slow_payer() -> None:
    customer = contract("S-1", (_paid("M1", "2026-01-10", "2026-01-10"), _paid("M2", "2026-02-10", "2026-02-10")))
    supplier = contract(
        "P-1",
        (_paid("M1", "2026-03-01", "2026-04-15"), _paid("M2", "2026-05-01", "2026-06-20")),  # we paid 45 and 50 days late
        type="purchase",
        counterparty=Counterparty("Supplier"),
    )
    risks = evaluate(portfolio(customer, supplier), TODAY).risks
    assert not [r for r in risks if r.kind == "slow_payment"]  # before #14: "Supplier pays 47.5 days late"
    assert not [r for r in risks if r.kind == "repeated_delays"]  # our own late payments are not theirs


def test_a_customer_paying_late_is_slow_against_our_receivables() -> None:
    on_time = [_paid(f"M{i}", f"2026-0{i}-01", f"2026-0{i}-01") for i in range(1, 6)]
    good = contract("S-1", tuple(on_time))
    late = contract(
        "S-2", (_paid("M1", "2026-03-01", "2026-04-10"), _paid("M2", "2026-05-01", "2026-06-01")), counterparty=Counterparty("Late Co")
    )
    kinds = {(r.kind, r.subject) for r in evaluate(portfolio(good, late), TODAY).risks}
    assert ("slow_payment", "Late Co") in kinds


def test_late_payables_name_the_contract_the_amount_and_the_exposure() -> None:
    fee = LateFee(Decimal("0.0005"), "day", Decimal("0.1"))
    ours = contract("P-1", (milestone("M1", "2026-10-28", amount=Decimal(10000)),), type="purchase", late_fee=fee)
    theirs = contract("S-1", (milestone("M1", "2026-10-28", amount=Decimal(10000)),), late_fee=fee)
    risks = [r for r in evaluate(portfolio(ours, theirs), TODAY).risks if r.kind == "late_payables"]
    assert [(r.subject, r.evidence) for r in risks] == [("P-1", ("P-1/M1",))]  # the receivable is no payable
    assert risks[0].detail.render("en") == "P-1: 1 of our payments is overdue, ¥10,000.00 payable, 30 days late, late fee accrued ¥150.00"
    assert risks[0].detail.render("zh") == "P-1：我方 1 笔付款逾期，应付 ¥10,000.00，最长 30 天，已计逾期违约金 ¥150.00"


def test_concentration_is_per_direction() -> None:
    big_customer = contract("S-1", (milestone("M1", "2026-12-28", amount=Decimal(900)),), value=Money(Decimal(5000), "CNY"))
    small_customer = contract("S-2", (milestone("M1", "2026-12-28", amount=Decimal(100)),), counterparty=Counterparty("B"))
    supplier = contract("P-1", (milestone("M1", "2026-12-28", amount=Decimal(5000)),), type="purchase", counterparty=Counterparty("Z"))
    found = [r for r in evaluate(portfolio(big_customer, small_customer, supplier), TODAY).risks if r.kind == "concentration"]
    # one supplier holds all payables but is alone; Acme holds 90% of receivables (the supplier's 5,000 is not in that total)
    assert [(r.subject, r.detail.id) for r in found] == [("Acme", "risk.concentration.receivable")]
    assert "90%" in found[0].detail.render("en") and "receivables" in found[0].detail.render("en")


def test_repeated_delays_count_only_the_counterpartys_milestones() -> None:
    delivery = milestone("M1", "2026-10-01", kind="delivery", status="done", completed_on=D("2026-10-20"))  # ours (we sell)
    report = milestone("M2", "2026-10-05", kind="report")  # ours, overdue
    acceptance = milestone("M3", "2026-10-10", kind="acceptance", status="done", completed_on=D("2026-10-30"))  # theirs, late
    payment = milestone("M4", "2026-11-01", amount=Decimal(5))  # theirs, overdue
    risks = [
        r for r in evaluate(portfolio(contract("S-1", (delivery, report, acceptance, payment))), TODAY).risks if r.kind == "repeated_delays"
    ]
    assert [r.evidence for r in risks] == [("S-1/M3", "S-1/M4")]
