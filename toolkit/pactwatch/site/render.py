"""Autoescaping Jinja2 -> one raw HTML block per page, safe to hand to Python-Markdown.

Every ``{{ value }}`` goes through ``finalize``, pactwatch.escape.html.escape_text (HTML-escaped,
no blank line, no control character, no braces), and the page title through its ``safe_title``.
The page is then compacted: no blank lines, no indentation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from pactwatch.escape.html import escape_text, safe_title
from pactwatch.resources import data_dir, own_templates

PAGE_CLASS = "pw-page"  # the generated body starts with <div class="pw-page ...">; the accelerator keys on it
SEARCH_END = "<!--pw:search-end-->"  # everything after this marker is data-search-exclude
# a paragraph for the search index only (a contract's milestone titles): indexed, then left out of the page the
# accelerator writes (its text is escaped: no "<" inside)
SEARCH_ONLY = re.compile(r'<p class="pw-search-terms" hidden>[^<]*</p>')
_BLANK_OR_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def environment(root: Path | None) -> Environment:
    """Templates from the portfolio's ``templates/site`` first, then the shipped ones."""
    loaders: list[BaseLoader] = []
    if root is not None and (root / "templates" / "site").is_dir():
        loaders.append(own_templates(root / "templates" / "site"))
    loaders.append(FileSystemLoader(str(data_dir("templates") / "site")))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        finalize=escape_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    return env


def compact(html: str) -> str:
    """No blank lines and no indentation: the block stays one raw HTML block."""
    return _BLANK_OR_INDENT.sub("\n", html).strip()


def front_matter(title: str, extra: Mapping[str, Any] | None = None) -> str:
    """YAML front matter (JSON values are YAML) hiding the sidebars on generated pages."""
    lines = ["---", f"title: {json.dumps(safe_title(title), ensure_ascii=False)}", "hide: [navigation, toc]"]
    for key, value in sorted((extra or {}).items()):
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}")
    lines.append("---")
    return "\n".join(lines)


def page_text(title: str, body: str, extra: Mapping[str, Any] | None = None) -> str:
    return f"{front_matter(title, extra)}\n\n{compact(body)}\n"
