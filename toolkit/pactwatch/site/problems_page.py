"""The data problems page (/problems/): validation findings with their file and line."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from pactwatch.catalogue import text
from pactwatch.site.common import Page, render_page
from pactwatch.site.context import Site

PATH = "problems/index.md"


def pages(env: Environment, site: Site) -> Iterator[Page]:
    findings = sorted(site.data.findings, key=lambda f: (f.severity != "error", *f.sort_key))
    items = [
        {
            "f": f,
            "where": f"{f.file}:{f.line}" if f.line else f.file,
            "href": site.repository_file(f.file, line=f.line),
            "severity_text": text(f"finding.severity.{f.severity}", site.language),
            "message": f.message_text(site.language),
            "hint": f.hint_text(site.language),
        }
        for f in findings
    ]
    errors = sum(1 for f in findings if f.severity == "error")
    left_out = [(file, site.repository_file(file)) for file in site.left_out]
    yield render_page(
        env,
        site,
        PATH,
        "pages/problems.html",
        text("site.nav.problems", site.language),
        items=items,
        errors=errors,
        warnings=len(items) - errors,
        left_out=left_out,
    )
