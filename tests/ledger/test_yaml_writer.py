"""The YAML writer: example style, and text that reads back to exactly what was written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.ledger.yaml_writer import amount, render, scalar
from pactwatch.load.yaml import Document, load_bytes
from tests.conftest import REPO_ROOT


def _load(text: str) -> object:
    loaded = load_bytes("t.yaml", text.encode("utf-8"))
    assert isinstance(loaded, Document), loaded
    return loaded.data


@given(st.text(st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"), min_size=1, max_size=40))
def test_any_text_reads_back(text: str) -> None:  # other control characters are refused by the loader (PW111)
    assert _load(f"k: {scalar(text)}\nf: {{a: {scalar(text)}}}\nl: [{scalar(text)}]\n") == {"k": text, "f": {"a": text}, "l": [text]}


@pytest.mark.parametrize(
    "text",
    [
        "NO",
        "yes",
        "on",
        "Off",
        "y",
        "null",
        "~",
        "true",
        "0755",
        "1e3",
        "0x1F",
        "12:30",
        "2026-01-05",
        "- x",
        "a: b",
        "a #b",
        "[x]",
        "{x}",
        "x,y",
        "'q'",
        '"q"',
        " lead",
        "trail ",
        "@x",
        "`x",
        "%x",
        "",
        "\ufeffbom",
        "\uff0c",
        "a\uff0cb",
        "\uff3bx\uff3d",
        "payment_days\uff1a30",
    ],
)
def test_risky_text_is_quoted(text: str) -> None:
    assert scalar(text).startswith('"')
    assert _load(f"k: {scalar(text)}\n") == {"k": text}


@pytest.mark.parametrize("text", ["上海星瀚智能科技有限公司", "预付款 30%", "质保金 10%（质保期满）", "C#", "M1", "it's", "zhang.wei"])
def test_plain_text_stays_plain(text: str) -> None:
    assert scalar(text) == text


def test_amounts_and_dates() -> None:
    assert amount(Decimal(1200000)) == "1200000.00"
    assert amount(Decimal("1.2E+6")) == "1200000.00"
    assert amount(Decimal("0.125")) == "0.125"
    assert scalar(Decimal("0.050"), key="rate") == "0.050"
    assert scalar(date(2026, 1, 5)) == "2026-01-05"
    assert scalar(True) == "true"


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "contracts").rglob("*.yaml")), ids=lambda p: p.name)
def test_example_contracts_round_trip(path: Path) -> None:
    data = _load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    text = render(data, "../../schema/contract.schema.json", ["a comment\nwith a line break"])
    assert text.startswith("# yaml-language-server: $schema=../../schema/contract.schema.json\n# a comment with a line break\n")
    assert _load(text) == data


def test_style_matches_the_examples() -> None:
    text = render(
        {
            "id": "C-1", "title": "设备", "type": "sales", "status": "active", "owner": "zhang.wei",
            "counterparty": {"name": "ACME, Inc.", "id": "acme"}, "value": {"amount": Decimal(100), "currency": "CNY"},
            "term": {"start": date(2026, 1, 1), "end": date(2026, 12, 31)},
            "milestones": [
                {"id": "M1", "title": "预付款", "kind": "payment", "due": date(2026, 2, 1), "owner": "li.na", "amount": Decimal(30),
                 "status": "done", "completed_on": date(2026, 2, 1)},
                {"id": "M2", "title": "报告", "kind": "report", "due": date(2026, 3, 1), "owner": "li.na",
                 "repeat": {"every": "1 month", "count": 3}, "completed": {date(2026, 3, 1): date(2026, 3, 2)}},
            ],
            "documents": [{"title": "扫描件", "url": "https://x.example/1"}],
            "tags": ["a", "b"],
        },
        "../../schema/contract.schema.json",
    )  # fmt: skip
    assert text == (
        "# yaml-language-server: $schema=../../schema/contract.schema.json\n"
        "id: C-1\ntitle: 设备\ntype: sales\nstatus: active\nowner: zhang.wei\n"
        'counterparty: {id: acme, name: "ACME, Inc."}\nvalue: {amount: 100.00, currency: CNY}\n'
        "term: {start: 2026-01-01, end: 2026-12-31}\n"
        "milestones:\n"
        "  - id: M1\n    title: 预付款\n    kind: payment\n    due: 2026-02-01\n    owner: li.na\n    amount: 30.00\n"
        "    status: done\n    completed_on: 2026-02-01\n"
        "\n"
        "  - id: M2\n    title: 报告\n    kind: report\n    due: 2026-03-01\n    owner: li.na\n    repeat: {every: 1 month, count: 3}\n"
        "    completed:\n      2026-03-01: 2026-03-02\n"
        'documents:\n  - title: 扫描件\n    url: "https://x.example/1"\n'
        "tags: [a, b]\n"
    )


def test_relative_deadlines_and_conventions_read_back() -> None:
    milestone = {"id": "M4", "title": "验收合格后30日内付款", "kind": "payment", "due_after": {"milestone": "M3", "working_days": 10}}
    milestone |= {"business_day": "following", "owner": "li.na"}
    data = {"id": "C-1", "title": "设备", "type": "sales", "status": "active", "owner": "li.na", "counterparty": {"name": "ACME"}}
    data |= {"terms": {"business_day": "modified_following"}, "milestones": [milestone]}
    text = render(data, "../../schema/contract.schema.json")
    assert "    due_after: {milestone: M3, working_days: 10}\n    business_day: following\n" in text
    assert _load(text) == data
