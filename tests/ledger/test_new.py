"""pactwatch new: a contract from a template validates at once, and nothing is ever overwritten."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from pactwatch.load.portfolio import load_portfolio
from tests.conftest import TODAY, CliResult

Run = Callable[..., CliResult]
TYPES = ["framework", "lease", "nda", "purchase", "sales", "service"]
OWN_TEMPLATE = """\
{# Our sales contract -#}
# yaml-language-server: $schema={{ schema }}
id: {{ id }}
title: {{ title | yaml }}
type: sales
status: draft
owner: {{ owner }}
counterparty: {name: {{ counterparty | yaml }}}
milestones:
  - {id: M1, title: 全款, kind: payment, due: {{ at(days=30) }}, owner: {{ owner }}}
"""


@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize(
    "extra", [(), ("--value", "120万", "--start", "2027-01-01", "--counterparty", "ACME, Inc. [HK]: #1", "--owner", "张伟")]
)
def test_every_template_validates_at_once(run_cli: Run, empty_portfolio: Path, kind: str, extra: tuple[str, ...]) -> None:
    result = run_cli("new", kind, "--id", f"T-{kind}", "--root", empty_portfolio, *extra)
    assert result.code == 0, result.err
    path = empty_portfolio / "contracts" / kind / f"T-{kind}.yaml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/contract.schema.json\n")
    check = run_cli("validate", "--root", empty_portfolio, "--strict", "--no-cache")
    assert check.code == 0, check.out
    contract = load_portfolio(empty_portfolio, TODAY, use_cache=False).portfolio.contracts[0]
    assert (contract.id, contract.type, contract.status) == (f"T-{kind}", kind, "draft")
    assert len(contract.milestones) >= 3
    if extra:
        assert contract.term is not None and contract.term.start == date(2027, 1, 1)
        assert contract.counterparty.name == "ACME, Inc. [HK]: #1" and contract.owner == "zhang.wei"
        if kind != "nda":
            assert contract.value is not None and contract.value.amount == Decimal(1200000)
    else:
        assert contract.term is not None and contract.term.start == TODAY and contract.value is None
        assert all(m.amount is None for m in contract.milestones)


def test_sales_shares_add_up(run_cli: Run, empty_portfolio: Path) -> None:
    assert run_cli("new", "sales", "--id", "S-1", "--root", empty_portfolio, "--value", "100000.01").code == 0
    contract = load_portfolio(empty_portfolio, TODAY, use_cache=False).portfolio.contracts[0]
    amounts = [m.amount for m in contract.milestones if m.amount is not None]
    assert amounts == [Decimal("30000.00"), Decimal("60000.00"), Decimal("10000.00")]  # rounded down: never more than the value
    assert [m.kind for m in contract.milestones] == ["payment", "delivery", "acceptance", "payment", "payment"]


def test_never_overwrites(run_cli: Run, empty_portfolio: Path) -> None:
    assert run_cli("new", "nda", "--id", "N-1", "--root", empty_portfolio).code == 0
    path = empty_portfolio / "contracts" / "nda" / "N-1.yaml"
    before = path.read_bytes()
    again = run_cli("new", "--lang", "en", "sales", "--id", "N-1", "--root", empty_portfolio)
    assert again.code == 1 and "exists already (contracts/nda/N-1.yaml)" in again.err
    assert path.read_bytes() == before and not (empty_portfolio / "contracts" / "sales").exists()


def test_list_and_portfolio_templates(run_cli: Run, empty_portfolio: Path) -> None:
    listed = run_cli("new", "--list", "--root", empty_portfolio)
    assert listed.code == 0 and [line.split()[0] for line in listed.out.splitlines()] == TYPES
    assert all(" shipped " in line for line in listed.out.splitlines())
    own = empty_portfolio / "templates" / "contracts"
    own.mkdir(parents=True)
    (own / "sales.yaml.j2").write_text(OWN_TEMPLATE, encoding="utf-8")
    (own / "consulting.yaml.j2").write_text(
        (own / "sales.yaml.j2").read_text(encoding="utf-8").replace("type: sales", "type: service\nside: sell"), encoding="utf-8"
    )
    listed = run_cli("new", "--list", "--root", empty_portfolio)
    assert "consulting   portfolio Our sales contract" in listed.out and "sales        portfolio Our sales contract" in listed.out
    assert run_cli("new", "sales", "--id", "O-1", "--root", empty_portfolio).code == 0
    assert "title: 全款" in (empty_portfolio / "contracts/sales/O-1.yaml").read_text(encoding="utf-8")
    assert run_cli("new", "consulting", "--id", "O-2", "--root", empty_portfolio).code == 0
    assert (empty_portfolio / "contracts/service/O-2.yaml").is_file()  # filed under its type
    assert run_cli("validate", "--root", empty_portfolio).code == 0


def test_without_people_yaml_it_says_the_file_is_missing_and_how_to_start(run_cli: Run, empty_portfolio: Path) -> None:
    (empty_portfolio / "people.yaml").unlink()
    missing = run_cli("new", "--lang", "en", "sales", "--id", "S-1", "--root", empty_portfolio)
    assert missing.code == 1 and "people.yaml is missing in " in missing.err, missing.err
    assert "create it" in missing.err and "`pactwatch init`" in missing.err and "lists nobody" not in missing.err
    (empty_portfolio / "people.yaml").write_text("people: [{id: li.na}]\n", encoding="utf-8")  # name is required
    broken = run_cli("new", "--lang", "en", "sales", "--id", "S-1", "--root", empty_portfolio)
    assert broken.code == 1 and broken.err.startswith("pactwatch: people.yaml:1:") and "PW201" in broken.err, broken.err
    (empty_portfolio / "people.yaml").write_text("people: []\n", encoding="utf-8")
    assert "people.yaml lists nobody" in run_cli("new", "--lang", "en", "sales", "--id", "S-1", "--root", empty_portfolio).err
    assert not any((empty_portfolio / "contracts").iterdir())


def test_a_broken_template_writes_nothing(run_cli: Run, empty_portfolio: Path) -> None:
    own = empty_portfolio / "templates" / "contracts"
    own.mkdir(parents=True)
    (own / "bad.yaml.j2").write_text("id: {{ id }}\ntitle: x\n", encoding="utf-8")
    (own / "syntax.yaml.j2").write_text("id: {{ id \n", encoding="utf-8")
    bad = run_cli("new", "--lang", "en", "bad", "--id", "B-1", "--root", empty_portfolio)
    assert bad.code == 1 and "does not give a valid contract" in bad.err and "PW201" in bad.err
    syntax = run_cli("new", "--lang", "en", "syntax", "--id", "B-2", "--root", empty_portfolio)
    assert syntax.code == 1 and "template error" in syntax.err
    assert not any((empty_portfolio / "contracts").rglob("*.yaml"))


def test_usage_errors(run_cli: Run, empty_portfolio: Path) -> None:
    for args, message in (
        (("sales",), "--id is required"),
        (("sales", "--id", "合同1"), "--id is required"),
        (("nope", "--id", "X"), "no template 'nope'"),
        ((), "choose a template"),
        (("sales", "--id", "X", "--owner", "nobody"), "is not a person in people.yaml"),
        (("sales", "--id", "X", "--value", "lots"), "--value"),
        (("sales", "--id", "X", "--start", "soon"), "--start"),
        (("sales", "--id", "X", "--value", "$5", "--currency", "EUR"), "--value is in USD"),
    ):
        result = run_cli("new", "--lang", "en", *args, "--root", empty_portfolio)
        assert result.code == 2 and message in result.err, (args, result.err)


def test_english_portfolio(run_cli: Run, empty_portfolio: Path) -> None:
    settings = empty_portfolio / "pactwatch.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    assert run_cli("new", "service", "--id", "E-1", "--root", empty_portfolio, "--value", "USD 48,000").code == 0
    text = (empty_portfolio / "contracts/service/E-1.yaml").read_text(encoding="utf-8")
    assert "title: Service agreement E-1" in text and "title: Monthly service report" in text and "currency: USD" in text
    assert "amount: 12000.00" in text
    assert run_cli("validate", "--root", empty_portfolio, "--strict").code == 0


def test_currency_words(run_cli: Run, empty_portfolio: Path) -> None:
    assert run_cli("new", "purchase", "--id", "P-1", "--root", empty_portfolio, "--value", "1000", "--currency", "美元").code == 0
    assert "value: {amount: 1000.00, currency: USD}" in (empty_portfolio / "contracts/purchase/P-1.yaml").read_text(encoding="utf-8")
    bad = run_cli("new", "purchase", "--id", "P-2", "--root", empty_portfolio, "--currency", "dollars")
    assert bad.code == 2 and "--currency" in bad.err


def _starts() -> list[date]:
    """Starts where month arithmetic clamps: the 1st and the last four days of every month of a leap year and the next."""
    days = [date(2028, 1, 1) + timedelta(days=n) for n in range(366 + 365)]
    return [d for d in days if d.day == 1 or (d + timedelta(days=4)).month != d.month]


@pytest.mark.parametrize("kind", TYPES)
def test_templates_keep_repeats_within_the_term(empty_portfolio: Path, kind: str) -> None:
    """The service template's twelfth monthly report fell after the term ended, and nothing said so (PW314 now does)."""
    from pactwatch.ledger.preflight import findings
    from pactwatch.ledger.templates import Inputs, available, render
    from pactwatch.load.people import load_people

    template = available(empty_portfolio)[kind]
    people = {p.id: p for p in load_people(empty_portfolio)[0]}
    found = set()
    for start in _starts():
        inputs = Inputs(f"T-{kind}", "T", "ACME", "zhang.wei", start, Decimal(1200000), "CNY", "en", "schema.json")
        text = render(template, inputs)
        found |= {f.message for f in findings(f"contracts/{kind}/T.yaml", text, people, "CNY", start) if f.code == "PW314"}
    assert found == set()


def test_a_repeat_past_the_term_is_a_warning_at_the_repeat(run_cli: Run, empty_portfolio: Path) -> None:
    own = OWN_TEMPLATE.replace("milestones:\n", "term: {start: 2027-01-01, end: 2027-12-31}\nmilestones:\n").replace(
        "due: {{ at(days=30) }}, owner: {{ owner }}}", "due: 2027-01-31, owner: {{ owner }}, repeat: {every: 1 month, count: 13}}"
    )
    (empty_portfolio / "templates" / "contracts").mkdir(parents=True)
    (empty_portfolio / "templates" / "contracts" / "ours.yaml.j2").write_text(own, encoding="utf-8")
    result = run_cli("new", "--lang", "en", "ours", "--id", "O-1", "--root", empty_portfolio)
    assert result.code == 0, result.err
    assert "warning: contracts/sales/O-1.yaml:" in result.err
    assert "PW314 milestone 'M1' repeats past the term's end 2027-12-31: 1 occurrence from 2028-01-31 on" in result.err
    check = run_cli("validate", "--root", empty_portfolio, "--format", "json")
    finding = next(f for f in json.loads(check.out)["findings"] if f["code"] == "PW314")
    assert (finding["severity"], finding["pointer"]) == ("warning", "/milestones/0/repeat")
