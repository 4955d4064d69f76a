"""Contract data full of injection payloads: Python-Markdown passes every page through untouched, and the
pages have exactly the elements and attributes of the same portfolio with harmless text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from pactwatch.engine import evaluate
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings
from pactwatch.site.context import SiteInput
from tests.site.conftest import PAYLOADS, TODAY, all_pages, hostile_contract, write_hostile

EXTENSIONS = ["meta", "attr_list", "md_in_html", "abbr", "tables", "footnotes", "def_list", "toc", "pymdownx.snippets"]


class Shape(HTMLParser):
    """The element structure of a page: tags with their attribute names, and every attribute value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.values: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.values.extend((tag, name, value or "") for name, value in attrs)


def shape(html: str) -> Shape:
    parser = Shape()
    parser.feed(html)
    parser.close()
    return parser


def pages_of(root: Path) -> dict[str, str]:
    settings = load_settings(root)
    loaded = load_portfolio(root, TODAY, settings=settings, use_cache=False)
    ev = evaluate(loaded.portfolio, TODAY)
    return all_pages(SiteInput(ev, loaded.findings, {}, (), False, root))


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return pages_of(write_hostile(tmp_path_factory.mktemp("hostile") / "p"))


@pytest.fixture(scope="module")
def harmless_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = write_hostile(tmp_path_factory.mktemp("harmless") / "p")
    for index, payload in enumerate(PAYLOADS):  # the same portfolio with a plain word where each payload was
        data = hostile_contract(index, f"plain{index}")
        data["documents"][0]["url"] = hostile_contract(index, payload)["documents"][0]["url"]
        (root / "contracts" / f"X-{index:03d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    people = {"people": [{"id": "evil.person", "name": "plain", "team": "plain"}]}
    (root / "people.yaml").write_text(yaml.safe_dump(people), encoding="utf-8")
    return pages_of(root)


def body(text: str) -> str:
    return text.split("---\n", 2)[2].strip()


def test_markdown_passes_every_page_through_unchanged(hostile_pages: dict[str, str], tmp_path: Path) -> None:
    for path, text in hostile_pages.items():
        md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)]}})
        assert md.convert(text.split("---\n", 2)[2]).strip() == body(text), path


def test_pages_have_the_elements_of_harmless_text(hostile_pages: dict[str, str], harmless_pages: dict[str, str]) -> None:
    contract_pages = [p for p in hostile_pages if p.startswith("contracts/X-")]
    assert len(contract_pages) == len(PAYLOADS)
    for path in contract_pages:
        assert shape(body(hostile_pages[path])).tags == shape(body(harmless_pages[path])).tags, path
    for path in ("index.md", "contracts/index.md", "calendar/index.md", "reports/index.md", "problems/index.md", "kpis/index.md"):
        assert shape(body(hostile_pages[path])).tags == shape(body(harmless_pages[path])).tags, path


def test_no_handler_script_or_unsafe_link_anywhere(hostile_pages: dict[str, str]) -> None:
    for path, text in hostile_pages.items():
        found = shape(body(text))
        assert not [t for t, _ in found.tags if t in ("script", "iframe", "img", "object", "embed")], path
        for tag, name, value in found.values:
            assert not name.startswith("on"), (path, tag, name)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert value.startswith(("https://", "http://", "mailto:", "webcal://", "../", "#")) or "://" not in value, (path, value)
                assert not value.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")), (path, value)


def test_titles_in_front_matter_cannot_break_out(hostile_pages: dict[str, str]) -> None:
    for path, text in hostile_pages.items():
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        assert not set(str(meta["title"])) & set("<>&\"'`{}\n"), path


def test_the_payload_text_is_shown_as_text(hostile_pages: dict[str, str]) -> None:
    page = body(hostile_pages["contracts/X-000.md"])
    assert "&lt;script&gt;alert(&#39;script&#39;)&lt;/script&gt; title" in page
    breakout = body(hostile_pages["contracts/X-007.md"])
    assert "&lt;/div&gt;&#10;&#10;&lt;script&gt;" in breakout
