"""The words export writes in a ledger's cells and import reads back: repeat rules and business-day conventions.

Both come from the catalogue (``ledger.repeat.*``, ``ledger.business_day.*``) in the export's language.
Import reads the forms of every language (a ledger exported in Chinese can be imported into an English
portfolio) from the same entries, so a change of wording there changes what is read back too.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

from pactwatch.catalogue import CATALOGUE, text, word
from pactwatch.model import BUSINESS_DAYS, REPEAT_UNITS, BusinessDay, Repeat, RepeatUnit

BUSINESS_DAY_IDS = tuple(f"ledger.business_day.{value}" for value in BUSINESS_DAYS)


class WordedRepeat(NamedTuple):
    every: int
    unit: RepeatUnit
    until: str | None  # the date as written (parsed by the caller)
    times: int | None  # the repeat's count


def format_repeat(rule: Repeat, language: str) -> str:
    """'每 1 个季度，共 4 次' / 'every 1 quarter, 4 times'; 'every 1 month until 2026-12-31'."""
    every = text(f"ledger.repeat.{rule.unit}", language, count=rule.every)
    if rule.until is not None:
        return text("ledger.repeat.until", language, every=every, until=rule.until.isoformat())
    return text("ledger.repeat.count", language, every=every, count=rule.count)


def format_business_day(convention: BusinessDay, language: str) -> str:
    return word(f"ledger.business_day.{convention}", language)


def _fold(written: str) -> str:
    """What is compared: full-width forms folded (，-> ,), lower case, one space between words."""
    return " ".join(unicodedata.normalize("NFKC", written).lower().split())


def _variants(message_id: str) -> list[str]:
    entry = CATALOGUE[message_id]
    return [_fold(v) for v in (entry.zh, entry.en, entry.en_one) if v is not None]


def _pattern(template: str, groups: Mapping[str, str]) -> str:
    """A catalogue text as a regular expression: its facts as ``groups``, any spacing around its words."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(r"\s*" + r"\s*".join(re.escape(piece) for piece in literal.split()) + r"\s*")
        if name is not None:
            parts.append(groups[name])
    return "".join(parts)


@cache
def _repeat_patterns() -> tuple[tuple[re.Pattern[str], RepeatUnit], ...]:
    found = []
    for unit in REPEAT_UNITS:
        for every in _variants(f"ledger.repeat.{unit}"):
            every_re = _pattern(every, {"count": r"(?P<every>\d{1,3})"})
            for tail in _variants("ledger.repeat.until"):
                found.append((re.compile(_pattern(tail, {"every": every_re, "until": r"(?P<until>\S+?)"})), unit))
            for tail in _variants("ledger.repeat.count"):
                found.append((re.compile(_pattern(tail, {"every": every_re, "count": r"(?P<count>\d{1,4})"})), unit))
    return tuple(found)


def read_repeat(written: str) -> WordedRepeat | None:
    """The rule in a cell written in the catalogue's words of any language, or None."""
    folded = _fold(written)
    for pattern, unit in _repeat_patterns():
        if match := pattern.fullmatch(folded):
            groups = match.groupdict()
            if groups.get("until"):
                return WordedRepeat(int(groups["every"]), unit, groups["until"], None)
            return WordedRepeat(int(groups["every"]), unit, None, int(groups.get("count") or 1))  # English singular: 1 time
    return None


@cache
def _business_days() -> dict[str, BusinessDay]:
    return {variant: value for value in BUSINESS_DAYS for variant in _variants(f"ledger.business_day.{value}")}


def read_business_day(written: str) -> BusinessDay | None:
    """A convention from its words in any language, or from the format's value (modified_following, 'modified following')."""
    folded = _fold(written)
    if found := _business_days().get(folded):
        return found
    code = re.sub(r"[\s-]+", "_", folded)
    return next((value for value in BUSINESS_DAYS if value == code), None)
