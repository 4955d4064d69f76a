"""Issue #21: a contract page costs what its content needs (bytes counted, not timed).

The content grows with the milestones (a table row, a mark on the timeline, a request form for an open one);
the theme's shell around it (header, tabs, search, palette, drawer, footer) is the same on every contract page
and holds no icon path, no palette script and no empty table of contents (templates/site/theme/detail.html).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from pactwatch.engine import OPEN_STATES, evaluate
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings
from pactwatch.site.context import SiteInput
from pactwatch.site.pages import contract_pages
from tests.site.conftest import Built
from tests.site.test_serve import generated

TODAY = date(2026, 11, 27)
# bytes of a contract page's content: a fixed part (head, tiles, actions, parties, history, what the timeline and the
# requests share) and per occurrence (a table row, a mark of the timeline's data) and per open one (its row's due
# date, from which the script writes its request form); before issue #21's trims the generated portfolio's pages took
# up to ~1,450 bytes an occurrence, and (850, 350) an occurrence needed 3,600 fixed bytes before the table's rows and
# the timeline's marks were cut (round 3: 10,050 at these rates, 3,952 then); (4100, 480, 280) while the server
# wrote the timeline's SVG and a form per open occurrence (these 60 pages: 11,788 bytes on average, 7,662 now)
FIXED, PER_OCCURRENCE, PER_OPEN = 4100, 270, 20
SHELL = 2000  # bytes of the built page outside its content (main.html 12,800; extending it 6,100; with header, footer 3,050;
# the body keeps its colour attributes, ~90 bytes: without them a reader without JavaScript sees no state colours)


@pytest.fixture(scope="module")
def sizes(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, int, int, int]]:
    """(contract, occurrences, open occurrences, bytes of its page) for a generated portfolio of 60 contracts."""
    root = generated(tmp_path_factory.mktemp("sizes") / "p", 60)
    loaded = load_portfolio(root, TODAY, settings=load_settings(root), use_cache=False)
    evaluation = evaluate(loaded.portfolio, TODAY)
    views = {view.contract.id: view for view in evaluation.contracts.values()}
    out = []
    for page in contract_pages(SiteInput(evaluation, loaded.findings, {}, (), False, root), list(views)):
        view = views[Path(page.path).stem]
        opened = sum(o.state in OPEN_STATES for o in view.occurrences)
        out.append((view.contract.id, len(view.occurrences), opened, len(page.text.encode())))
    return out


def test_a_contract_page_stays_within_its_budget_per_milestone(sizes: list[tuple[str, int, int, int]]) -> None:
    assert len(sizes) == 60 and sum(n for _, n, _, _ in sizes) > 600
    over = [(cid, size, FIXED + PER_OCCURRENCE * n + PER_OPEN * opened) for cid, n, opened, size in sizes]
    assert [row for row in over if row[1] > row[2]] == []


def _shell(page: str) -> str:
    start = page.index('<div class="pw-page')
    end = page.index("</article>\n</div>\n</article>", start)  # the content's body, then its wrapper and material's
    return page[:start] + page[end:]


def test_the_shell_of_a_contract_page_holds_nothing_repeated(example_site: Built) -> None:
    page = (example_site.site / "contracts" / "C-2026-001.html").read_text(encoding="utf-8")
    shell = _shell(page)
    assert len(shell.encode()) <= SHELL
    assert 'template: "detail.html"' not in page and "md-sidebar--secondary" not in shell  # no empty toc
    assert re.findall(r"<path", shell) == []  # icons are CSS masks, the back-to-top arrow is the script's
    for needed in ("md-tabs__link", "<title>", "assets/pactwatch-shell.js"):
        assert needed in shell, needed
    script = (example_site.site / "assets" / "pactwatch-shell.js").read_text(encoding="utf-8")
    for left_out in (  # only JavaScript uses them, or they are hidden without it: put in by pactwatch-shell.js
        ('id="__config"', '"__config"'),
        ('data-md-component="search"', 'data-md-component=\\"search\\"'),
        ('data-md-component="palette"', 'data-md-component=\\"palette\\"'),
        ('__md_get("__palette")', '__md_get("__palette")'),
        ("__md_scope", "__md_scope"),
        ('data-md-toggle="drawer"', 'data-md-toggle=\\"drawer\\"'),
        ('data-md-type="navigation"', 'data-md-type=\\"navigation\\"'),
        ('data-md-component="top"', 'data-md-component=\\"top\\"'),
        ('data-md-component="dialog"', 'data-md-component=\\"dialog\\"'),
        ('data-md-component="header-title"', 'data-md-component=\\"header-title\\"'),  # the header and footer too
        ("md-copyright", "md-copyright"),
        ('data-md-component="main"', 'main: ".md-main"'),
    ):
        assert left_out[0] not in shell and left_out[1] in script, left_out
    assert 'name="generator"' not in shell and "__tabbed_" not in shell
    worker = re.search(r'"search": "\.\./(assets/javascripts/workers/search\.\w+\.min\.js)"', script)
    assert worker and (example_site.site / worker[1]).is_file()  # the theme's own worker (its name changes with the theme)
    for linked in re.findall(r'(?:href|src)="\.\./(assets/[^"]+)"', shell):
        assert (example_site.site / linked).is_file(), linked  # the theme's stylesheets and script, by base.html's names
    icons = (example_site.site / "assets" / "pactwatch-icons.css").read_text(encoding="utf-8")
    for name in ("logo", "menu", "search", "previous", "close", "palette-0", "palette-1"):
        assert f'.pw-i-{name}{{--pw-i:url("data:image/svg+xml,%3Csvg' in icons, name
        if name not in ("palette-0", "palette-1"):
            assert f'class="pw-i-{name}"' in shell or f'class=\\"pw-i-{name}\\"' in script, name
