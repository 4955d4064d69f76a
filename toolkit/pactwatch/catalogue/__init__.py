"""The one message catalogue: every word, label and sentence a person reads, by id, in zh and en.

Each area keeps its entries in a module of this package (``words``, ``findings``, ``site``...), all
merged into ``CATALOGUE``; code names an id and the facts, and the text is made here at output time:
``text("finding.unknown_key", "zh", key="titel", suggestion="title")``.

Why a Python table and not gettext catalogues: the ids are checked by mypy and by the tests (every id
has both languages and the same placeholders, one concept has one word), there is no compile step to
forget at install time, importing it costs well under a millisecond, and Chinese needs no plural forms
(English's two are ``Text.en_one`` beside ``Text.en``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, NamedTuple

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
LANG_ENV = "PACTWATCH_LANG"  # overrides the portfolio's language for one run, as --lang does


class Text(NamedTuple):
    """One catalogue entry. ``en_one`` is the English when the fact ``count`` is 1 ("1 error" / "{count} errors")."""

    zh: str
    en: str
    en_one: str | None = None

    def pick(self, language: str, count: object = None) -> str:
        if language == "zh":
            return self.zh
        return self.en_one if self.en_one is not None and count == 1 else self.en


Fact = str | int


class Msg(NamedTuple):
    """A sentence not yet put in words: a catalogue id and its facts (what findings and risk signals carry)."""

    id: str
    facts: tuple[tuple[str, Fact], ...] = ()

    def render(self, language: str) -> str:
        return text(self.id, language, **dict(self.facts))


def msg(message_id: str, /, **facts: Fact) -> Msg:
    """A Msg; the facts are kept sorted so equal messages compare (and cache) equal."""
    return Msg(message_id, tuple(sorted(facts.items())))


def _merge() -> dict[str, Text]:
    from pactwatch.catalogue import areas

    merged: dict[str, Text] = {}
    for table in areas.TABLES:
        merged.update(table)
    return merged


CATALOGUE: Mapping[str, Text] = _merge()


def text(message_id: str, language: str, /, **facts: object) -> str:
    """The entry ``message_id`` in ``language`` with its placeholders filled from ``facts``."""
    entry = CATALOGUE[message_id]
    chosen = entry.pick(language, facts.get("count"))
    return chosen.format(**facts) if facts else chosen


def word(message_id: str, language: str) -> str:
    """An entry without placeholders (a label, a word)."""
    return CATALOGUE[message_id].pick(language)


def language_of(configured: str, override: str | None = None, environ: Mapping[str, str] | None = None) -> Language:
    """The language of this run: --lang, else $PACTWATCH_LANG, else the portfolio's ``language:`` (zh or en)."""
    env = os.environ if environ is None else environ
    for candidate in (override, env.get(LANG_ENV), configured):
        if candidate in LANGUAGES:
            return candidate
    return "en"
