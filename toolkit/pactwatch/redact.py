"""The one redaction function: hide every known secret in a text, THEN shorten it.

Used for everything another party says that pactwatch prints or logs: GitHub's error messages
(which may echo the Authorization header), chat robots' answers (which may echo the webhook URL),
SMTP replies. The order matters: shortening first can cut a secret in half, and a half no longer
matches, so its first part would be printed. So callers hand over the whole text and a ``limit``.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlsplit

MIN_SECRET = 4  # shorter values would redact ordinary words
ERROR_LIMIT = 300  # characters of an error line worth printing (a robot may answer with a whole page)
MASK = "***"


def _forms(value: str) -> set[str]:
    """A secret as it may appear: raw, URL-encoded; for a URL also its query values and path segments."""
    value = value.strip()
    forms = {value, quote(value, safe=""), quote_plus(value), unquote(value)}
    if "://" in value:
        parts = urlsplit(value)
        forms.update(v for _, v in parse_qsl(parts.query))
        forms.update(segment for segment in parts.path.split("/") if len(segment) >= 8)  # Feishu/Slack hook tokens
    return {f for f in forms if f}


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis). Only ever on text already redacted."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Redactor:
    """Replaces every known secret (and the token parts of robot URLs) with ``***``, then shortens."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        found: set[str] = set()
        for value in secrets:
            found.update(_forms(value))
        self._secrets = sorted((s for s in found if len(s) >= MIN_SECRET), key=len, reverse=True)

    def __call__(self, text: str, limit: int | None = None) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text if limit is None else shorten(text, limit)
