"""An in-process mkdocs plugin that makes big builds linear and quick; the site is the same without it (but for
a hidden paragraph the search index alone needs, see below).

``pactwatch build`` adds it to the loaded config (it is never named in
mkdocs.yml, so plain ``mkdocs build`` still works on the generated tree):

- Generated pages are one raw HTML block, which Python-Markdown would only copy
  through, slowly (a new Markdown instance and its HTML block parser cost ~20 ms
  a page). The block is handed over as it is instead.
- The search plugin parses every page's HTML to index it, but indexes only what
  is before the ``<!--pw:search-end-->`` marker (the rest is
  ``data-search-exclude``). It is given only that part, then the page is put back without its paragraph for
  the index alone (``render.SEARCH_ONLY``, hidden: ~250 bytes a contract page).
- Generated pages outside the navigation are poured into a shell of their theme
  template (main.html, or detail.html for contract pages) rendered once per kind
  of page (see ``shell``).
- Generated pages leave with the theme's indentation and blank lines taken out
  (``render.compact``, as their own content already is): ~3.5 KB, an eighth of a
  contract page, and the same to a reader (runs of white space render as one).
  Pages of the portfolio's own Markdown keep theirs (a code block would change).
- Each rendered page ticks an optional progress callback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from pactwatch.site.render import PAGE_CLASS, SEARCH_END, SEARCH_ONLY, compact
from pactwatch.site.shell import Shells

MARK = f'<div class="{PAGE_CLASS}'
SHELL_TEMPLATE = "pactwatch-shell.html"  # prints the output the accelerator computed
SHELLED = ("main.html", "detail.html")  # the theme templates of generated pages (detail.html: templates/site/theme)
Tick = Callable[[int, int], None]


def _as_is(page: Page, html: str, config: MkDocsConfig, files: Files) -> None:
    """What Page.render leaves behind for a page that is one raw HTML block: the block, no headings in the toc."""
    page.content = html
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


class Accelerator(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # mkdocs' BasePlugin: generic, untyped
    def __init__(self, tick: Tick | None = None) -> None:
        super().__init__()
        self.tick = tick
        self.full: dict[str, str] = {}
        self.total = 0
        self.done = 0
        self.in_nav: set[str] = set()
        self.shells = Shells()
        self.templates: dict[str, str] = {}  # src_uri -> the theme template the shell stands in for
        self.env: Environment | None = None
        self.order: list[str] = []  # every page's URL, in mkdocs' order (incremental.merge_index)
        self.rendered: set[str] = set()  # the URLs of the pages rendered (all, unless the build is dirty)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        pages = files.documentation_pages()
        self.total = len(pages)
        self.order = [f.url for f in pages]
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.in_nav = {p.file.src_uri for p in nav.pages}
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        loaders = [DictLoader({SHELL_TEMPLATE: "{{ pw_output }}"})]
        if env.loader is not None:
            loaders.append(env.loader)  # type: ignore[arg-type]  # ChoiceLoader takes any BaseLoader
        env.loader = ChoiceLoader(loaders)
        self.env = env
        return env

    @event_priority(100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = markdown.strip()
        if not body.startswith(MARK):
            return markdown
        page.render = functools.partial(_as_is, page, body)  # type: ignore[method-assign]  # skip Python-Markdown
        theme_template = page.meta.get("template", "main.html")
        if page.file.src_uri not in self.in_nav and theme_template in SHELLED and not page.is_homepage:
            self.templates[page.file.src_uri] = theme_template
            page.meta["template"] = SHELL_TEMPLATE
        # the page's markdown and its content are then one string, not two: mkdocs reads every page before
        # writing any, and at 50,000 contracts the second copy was over a gigabyte
        return body

    @event_priority(100)
    def _search_part(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        self.rendered.add(page.url)
        content = page.content or ""
        head, found, _ = content.partition(SEARCH_END)
        if found and content.startswith(MARK):
            self.full[page.file.src_uri] = content
            page.content = head + "</div>"
        return context

    @event_priority(-100)
    def _restore(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        full = self.full.pop(page.file.src_uri, None)
        if full is not None:
            page.content = SEARCH_ONLY.sub("", full, count=1)
        return context

    @event_priority(-200)
    def _pour(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        theme_template = self.templates.pop(page.file.src_uri, None)
        if page.meta.get("template") == SHELL_TEMPLATE and theme_template is not None and self.env is not None:
            context["pw_output"] = self.shells.output(self.env.get_template(theme_template), context, page)
        return context

    on_page_context = CombinedEvent(_search_part, _restore, _pour)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.done += 1
        if self.tick is not None:
            self.tick(self.done, self.total)
        if (page.content or "").startswith(MARK):
            return compact(output) + "\n"
        return output
