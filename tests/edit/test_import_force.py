"""import --force goes through the editor: an unchanged ledger changes no byte, a changed cell changes one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO_ROOT, CliResult

Run = Callable[..., CliResult]
SOURCE = "contracts/sales/C-2026-001.yaml"


def _hand_edited(root: Path) -> bytes:
    """The contract as a person keeps it: a BOM, CRLF, an extra comment and a quoted key."""
    path = root / SOURCE
    text = path.read_text(encoding="utf-8").replace("status: active\n", "status: active   # 履行中\n")
    text = text.replace("  - id: M2\n", "  # 交付\n  - 'id': M2\n")
    raw = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    path.write_bytes(raw)
    return raw


def _all_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "contracts").rglob("*.yaml"))}


def test_reimporting_an_unchanged_ledger_changes_no_byte(run_cli: Run, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(REPO_ROOT)
    _hand_edited(root)
    before = _all_bytes(root)
    ledger = root.parent / "ledger.xlsx"
    assert run_cli("export", "--root", root, "-o", ledger).code == 0
    assert run_cli("import", ledger, "--root", root, "--force").code == 0
    assert _all_bytes(root) == before


def test_a_changed_cell_changes_its_line_only(run_cli: Run, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(REPO_ROOT)
    raw = _hand_edited(root)
    ledger = root.parent / "ledger.csv"
    assert run_cli("export", "--root", root, "-o", ledger).code == 0
    csv = ledger.read_text(encoding="utf-8-sig")
    assert csv.count("签收单 SH-20260612-03") == 1
    ledger.write_text(csv.replace("签收单 SH-20260612-03", "签收单 SH-20260612-04"), encoding="utf-8-sig")
    result = run_cli("import", ledger, "--root", root, "--force")
    assert result.code == 0, result.err
    expected = raw.replace("签收单 SH-20260612-03".encode(), "签收单 SH-20260612-04".encode())
    assert (root / SOURCE).read_bytes() == expected
