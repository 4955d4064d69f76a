"""The cache holds data only: whatever sits in its files, nothing runs and no command fails.

v1 unpickled ``.pactwatch-cache/*.pickle`` from the checkout, so a pull request
that force-added a crafted pickle ran code in the validate job. Each case below
puts a hostile or broken file where the cache reads, then runs real commands:
their output must equal a clean run's, the planted code must not have run, and
``-v`` must say the file was ignored.
"""

from __future__ import annotations

import json
import os
import pickle
import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
import pytest

from pactwatch.load.store import cache_dir

if TYPE_CHECKING:
    from conftest import CliResult

    RunCli = Callable[..., CliResult]

REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE_FILES = ("index.msgpack", "results.msgpack", "snapshot.msgpack", "parsed.msgpack")


class _RunsCode:
    """A pickle that, when loaded, creates the file named ``marker`` (the attack of v1)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _key_of(path: Path) -> str:
    key, _ = msgspec.msgpack.decode(path.read_bytes())
    assert isinstance(key, str)
    return key


def _plant(kind: str, path: Path, marker: Path) -> None:
    """Replace the cache file at ``path`` with one hostile ``kind`` of content."""
    key = _key_of(path)
    path.unlink()
    if kind == "pickle with __reduce__":
        path.write_bytes(pickle.dumps(_RunsCode(marker)))
    elif kind == "random bytes":
        path.write_bytes(random.Random(7).randbytes(4096))
    elif kind == "zero-length file":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(msgspec.msgpack.encode((key, {"contracts/x.yaml": ["d" * 32, None]}))[:-5])
    elif kind == "symlink to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "valid-looking file with wrong types":
        wrong = {"contracts/a.yaml": [12, "not a signature"], "runs": {"k": [{"code": 1}]}}
        path.write_bytes(msgspec.msgpack.encode((key, [wrong, {"k": [[1, 2, 3]]}])))
    elif kind == "a pickle under the right key":
        path.write_bytes(msgspec.msgpack.encode((key, msgspec.msgpack.Ext(1, pickle.dumps(_RunsCode(marker))))))
    elif kind == "owned by another user":
        path.write_bytes(b"")
        os.chown(path, 65534, 65534)
    else:
        raise AssertionError(kind)


KINDS = [
    "pickle with __reduce__",
    "random bytes",
    "zero-length file",
    "truncated",
    "symlink to /dev/zero",
    "valid-looking file with wrong types",
    "a pickle under the right key",
]
if hasattr(os, "geteuid") and os.geteuid() == 0:
    KINDS.append("owned by another user")  # only root can make a file someone else owns


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def _outputs(run_cli: RunCli, root: Path) -> tuple[tuple[int, str], ...]:
    runs = (
        ("validate", "--root", root, "--format", "json"),
        ("status", "--root", root, "--format", "json", "--all"),
        ("check", "--root", root, "--format", "json"),
    )
    return tuple((result.code, result.out) for result in (run_cli(*args) for args in runs))


@pytest.mark.parametrize("name", CACHE_FILES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_cache_file_never_runs_and_never_fails_a_command(
    kind: str, name: str, example: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    clean = _outputs(run_cli, example)
    assert json.loads(clean[0][1]) == {"findings": []}
    path = cache_dir(example, os.environ) / name
    assert path.is_file()
    marker = tmp_path / "the-pickle-ran"
    _plant(kind, path, marker)
    one_file = example / "contracts" / "sales" / "C-2026-001.yaml"
    assert one_file.is_file()
    verbose = [  # another day, then a single file: the index, the snapshot and the per-file results are each read
        run_cli("validate", "--root", example, "-v", "--today", "2026-11-28"),
        run_cli("validate", "--root", example, "-v", one_file),
    ]
    assert [result.code for result in verbose] == [0, 0]
    errors = "".join(result.err for result in verbose)
    assert "Traceback" not in errors
    if name != "parsed.msgpack":  # read by the commands that evaluate (status, check), which have no -v
        assert f"cache file {path} ignored and rebuilt" in errors, errors
    assert _outputs(run_cli, example) == clean
    assert not marker.exists()
    assert path.is_file() and not path.is_symlink()  # rebuilt as a regular file of ours
    assert msgspec.msgpack.decode(path.read_bytes())[0] == _key_of(path)


def test_a_cache_in_the_checkout_is_never_read(example: Path, run_cli: RunCli, tmp_path: Path) -> None:
    """v1's folder, force-added by a pull request: pactwatch no longer looks there at all."""
    marker = tmp_path / "the-pickle-ran"
    planted = example / ".pactwatch-cache"
    planted.mkdir()
    for name in ("index.pickle", "results.pickle", "snapshot.pickle", "parsed.pickle", *CACHE_FILES):
        (planted / name).write_bytes(pickle.dumps(_RunsCode(marker)))
    for _ in range(2):  # cold, then warm
        assert [code for code, _ in _outputs(run_cli, example)] == [0, 0, 1]
    assert not marker.exists()
    assert sorted(p.name for p in planted.iterdir()) == sorted(
        ["index.pickle", "results.pickle", "snapshot.pickle", "parsed.pickle", *CACHE_FILES]
    )


def test_the_cache_lives_in_the_users_cache_folder(example: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PACTWATCH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = cache_dir(example, os.environ)
    assert folder.parent == tmp_path / "xdg" / "pactwatch"
    assert cache_dir(example / "contracts" / "..", os.environ) == folder  # one folder per portfolio, however it is named
    assert cache_dir(tmp_path, os.environ) != folder
    monkeypatch.setenv("PACTWATCH_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir(example, os.environ).parent == tmp_path / "mine"


def test_a_cache_folder_that_is_a_link_is_not_written_through(example: Path, run_cli: RunCli, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = cache_dir(example, os.environ)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(elsewhere)
    result = run_cli("validate", "--root", example, "-v")
    assert result.code == 0
    assert "is a link" in result.err
    assert list(elsewhere.iterdir()) == []


def test_records_round_trip_through_the_cache_format(example: Path) -> None:
    from datetime import date

    from pactwatch.load.portfolio import FileResult, load_portfolio
    from pactwatch.load.store import decode, encode

    loaded = load_portfolio(example, date(2026, 11, 27), use_cache=False)
    for contract in loaded.portfolio.contracts:
        result = FileResult(contract.source, "digest", loaded.findings, contract)
        assert decode(encode(result), FileResult) == result
    assert decode(encode(loaded.portfolio.settings), type(loaded.portfolio.settings)) == loaded.portfolio.settings
    assert decode(encode(list(loaded.portfolio.people.values())), list[type(next(iter(loaded.portfolio.people.values())))]) == list(
        loaded.portfolio.people.values()
    )
