"""Reading .xlsx and .csv in the encodings Excel writes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pactwatch.errors import PactwatchError, UsageError
from pactwatch.ledger.readers import decode, read_ledger
from tests.ledger.conftest import DATA

ROWS = "合同编号,合同名称\r\nC-1,设备采购\r\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (ROWS.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ROWS.encode("utf-8"), "utf-8-sig"),
        (ROWS.encode("gb18030"), "gb18030"),
        (ROWS.encode("gbk"), "gb18030"),
        (ROWS.encode("utf-16"), "utf-16"),
    ],
)
def test_encodings(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "ledger.csv"
    path.write_bytes(raw)
    (table,) = read_ledger(path, (), "en")
    assert table.encoding == encoding
    assert table.rows == (("合同编号", "合同名称"), ("C-1", "设备采购"))


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_delimiters(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text(ROWS.replace(",", delimiter), encoding="utf-8")
    assert read_ledger(path, (), "en")[0].rows[1] == ("C-1", "设备采购")


def test_undecodable_bytes() -> None:
    with pytest.raises(PactwatchError, match="neither UTF-8 nor GB18030"):
        decode(b"\x81\x20\xff\xfe\x80", "x.csv")


def test_the_shipped_ledgers() -> None:
    (gb,) = read_ledger(DATA / "ledger-per-milestone-gb18030.csv", (), "en")
    assert gb.encoding == "gb18030" and gb.rows[1][0] == "JS-2026-07"
    (bom,) = read_ledger(DATA / "ledger-english-utf8-bom.csv", (), "en")
    assert bom.encoding == "utf-8-sig" and bom.rows[0][0] == "Contract No."
    contracts, milestones = read_ledger(DATA / "contract-ledger-2026.xlsx", (), "en")
    assert contracts.name == "合同台账" and contracts.rows[0][0] == "2026年合同台账（销售与采购）"
    assert contracts.rows[2][5] == datetime(2026, 1, 8)
    assert milestones.name == "付款节点"
    (only,) = read_ledger(DATA / "contract-ledger-2026.xlsx", ["付款节点"], "en")
    assert only.name == "付款节点"


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no sheet 'Nope'"):
        read_ledger(DATA / "contract-ledger-2026.xlsx", ["Nope"], "en")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UsageError, match=r"save it as \.xlsx"):
        read_ledger(tmp_path / "old.xls", (), "en")
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    with pytest.raises(PactwatchError, match="cannot be opened as an Excel workbook"):
        read_ledger(tmp_path / "fake.xlsx", (), "en")
    with pytest.raises(UsageError, match=r"a ledger is an \.xlsx workbook or a \.csv file"):
        read_ledger(tmp_path / "ledger.ods", (), "en")
    with pytest.raises(PactwatchError, match="cannot read"):
        read_ledger(tmp_path / "missing.csv", (), "en")
