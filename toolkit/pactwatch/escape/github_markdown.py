"""Contract text made inert for GitHub issues: it is shown as written and does nothing else.

Text from contracts (titles, counterparty names, milestone titles, ack notes) ends up in issue
titles, bodies and comments. Left alone, ``@someone`` would notify a person, ``#123`` or
``owner/repo#123`` would link (and cross-reference) another issue, ``GH-123`` likewise, a bare URL
to an issue would leave a "mentioned this" trail there, and Markdown or HTML would change what
the page shows (or forge our hidden marker).

How: a ZERO WIDTH JOINER (U+200D) goes between the trigger and what follows it (``@\u200dname``,
``#\u200d123``, ``GH\u200d-123``, ``:/\u200d/``). It is invisible, but GitHub's reference
patterns no longer match. In bodies, ``& < >`` become HTML entities (so no tag or ``<!-- -->``
marker can be written) and Markdown punctuation is backslash-escaped. Titles are not Markdown,
so they only get the joiners. Line breaks and control characters become spaces: every value is
one line. ``code_span`` shows a value literally inside backticks (nothing in a code span renders).
"""

from __future__ import annotations

import re

ZWJ = "\u200d"
MAX_TITLE = 200  # GitHub allows 256 characters; leave room for our own words

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_MENTION = re.compile(r"@(?=[A-Za-z0-9_])")
_ISSUE_REF = re.compile(r"#(?=[0-9])")
_GH_REF = re.compile(r"\b(GH)(?=-[0-9])", re.IGNORECASE)
_SCHEME = re.compile(r"(?<=:/)(?=/)")
_WWW = re.compile(r"\b(www)(?=\.)", re.IGNORECASE)
_MARKDOWN = re.compile(r"([\\`*_\[\]|~$!])")


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def neutralise(text: str) -> str:
    """Break @mentions, issue references and autolinks with an invisible joiner."""
    text = _MENTION.sub("@" + ZWJ, text)
    text = _ISSUE_REF.sub("#" + ZWJ, text)
    text = _GH_REF.sub(r"\1" + ZWJ, text)
    text = _SCHEME.sub(ZWJ, text)
    return _WWW.sub(r"\1" + ZWJ, text)


def title_text(text: str) -> str:
    """For an issue title: one line, no mentions or references, at most MAX_TITLE characters."""
    line = _one_line(text)
    if len(line) > MAX_TITLE:
        line = line[: MAX_TITLE - 1] + "…"
    return neutralise(line)


def markdown_text(text: str) -> str:
    """For Markdown (issue bodies, comments): one line shown literally, inert."""
    line = _one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return neutralise(_MARKDOWN.sub(r"\\\1", line))


def code_span(value: object) -> str:
    """A Markdown code span showing ``value`` literally (nothing inside one mentions, links or renders)."""
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
