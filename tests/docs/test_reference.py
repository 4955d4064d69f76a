"""The generated reference: every command, option, schema key and finding code has its page, and the
committed pages are what scripts/gen_docs.py writes today (run it after changing any of them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pactwatch.cli import COMMANDS
from pactwatch.findings import CODES
from scripts.docgen import commands, formats
from scripts.docgen.codes_zh import SUMMARY_ZH
from scripts.docgen.page import LANGUAGES
from scripts.gen_docs import reference, stale
from tests.docs.conftest import CONTENT, DOCS

MAX_LINE = 300


def _page(language: str, path: str) -> str:
    target = CONTENT / language / path
    assert target.is_file(), f"docs/content/{language}/{path} is missing: run .venv/bin/python scripts/gen_docs.py"
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_and_option_has_its_page(language: str, name: str) -> None:
    page = _page(language, f"reference/commands/{name}.md")
    assert f"# pactwatch {name}\n" in page
    for option in commands.option_names(commands._command(name)):
        assert re.search(rf"(?:`|, ){re.escape(option)}[ ,`/]", page), f"{option} of pactwatch {name} is not on its page"
    assert f"({name}.md)" in _page(language, "reference/commands/index.md")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(formats.FORMATS))
def test_every_schema_key_has_its_row(language: str, name: str) -> None:
    page = _page(language, f"reference/formats/{name}.md")
    schema = formats.load(name)
    keys = [path for path, _, _ in formats.rows(schema, schema)]
    assert len(keys) > 5
    for path in keys:
        assert f"| `{path}` |" in page, f"{name}: {path} has no row"


def test_schema_keys_include_nested_and_list_items() -> None:
    schema = formats.load("contract")
    keys = {path for path, _, _ in formats.rows(schema, schema)}
    assert {"milestones[].due_after.working_days", "terms.late_fee.rate_per_day", "counterparty.name"} <= keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_finding_code_has_its_page(language: str) -> None:
    index = _page(language, "reference/findings/index.md")
    for code in CODES:
        page = _page(language, f"reference/findings/{code.lower()}.md")
        assert page.splitlines()[0] == f"# {code}"
        assert f"({code.lower()}.md)" in index
    assert set(SUMMARY_ZH) == set(CODES), "every code needs its Chinese summary in scripts/docgen/codes_zh.py"


def test_a_code_page_shows_the_example_and_the_fix_in_its_language() -> None:
    en, zh = _page("en", "reference/findings/pw305.md"), _page("zh", "reference/findings/pw305.md")
    assert "pw305-unknown-manager" in en and "**The fix**" in en and "hint:" in en
    assert "**改法**" in zh and "建议：" in zh and "hint:" not in zh


def test_json_and_feed_pages_cover_the_four_outputs() -> None:
    for language in LANGUAGES:
        page = _page(language, "reference/json.md")
        assert all(f"## {name}\n" in page for name in ("status", "check", "report", "diff"))
        assert "| `milestones[].state` |" in page and "| `changes[].field` |" in page
        assert "BEGIN:VEVENT" in _page(language, "reference/feeds.md")


def test_the_committed_reference_is_what_the_code_generates() -> None:
    assert stale(reference()) == [], "run .venv/bin/python scripts/gen_docs.py and commit docs/content"


def test_no_docs_line_is_over_300_characters() -> None:
    long = [
        f"{path.relative_to(DOCS)}:{number}: {len(line)}"
        for path in sorted(DOCS.rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > MAX_LINE
    ]
    assert long == []


def test_every_page_in_both_languages() -> None:
    """A page written in one language only has its counterpart (the generated ones are made in both)."""
    pages = {lang: {p.relative_to(CONTENT / lang).as_posix() for p in (CONTENT / lang).rglob("*.md")} for lang in LANGUAGES}
    assert pages["en"] == pages["zh"]


@pytest.mark.slow
def test_the_docs_build_strict(docs_site: Path) -> None:
    for language in LANGUAGES:
        for page in ("index.html", "tutorial.html", "reference/findings/pw204.html", "reference/commands/init.html"):
            assert (docs_site / language / page).is_file(), f"{language}/{page}"
    assert (docs_site / "search" / "search_index.json").is_file()
