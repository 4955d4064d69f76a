"""The delivery log: round trip, atomic writes, clear errors for a broken file, pruning."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pactwatch.errors import PactwatchError
from pactwatch.notify import delivery_log
from pactwatch.notify.delivery_log import DeliveryLog


def test_round_trip_and_nothing_left_behind(tmp_path: Path) -> None:
    log = DeliveryLog()
    log.record("email", "ann", ["C-1/M1|2026-12-10|r7"], date(2026, 12, 3))
    log.record("dingtalk", "group", ["C-1/M1|2026-12-10|r7", "C-1/M2|2026-12-04|r0"], date(2026, 12, 4))
    log.complete_through = date(2026, 12, 4)
    path = tmp_path / "deep" / "state.json"
    delivery_log.save(path, log)
    again = delivery_log.load(path)
    assert again == log and again.delivered("email", "ann", "C-1/M1|2026-12-10|r7")
    assert not again.delivered("email", "bob", "C-1/M1|2026-12-10|r7") and not again.delivered("slack", "group", "x")
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]  # the temporary file was renamed, not left
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_recording_twice_keeps_the_first_day(tmp_path: Path) -> None:
    log = DeliveryLog()
    log.record("email", "ann", ["k"], date(2026, 12, 3))
    log.record("email", "ann", ["k"], date(2026, 12, 5))
    assert log.sent == {"email": {"ann": {"k": "2026-12-03"}}}


def test_missing_file_is_an_empty_log(tmp_path: Path) -> None:
    assert delivery_log.load(tmp_path / "nope.json") == DeliveryLog()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"version": 2, "sent": {}}',
        '{"version": 1, "sent": {"email": ["x"]}}',
        '{"version": 1, "complete_through": "soon", "sent": {}}',
    ],
)
def test_a_broken_log_stops_the_run_with_a_clear_message(tmp_path: Path, content: str) -> None:
    path = tmp_path / "state.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PactwatchError, match=r"cannot be used .* move it aside"):
        delivery_log.load(path)


def test_prune_forgets_entries_that_can_never_be_planned_again() -> None:
    log = DeliveryLog()
    log.record("email", "ann", ["old"], date(2026, 1, 1))
    log.record("email", "ann", ["new"], date(2026, 11, 1))
    log.record("slack", "group", ["old2"], date(2026, 1, 2))
    log.prune(date(2026, 11, 27))
    assert log.sent == {"email": {"ann": {"new": "2026-11-01"}}}
