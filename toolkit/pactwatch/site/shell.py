"""Render mkdocs-material's page template once per kind of generated page, then fill it in.

The theme template costs milliseconds a page (header, tabs, palette, search,
footer), and for generated pages that are not in the navigation it differs
from page to page only by the title, the content and the canonical address:
every link in it is relative, and pages in the same folder share those. So the
first page of each kind (theme template, folder, hidden sidebars, canonical address or not) is
rendered with sentinels in place of those three, the second is rendered for
real and compared with the filled-in shell, and only when they are equal are
the other pages of that kind filled in by string replacement. Any difference
turns the shortcut off for that kind.
"""

from __future__ import annotations

import posixpath
from typing import Any

from jinja2 import Template
from mkdocs.structure.pages import Page

TITLE = "\ue000pactwatch-title\ue000"
CONTENT = "\ue000pactwatch-content\ue000"
CONTENT_H1 = "\ue000pactwatch<h1>content\ue000"  # material adds an <h1> title unless the content has one
URL = "\ue000pactwatch-url\ue000"
OFF = "off"


def kind(template: Template, page: Page) -> tuple[object, ...]:
    hide = page.meta.get("hide")
    has_h1 = "<h1" in (page.content or "")
    folder = posixpath.dirname(page.url.rstrip("/"))  # relative links depend on the folder, not only the depth
    return (template.name, folder, tuple(hide) if isinstance(hide, list) else hide, bool(page.canonical_url), has_h1)


def _sentinel(page: Page) -> str:
    return CONTENT_H1 if "<h1" in (page.content or "") else CONTENT


def _render_with_sentinels(template: Template, context: dict[str, Any], page: Page) -> str | None:
    saved = (page.content, page.meta.get("title"), page.canonical_url)
    sentinel = _sentinel(page)
    try:
        page.content, page.meta["title"] = sentinel, TITLE
        if page.canonical_url:
            page.canonical_url = URL
        shell = template.render(context)
    finally:
        page.content, page.meta["title"], page.canonical_url = saved
    if shell.count(sentinel) != 1 or TITLE not in shell or (page.canonical_url and shell.count(URL) != 1):
        return None
    return shell


def fill(shell: str, page: Page) -> str:
    title = str(page.meta.get("title", ""))
    out = shell.replace(TITLE, title)
    if page.canonical_url:
        out = out.replace(URL, page.canonical_url)
    head, _, tail = out.partition(_sentinel(page))
    return head + (page.content or "") + tail


class Shells:
    """Per kind of page: its shell, whether it was checked against a real rendering, or OFF."""

    def __init__(self) -> None:
        self.shells: dict[tuple[object, ...], str] = {}
        self.checked: set[tuple[object, ...]] = set()
        self.filled = 0

    def output(self, template: Template, context: dict[str, Any], page: Page) -> str:
        key = kind(template, page)
        shell = self.shells.get(key)
        if "\ue000" in str(page.meta.get("title", "")) or "\ue000" in (page.content or ""):
            return template.render(context)  # text that looks like a sentinel: no shortcut
        if shell is None:
            self.shells[key] = _render_with_sentinels(template, context, page) or OFF
            return template.render(context)
        if shell == OFF:
            return template.render(context)
        if key not in self.checked:
            real = template.render(context)
            if fill(shell, page) == real:
                self.checked.add(key)
            else:
                self.shells[key] = OFF
            return real
        self.filled += 1
        return fill(shell, page)
