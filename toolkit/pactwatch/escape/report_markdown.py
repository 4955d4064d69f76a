"""User text for the Markdown report (``pactwatch report``), pasted anywhere Markdown is read.

Not GitHub's issue escaper (github_markdown): the report is read by Python-Markdown and other
renderers too, so braces (attribute lists) are escaped here, while GitHub-only references
(``#123``, ``GH-1``, bare URLs) are left as written; a mention is broken with a ZERO WIDTH SPACE.
Changing either would change every report already written, so they stay two dialects.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")  # inline syntax; block syntax cannot start mid-line
_MENTION = re.compile(r"(?<!\w)@(?=\w)")


def escape_text(value: object) -> str:
    """Escape a value for Markdown: HTML special characters, Markdown punctuation, line breaks, mentions."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(text.split())  # no newline may start a block or end a table row
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MENTION.sub("@\u200b", text)  # no accidental @mentions where the report is pasted into GitHub
