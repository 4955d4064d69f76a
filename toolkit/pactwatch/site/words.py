"""The catalogue for the site's templates: ``t("site.nav.contracts")``, ``t("site.more", count=3)`` in the build's language.

The words themselves are in pactwatch.catalogue (``site.*`` for the site's own, the shared ids for fields and
values); this adapter only binds the language and escapes, once per id for the texts without facts.
"""

from __future__ import annotations

from markupsafe import Markup

from pactwatch.catalogue import text, word
from pactwatch.escape.html import escape_text


class Texts:
    """A template global: catalogue text by id, HTML-escaped (facts may hold user text)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._plain: dict[str, Markup] = {}

    def __call__(self, message_id: str, /, **facts: object) -> Markup:
        if facts:  # a fact already escaped (another text, say) is put in as its plain text, then all is escaped once
            plain = {key: value.unescape() if isinstance(value, Markup) else value for key, value in facts.items()}
            return escape_text(text(message_id, self.language, **plain))
        found = self._plain.get(message_id)
        if found is None:
            found = self._plain[message_id] = escape_text(word(message_id, self.language))
        return found
