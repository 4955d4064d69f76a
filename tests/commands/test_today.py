"""Which day is today: --today, else $PACTWATCH_TODAY, else the date in the portfolio's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pactwatch.commands.common import resolve_today
from pactwatch.errors import UsageError
from pactwatch.model import Settings

SHANGHAI = Settings(timezone="Asia/Shanghai")
LATE_UTC = datetime(2026, 2, 28, 23, 30, tzinfo=UTC)


def test_timezone_edge_a_utc_runner_late_in_the_evening() -> None:
    assert resolve_today(None, SHANGHAI, {}, LATE_UTC) == date(2026, 3, 1)
    assert resolve_today(None, Settings(), {}, LATE_UTC) == date(2026, 2, 28)
    assert resolve_today(None, Settings(timezone="America/Los_Angeles"), {}, datetime(2026, 3, 1, 3, 0, tzinfo=UTC)) == date(2026, 2, 28)


def test_option_beats_environment_beats_clock() -> None:
    env = {"PACTWATCH_TODAY": "2026-05-05"}
    assert resolve_today("2026-06-06", SHANGHAI, env, LATE_UTC) == date(2026, 6, 6)
    assert resolve_today(None, SHANGHAI, env, LATE_UTC) == date(2026, 5, 5)


@pytest.mark.parametrize(("option", "env"), [("2026-02-30", {}), (None, {"PACTWATCH_TODAY": "tomorrow"})])
def test_bad_dates_are_usage_errors(option: str | None, env: dict[str, str]) -> None:
    with pytest.raises(UsageError):
        resolve_today(option, SHANGHAI, env, LATE_UTC)


@pytest.mark.parametrize(
    ("settings", "zone", "today", "warned"),
    [
        ("language: zh\n", "Asia/Shanghai", date(2026, 3, 1), False),  # a Shanghai office: already March 1st at 07:30
        ("language: zh\ntimezone: America/New_York\n", "America/New_York", date(2026, 2, 28), False),
        ("language: en\n", "UTC", date(2026, 2, 28), True),
        (None, "UTC", date(2026, 2, 28), True),  # no pactwatch.yml at all
    ],
)
def test_without_a_timezone_zh_means_shanghai_and_utc_is_never_silent(
    tmp_path: Path, settings: str | None, zone: str, today: date, warned: bool
) -> None:
    from pactwatch.commands.runtime import start
    from pactwatch.load.portfolio import load_portfolio

    (tmp_path / "contracts").mkdir()
    (tmp_path / "people.yaml").write_text("people:\n  - {id: ann, name: Ann}\n", encoding="utf-8")
    if settings is not None:
        (tmp_path / "pactwatch.yml").write_text(settings, encoding="utf-8")
    begun = start(tmp_path, None, environ={}, now=LATE_UTC)
    assert (begun.settings.timezone, begun.today) == (zone, today)
    found = [(f.code, f.severity, f.file, f.line) for f in load_portfolio(tmp_path, begun.today, use_cache=False).findings]
    assert found == ([("PW355", "warning", "pactwatch.yml", 1)] if warned else [])
