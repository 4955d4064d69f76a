"""Risk signals with their thresholds."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from pactwatch import report
from pactwatch.catalogue import CATALOGUE, msg
from pactwatch.engine import Risk, evaluate
from pactwatch.i18n import escalation_message, risk_sentence
from pactwatch.model import Counterparty, Settings
from tests.engine.factories import D, contract, milestone, portfolio, term

TODAY = D("2026-11-27")


def kinds(*contracts: object, settings: Settings | None = None) -> dict[str, list[str]]:
    ev = evaluate(portfolio(*contracts, settings=settings), TODAY)  # type: ignore[arg-type]
    out: dict[str, list[str]] = {}
    for r in ev.risks:
        out.setdefault(r.kind, []).append(r.subject)
    return out


def late(mid: str, due: str, days: int) -> object:
    return milestone(mid, due, status="done", completed_on=D(due) + (D("2026-01-02") - D("2026-01-01")) * days)


def test_repeated_delays_counts_the_latest_run_across_contracts() -> None:
    a = contract("A", (late("M1", "2026-01-10", 5), late("M2", "2026-03-10", 0)), counterparty=Counterparty("Slow Co"))
    b = contract("B", (late("M1", "2026-05-10", 4), milestone("M2", "2026-10-01")), counterparty=Counterparty("Slow Co"))
    assert kinds(a, b)["repeated_delays"] == ["Slow Co"]
    # a milestone done on time after the run breaks it
    c = contract("C", (late("M1", "2026-11-01", 0),), counterparty=Counterparty("Slow Co"))
    assert "repeated_delays" not in kinds(a, b, c)


def test_slow_payment_against_the_portfolio_median() -> None:
    on_time = [contract(f"P{i}", (late("M1", "2026-03-01", 0),), counterparty=Counterparty(f"Good {i}")) for i in range(4)]
    slow = contract("S", (late("M1", "2026-03-01", 30), late("M2", "2026-04-01", 20)), counterparty=Counterparty("Slow Co"))
    assert kinds(*on_time, slow).get("slow_payment") == ["Slow Co"]
    mild = contract("S", (late("M1", "2026-03-01", 5),), counterparty=Counterparty("Slow Co"))
    assert "slow_payment" not in kinds(*on_time, mild)  # below slow_payment_min_days


def test_notice_window_only_within_the_window_and_for_auto_renewing() -> None:
    renewing = contract("L", term=term("2025-02-16", "2027-02-15", auto_renew=True, renewal_months=12, notice_days=60))
    assert kinds(renewing)["notice_window"] == ["L"]  # deadline 2026-12-17, 20 days away
    narrow = Settings(risk=replace(Settings().risk, notice_window_days=10))
    assert "notice_window" not in kinds(renewing, settings=narrow)
    fixed = contract("F", term=term("2026-01-01", "2027-01-10", notice_days=30))
    assert "notice_window" not in kinds(fixed)


def test_escalation_names_the_manager_and_skips_acknowledged() -> None:
    from pactwatch.model import Ack

    c = contract(
        milestones=(milestone("M1", "2026-11-19"), milestone("M2", "2026-11-20"), milestone("M3", "2026-11-01", ack=Ack(D("2026-12-31"))))
    )
    ev = evaluate(portfolio(c), TODAY)
    escalations = [r for r in ev.risks if r.kind == "escalation"]
    assert [(r.subject, r.person) for r in escalations] == [("C-1/M1", "bob")]  # 8 days > 7; M2 is 7 days; M3 acknowledged


def test_concentration_per_currency() -> None:
    big = contract("A", (milestone("M1", "2026-12-10", amount=Decimal(900)),), counterparty=Counterparty("Big"))
    small = contract("B", (milestone("M1", "2026-12-10", amount=Decimal(100)),), counterparty=Counterparty("Small"))
    assert kinds(big, small)["concentration"] == ["Big"]
    assert "concentration" not in kinds(big)  # a single counterparty is not a concentration


def _escalation(owner: str, language: str) -> tuple[Risk, str, str]:
    """The escalation risk of a milestone 8 days overdue, its sentence in ``language`` and the weekly report's line for it."""
    c = contract(milestones=(milestone("M1", "2026-11-19", owner=owner),))
    settings = Settings(language=language)
    ev = evaluate(portfolio(c, settings=settings), TODAY)
    [risk] = [r for r in ev.risks if r.kind == "escalation"]
    markdown = report.render_markdown(report.build(ev, "week"))
    [row] = [line for line in markdown.splitlines() if "C-1/M1" in line and ("escalation" in line or "逾期升级" in line)]
    return risk, risk_sentence(risk.kind, risk.subject, risk.facts, language, risk.detail), row


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "C-1/M1 is 8 days overdue; owner Bob, no manager to escalate to"),
        ("zh", "C-1/M1 已逾期 8 天；负责人 Bob，无上级可升级"),
    ],
)
def test_an_owner_without_a_manager_is_said_to_have_none(language: str, expected: str) -> None:
    risk, sentence, row = _escalation("bob", language)  # bob has no manager
    assert risk.person is None and sentence == expected and expected in row
    assert "manager |" not in row and "上级 |" not in row and "上级 ，" not in row
    assert risk.detail == escalation_message("C-1/M1", 8, "Bob", None)  # facts, named: worded by the output


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "C-1/M1 is 8 days overdue; owner Ann, manager Bob"),
        ("zh", "C-1/M1 已逾期 8 天；负责人 Ann，上级 Bob"),
    ],
)
def test_an_owner_with_a_manager_escalates_to_them(language: str, expected: str) -> None:
    risk, sentence, row = _escalation("ann", language)  # ann's manager is bob
    assert risk.person == "bob" and sentence == expected and expected in row
    assert risk.detail == escalation_message("C-1/M1", 8, "Ann", "Bob")


def _every_kind() -> list[Risk]:
    """One signal of each kind: late payments, a closing notice window, an escalation, a concentration."""
    on_time = [contract(f"P{i}", (late("M1", "2026-03-01", 0),), counterparty=Counterparty(f"Good {i}")) for i in range(4)]
    slow = contract(
        "S",
        (late("M1", "2026-03-01", 30), late("M2", "2026-04-01", 20), late("M3", "2026-05-01", 25)),
        counterparty=Counterparty("Slow Co"),
    )
    renewing = contract("L", term=term("2025-02-16", "2027-02-15", auto_renew=True, renewal_months=12, notice_days=60))
    big = contract("A", (milestone("M1", "2026-11-19", amount=Decimal(900), owner="ann"),), counterparty=Counterparty("Big"))
    small = contract("B", (milestone("M1", "2026-12-10", amount=Decimal(100)),), counterparty=Counterparty("Small"))
    risks = evaluate(portfolio(*on_time, slow, renewing, big, small), TODAY).risks
    assert {r.kind for r in risks} == {"repeated_delays", "slow_payment", "notice_window", "escalation", "concentration"}
    return list(risks)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_risk_is_worded_from_the_catalogue_in_the_run_language(language: str) -> None:
    """A signal carries its catalogue id and facts; the sentence is made at output time, in either language."""
    for risk in _every_kind():
        assert risk.detail.id in CATALOGUE and risk.detail.id.startswith(f"risk.{risk.kind}")
        sentence = risk_sentence(risk.kind, risk.subject, risk.facts, language, risk.detail)
        assert risk.subject in sentence and "{" not in sentence
        latin = [w for w in sentence.replace(risk.subject, "").split() if w.isascii() and w.isalpha() and w not in {"Ann", "Bob", "CNY"}]
        assert (latin == []) == (language == "zh"), sentence  # zh: no English words of pactwatch's own


def test_escalation_names_people_not_ids() -> None:
    [risk] = [r for r in _every_kind() if r.kind == "escalation"]
    assert risk.facts["owner"] == "Ann" and risk.facts["manager"] == "Bob" and risk.person == "bob"


def test_one_day_reads_in_the_singular() -> None:
    assert msg("risk.escalation", subject="C-1/M1", count=1, owner="Ann", manager="Bob").render("en") == (
        "C-1/M1 is 1 day overdue; owner Ann, manager Bob"
    )
    assert msg("risk.notice_window", subject="L", deadline="2026-12-17", count=1).render("en").endswith("(1 day left)")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_report_json_words_each_risk_in_the_report_language(language: str) -> None:
    ev = evaluate(
        portfolio(contract(milestones=(milestone("M1", "2026-11-19", owner="ann"),)), settings=Settings(language=language)), TODAY
    )
    [row] = [r for r in report.as_json(report.build(ev, "week"))["risks"] if r["kind"] == "escalation"]
    assert row["detail"] == escalation_message("C-1/M1", 8, "Ann", "Bob").render(language)
