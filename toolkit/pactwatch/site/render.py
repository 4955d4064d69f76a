"""Autoescaping Jinja2 -> one raw HTML block per page, safe to hand to Python-Markdown.

Every ``{{ value }}`` goes through ``finalize``: HTML-escaped (so no tag, entity
trick or attribute can come from YAML), with newlines as ``&#10;`` (a blank
line would end Python-Markdown's raw HTML block and let the rest be parsed as
Markdown), control characters dropped (``\x02``/``\x03`` are Python-Markdown's
placeholder markers) and braces as entities (no attribute list ``{ onclick=... }``, no
macro syntax for Jinja-based mkdocs plugins). The page is then compacted: no
blank lines, no indentation.

The page title goes into YAML front matter, and mkdocs-material prints it
unescaped in the header and through ``striptags`` (which unescapes entities) in
``<title>``: so the title keeps no ``<>&"'`` at all (they become full-width
look-alikes) and no control characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from pactwatch.resources import data_dir

PAGE_CLASS = "pw-page"  # the generated body starts with <div class="pw-page ...">; the accelerator keys on it
SEARCH_END = "<!--pw:search-end-->"  # everything after this marker is data-search-exclude
_BLANK_OR_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")
_TITLE_MAP = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀", "{": "｛", "}": "｝", "\\": "＼"})
_SPECIAL = re.compile(r"[\x00-\x1f\x7f{}]")
_DROP = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # no use in HTML; \x02/\x03 are Python-Markdown's placeholders
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def escape_text(value: object) -> Markup:
    """HTML-escape ``value`` and neutralise what could still matter to Markdown or template engines."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else value if type(value) is str else str(value)
    if not _SPECIAL.search(text):
        return escape(text)
    escaped = str(escape(_DROP.sub("", text))).replace("\r\n", "&#10;").replace("\r", "&#10;").replace("\n", "&#10;").replace("\t", "&#9;")
    return Markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))


def safe_title(text: str) -> str:
    """A page title that stays plain text wherever mkdocs-material prints it."""
    return " ".join(_CONTROL.sub(" ", text.translate(_TITLE_MAP)).split())


def environment(root: Path | None) -> Environment:
    """Templates from the portfolio's ``templates/site`` first, then the shipped ones."""
    folders = []
    if root is not None and (root / "templates" / "site").is_dir():
        folders.append(str(root / "templates" / "site"))
    folders.append(str(data_dir("templates") / "site"))
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in dict.fromkeys(folders)]),
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
