"""Issue #21: the contract page's timeline and request forms are drawn in the browser from compact data
(site/timeline.py, chatops/prefill.request_data) and are the same elements the server wrote before.

The goldens (golden/drawn/) are the timeline SVG and the requests' <ul> of every example contract page as
pactwatch wrote them at 5f13c88, byte for byte. The only normalisation is the browser's own: a golden is parsed
by the page's HTML parser and serialised by the same DOM serialiser as the drawn elements (which quotes every
attribute value, writes the </li> the source leaves out and a character reference such as &#10; as the
character), so nothing is written twice by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.site.conftest import Built, copy_example, make_history
from tests.site.test_browser import browser, opened, served, visit

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the fixture, imported to be used here

GOLDEN = Path(__file__).parent / "golden" / "drawn"
CONTRACTS = sorted(p.stem for p in GOLDEN.glob("*.svg") if "-baselines" not in p.stem)
# a golden parsed and serialised by the page's own parser and serialiser; the drawn element serialised
SERIALISED = """([selector, golden]) => {
  const drawn = document.querySelectorAll(selector);
  const box = document.createElement("div");
  box.innerHTML = golden;  // the test's own file, never page data
  return [drawn.length, drawn.length ? drawn[0].outerHTML : "", box.firstElementChild ? box.firstElementChild.outerHTML : ""];
}"""


def _golden(name: str) -> str:
    path = GOLDEN / name
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""


def test_every_example_contract_page_draws_the_timeline_and_the_requests_the_server_wrote(browser: Any, example_site: Built) -> None:
    assert len(CONTRACTS) == 13
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        for contract in CONTRACTS:
            visit(page, base + f"contracts/{contract}.html")
            for selector, golden in (
                ("svg.pw-gantt", _golden(f"{contract}.svg")),
                ("ul.pw-requests", _golden(f"{contract}.requests.html")),
            ):
                count, drawn, expected = page.evaluate(SERIALISED, [selector, golden])
                assert (count, drawn) == ((1, expected) if golden else (0, "")), (contract, selector)
            assert page.locator("#timeline").is_visible()
        assert watch.problems == []


def test_without_javascript_the_timeline_is_not_shown_and_the_table_is_whole(browser: Any, example_site: Built) -> None:
    with served(example_site.site) as base:
        context = browser.new_context(java_script_enabled=False, service_workers="block")
        try:
            page = context.new_page()
            visit(page, base + "contracts/S-2026-004.html")
            assert not page.locator("#timeline").is_visible() and page.locator("svg.pw-gantt").count() == 0
            assert page.locator("#milestones tbody tr").count() == 18 and page.locator("#milestones tbody tr").first.is_visible()
            assert page.locator("ul.pw-requests").count() == 0
        finally:
            context.close()


def with_baselines(root: Path) -> None:
    """Plans moved since the baseline (engine.slippage): M2 (done late) and M6 (open) draw the slip and the
    original plan, which no example contract does; golden/drawn/C-2026-001-baselines.svg is 5f13c88's SVG of it."""
    path = root / "contracts" / "sales" / "C-2026-001.yaml"
    text = path.read_text(encoding="utf-8")
    for due, baseline in (("due: 2026-05-30", "2026-05-10"), ("due: 2027-07-10", "2027-05-20")):
        assert due in text
        text = text.replace(due, f"{due}\n    baseline_due: {baseline}", 1)
    path.write_text(text, encoding="utf-8")


def test_the_slip_from_a_baseline_is_drawn_as_the_server_drew_it(browser: Any, tmp_path: Path) -> None:
    from pactwatch.site.build import build_site
    from tests.site.conftest import TODAY

    root = copy_example(tmp_path / "portfolio")
    make_history(root)
    with_baselines(root)
    build_site(root, TODAY, public=False)
    with served(root / "site") as base, opened(browser, base) as (page, watch):
        visit(page, base + "contracts/C-2026-001.html")
        count, drawn, expected = page.evaluate(SERIALISED, ["svg.pw-gantt", _golden("C-2026-001-baselines.svg")])
        assert count == 1 and drawn == expected and drawn.count('class="b"') == 2
        assert watch.problems == []


HOSTILE = "</script><img src=x onerror=alert(1)> \"q\" 'a' & co"


@pytest.fixture(scope="module")
def hostile_title_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example portfolio with a hostile, long milestone title (clipped in the timeline's label) and contract id
    in the timeline's aria-label: what arrives by pull request."""
    from pactwatch.site.build import build_site
    from tests.site.conftest import TODAY

    root = copy_example(tmp_path_factory.mktemp("hostile-title") / "portfolio")
    make_history(root)
    path = root / "contracts" / "sales" / "C-2026-001.yaml"
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(path.read_text(encoding="utf-8").replace("title: 质保期中期回访（客户现场）", f'title: "{quoted}"'), encoding="utf-8")
    assert quoted in path.read_text(encoding="utf-8")
    build_site(root, TODAY, public=False)
    return root / "site"


def test_a_hostile_title_is_text_in_the_tooltip_label_and_form(browser: Any, hostile_title_site: Path) -> None:
    with served(hostile_title_site) as base, opened(browser, base) as (page, watch):
        page.add_init_script("window.__pwned = 0; window.alert = () => { window.__pwned += 1; };")
        visit(page, base + "contracts/C-2026-001.html")
        found = page.evaluate(
            """() => {
              const svg = document.querySelector("svg.pw-gantt");
              return {
                titles: [...svg.querySelectorAll("title")].map(t => t.textContent),
                labels: [...svg.querySelectorAll(".pw-glabel text")].map(t => t.textContent),
                values: [...document.querySelectorAll(".pw-requests input, .pw-requests button")].map(i => i.getAttribute("value")),
                items: [...document.querySelectorAll(".pw-requests li")].map(li => li.firstChild.nodeValue),
                injected: document.querySelectorAll(".pw-page img, .pw-page script, .pw-page [onerror]").length,
                elements: [...svg.querySelectorAll("*")].map(e => e.tagName)
                  .filter(t => !["defs", "path", "g", "text", "rect", "title", "use", "circle"].includes(t)),
              };
            }"""
        )
        name = f"M5 {HOSTILE}"
        assert f"{name} · 计划 2026-12-10" in found["titles"]  # clipped in its label, so named in its tooltip
        assert name[:20] in found["labels"][5] and found["labels"][5].endswith("…")
        assert f"[pactwatch] C-2026-001/{name}" in found["values"] and "/reschedule 2026-12-10 原因\n" in found["values"]
        assert f"{name}: " in found["items"]
        assert found["injected"] == 0 and found["elements"] == []
        assert page.evaluate("window.__pwned") == 0
        assert watch.problems == []
