"""The tutorial's commands are run for real, in order, in a fresh folder per language; what the pages
show must be what they print today (run .venv/bin/python scripts/gen_docs.py after changing an output)."""

from __future__ import annotations

import difflib

import pytest

from scripts.docgen import tutorial
from tests.docs.conftest import CONTENT


@pytest.mark.slow
def test_the_tutorial_shows_what_its_commands_print() -> None:
    for page in tutorial.pages(CONTENT):
        shown = (CONTENT / page.path).read_text(encoding="utf-8")
        diff = "".join(difflib.unified_diff(shown.splitlines(True), page.text.splitlines(True), page.path, "now"))
        assert diff == "", diff


def test_every_tutorial_step_is_run() -> None:
    """Each step of the brief is in both tutorials as a command that runs, not as prose."""
    for language in ("en", "zh"):
        text = (CONTENT / language / "tutorial.md").read_text(encoding="utf-8")
        ran = [m["line"] for m in tutorial.BLOCK.finditer(text) if m["line"]]
        for step in (
            "pactwatch init",
            "pactwatch import",
            "pactwatch validate",
            "pactwatch diff",
            "pactwatch build",
            "site/calendar",
            "pactwatch remind",
            "pactwatch done",
        ):
            assert any(step in line for line in ran), f"{language}: {step}"
        assert text.count("```console") == len(ran), f"{language}: every run block shows its output"


def test_only_commit_ids_are_shown_as_the_stand_in() -> None:
    """A counterparty feed's slug (naming.slugify: ``cp-`` and 10 hex digits) is kept as printed;
    commit ids, which change with every run, read as the stand-in."""
    printed = "largest feeds: calendar/counterparties/cp-b0bddfc968.ics 2 KB\n[main 1a2b3c4] init"
    shown = tutorial._shown(printed, tutorial.ROOT / "nowhere")
    assert shown == "largest feeds: calendar/counterparties/cp-b0bddfc968.ics 2 KB\n[main a1b2c3d] init"


def test_build_durations_read_as_the_stand_in_in_both_languages() -> None:
    """The build line's time differs run to run (a CI run once failed on 1.1 s against 1.2 s)."""
    printed = "Site: site/index.html (26 pages) in 12.4 s.\n站点：site/index.html（26 个页面），用时 1.2 秒。"
    shown = tutorial._shown(printed, tutorial.ROOT / "nowhere")
    assert shown == "Site: site/index.html (26 pages) in 3.0 s.\n站点：site/index.html（26 个页面），用时 3.0 秒。"
