"""The fast JSON lines of status/check are exactly what the JSON encoder writes for occurrence_json."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pactwatch.engine import evaluate
from pactwatch.jsonout import json_document_parts, occurrence_json, occurrence_lines
from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Ack, Counterparty, Repeat
from tests.engine.factories import contract, milestone, portfolio

REPO_ROOT = Path(__file__).resolve().parents[2]
ENCODER = json.JSONEncoder(ensure_ascii=False)
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


def test_every_occurrence_of_the_example_portfolio_on_several_days() -> None:
    loaded = load_portfolio(REPO_ROOT, date(2026, 11, 27), use_cache=False)
    for today in (date(2026, 1, 1), date(2026, 11, 27), date(2027, 12, 31)):
        items = evaluate(loaded.portfolio, today).occurrences
        assert occurrence_lines(items) == [ENCODER.encode(occurrence_json(o)).encode() for o in items]
        flagged = occurrence_lines(items, lambda o: {"fails": o.state == "overdue"})
        assert flagged == [ENCODER.encode(occurrence_json(o) | {"fails": o.state == "overdue"}).encode() for o in items]


@given(text, text, text, text, text, st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=2), st.booleans(), st.booleans())
def test_any_text_and_amount(
    title: str, contract_title: str, owner: str, party: str, source: str, amount: Decimal | None, ack: bool, recurring: bool
) -> None:
    m = milestone(
        "M1",
        "2026-03-31",
        title=title,
        owner=owner,
        amount=amount,
        ack=Ack(date(2026, 12, 1)) if ack else None,
        repeat=Repeat(1, "month", count=3) if recurring else None,
        completed={date(2026, 4, 30): date(2026, 5, 2)} if recurring else {},
    )
    c = contract("C-1", (m,), title=contract_title, counterparty=Counterparty(party), source=source)
    items = evaluate(portfolio(c), date(2026, 4, 2)).occurrences
    lines = occurrence_lines(items)
    assert lines == [ENCODER.encode(occurrence_json(o)).encode() for o in items]
    document = json.loads(b"".join(json_document_parts({"today": "2026-04-02"}, "milestones", lines)))
    assert document["milestones"] == [occurrence_json(o) for o in items]


def test_an_empty_list_is_still_one_json_object() -> None:
    assert json.loads(b"".join(json_document_parts({"today": "2026-04-02"}, "milestones", []))) == {"today": "2026-04-02", "milestones": []}


@given(st.lists(st.integers(), max_size=9), st.integers(1, 4))
def test_the_document_in_chunks_is_one_json_object(numbers: list[int], chunk: int) -> None:
    lines = [json.dumps({"n": n}).encode() for n in numbers]
    whole = b"".join(json_document_parts({"today": "2026-04-02"}, "milestones", lines, chunk=chunk))
    assert json.loads(whole) == {"today": "2026-04-02", "milestones": [{"n": n} for n in numbers]}
    assert whole.count(b"\n") == (len(lines) + 1 if lines else 0)  # one item a line


def test_equal_amounts_written_differently_keep_their_own_digits() -> None:
    one = contract("C-1", (milestone("M1", amount=Decimal("1.0")), milestone("M2", amount=Decimal("1.00"))))
    items = evaluate(portfolio(one), date(2026, 4, 2)).occurrences
    assert [json.loads(line)["amount"] for line in occurrence_lines(items)] == ["1.0", "1.00"]
