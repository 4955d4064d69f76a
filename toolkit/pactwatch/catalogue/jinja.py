"""The catalogue in Jinja templates: ``t(id, **facts)`` and ``word(id)`` globals, one strategy for every template.

A template names an id and passes its facts; the sentence is made in the environment's language.
Our words are trusted, the facts are not: each fact that is text (a title, a name) is escaped for the
template's target by ``escape`` before it is put in, unless it is already ``trusted`` (a link, a code
span, a sentence made by ``t``); the whole sentence is then returned as ``trusted`` so the template's
``finalize`` does not escape our own Markdown (``**``, backticks) a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.catalogue import text, word


def globals_for(language: str, escape: Callable[[str], str] = str, trusted: type[str] | None = None) -> dict[str, Any]:
    """``{"t": ..., "word": ...}`` for ``env.globals`` (or a render call); without ``trusted``, every text fact is escaped."""

    def clean(value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if trusted is not None and isinstance(value, trusted):
            return value
        return escape("" if value is None else str(value))

    def keep(said: str) -> str:
        return trusted(said) if trusted is not None else said

    def t(message_id: str, /, **facts: object) -> str:
        return keep(text(message_id, language, **{k: clean(v) for k, v in facts.items()}))

    def w(message_id: str) -> str:
        return keep(word(message_id, language))

    return {"t": t, "word": w}
