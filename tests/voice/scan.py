"""Which words of an output are pactwatch's own, and whether they are in the output's language.

An output mixes pactwatch's words with the portfolio's own text (titles, names, keys people typed),
codes, ids, dates, amounts and links. ``foreign_words`` removes everything that is not ours and
returns what is left in the other language: English words in a zh output, Chinese in an en one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

# Names and acronyms a Chinese text may keep as they are (products, formats, protocols).
ALLOWED_IN_ZH = frozenset(
    (
        "yaml",
        "yml",
        "json",
        "csv",
        "xlsx",
        "ics",
        "html",
        "url",
        "id",
        "pr",
        "github",
        "git",
        "pactwatch",
        "mkdocs",
        "material",
        "smtp",
        "icalendar",
        "excel",
        "pdf",
        "api",
        "rss",
        "utf",
        "bom",
        "kpi",
        "kpis",
        "cny",
        "usd",
        "eur",
        "gbp",
        "jpy",
        "hkd",
        "pw",
        "ok",
        "ci",
        "http",
        "https",
        "mailto",
        "www",
        "md",
        "dingtalk",
        "wecom",
        "feishu",
        "slack",
        "email",
        "svg",
        "webcal",
        "google",
        "outlook",
        "apple",
        "javascript",
        "js",
        "css",
    )
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
_NOT_OURS = [
    re.compile(p)
    for p in (
        r"(?:https?|webcal)://[^\s)\]>\"']+",
        r"mailto:[^\s)\]>\"']+",
        r"(?s)<!--.*?-->",  # markers in Markdown and HTML
        r"</?[A-Za-z][^<>]*>",  # markup in Markdown (<sub>, <font color=...>), e-mail addresses in <...>
        r"`[^`\n]+`",  # code spans: commands and format keywords the user types
        r"[\w./-]+\.(?:yaml|yml|ics|html|md|json|csv|xlsx|css|js|svg|png|xml|txt)\b",  # file names
        r"\S+/_?\w+@\d{4}-\d{2}-\d{2}",  # occurrence references (C-1/R1@2026-05-31)
        r"\bpactwatch [a-z-]+",  # a command line the user types
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
        r"\bPW\d{3}\b",
        r"\b[A-Z]{1,4}-\d{4}-\d{3}\b",  # contract ids
        r"\b\d{4}-\d{2}-\d{2}\b",
        r"\b[A-Z]{3}\b",  # currency codes
        r"@[\w-]+(?:/[\w-]+)?",  # GitHub handles and teams
        r"\b[a-z]+(?:[._][a-z0-9]+)+\b",  # person ids, keys, dotted names
        r"\b\w*\d\w*\b",  # anything with a digit: ids, amounts, times
    )
]
_LINKS = 8  # the patterns to apply before user text is removed (a repository name is part of a link)


def user_strings(root: Path) -> list[str]:
    """Every key and text value in the portfolio's YAML files: words people wrote, not pactwatch's."""
    found: set[str] = set()
    files = [root / "pactwatch.yml", root / "people.yaml", *sorted((root / "contracts").rglob("*.yaml"))]
    for path in files:
        if path.is_file():
            found.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8-sig"))))
    return sorted((s for s in found if s.strip()), key=len, reverse=True)


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif node is not None and not isinstance(node, bool):
        yield str(node)


def visible_text(markup: str) -> str:
    """The text a reader sees in HTML: no scripts, styles, tags or comments; entities decoded."""
    markup = re.sub(r"(?is)<(script|style|svg)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?s)<!--.*?-->", " ", markup)
    attrs = " ".join(re.findall(r'(?i)\b(?:title|alt|aria-label|placeholder)="([^"]*)"', markup))
    return html.unescape(re.sub(r"<[^>]+>", " ", markup) + " " + attrs)


def foreign_words(output: str, language: str, user: Iterable[str], allowed: Iterable[str] = ()) -> list[str]:
    """Words of the other language left in ``output`` once user text, codes, ids, links and numbers are removed."""
    text = output
    for pattern in _NOT_OURS[:_LINKS]:  # links and markup first: a user's repository name is part of them
        text = pattern.sub(" ", text)
    for s in user:
        text = _without(text, s)
    for pattern in _NOT_OURS[_LINKS:]:
        text = pattern.sub(" ", text)
    if language == "en":
        return sorted(set(_CJK.findall(text)))
    extra = {a.lower() for a in allowed}
    words = re.findall(r"[A-Za-z][A-Za-z']+", text)
    return sorted({w for w in words if w.lower() not in ALLOWED_IN_ZH and w.lower() not in extra})


def _without(text: str, user_text: str) -> str:
    """``text`` with ``user_text`` removed; a word people wrote ("ack") is not cut out of a longer word of ours ("slack")."""
    if user_text.isascii():
        return re.sub(rf"(?<![A-Za-z]){re.escape(user_text)}(?![A-Za-z])", " ", text)
    return text.replace(user_text, " ")
