"""Invariants, with hypothesis: no input makes the loader or the validator raise; values round-trip.

Three kinds of input: raw bytes, text stitched from YAML-ish fragments (the
characters and constructs that break parsers), and contracts built from the
format's own grammar with hostile values (dates at the ends of the calendar,
huge amounts and counts, cycles), which get past the schema and exercise the
model and the rules.
"""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactwatch.findings import CODES, Finding
from pactwatch.load.portfolio import FileResult, load_portfolio, process_contract
from pactwatch.load.yaml import Document, escape_pointer_token, load_bytes

SOURCE = "contracts/C-1.yaml"
PEOPLE = "people:\n  - {id: ann, name: Ann}\n  - {id: bo, name: Bo, manager: ann}\n"
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROUND_TRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Raw(str):
    """A scalar written as is (plain style), such as 2026-02-30 or 1e999999."""


def assert_located(findings: tuple[Finding, ...] | list[Finding], source: str) -> None:
    for finding in findings:
        assert finding.code in CODES, finding
        assert finding.severity == CODES[finding.code][0], finding
        assert finding.file == source
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.message


def assert_processed(result: FileResult) -> None:
    assert isinstance(result, FileResult)
    assert_located(result.findings, SOURCE)
    if result.contract is None:
        assert any(f.severity == "error" for f in result.findings)


# --- text and bytes ---------------------------------------------------------------------------

FRAGMENTS = [
    *("id: C-1\n", "title: 年度合同\n", "type: sales\n", "status: active\n", "owner: ann\n", "counterparty: {name: X}\n"),
    *("milestones:\n", "  - id: M1\n", "    title: t\n", "    kind: payment\n", "    due: 2026-12-01\n", "    owner: bo\n"),
    *("    depends_on: [M1]\n", "    status: done\n", "    completed_on: 2026-11-30\n", "    amount: 1e999999\n"),
    *("    repeat: {every: 999 years, count: 1000}\n", "value: {amount: 10, currency: CNY}\n"),
    "term: {start: 9999-12-31, end: 0001-01-01}\n",
    *("- ", "  ", "    ", "\t", ": ", "{", "}", "[", "]", ", ", "? ", "'", '"', "# ", "|\n", ">-\n", "\\", "\\x", "\\U0001"),
    *("&a ", "*a", "<<: ", "!!str ", "! ", "!x ", "%YAML 1.2\n", "%TAG !e! tag:e.com,2000:\n", "---\n", "...\n"),
    *("\n", "\r\n", "\r", "\ufeff", "\x85", "\u2028", "\x00", "\x1b", "\ud7ff", "\U0001f600", "年度", "ｘ"),
    *("NO", "yes", "0755", "1:30", "2026-02-30", "0x1F", ".inf", "~", "null", "-", "9" * 5000, "1e", "1.5e-9999"),
]
yamlish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join)


@FUZZ
@given(st.binary(max_size=3000))
def test_loader_never_raises_on_bytes(raw: bytes) -> None:
    result = load_bytes(SOURCE, raw)
    assert isinstance(result, Document | Finding)
    if isinstance(result, Finding):
        assert_located([result], SOURCE)


@FUZZ
@given(yamlish)
def test_loader_never_raises_on_yamlish_text(text: str) -> None:
    result = load_bytes(SOURCE, text.encode("utf-8"))
    assert isinstance(result, Document | Finding)
    if isinstance(result, Finding):
        assert_located([result], SOURCE)
    else:
        assert isinstance(result.data, dict)
        assert all(line >= 1 and column >= 1 for line, column in result.positions.values())


@FUZZ
@given(st.one_of(yamlish, st.text(max_size=300)))
def test_pipeline_never_raises_on_text(text: str) -> None:
    assert_processed(process_contract(SOURCE, text.encode("utf-8"), "CNY"))


@FUZZ
@given(st.binary(max_size=1000))
def test_pipeline_never_raises_on_bytes(raw: bytes) -> None:
    assert_processed(process_contract(SOURCE, raw, "CNY"))


# --- contracts from the grammar, with hostile values ------------------------------------------


def kept_text(min_size: int = 0, max_size: int = 20) -> st.SearchStrategy[str]:
    """Any text the loader keeps: control characters but tab and line breaks are refused (PW111, tested in test_loader)."""
    return st.text(st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"), min_size=min_size, max_size=max_size)


_PRINTABLE_EXCEPT = frozenset('"\\\x85\u2028\u2029\ufeff')


def quote(text: str) -> str:
    """A YAML double-quoted scalar for any text: printable characters raw (CJK included), the rest escaped."""
    out = []
    for ch in text:
        code = ord(ch)
        printable = ch in "\t" or 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000
        out.append(ch if printable and ch not in _PRINTABLE_EXCEPT else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def dump(value: Any) -> str:
    """Flow-style YAML our loader reads back exactly (strings always double-quoted)."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return "[" + ", ".join(dump(v) for v in value) + "]"
    return "{" + ", ".join(f"{quote(k)}: {dump(v)}" for k, v in value.items()) + "}"


def dump_document(mapping: dict[str, Any]) -> str:
    return "".join(f"{quote(key)}: {dump(value)}\n" for key, value in mapping.items())


def iso(d: date) -> Raw:
    return Raw(d.isoformat())


near_dates = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)).map(iso)
dates = st.one_of(
    near_dates,
    near_dates,
    near_dates,
    st.dates().map(iso),
    st.sampled_from([Raw("2026-02-30"), Raw("0000-01-01"), Raw("9999-12-31"), Raw("2026-13-01"), "2026-01-01\n"]),
)
amounts = st.one_of(
    st.decimals(min_value=0, max_value=10**9, places=2),
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from([Raw("1e1000000"), Raw("1e-1000000"), Raw("-0.0"), Raw("1e15"), Raw("9" * 40), Raw("0.1e999999999999999999")]),
)
ids = st.sampled_from(["M1", "M2", "M3", "M4"])
people = st.sampled_from(["ann", "bo", "nobody"])
every = st.builds(lambda n, u: f"{n} {u}", st.integers(1, 999), st.sampled_from(["day", "weeks", "month", "quarters", "year"]))
repeats = st.one_of(
    st.fixed_dictionaries({"every": every, "until": dates}),
    st.fixed_dictionaries({"every": every, "count": st.integers(1, 1000)}),
    st.fixed_dictionaries({"every": every}, optional={"until": dates, "count": st.integers(1, 1000)}),
)
milestones = st.fixed_dictionaries(
    {
        "id": ids,
        "title": kept_text(min_size=1, max_size=20),
        "kind": st.sampled_from(["payment", "delivery", "acceptance", "service", "report", "renewal", "other"]),
        "due": dates,
        "owner": people,
    },
    optional={
        "amount": amounts,
        "currency": st.sampled_from(["CNY", "USD"]),
        "depends_on": st.lists(ids, max_size=3),
        "status": st.sampled_from(["pending", "in_progress", "done", "waived", "cancelled"]),
        "completed_on": dates,
        "remind_days": st.lists(st.integers(0, 365), max_size=4),
        "ack": st.fixed_dictionaries({"until": dates}),
        "repeat": repeats,
        "completed": st.dictionaries(st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)).map(str), dates, max_size=3),
    },
)
contracts = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["C-1", "C-2"]),
        "title": kept_text(min_size=1, max_size=30),
        "type": st.sampled_from(["sales", "purchase", "service", "lease", "nda", "framework", "other"]),
        "status": st.sampled_from(["draft", "active", "completed", "terminated", "expired"]),
        "owner": people,
        "counterparty": st.fixed_dictionaries({"name": kept_text(min_size=1, max_size=20)}),
        "milestones": st.lists(milestones, max_size=5),
    },
    optional={
        "value": st.fixed_dictionaries({"amount": amounts, "currency": st.sampled_from(["CNY", "USD"])}),
        "signed_on": dates,
        "term": st.fixed_dictionaries(
            {"start": dates, "end": dates},
            optional={"auto_renew": st.booleans(), "renewal_months": st.integers(1, 120), "notice_days": st.integers(0, 3650)},
        ),
        "terms": st.dictionaries(
            st.sampled_from(["payment_days", "付款", "x y"]), st.one_of(kept_text(max_size=5), amounts, st.booleans())
        ),
        "documents": st.lists(
            st.fixed_dictionaries({"title": st.just("d"), "url": st.one_of(kept_text(max_size=30), st.just("https://x"))})
        ),
        "tags": st.lists(kept_text(min_size=1, max_size=8), max_size=3),
        "confidential": st.booleans(),
    },
)


@FUZZ
@given(contracts)
def test_pipeline_never_raises_on_hostile_contracts(contract: dict[str, Any]) -> None:
    assert_processed(process_contract(SOURCE, dump_document(contract).encode("utf-8"), "CNY"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(contracts, min_size=1, max_size=3), st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_whole_portfolio_never_raises(items: list[dict[str, Any]], today: date) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "people.yaml").write_text(PEOPLE, encoding="utf-8")
        for index, contract in enumerate(items):
            path = root / "contracts" / f"d{index}" / f"{contract['id']}.yaml"
            path.parent.mkdir(parents=True)
            path.write_text(dump_document(contract), encoding="utf-8")
        loaded = load_portfolio(root, today, use_cache=False, jobs=1)
    assert list(loaded.findings) == sorted(loaded.findings, key=lambda f: f.sort_key)
    assert {c.source for c in loaded.portfolio.contracts} <= {f"contracts/d{i}/{c['id']}.yaml" for i, c in enumerate(items)}


# --- round trip ---------------------------------------------------------------------------------

scalars = st.one_of(
    kept_text(max_size=20),
    st.integers(min_value=-(10**40) + 1, max_value=10**40 - 1),  # the loader's bounds (MAX_DIGITS, MAX_EXPONENT)
    st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: len(d.as_tuple().digits) <= 40 and abs(d.adjusted()) <= 40),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(kept_text(max_size=8), inner, max_size=4), max_leaves=12
)


def leaves(value: Any, pointer: str = "") -> list[str]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaves(v, f"{pointer}/{escape_pointer_token(k)}")] or [pointer]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaves(v, f"{pointer}/{i}")] or [pointer]
    return [pointer]


def same(loaded: Any, original: Any) -> bool:
    """Equal, with the types the format promises: text stays text, decimals stay exact, true is not 1."""
    if isinstance(original, dict):
        return isinstance(loaded, dict) and loaded.keys() == original.keys() and all(same(loaded[k], original[k]) for k in original)
    if isinstance(original, list):
        return isinstance(loaded, list) and len(loaded) == len(original) and all(map(same, loaded, original))
    if isinstance(original, bool) or original is None or isinstance(original, str):
        return type(loaded) is type(original) and loaded == original
    if isinstance(original, Decimal) and "." in str(original):
        return isinstance(loaded, Decimal) and str(loaded) == str(original)  # the written digits, exactly
    return isinstance(loaded, int | Decimal) and not isinstance(loaded, bool) and loaded == original


@ROUND_TRIP
@given(st.dictionaries(kept_text(max_size=10), values, min_size=1, max_size=6))
def test_values_round_trip(mapping: dict[str, Any]) -> None:
    text = dump_document(mapping)
    document = load_bytes("x.yaml", text.encode("utf-8"))
    assert isinstance(document, Document), (text, document)
    assert same(document.data, mapping), (text, document.data)
    assert all(pointer in document.positions for pointer in leaves(mapping))


@ROUND_TRIP
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), scalars, min_size=1, max_size=8))
def test_block_style_round_trip_and_positions(mapping: dict[str, Any]) -> None:
    text = "".join(f"{key}:   {dump(value)}  # note\n" for key, value in mapping.items())
    document = load_bytes("x.yaml", text.encode("utf-8"))
    assert isinstance(document, Document)
    assert same(document.data, mapping)
    for line, key in enumerate(mapping, start=1):
        assert document.key_positions[f"/{key}"] == (line, 1)
        assert document.positions[f"/{key}"] == (line, len(key) + 5)


def test_quoted_text_reads_back_even_with_line_separators() -> None:
    tricky = 'a"b\\c\u2028\ufeff年\t'  # NEL and DEL are control characters: refused (PW111)
    document = load_bytes("x.yaml", f"a: {quote(tricky)}\n".encode())
    assert isinstance(document, Document)
    assert document.data == {"a": tricky}
