"""The explanation page "One voice in two languages" shows real runs: each sample block is what the command prints today.

The page (docs/content/{en,zh}/explanation/languages.md) shows, in zh and en, a finding, the first lines of a
report and a reminder e-mail; this test runs the same commands and requires every sample line to be there, in
order, so a change of wording in the catalogue shows up here instead of leaving the docs behind.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO_ROOT, CliResult
from tests.docs.conftest import CONTENT
from tests.notify.portfolios import example_settings_without_notify

# What the samples quote of the portfolio's own text (user data, in whatever language it was written).
_USER_TEXT = [
    "'：'",
    "title：合同",
    "合同",
    "title",
    "Cloud GPU Capacity Purchase Agreement",
    "Balance payment 60%",
    "Pacific Compute Inc.",
    "李娜",
]
_SAMPLE = re.compile(r"<!-- sample: (\w+)-(zh|en) -->\n```text\n(.*?)\n```", re.S)
_EMAIL = (
    "\nnotify:\n  email: {smtp_host: smtp.example.com, smtp_port: 587, from: pactwatch@example.com,"
    " username_env: SMTP_USER, password_env: SMTP_PASSWORD}\n"
)


def _samples(page: Path) -> list[tuple[str, str, str]]:
    return _SAMPLE.findall(page.read_text(encoding="utf-8"))


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "example"
    root.mkdir()
    shutil.copytree(REPO_ROOT / "contracts", root / "contracts")
    shutil.copy2(REPO_ROOT / "people.yaml", root / "people.yaml")
    (root / "pactwatch.yml").write_text(example_settings_without_notify() + _EMAIL, encoding="utf-8")
    monkeypatch.setenv("SMTP_USER", "u")
    monkeypatch.setenv("SMTP_PASSWORD", "p")
    return root


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_sample_is_what_the_command_prints(language: str, portfolio: Path, run_cli: Callable[..., CliResult]) -> None:
    samples = _samples(CONTENT / language / "explanation" / "languages.md")
    assert {(kind, lang) for kind, lang, _ in samples} == {(k, lang) for k in ("validate", "report", "remind") for lang in ("zh", "en")}
    for kind, lang, shown in samples:
        if kind == "validate":
            result = run_cli("validate", "--root", EXAMPLES / "invalid" / "pw104-fullwidth-colon", "--lang", lang)
        elif kind == "report":
            result = run_cli("report", "--root", portfolio, "--period", "week", "--lang", lang)
        else:
            result = run_cli("remind", "--root", portfolio, "--dry-run", "--lang", lang)
        printed = result.out + result.err
        lines = [line for line in printed.splitlines() if line.strip()]
        wanted = [line for line in shown.splitlines() if line.strip()]
        start = next((i for i, line in enumerate(lines) if line == wanted[0]), None)
        assert start is not None, f"{kind}-{lang}: {wanted[0]!r} is not printed any more"
        assert lines[start : start + len(wanted)] == wanted, f"{kind}-{lang} differs from what pactwatch prints"


def test_the_samples_are_in_the_language_they_say() -> None:
    from tests.voice.scan import foreign_words

    for page in (CONTENT / "en" / "explanation" / "languages.md", CONTENT / "zh" / "explanation" / "languages.md"):
        for kind, lang, shown in _samples(page):
            assert not foreign_words(shown, lang, _USER_TEXT), f"{kind}-{lang}"
