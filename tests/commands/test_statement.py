"""`pactwatch report --counterparty`: the statement a counterparty may read, and nothing internal in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pactwatch import statement
from pactwatch.catalogue import text
from pactwatch.engine import evaluate
from pactwatch.engine.records import Evaluation
from pactwatch.i18n import format_money
from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Contract
from pactwatch.naming import group_key
from pactwatch.settings import load_settings
from tests.conftest import REPO_ROOT, TODAY


def _evaluation(language: str) -> Evaluation:
    settings = replace(load_settings(REPO_ROOT), language=language)  # type: ignore[arg-type]
    return evaluate(load_portfolio(REPO_ROOT, TODAY, settings=settings, use_cache=False).portfolio, TODAY)


def forbidden(ev: Evaluation, key: str, language: str) -> Iterator[str]:
    """What a statement for the counterparty of ``key`` must never show."""
    portfolio = ev.portfolio
    for person in portfolio.people.values():  # owners and their managers, by id and by name
        yield from (person.id, person.name, *(v for v in (person.email, person.github, person.mobile) if v))
    for risk in ev.risks:  # risk signals
        yield risk.detail.render(language)
        yield text(f"risk.kind.{risk.kind}", language)
    for contract in portfolio.contracts:
        mine = group_key(contract.counterparty) == key and statement.shown(contract)
        if not mine:  # confidential and draft contracts, and other counterparties' contracts and amounts
            yield from (contract.id, contract.title, contract.counterparty.name)
        yield from (d.url for d in contract.documents)
        yield contract.source
        yield from (m.ack.note for m in contract.milestones if m.ack and m.ack.note)  # acknowledgements' internal notes
    for rule in portfolio.settings.approvals:  # approvals name teams and people
        yield from rule.require
    yield from ("http://", "https://", "](", "<", text("money.receivable.late_fees", language), text("site.risks", language))


def _other_amounts(ev: Evaluation, key: str, language: str) -> set[str]:
    def money(c: Contract) -> set[str]:
        amounts = [(m.amount, c.currency) for m in c.milestones if m.amount is not None]
        amounts += [(c.value.amount, c.value.currency)] if c.value else []
        return {format_money(a, currency, language) for a, currency in amounts}

    mine = [c for c in ev.portfolio.contracts if group_key(c.counterparty) == key]
    others = [c for c in ev.portfolio.contracts if group_key(c.counterparty) != key]
    return set().union(*map(money, others)) - set().union(*map(money, mine))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_statement_of_the_example_portfolio_shows_an_internal_field(language: str) -> None:
    ev = _evaluation(language)
    keys = sorted({group_key(c.counterparty) for c in ev.portfolio.contracts if statement.shown(c)})
    assert len(keys) >= 8
    for key in keys:
        written = statement.render_markdown(statement.build(ev, key, "month"))
        leaks = sorted({f for f in forbidden(ev, key, language) if f and f in written})
        assert leaks == [], (key, leaks)
        assert not [a for a in _other_amounts(ev, key, language) if a in written], key
    confidential_only = {group_key(c.counterparty) for c in ev.portfolio.contracts} - set(keys)
    assert confidential_only, "the example has a counterparty whose only contract is confidential"


def test_a_statement_tells_each_side_what_it_did_and_owes() -> None:
    ev = _evaluation("en")
    s = statement.build(ev, "id:yunfan-logistics", "month")
    assert [c.id for c in s.contracts] == ["C-2026-007", "F-2026-006"]
    assert [(i.contract_id, i.by, i.days_late) for i in s.overdue] == [("C-2026-007", "them", 94), ("F-2026-006", "them", 28)]
    assert all(i.completed_on is not None and s.start <= i.completed_on <= s.end for i in s.done)
    assert all(s.today <= i.due <= s.next_end for i in s.upcoming)
    written = statement.render_markdown(s)
    assert "### Performed by you\n\n| Contract | Milestone |" in written.split("## Overdue")[1]


def test_report_counterparty_finds_it_by_id_name_or_part_and_refuses_what_it_cannot_tell(
    run_cli: Callable[..., object], copy_portfolio: Callable[[Path], Path]
) -> None:
    root = copy_portfolio(REPO_ROOT)
    by_id = run_cli("report", "--root", root, "--counterparty", "yunfan-logistics", "--lang", "en")
    by_part = run_cli("report", "--root", root, "--counterparty", "云帆", "--lang", "en")
    assert by_id.code == 0 and by_id.out.startswith("# Contract statement: 杭州云帆物流有限公司\n")  # type: ignore[attr-defined]
    assert by_part.out == by_id.out  # type: ignore[attr-defined]
    assert "the month 2026-11-01 to 2026-11-30" in by_id.out  # type: ignore[attr-defined]
    week = run_cli("report", "--root", root, "--counterparty", "yunfan-logistics", "--period", "week", "--lang", "en")
    assert "the week 2026-11-23 to 2026-11-29" in week.out  # type: ignore[attr-defined]
    out = root / "statement.md"
    written = run_cli("report", "--root", root, "--counterparty", "yunfan-logistics", "-o", out, "--lang", "zh")
    assert written.code == 0 and out.read_text(encoding="utf-8").startswith("# 合同履约对账单：杭州云帆物流有限公司")  # type: ignore[attr-defined]
    ambiguous = run_cli("report", "--root", root, "--counterparty", "科技", "--lang", "zh")
    assert ambiguous.code == 2 and "上海星瀚智能科技有限公司、南京蓝鲸网络科技有限公司" in ambiguous.err  # type: ignore[attr-defined]
    assert "Traceback" not in ambiguous.err  # type: ignore[attr-defined]
    secret = run_cli("report", "--root", root, "--counterparty", "N-2026-005", "--lang", "en")  # a confidential contract's
    assert secret.code == 2 and "no contract's counterparty matches" in secret.err  # type: ignore[attr-defined]
    json_asked = run_cli("report", "--root", root, "--counterparty", "云帆", "--format", "json", "--lang", "en")
    assert json_asked.code == 2 and "Markdown only" in json_asked.err  # type: ignore[attr-defined]
    plain = run_cli("report", "--root", root, "--lang", "en")
    assert plain.code == 0 and plain.out.startswith("# Contract execution weekly report")  # type: ignore[attr-defined]
