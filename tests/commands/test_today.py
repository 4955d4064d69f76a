"""Which day is today: --today, else $PACTWATCH_TODAY, else the date in the portfolio's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

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
