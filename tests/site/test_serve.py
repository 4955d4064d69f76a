"""pactwatch serve: the preview is served on localhost, rebuilt when a contract changes, with live reload."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from pactwatch.site.serve import RELOAD_PATH, Preview, snapshot
from tests.site.conftest import TODAY, copy_example


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def test_preview_rebuilds_when_a_contract_changes(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    preview = Preview(root, lambda: TODAY, port=0)
    try:
        preview.start()
        page = fetch(preview.url + "contracts/C-2026-001/")
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
        assert "年度分拣设备销售合同（修订）" in fetch(preview.url + "contracts/C-2026-001/")
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
