"""Files a pull request can commit that are not plain files: links and special files are never read.

Each test is an attack on the reader (tests/examples/invalid/pw112-links is the example-corpus case):
a link to /proc/self/environ must not print the environment, a link to /dev/zero or a named pipe must not
hang or exhaust memory, a linked folder must not be walked, and a huge file is not read whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pactwatch.load.files import MAX_BYTES
from pactwatch.safefs import NotRegularFile, read_regular
from tests.conftest import REPO_ROOT

if TYPE_CHECKING:
    from conftest import CliResult

    RunCli = Callable[..., CliResult]
    WritePortfolio = Callable[..., Path]

PEOPLE = "people:\n  - {id: ann, name: Ann}\n"
SETTINGS = "timezone: Asia/Shanghai\n"  # a zone of its own: no PW355 among the findings compared
CONTRACT = (
    "id: C-1\ntitle: T\ntype: sales\nstatus: active\nowner: ann\ncounterparty: {name: ACME}\n"
    "milestones:\n  - {id: M1, title: D, kind: delivery, due: 2026-12-01, owner: ann}\n"
)
SECRET = "pw-secret-4f7a1c"


def _findings(run_cli: RunCli, root: Path) -> list[tuple[str, str, str]]:
    result = run_cli("validate", "--root", root, "--format", "json")
    assert result.code == 1, result.out + result.err
    return [(f["code"], f["file"], f["message"]) for f in json.loads(result.out)["findings"]]


def test_a_link_to_the_environment_does_not_print_it(
    write_portfolio: WritePortfolio, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACTWATCH_TEST_TOKEN", SECRET)
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE})
    os.symlink("/proc/self/environ", root / "contracts/C-1.yaml")
    result = run_cli("validate", "--root", root)
    assert SECRET not in result.out + result.err
    assert "contracts/C-1.yaml:1:1: error PW112 is a symbolic link" in result.out


def test_a_link_to_dev_zero_and_a_named_pipe_are_refused(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE})
    os.symlink("/dev/zero", root / "contracts/ZERO.yaml")
    os.mkfifo(root / "contracts/PIPE.yaml")  # opening it without O_NONBLOCK would wait for a writer forever
    assert _findings(run_cli, root) == [
        ("PW112", "contracts/PIPE.yaml", "is a named pipe, not a regular file"),
        ("PW112", "contracts/ZERO.yaml", "is a symbolic link"),
    ]


def test_linked_folders_are_reported_not_walked(write_portfolio: WritePortfolio, run_cli: RunCli, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "C-1.yaml").write_text(CONTRACT, encoding="utf-8")
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE})
    os.symlink(outside, root / "contracts/archive")
    assert _findings(run_cli, root) == [("PW112", "contracts/archive", "is a symbolic link")]


def test_a_linked_contracts_folder_is_refused(write_portfolio: WritePortfolio, run_cli: RunCli, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "C-1.yaml").write_text(CONTRACT, encoding="utf-8")
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE})
    os.rmdir(root / "contracts")
    os.symlink(outside, root / "contracts")
    assert _findings(run_cli, root) == [("PW112", "contracts", "is a symbolic link")]


def test_linked_people_and_settings_are_refused(write_portfolio: WritePortfolio, run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "real-people.yaml").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "real-settings.yml").write_text("timezone: UTC\n", encoding="utf-8")
    root = write_portfolio({"contracts/C-1.yaml": CONTRACT})
    os.symlink(tmp_path / "real-people.yaml", root / "people.yaml")
    assert ("PW112", "people.yaml", "is a symbolic link") in _findings(run_cli, root)
    os.symlink(tmp_path / "real-settings.yml", root / "pactwatch.yml")
    result = run_cli("validate", "--root", root)
    assert result.code == 2
    assert "pactwatch.yml:1:1: error PW112 is a symbolic link" in result.err


def test_a_huge_file_is_not_read_whole(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE})
    with open(root / "contracts/BIG.yaml", "wb") as handle:
        handle.truncate(8 * 1024**3)  # sparse: 8 GiB that a whole read would try to hold in memory
    assert _findings(run_cli, root) == [("PW102", "contracts/BIG.yaml", f"file is {8 * 1024**3:,} bytes; the limit is {MAX_BYTES:,}")]


def test_read_regular_reads_at_most_one_byte_past_the_limit(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 100)
    raw, info = read_regular(tmp_path, "f", 10)
    assert (raw, info.st_size) == (b"x" * 11, 100)
    os.symlink(tmp_path / "f", tmp_path / "link")
    with pytest.raises(NotRegularFile, match="is a symbolic link"):
        read_regular(tmp_path, "link", 10)
    os.symlink(tmp_path, tmp_path / "folder")
    with pytest.raises(NotRegularFile, match="folder on its path is a symbolic link"):
        read_regular(tmp_path, "folder/f", 10)


def test_a_linked_asset_or_template_is_refused_not_published(copy_portfolio: Callable[[Path], Path], run_cli: RunCli) -> None:
    """templates/ is reviewed as code, but a link in it would publish any file of the machine that builds."""
    root = copy_portfolio(REPO_ROOT)
    (root / "templates" / "site" / "assets").mkdir(parents=True)
    os.symlink("/etc/passwd", root / "templates" / "site" / "assets" / "x.css")
    result = run_cli("build", "--root", root, "--lang", "en")
    assert (result.code, result.err.count("\n")) == (1, 1), result.err
    assert "x.css is a symbolic link: a portfolio's own templates and files must be regular files" in result.err
    assert not list((root / ".pactwatch-build").rglob("x.css"))
    os.unlink(root / "templates" / "site" / "assets" / "x.css")
    os.symlink("/proc/self/environ", root / "templates" / "site" / "base.html")
    result = run_cli("build", "--root", root, "--lang", "en")
    assert result.code == 1
    assert "base.html is a symbolic link: a portfolio's own templates and files must be regular files" in result.err


def test_linked_issue_and_contract_templates_are_refused(copy_portfolio: Callable[[Path], Path], run_cli: RunCli, tmp_path: Path) -> None:
    """The alert issue templates and `new`'s contract templates are a portfolio's own code too: never read through a link."""
    root = copy_portfolio(REPO_ROOT)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=do-not-print\n", encoding="utf-8")
    (root / "templates" / "github").mkdir(parents=True)
    os.symlink(secret, root / "templates" / "github" / "alert-body.j2")
    result = run_cli("alerts", "--root", root, "--dry-run", "--offline", "--lang", "en")
    assert result.code == 1, result.err
    assert "alert-body.j2 is a symbolic link: a portfolio's own templates and files must be regular files" in result.err
    assert "do-not-print" not in result.out + result.err
    (root / "templates" / "contracts").mkdir(parents=True)
    os.symlink(secret, root / "templates" / "contracts" / "sales.yaml.j2")
    for args in (("new", "--list"), ("new", "sales", "--id", "C-9", "--owner", "li.na")):
        result = run_cli(*args, "--root", root, "--lang", "en")
        assert result.code == 1, (args, result.err)
        assert "sales.yaml.j2 is a symbolic link" in result.err
        assert "do-not-print" not in result.out + result.err
    assert not (root / "contracts" / "sales" / "C-9.yaml").exists()
