"""pactwatch serve: the preview is served on localhost, rebuilt when a contract changes, with live reload."""

from __future__ import annotations

import ctypes
import gc
import importlib.util
import os
import sys
import urllib.request
from pathlib import Path

import pytest

from pactwatch.site.serve import RELOAD_PATH, Preview, snapshot
from tests.site.conftest import REPO_ROOT, TODAY, copy_example


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def test_preview_rebuilds_when_a_contract_changes(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    preview = Preview(root, lambda: (TODAY, None), port=0)
    try:
        preview.start()
        page = fetch(preview.url + "contracts/C-2026-001.html")
        assert "年度智能分拣设备销售合同" in page
        assert RELOAD_PATH in page  # the live-reload script
        assert fetch(preview.url + RELOAD_PATH.lstrip("/")) == "1"
        assert not preview.changed()
        source = root / "contracts" / "sales" / "C-2026-001.yaml"
        source.write_text(
            source.read_text(encoding="utf-8").replace("年度智能分拣设备销售合同", "年度分拣设备销售合同（修订）"), encoding="utf-8"
        )
        assert preview.changed()
        preview.rebuild()
        assert "年度分拣设备销售合同（修订）" in fetch(preview.url + "contracts/C-2026-001.html")
        assert fetch(preview.url + RELOAD_PATH.lstrip("/")) == "2"
        assert fetch(preview.url + "calendar/all.ics").startswith("BEGIN:VCALENDAR")
    finally:
        preview.stop()
    assert not preview.site.exists()


def test_snapshot_watches_the_data_files(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    before = snapshot(root)
    assert str(root / "people.yaml") in before and str(root / "pactwatch.yml") in before
    assert any("C-2026-001.yaml" in path for path in before)
    (root / "templates").mkdir()
    (root / "templates" / "x.html").write_text("x", encoding="utf-8")
    assert snapshot(root) != before


def generated(root: Path, contracts: int) -> Path:
    """A portfolio from benchmarks/generate.py (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("pactwatch_benchmark_generate", REPO_ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    module.generate(root, contracts=contracts, milestones=10, seed=1)
    return root


def resident_bytes() -> int:
    """This process's resident memory once every unreachable cycle is collected and freed memory given back."""
    gc.collect()
    libc = ctypes.CDLL(None)
    if hasattr(libc, "malloc_trim"):  # glibc keeps freed heap memory: without this, RSS measures fragmentation
        libc.malloc_trim(0)
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads resident memory from /proc (Linux)")
def test_rebuilds_do_not_accumulate_memory(tmp_path: Path) -> None:
    # serve rebuilds for hours: each rebuild's objects must go (gc.freeze() kept them all: +27 MB a rebuild here)
    preview = Preview(generated(tmp_path / "p", 300), lambda: (TODAY, None), port=0)
    try:
        preview.rebuild()
        preview.rebuild()
        settled = resident_bytes()
        for _ in range(18):
            preview.rebuild()
        grown = resident_bytes() - settled
    finally:
        preview.stop()
    assert grown <= settled // 10, f"{grown / 1e6:.0f} MB more after 20 rebuilds than after 2 ({settled / 1e6:.0f} MB)"


def test_the_command_speaks_the_portfolio_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What serve prints is the catalogue's, in the portfolio's language (it was English from the code)."""
    from click.testing import CliRunner

    from pactwatch.commands import serve as command

    class Stopped(Preview):
        def start(self) -> None:
            raise KeyboardInterrupt  # as Ctrl-C right after starting

    monkeypatch.setattr("pactwatch.site.serve.Preview", Stopped)
    root = copy_example(tmp_path / "portfolio")
    result = CliRunner().invoke(command.serve, ["--root", str(root), "--port", "0", "--today", TODAY.isoformat()])
    assert result.output.strip() == "已停止。", result.output
