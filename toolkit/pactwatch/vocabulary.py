"""The words of the closed choices and the shared field names, typed: the catalogue's ``value.*`` and ``field.*``.

Every output (site, ledger export, feeds, notices, report, issue bodies) names a contract type,
a status, a milestone kind, a state, and the fields they share (type, status, kind, owner, due...)
with these words, so a value reads the same everywhere. The ledger importer accepts these words
and its own synonyms (执行中 for active, ...) as input.

The words themselves are in pactwatch.catalogue.words; the choices are Literals beside the records
that hold them (pactwatch.model for the format, pactwatch.engine.records for states and health), with
their tuples derived by get_args; tests hold the schema's enums, those Literals and these tables to
the same values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple, TypeVar, get_args

from pactwatch.catalogue import CATALOGUE, Text
from pactwatch.engine.records import HEALTHS, STATES
from pactwatch.model import CONTRACT_STATUSES, CONTRACT_TYPES, MILESTONE_KINDS, MILESTONE_STATUSES, REPEAT_UNITS

# Field names more than one output labels (a site column, a feed line, an issue row, a report column).
FieldName = Literal["contract", "type", "status", "counterparty", "owner", "kind", "due", "amount", "completed_on", "state", "days_late"]
FIELD_NAMES: tuple[FieldName, ...] = get_args(FieldName)

K = TypeVar("K", bound=str)


class Word(NamedTuple):
    """One concept in both languages (a pair: the ledger importer reads both as input)."""

    zh: str
    en: str

    def text(self, language: str) -> str:
        return Text(self.zh, self.en).pick(language)


def _words(prefix: str, keys: Iterable[K]) -> Mapping[K, Word]:
    """The catalogue's ``<prefix><key>`` entries as Words, in the order of ``keys``."""
    return {key: Word(CATALOGUE[prefix + key].zh, CATALOGUE[prefix + key].en) for key in keys}


CONTRACT_TYPE_WORDS = _words("value.", CONTRACT_TYPES)
CONTRACT_STATUS_WORDS = _words("value.", CONTRACT_STATUSES)
MILESTONE_KIND_WORDS = _words("value.", MILESTONE_KINDS)
MILESTONE_STATUS_WORDS = _words("value.", MILESTONE_STATUSES)
REPEAT_UNIT_WORDS = _words("value.", REPEAT_UNITS)
STATE_WORDS = _words("value.", STATES)
HEALTH_WORDS = _words("value.", HEALTHS)
FIELD_WORDS = _words("field.", FIELD_NAMES)


def _by_value(*tables: Iterable[tuple[str, Word]]) -> Mapping[str, Word]:
    """Every value's word, by value alone: a value in two choices (done, service...) must read the same in both."""
    merged: dict[str, Word] = {}
    for table in tables:
        for value, pair in table:
            if merged.setdefault(value, pair) != pair:
                raise ValueError(f"{value!r} has two words: {merged[value]} and {pair}")
    return merged


VALUE_WORDS: Mapping[str, Word] = _by_value(
    CONTRACT_TYPE_WORDS.items(),
    CONTRACT_STATUS_WORDS.items(),
    MILESTONE_KIND_WORDS.items(),
    MILESTONE_STATUS_WORDS.items(),
    REPEAT_UNIT_WORDS.items(),
    STATE_WORDS.items(),
    HEALTH_WORDS.items(),
)


def label(field_name: FieldName, language: str) -> str:
    """A shared field's name: ``kind`` -> 类型 / Kind."""
    return FIELD_WORDS[field_name].text(language)


def labels(language: str) -> dict[str, str]:
    """Every shared field's name in one language (for templates: ``F.due``)."""
    return {name: pair.text(language) for name, pair in FIELD_WORDS.items()}
