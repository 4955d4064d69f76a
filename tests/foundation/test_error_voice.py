"""The one-line errors (`pactwatch: …`, exit 1 or 2) speak the run's language (issue #13).

Each case makes one error happen through the command line, in zh and in en (``--lang``): the line is the
catalogue entry's (its longest fixed part is in it), and holds no word of the other language once paths
and values the user gave are set aside (``tests/voice/scan.foreign_words``). A second test reads the
converted modules: no ``raise …Error(f"…")`` sentence in English is left in them.
"""

from __future__ import annotations

import ast
import json
import os
import re
import socket
import string
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from pactwatch.catalogue import CATALOGUE
from pactwatch.outdir import claim
from tests.conftest import REPO_ROOT, CliResult
from tests.voice.scan import foreign_words

Run = Callable[..., CliResult]
PACKAGE = REPO_ROOT / "toolkit" / "pactwatch"


@dataclass(frozen=True)
class Case:
    id: str  # the catalogue entry the error is worded from
    code: int
    args: Callable[[Path, Path], list[str]]  # (portfolio, tmp_path) -> the command line, after any setup
    env: tuple[tuple[str, str], ...] = ()
    click: bool = False  # an option's value refused by click (its own framing, our sentence inside)
    lang_option: bool = True  # init has no --lang (its --language is the new portfolio's): $PACTWATCH_LANG


def _link(to: Path, at: Path) -> Path:
    at.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(to, at)
    return at


def _file(path: Path, content: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _bytes(path: Path) -> Path:
    path.write_bytes(b'{"a": "\xff"}')
    return path


def _event(tmp: Path, content: str) -> str:
    return str(_file(tmp / "event.json", content))


CASES = {
    "output protected": Case("error.output.protected", 2, lambda r, t: ["feeds", "--root", str(r), "-o", str(r / "contracts")]),
    "output not ours": Case(
        "error.output.not_ours", 2, lambda r, t: ["feeds", "--root", str(r), "-o", str(_file(t / "mine" / "a")).rsplit("/", 1)[0]]
    ),
    "output a link": Case(
        "error.output.link", 2, lambda r, t: ["feeds", "--root", str(r), "-o", str(_link(_file(t / "o/a").parent, t / "elsewhere"))]
    ),
    "own template a link": Case(
        "error.own_file.link",
        1,
        lambda r, t: ["new", "--list", "--root", str(r)] if _link(_file(t / "s"), r / "templates/contracts/x.yaml.j2") else [],
    ),
    "own template a pipe": Case(
        "error.own_file.special", 1, lambda r, t: ["new", "--list", "--root", str(r)] if _fifo(r / "templates/contracts/x.yaml.j2") else []
    ),
    "cannot write": Case("error.cannot_write", 1, lambda r, t: ["export", "--root", str(r), "-o", str(_file(t / "f") / "ledger.csv")]),
    "bad epoch": Case(
        "error.env.timestamp", 2, lambda r, t: ["feeds", "--root", str(r), "-o", str(t / "out")], (("SOURCE_DATE_EPOCH", "soon"),)
    ),
    "bad jobs": Case("error.env.jobs", 2, lambda r, t: ["validate", "--root", str(r)], (("PACTWATCH_JOBS", "many"),)),
    "bad --value": Case("error.option.value", 2, lambda r, t: ["new", "sales", "--id", "C-9", "--value", "lots", "--root", str(r)]),
    "bad --name": Case(
        "error.init.name", 2, lambda r, t: ["init", str(t / "new"), "--name", "a\tb", "--timezone", "UTC"], lang_option=False
    ),
    "bad --max-size": Case("error.build.size", 2, lambda r, t: ["build", "--root", str(r), "--max-size", "huge"], click=True),
    "bad --timezone": Case(
        "error.init.timezone", 2, lambda r, t: ["init", str(t / "new"), "--timezone", "Mars/Olympus"], click=True, lang_option=False
    ),
    "bad --pactwatch-from": Case(
        "error.init.source", 2, lambda r, t: ["init", str(t / "new"), "--pactwatch-from", "ftp://x"], click=True, lang_option=False
    ),
    "event not utf-8": Case("error.event.not_utf8", 2, lambda r, t: ["chatops", "--root", str(r), "--event", str(_bytes(t / "e.json"))]),
    "event missing": Case("error.event.unreadable", 2, lambda r, t: ["chatops", "--root", str(r), "--event", str(t / "none.json")]),
    "event not json": Case("error.event.not_json", 2, lambda r, t: ["chatops", "--root", str(r), "--event", _event(t, "{")]),
    "event a list": Case("error.event.not_object", 2, lambda r, t: ["chatops", "--root", str(r), "--event", _event(t, json.dumps([]))]),
    "mkdocs.yml a list": Case(
        "error.site.mkdocs_config", 1, lambda r, t: ["build", "--root", str(r)] if _file(r / "mkdocs.yml", "- a\n") else []
    ),
}


@contextmanager
def _busy(tmp: Path, root: Path) -> Iterator[list[str]]:
    with claim(tmp / "out", root):
        yield ["feeds", "--root", str(root), "-o", str(tmp / "out")]


@contextmanager
def _taken_port() -> Iterator[list[str]]:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield ["serve", "--port", str(taken.getsockname()[1])]


def _fixed_part(message_id: str, language: str) -> str:
    """The longest piece of the entry that is not a fact: it shows the line was made from this entry."""
    entry = CATALOGUE[message_id].pick(language)
    return max((literal for literal, *_ in string.Formatter().parse(entry)), key=len).strip()


_TYPED = [
    re.compile(p)
    for p in (
        r"`[^`\n]+`",  # code spans: what the user types, as it is typed
        r"「[^」]*」",  # values the user gave, quoted in Chinese
        r"/[^\s「」：，（）()',]+",  # paths the user gave
        r"--[a-z-]+",  # options and
        r"\b[A-Z][A-Z_]+\b",  # environment variables the user sets
        r"'[^']*'",  # values quoted in English
    )
]


def _check(result: CliResult, message_id: str, code: int, language: str, user: list[str], click: bool = False) -> None:
    assert result.code == code, result.err
    line = result.err.splitlines()[-1] if click else result.err  # click: "Usage: …", then "Error: Invalid value for …: ours"
    assert line.startswith("Error: " if click else "pactwatch: ") and (click or line.count("\n") == 1), result.err
    assert _fixed_part(message_id, language) in line
    ours = line.split(": ", 2)[-1] if click else line  # click's own framing is English in both languages
    for pattern in _TYPED:
        ours = pattern.sub(" ", ours)
    assert foreign_words(ours, language, user) == [], result.err


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_each_error_in_the_run_language(
    run_cli: Run, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, language: str
) -> None:
    case = CASES[name]
    for key, value in case.env:
        monkeypatch.setenv(key, value)
    if not case.lang_option:
        monkeypatch.setenv("PACTWATCH_LANG", language)
    result = run_cli(*case.args(example, tmp_path), *(["--lang", language] if case.lang_option else []))
    _check(result, case.id, case.code, language, [*(v for _, v in case.env), "lots", "huge", "Mars/Olympus", "ftp://x"], case.click)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_folder_being_written_and_a_taken_port(run_cli: Run, example: Path, tmp_path: Path, language: str) -> None:
    with _busy(tmp_path, example) as args:
        _check(run_cli(*args, "--lang", language), "error.output.busy", 1, language, [])
    with _taken_port() as args:
        result = run_cli(*args, "--root", example, "--lang", language)
    _check(result, "error.serve.listen", 1, language, [])


def test_without_lang_an_error_after_the_settings_speaks_the_portfolio_language(run_cli: Run, example: Path, tmp_path: Path) -> None:
    """The example portfolio says `language: zh`: an error raised once the settings are read is in zh, whatever the locale."""
    result = run_cli("feeds", "--root", example, "-o", example / "contracts")
    _check(result, "error.output.protected", 2, "zh", [])


# Modules whose one-line errors come from the catalogue: a user-facing error raised with a sentence (an f-string, or
# a string with spaces) would be English again. Errors meant for a developer (a bug, never the user's doing) are
# allowed by module and line text.
CONVERTED = (
    "outdir.py",
    "fileio.py",
    "errors.py",
    "safefs.py",
    "resources.py",
    "parallel.py",
    "ledger/templates.py",
    "ical/output.py",
    "site/build.py",
    "site/tree.py",
    "site/mkdocs_run.py",
    "site/mkdocs_config.py",
    "scaffold.py",
    *sorted(p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "commands").glob("*.py")),
)
USER_FACING = frozenset(("PactwatchError", "UsageError", "OSFailure", "BadParameter"))
FOR_DEVELOPERS = {
    ("scaffold.py", "template error"): "a shipped templates/init file that does not render: a bug in pactwatch, in English for the report",
    ("scaffold.py", "would not validate"): "the scaffold pactwatch ships has findings: a bug report, in English",
}


def _english_raises(relative: str) -> Iterator[tuple[str, int]]:
    tree = ast.parse((PACKAGE / relative).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        first = node.exc.args[0]
        words = isinstance(first, ast.JoinedStr) or (
            isinstance(first, ast.Constant) and isinstance(first.value, str) and " " in first.value
        )
        said = ast.unparse(first)
        if name in USER_FACING and words and not any(m == relative and part in said for m, part in FOR_DEVELOPERS):
            yield name, node.lineno


@pytest.mark.parametrize("relative", CONVERTED)
def test_no_english_sentence_is_raised(relative: str) -> None:
    assert list(_english_raises(relative)) == [], f"{relative}: word the error from the catalogue (pactwatch.catalogue.msg)"
