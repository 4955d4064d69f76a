"""The strict loader: YAML 1.2 scalars minus the traps, exact decimals, positions, located refusals."""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.load.yaml import MAX_BYTES, MAX_DEPTH, Document, load_bytes, resolve_plain


def load(text: str | bytes) -> Document:
    result = load_bytes("x.yaml", text.encode("utf-8") if isinstance(text, str) else text)
    assert isinstance(result, Document), result
    return result


def refuse(text: str | bytes) -> Finding:
    result = load_bytes("x.yaml", text.encode("utf-8") if isinstance(text, str) else text)
    assert isinstance(result, Finding), result
    return result


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("NO", "NO"),
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("True", "True"),
        ("true", True),
        ("false", False),
        ("0755", "0755"),
        ("010", "010"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("1:30", "1:30"),
        ("190:20:30", "190:20:30"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("2026-02-30", "2026-02-30"),
        ("2026-01-10", "2026-01-10"),
        ("0", 0),
        ("-0", 0),
        ("+12", 12),
        ("1200000", 1200000),
        ("1200000.00", Decimal("1200000.00")),
        ("0.10", Decimal("0.10")),
        ("-.5", Decimal("-0.5")),
        ("1.", Decimal("1")),
        ("1e3", Decimal("1E+3")),
        ("2.5E-2", Decimal("0.025")),
        ("", None),
        ("~", None),
        ("null", None),
        ("NULL", None),
    ],
)
def test_plain_scalars_resolve_the_yaml_12_way_minus_the_traps(plain: str, value: Any) -> None:
    resolved = resolve_plain(plain)
    assert resolved == value
    assert type(resolved) is type(value)


def test_decimals_keep_their_written_digits() -> None:
    data = load("a: 1200000.00\nb: 0.10\nc: 3.14159265358979323846264338327950288\n").data
    assert [str(data[k]) for k in "abc"] == ["1200000.00", "0.10", "3.14159265358979323846264338327950288"]


def test_huge_integers_are_located_findings_not_crashes() -> None:
    digits = "9" * 5000  # more than int() converts, and more than any amount: PW206 where it stands
    found = load_bytes("x.yaml", f"a: 1\nb: {digits}\n".encode())
    assert isinstance(found, Finding) and (found.code, found.line, found.column) == ("PW206", 2, 4)
    assert load(f"a: {'9' * 40}\n").data["a"] == int("9" * 40)


def test_quoted_and_block_scalars_stay_text() -> None:
    data = load("a: 'true'\nb: \"12\"\nc: |\n  NO\nd: >-\n  0755\ne: ! 12\n").data
    assert data == {"a": "true", "b": "12", "c": "NO\n", "d": "0755", "e": "12"}


def test_keys_are_text_whatever_they_look_like() -> None:
    assert load("1: a\ntrue: b\n2026-01-01: c\n~: d\n").data == {"1": "a", "true": "b", "2026-01-01": "c", "~": "d"}


def test_positions_of_values_and_keys() -> None:
    doc = load("# comment\nid: C-1\nmilestones:\n  - id: M1\n    due: 2026-12-01\nterms: {a~b: 1, c/d: 2}\n")
    assert doc.positions["/id"] == (2, 5)
    assert doc.key_positions["/id"] == (2, 1)
    assert doc.positions["/milestones/0"] == (4, 5)
    assert doc.positions["/milestones/0/due"] == (5, 10)
    assert doc.key_positions["/milestones/0/due"] == (5, 5)
    assert doc.positions["/terms/a~0b"] == (6, 14)
    assert doc.positions["/terms/c~1d"] == (6, 22)
    assert doc.locate("/milestones/0/missing") == (4, 5)  # falls back to the nearest ancestor
    assert doc.locate("/nothing/here") == doc.positions[""]
    assert doc.source_line(5) == "    due: 2026-12-01"
    assert doc.source_line(99) == ""


def test_columns_count_characters_not_bytes() -> None:
    doc = load("标题: 年度合同\n相对方: {名称: 上海, id: x}\n")
    assert doc.positions["/标题"] == (1, 5)
    assert doc.positions["/相对方/id"] == (2, 19)


def test_byte_order_mark_is_accepted_and_invisible() -> None:
    doc = load(b"\xef\xbb\xbfid: C-1\r\ntitle: x\r\n")
    assert doc.data == {"id": "C-1", "title": "x"}
    assert doc.positions["/id"] == (1, 5)
    assert doc.source_line(1) == "id: C-1"


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\nb: 2\na: 3\n", "PW105", 3, 1),
        ("a:\n  b: 1\n  b: 2\n", "PW105", 3, 3),
        ("a: &x 1\n", "PW106", 1, 4),
        ("a: *x\n", "PW106", 1, 4),
        ("a:\n  <<: {b: 1}\n", "PW106", 2, 3),
        ("a: !!str 1\n", "PW107", 1, 4),
        ("a: !!map {b: 1}\n", "PW107", 1, 4),
        ("- a\n", "PW108", 1, 1),
        ("a: 1\n---\nb: 2\n", "PW109", 2, 1),
        ("a: 1\n...\n---\nb: 2\n", "PW109", 3, 1),
        ("? {a: 1}\n: 2\n", "PW110", 1, 3),
        ("a:\n\t- 1\n", "PW104", 2, 1),
        ('a: "open\n', "PW104", 1, 4),
        ("a: [1, 2\n", "PW104", 1, 4),
        ("a: {b: 1\n", "PW104", 1, 4),
        ("a: b: c\n", "PW104", 1, 5),
        ("a: 1\n b: 2\n", "PW104", 2, 3),
        ("a: \x07\n", "PW104", 1, 4),
        ("", "PW103", 1, 1),
        ("# nothing\n   \n", "PW103", 1, 1),
        ("---\n", "PW108", 2, 1),
        ("a: b\nc: \x00x\n", "PW104", 2, 4),
        (b"\xff\xfea\x00:\x00", "PW101", 1, 1),
        (b"a: caf\xc3\nb: 1\n", "PW101", 1, 7),
        (b"a: 1\nb: \xd6\xd0\xce\xc4\n", "PW101", 2, 4),
    ],
)
def test_refusals_are_located(text: str | bytes, code: str, line: int, column: int) -> None:
    finding = refuse(text)
    assert (finding.code, finding.line, finding.column) == (code, line, column), finding.message
    assert finding.severity == "error"
    assert finding.file == "x.yaml"


def test_tab_indentation_gets_a_hint() -> None:
    assert refuse("a:\n\t- 1\n").hint == msg("finding.yaml.tab_hint")


def test_error_at_end_of_file_points_at_what_was_left_open() -> None:
    finding = refuse("a: 1\nb: [1,\n  2\n")
    assert (finding.line, finding.column, finding.source) == (2, 4, "b: [1,")
    assert finding.message == msg("finding.yaml.unclosed_list")


def test_size_limit_is_exact() -> None:
    head = b"a: 1\n#"
    assert isinstance(load_bytes("x", head + b"x" * (MAX_BYTES - len(head))), Document)
    over = refuse(head + b"x" * (MAX_BYTES - len(head) + 1))
    assert (over.code, over.line, over.column) == ("PW102", 1, 1)


def test_nesting_is_bounded() -> None:
    ok = "a:\n" + "".join("  " * i + "a:\n" for i in range(1, MAX_DEPTH - 1)) + "  " * (MAX_DEPTH - 1) + "x\n"
    assert isinstance(load_bytes("x", ok.encode()), Document)
    for deep in (
        "a:\n" + "".join("  " * i + "a:\n" for i in range(1, 700)) + "  " * 700 + "x\n",
        "a: " + "[" * 700 + "]" * 700 + "\n",
        "a: " + "{b: " * 700 + "1" + "}" * 700 + "\n",
    ):
        assert refuse(deep).code == "PW104"


def test_a_billion_laughs_is_refused_at_the_first_anchor() -> None:
    lol = "a: &a [lol, lol]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    finding = refuse(lol)
    assert (finding.code, finding.line, finding.column) == ("PW106", 1, 4)


def test_non_mapping_allowed_when_asked() -> None:
    result = load_bytes("x", b"- 1\n- two\n", expect_mapping=False)
    assert isinstance(result, Document)
    assert result.data == [1, "two"]


def test_every_person_key_the_schema_allows_has_a_model_field() -> None:
    from dataclasses import fields

    from pactwatch.load.schema import load_schema
    from pactwatch.model import Person

    allowed = set(load_schema("people")["properties"]["people"]["items"]["properties"])
    assert allowed == {f.name for f in fields(Person)}  # construct.people_from passes them straight to Person(**...)


def test_model_records_survive_pickling_through_their_rebuild_functions() -> None:
    from pactwatch.model import Ack, Contract, Counterparty, Milestone, Money, Repeat, Term

    m = Milestone(
        "M1", "付款", "payment", date(2026, 1, 31), "ann", "CNY", Decimal("1.50"), ("M0",), "pending",
        ack=Ack(date(2026, 2, 1), "ok"), repeat=Repeat(1, "month", count=3), completed={date(2026, 1, 31): date(2026, 2, 2)},
        index=2, line=9,
    )  # fmt: skip
    c = Contract("C-1", "合同", "sales", "active", "ann", Counterparty("甲"), (m,), "contracts/C-1.yaml", "CNY", Money(Decimal(9), "CNY"),
                 term=Term(date(2026, 1, 1), date(2026, 12, 31), auto_renew=True, notice_days=30))  # fmt: skip
    copy = pickle.loads(pickle.dumps(c, pickle.HIGHEST_PROTOCOL))
    assert copy == c
    assert type(copy.milestones[0]) is Milestone
    with pytest.raises(AttributeError):
        copy.milestones[0].title = "changed"  # type: ignore[misc]
