"""The words export writes in cells import reads back: repeat rules and business-day conventions, in both
languages, read back whatever the language of the run that imports them."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.ledger import fields
from pactwatch.ledger.cell_words import format_business_day, format_repeat
from pactwatch.ledger.values import ValueProblem
from pactwatch.model import BUSINESS_DAYS, REPEAT_UNITS, Repeat

RULES = [
    Repeat(every, unit, until=until, count=count)
    for unit in REPEAT_UNITS
    for every in (1, 2)
    for until, count in ((None, 1), (None, 4), (date(2026, 12, 31), None))
]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("rule", RULES, ids=repr)
def test_every_repeat_rule_reads_back(rule: Repeat, language: str) -> None:
    written = format_repeat(rule, language)
    expected = {"every": f"{rule.every} {rule.unit}", **({"until": rule.until} if rule.until else {"count": rule.count})}
    assert fields.repeat(written) == expected
    assert fields.repeat(f" {written.replace(' ', '')} ") == expected  # spacing as a clerk types it


def test_repeat_rules_read_as_each_language_writes_them() -> None:
    quarterly = Repeat(1, "quarter", count=4)
    assert format_repeat(quarterly, "zh") == "每 1 个季度，共 4 次"
    assert format_repeat(quarterly, "en") == "every 1 quarter, 4 times"
    assert format_repeat(Repeat(2, "month", until=date(2026, 12, 31)), "en") == "every 2 months until 2026-12-31"
    assert format_repeat(Repeat(1, "week", count=1), "en") == "every 1 week, 1 time"
    assert fields.repeat("每 3 个月,共 2 次") == {"every": "3 month", "count": 2}  # a half-width comma
    assert fields.repeat("every 1 month x3") == {"every": "1 month", "count": 3}  # what people wrote before
    assert fields.repeat("1 quarter, count 4") == {"every": "1 quarter", "count": 4}
    for wrong in ("every sometimes", "每 0 个月，共 2 次", "每月"):
        with pytest.raises(ValueProblem):
            fields.repeat(wrong)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("convention", BUSINESS_DAYS)
def test_every_business_day_convention_reads_back(convention: str, language: str) -> None:
    written = format_business_day(convention, language)  # type: ignore[arg-type]
    assert fields.business_day(written) == convention
    assert fields.business_day(convention) == convention  # the format's own value, as older exports wrote it


def test_business_day_words() -> None:
    assert format_business_day("following", "zh") == "顺延至下一工作日"
    assert format_business_day("modified_following", "en") == "next working day in the same month"
    assert fields.business_day("顺延至下一工作日(不跨月)") == "modified_following"
