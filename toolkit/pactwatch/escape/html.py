"""HTML for site pages, safe to hand to Python-Markdown, and page titles that stay plain text.

Every ``{{ value }}`` of a site template goes through ``escape_text``: HTML-escaped (so no tag, entity
trick or attribute can come from YAML), with newlines as ``&#10;`` (a blank line would end
Python-Markdown's raw HTML block and let the rest be parsed as Markdown), control characters dropped
(``\\x02``/``\\x03`` are Python-Markdown's placeholder markers) and braces as entities (no attribute
list ``{ onclick=... }``, no macro syntax for Jinja-based mkdocs plugins).

The page title goes into YAML front matter, and mkdocs-material prints it unescaped in the header and
through ``striptags`` (which unescapes entities) in ``<title>``: so the title keeps no ``<>&"'`` at all
(they become full-width look-alikes) and no control characters.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

_TITLE_MAP = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀", "{": "｛", "}": "｝", "\\": "＼"})
_SPECIAL = re.compile(r"[\x00-\x1f\x7f{}]")
_DROP = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # no use in HTML; \x02/\x03 are Python-Markdown's placeholders
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
# JSON in a single-quoted attribute: ' and & end or start something there, < > and braces are entities like
# everywhere else on a page (the browser decodes them before the script reads the value)
_JSON_ATTRIBUTE = str.maketrans({"&": "&amp;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"})


def escape_text(value: object) -> Markup:
    """HTML-escape ``value`` and neutralise what could still matter to Markdown or template engines."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else value if type(value) is str else str(value)
    if not _SPECIAL.search(text):  # the usual value: markupsafe's C escape alone
        return escape(text)
    escaped = str(escape(_DROP.sub("", text))).replace("\r\n", "&#10;").replace("\r", "&#10;").replace("\n", "&#10;").replace("\t", "&#9;")
    return Markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))


def _plain(value: object) -> object:
    """Strings as ``escape_text`` shows them (control characters dropped, one kind of line break), in lists too."""
    if isinstance(value, str):
        return _DROP.sub("", value.replace("\r\n", "\n").replace("\r", "\n")) if _SPECIAL.search(value) else value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def json_attribute(data: object) -> Markup:
    """``data`` (lists, strings, numbers) as compact JSON in a single-quoted attribute value, quotes included
    (``data-pw-x={{ value }}``), for assets/pactwatch.js to read with ``JSON.parse``: the JSON's own double
    quotes stay as they are (as entities they would cost 5 bytes each), no value can end the attribute, and
    the page is still one raw HTML block to Python-Markdown (no newline: JSON writes it as ``\\n``)."""
    return Markup("'" + json.dumps(_plain(data), ensure_ascii=False, separators=(",", ":")).translate(_JSON_ATTRIBUTE) + "'")


def safe_title(text: str) -> str:
    """A page title that stays plain text wherever mkdocs-material prints it."""
    return " ".join(_CONTROL.sub(" ", text.translate(_TITLE_MAP)).split())
