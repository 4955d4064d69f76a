"""One vocabulary: the schema's enums, the model's Literals, the engine's states and the catalogue's ``value.*``
and ``field.*`` words are one set of values; the ledger export writes those words and the import reads them back.

The catalogue itself (both languages for every id, one word for one concept, vocabulary.VALUE_WORDS being the
``value.*`` entries, i18n.word) is checked in tests/foundation/test_catalogue.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Mapping
from typing import Any, get_args

import pytest

from pactwatch import i18n, model, vocabulary
from pactwatch.catalogue import CATALOGUE, LANGUAGES, word
from pactwatch.engine import records
from pactwatch.ledger import words as import_words
from pactwatch.ledger.exporter import value_word
from pactwatch.vocabulary import FIELD_NAMES, FIELD_WORDS, VALUE_WORDS, Word, label
from tests.conftest import REPO_ROOT

CHOICES: Mapping[str, tuple[Mapping[Any, Word], tuple[str, ...]]] = {
    "contract type": (vocabulary.CONTRACT_TYPE_WORDS, model.CONTRACT_TYPES),
    "contract status": (vocabulary.CONTRACT_STATUS_WORDS, model.CONTRACT_STATUSES),
    "milestone kind": (vocabulary.MILESTONE_KIND_WORDS, model.MILESTONE_KINDS),
    "milestone status": (vocabulary.MILESTONE_STATUS_WORDS, model.MILESTONE_STATUSES),
    "repeat unit": (vocabulary.REPEAT_UNIT_WORDS, model.REPEAT_UNITS),
    "state": (vocabulary.STATE_WORDS, records.STATES),
    "health": (vocabulary.HEALTH_WORDS, records.HEALTHS),
    "field": (FIELD_WORDS, FIELD_NAMES),
}


def _schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPO_ROOT / "schema" / name).read_text(encoding="utf-8"))
    return data


def _repeat_units(contract: dict[str, Any]) -> tuple[str, ...]:
    pattern = contract["$defs"]["milestone"]["properties"]["repeat"]["properties"]["every"]["pattern"]
    match = re.search(r"\(([a-z|]+)\)", pattern)
    assert match is not None, pattern
    return tuple(match[1].split("|"))


def _ids(prefix: str) -> set[str]:
    return {message_id.removeprefix(prefix) for message_id in CATALOGUE if message_id.startswith(prefix)}


def test_schema_enums_are_the_model_literals_and_the_vocabulary() -> None:
    contract = _schema("contract.schema.json")
    milestone = contract["$defs"]["milestone"]["properties"]
    settings = _schema("settings.schema.json")
    approval_types = settings["properties"]["approvals"]["items"]["properties"]["when"]["properties"]["type"]["items"]["enum"]
    cases = [
        (contract["properties"]["type"]["enum"], model.ContractType, "contract type"),
        (approval_types, model.ContractType, "contract type"),
        (contract["properties"]["status"]["enum"], model.ContractStatus, "contract status"),
        (milestone["kind"]["enum"], model.MilestoneKind, "milestone kind"),
        (milestone["status"]["enum"], model.MilestoneStatus, "milestone status"),
        (list(_repeat_units(contract)), model.RepeatUnit, "repeat unit"),
    ]
    for enum, literal, choice in cases:
        words, values = CHOICES[choice]
        assert tuple(enum) == get_args(literal) == values == tuple(words), choice


def test_engine_states_and_health_are_the_vocabulary() -> None:
    assert records.STATES == get_args(records.State) == tuple(vocabulary.STATE_WORDS)
    assert records.HEALTHS == get_args(records.Health) == tuple(vocabulary.HEALTH_WORDS)
    assert tuple(FIELD_WORDS) == FIELD_NAMES == get_args(vocabulary.FieldName)


def test_the_catalogue_has_a_word_for_every_value_and_field_and_none_for_anything_else() -> None:
    """A value the schema gains needs its word; a word for a value no Literal has is a leftover."""
    assert _ids("value.") == set(VALUE_WORDS) == {value for words, _ in CHOICES.values() if words is not FIELD_WORDS for value in words}
    assert _ids("field.") == set(FIELD_NAMES)


@pytest.mark.parametrize("choice", CHOICES)
def test_every_value_has_a_chinese_and_an_english_word(choice: str) -> None:
    words, _ = CHOICES[choice]
    for value, pair in words.items():
        assert pair.zh.strip() and not pair.zh.isascii(), (value, pair)  # written in Chinese, not the value again
        assert pair.en.strip() and pair.en.isascii(), (value, pair)


@pytest.mark.parametrize("choice", CHOICES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_values_of_a_choice_share_a_word(choice: str, language: str) -> None:
    """The import reads the words back: two values with one word could not be told apart."""
    words, _ = CHOICES[choice]
    shown = [pair.text(language) for pair in words.values()]
    assert len(set(shown)) == len(shown), shown


def test_a_value_in_two_choices_reads_the_same_in_both() -> None:
    for words, _ in CHOICES.values():
        if words is FIELD_WORDS:
            continue
        for value, pair in words.items():
            assert VALUE_WORDS[value] == pair, value
    with pytest.raises(ValueError, match="two words"):
        vocabulary._by_value([("done", Word("已完成", "done"))], [("done", Word("完成", "done"))])


@pytest.mark.parametrize("language", LANGUAGES)
def test_field_labels_and_value_words_are_the_catalogue_entries(language: str) -> None:
    """vocabulary.label (report, issues), i18n.word (every output) and the ledger's value_word read one entry."""
    for name in FIELD_NAMES:
        assert label(name, language) == word(f"field.{name}", language) == vocabulary.labels(language)[name], name
    for value in VALUE_WORDS:
        assert value_word(value, language) == i18n.word(value, language) == word(f"value.{value}", language), value


@pytest.mark.parametrize("module", ["pactwatch.ical.labels", "pactwatch.site.words", "pactwatch.ledger.labels"])
def test_the_old_word_tables_are_gone(module: str) -> None:
    """Seven tables once gave three words for "active"; the catalogue is the one table now."""
    assert importlib.util.find_spec(module) is None, module


EXPORTED = [
    (vocabulary.CONTRACT_TYPE_WORDS, import_words.CONTRACT_TYPES),
    (vocabulary.CONTRACT_STATUS_WORDS, import_words.CONTRACT_STATUSES),
    (vocabulary.MILESTONE_KIND_WORDS, import_words.MILESTONE_KINDS),
    (vocabulary.MILESTONE_STATUS_WORDS, import_words.MILESTONE_STATUSES),
]


@pytest.mark.parametrize(("words", "accepted"), EXPORTED)
@pytest.mark.parametrize("language", LANGUAGES)
def test_export_writes_the_vocabulary_and_import_reads_it_back(
    words: Mapping[str, Word], accepted: Mapping[str, str], language: str
) -> None:
    for value, pair in words.items():
        assert value_word(value, language) == pair.text(language)
        assert import_words.lookup(pair.text(language), accepted) == value


SYNONYMS = [
    (import_words._CONTRACT_TYPE_SYNONYMS, import_words.CONTRACT_TYPES),
    (import_words._CONTRACT_STATUS_SYNONYMS, import_words.CONTRACT_STATUSES),
    (import_words._MILESTONE_KIND_SYNONYMS, import_words.MILESTONE_KINDS),
    (import_words._MILESTONE_STATUS_SYNONYMS, import_words.MILESTONE_STATUSES),
]


@pytest.mark.parametrize(("synonyms", "accepted"), SYNONYMS)
def test_import_still_accepts_every_synonym_it_accepted(synonyms: Mapping[str, str], accepted: Mapping[str, str]) -> None:
    """执行中 is no output's word any more, but a ledger that says it still imports as active."""
    for text, value in synonyms.items():
        assert import_words.lookup(text, accepted) == value, text
    assert import_words.lookup("执行中", import_words.CONTRACT_STATUSES) == "active"


def test_active_and_kind_read_the_same_everywhere() -> None:
    """The words a user saw differed: active as 履行中 and 执行中, kind as 类别 and 类型."""
    assert {value_word("active", "zh"), i18n.word("active", "zh"), word("value.active", "zh")} == {"履行中"}
    assert {label("kind", "zh"), word("field.kind", "zh")} == {"类型"}
    assert "执行中" not in {entry.zh for entry in CATALOGUE.values()} and "类别" not in {entry.zh for entry in CATALOGUE.values()}
