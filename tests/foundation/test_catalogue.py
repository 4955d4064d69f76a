"""The one message catalogue: both languages for every id, the same facts in each, no English in the
Chinese and no Chinese in the English, one word for one concept; the key terms' labels and the
schema's titles for them agree."""

from __future__ import annotations

import json
import re
import string
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from pactwatch import i18n, vocabulary
from pactwatch.catalogue import CATALOGUE, Text, areas, text
from pactwatch.catalogue.terms import TERM_PREFIX, term_label
from pactwatch.settings import SettingsError, load_settings

REPO_ROOT = Path(__file__).resolve().parents[2]

# Names and format words a Chinese text may write in Latin letters outside quotes (what a Chinese office writes so too).
ALLOWED_LATIN = frozenset(
    {
        "yaml", "github", "url", "id", "pr", "csv", "excel", "icalendar", "json", "smtp", "html", "pactwatch", "git",
        "mkdocs", "http", "https", "iana", "iso", "utc", "ssl", "tls", "starttls", "smtps", "webhook", "slack", "pdf",
        "markdown", "msgpack", "unicode", "ascii", "kpi", "sla", "nda", "api", "ics", "xlsx", "codeowners", "pre", "commit",
        "google", "dingtalk", "feishu", "wecom", "webcal", "mailto", "true", "false",
    }
)  # fmt: skip
_QUOTED = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|「[^」]*」|‘[^’]*’|“[^”]*”|\{\{.*?\}\}")
# What a user types is code, not an English word: a command (pactwatch init), an option (--force), a YAML
# key and its value (timezone: UTC), a file, a path, an id or a variable (people.yaml, due_after, li.na, GITHUB_TOKEN).
_CODE = re.compile(r"pactwatch [a-z-]+|--?[A-Za-z][\w-]*|\b[A-Za-z_][\w.-]*: ?[\w/.+-]*|[\w-]*[0-9_./@=\\][\w./@=\\-]*|\b[A-Z]{2,}\b")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _variants(entry: Text) -> list[str]:
    return [entry.zh, entry.en] + ([entry.en_one] if entry.en_one is not None else [])


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _plain(template: str) -> str:
    """The words pactwatch itself writes: without facts, quoted user input, code and YAML examples."""
    without_facts = re.sub(r"(?<!\{)\{[^{}]*\}(?!\})", " ", template)
    return _CODE.sub(" ", _QUOTED.sub(" ", without_facts))


def test_no_id_is_in_two_areas() -> None:
    seen: dict[str, int] = {}
    for index, table in enumerate(areas.TABLES):
        for message_id in table:
            assert message_id not in seen, f"{message_id} is in two area tables"
            seen[message_id] = index


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_every_id_has_both_languages_and_the_same_facts(message_id: str) -> None:
    entry = CATALOGUE[message_id]
    assert all(v.strip() for v in _variants(entry)), f"{message_id} lacks a language"
    assert _placeholders(entry.zh) == _placeholders(entry.en), f"{message_id}: different facts in {entry.zh!r} and {entry.en!r}"
    if entry.en_one is not None:  # the singular is chosen when count is 1: it may write "1" for {count}
        assert "count" in _placeholders(entry.en), f"{message_id}: en_one is chosen by the fact count"
        assert _placeholders(entry.en_one) | {"count"} == _placeholders(entry.en) | {"count"}, f"{message_id}: en_one's facts"


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_chinese_has_no_english_words_and_english_no_chinese(message_id: str) -> None:
    entry = CATALOGUE[message_id]
    latin = [w for w in re.findall(r"[A-Za-z]{2,}", _plain(entry.zh)) if w.lower() not in ALLOWED_LATIN]
    assert not latin, f"{message_id}: English in the Chinese text {entry.zh!r}: {latin}"
    for english in _variants(entry)[1:]:
        assert not _CJK.search(_plain(english)), f"{message_id}: Chinese in the English text {english!r}"


def _short(words: str) -> bool:
    return not _placeholders(words) and len(words.split()) <= 4


def _singular(english: str) -> str:
    """Chinese labels have no plural: "Contracts" (a menu) and "Contract" (a column) are one word."""
    lower = english.lower()
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    return lower[:-1] if lower.endswith("s") and not lower.endswith(("ss", "us")) else lower


def test_one_concept_one_word() -> None:
    """A short label (no facts, four words at most) reads the same in every output: one en text is one zh text and back."""
    to_zh: dict[str, set[tuple[str, str]]] = defaultdict(set)
    to_en: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for message_id, entry in CATALOGUE.items():
        if _short(entry.zh) and _short(entry.en):
            to_zh[_singular(entry.en)].add((entry.zh, message_id))
            to_en[entry.zh].add((_singular(entry.en), message_id))
    clashes = {
        word: f"{word!r}: " + ", ".join(f"{other!r} ({mid})" for other, mid in sorted(pairs))
        for table in (to_zh, to_en)
        for word, pairs in sorted(table.items())
        if len({other for other, _ in pairs}) > 1
    }
    assert not clashes, "one concept has two words (merge the ids):\n" + "\n".join(clashes.values())


def test_the_typed_words_are_the_catalogue_words() -> None:
    for value, pair in vocabulary.VALUE_WORDS.items():
        assert pair == vocabulary.Word(CATALOGUE[f"value.{value}"].zh, CATALOGUE[f"value.{value}"].en)
        for language in ("zh", "en"):
            assert i18n.word(value, language) == text(f"value.{value}", language)
    assert i18n.word("notice_window", "zh") == "续约通知期临近" and i18n.word("high", "en") == "high"
    assert i18n.word("not-a-word", "zh") == "not-a-word"
    assert vocabulary.label("kind", "zh") == "类型" and vocabulary.labels("en")["due"] == "Due"


def test_a_done_milestone_and_a_completed_contract_are_two_words_in_both_languages() -> None:
    done, completed = vocabulary.VALUE_WORDS["done"], vocabulary.VALUE_WORDS["completed"]
    assert done.zh != completed.zh and done.en != completed.en


@pytest.mark.parametrize(("language", "expected"), [("zh", "2026年10月8日"), ("en", "2026-10-08")])
def test_dates_in_each_language(language: str, expected: str) -> None:
    assert i18n.format_date(date(2026, 10, 8), language) == expected


# --- key terms -------------------------------------------------------------------------------------------


def _term_keys_in(folder: Path, pattern: str) -> set[str]:
    keys: set[str] = set()
    for path in folder.glob(pattern):
        source = path.read_text(encoding="utf-8")
        block = re.search(r"^terms:\n((?:[ \t]+.*\n)+)", source, re.M)
        if block:
            keys |= set(re.findall(r"^[ \t]+([A-Za-z_][A-Za-z0-9_]*):", block[1], re.M))
    return keys


def test_every_term_key_of_the_examples_and_the_templates_has_a_label() -> None:
    used = _term_keys_in(REPO_ROOT / "contracts", "**/*.yaml") | _term_keys_in(REPO_ROOT / "templates" / "contracts", "*.j2")
    assert used, "no terms: found in the examples"
    labelled = {message_id.removeprefix(TERM_PREFIX) for message_id in CATALOGUE if message_id.startswith(TERM_PREFIX)}
    assert used - {"business_day"} <= labelled
    assert {"payment_days", "warranty_months", "penalty_rate_per_day", "late_interest_rate", "delivery_days"} <= labelled
    assert {"acceptance_days", "retention_percent"} <= labelled


def test_the_schema_documents_every_labelled_term_with_the_same_title() -> None:
    schema = json.loads((REPO_ROOT / "schema" / "contract.schema.json").read_text(encoding="utf-8"))
    terms = schema["properties"]["terms"]
    for message_id, entry in CATALOGUE.items():
        if message_id.startswith(TERM_PREFIX):
            documented = terms["properties"][message_id.removeprefix(TERM_PREFIX)]
            assert documented["title"] == f"{entry.zh} / {entry.en}" and " / " in documented["description"]
    assert terms["additionalProperties"] == {"$ref": "#/$defs/termValue"}  # unknown keys are still welcome


def test_term_label_prefers_the_company_then_the_catalogue_then_the_key() -> None:
    own = {"payment_days": {"zh": "账期（天）"}, "booth_sqm": {"en": "Stand (m²)"}}
    assert term_label("payment_days", "zh", own) == "账期（天）"
    assert term_label("payment_days", "en", own) == "Payment terms (days)"  # no English of their own: the catalogue's
    assert term_label("warranty_months", "zh", {}) == "质保期（月）"
    assert term_label("booth_sqm", "en", own) == "Stand (m²)"
    assert term_label("交货地点", "zh", own) == "交货地点" and term_label("my_key", "en", {}) == "my_key"


def test_term_labels_in_pactwatch_yml(tmp_path: Path) -> None:
    (tmp_path / "pactwatch.yml").write_text(
        "timezone: UTC\nterm_labels:\n  payment_days: {zh: 账期（天）, en: Net days}\n  展位: {en: Booth}\n", encoding="utf-8"
    )
    settings = load_settings(tmp_path, remember=False)
    assert settings.term_labels == {"payment_days": {"zh": "账期（天）", "en": "Net days"}, "展位": {"en": "Booth"}}
    assert term_label("payment_days", "en", settings.term_labels) == "Net days"


@pytest.mark.parametrize("block", ["payment_days: {fr: délai}", "payment_days: {zh: ''}", "payment_days: 账期", "'bad key!': {en: x}"])
def test_term_labels_that_cannot_be_used_are_findings(tmp_path: Path, block: str) -> None:
    (tmp_path / "pactwatch.yml").write_text(f"timezone: UTC\nterm_labels:\n  {block}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert all(f.pointer.startswith("/term_labels") for f in raised.value.findings)


def test_the_settings_schema_still_compiles_to_the_fast_check() -> None:
    from pactwatch.load.schema import fast_check

    assert fast_check("settings") is not None and fast_check("contract") is not None
