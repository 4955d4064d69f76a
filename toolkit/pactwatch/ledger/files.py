"""The file side of the bridge: where contracts go, the schema modeline, the rows a file came from."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

from pactwatch.load.files import CONTRACTS_DIR, discover
from pactwatch.resources import data_dir

SCHEMA_FILE = "contract.schema.json"


def existing_contracts(root: Path) -> dict[str, str]:
    """Contract id (file stem) -> its root-relative path, for every contract file already there."""
    found: dict[str, str] = {}
    for source in discover(root) if (root / CONTRACTS_DIR).is_dir() else []:
        found.setdefault(PurePosixPath(source).stem, source)
    return found


def target(contract_id: str, contract_type: str, existing: dict[str, str]) -> str:
    """Where a contract is written: its existing file, else contracts/<type>/<id>.yaml (as the examples are laid out)."""
    return existing.get(contract_id, f"{CONTRACTS_DIR}/{contract_type}/{contract_id}.yaml")


def schema_ref(root: Path, source: str) -> str:
    """The modeline's schema: the portfolio's schema/ folder relative to the file, else the schema's public id."""
    if (root / "schema" / SCHEMA_FILE).is_file():
        return os.path.relpath(root / "schema" / SCHEMA_FILE, (root / source).parent).replace(os.sep, "/")
    schema = json.loads((data_dir("schema") / SCHEMA_FILE).read_text(encoding="utf-8"))
    return str(schema["$id"])


def describe_rows(file: str, rows: tuple[tuple[str, int, bool], ...]) -> str:
    """'ledger.xlsx: 合同台账 row 3; 付款节点 rows 2-6' for the file's header comment."""
    by_sheet: dict[str, list[int]] = {}
    csv = False
    for sheet, row, is_csv in rows:
        by_sheet.setdefault(sheet, []).append(row)
        csv = csv or is_csv
    parts = []
    for sheet, numbers in by_sheet.items():
        spans = _spans(sorted(set(numbers)))
        label = "row" if len(spans) == 1 and "-" not in spans[0] else "rows"
        parts.append(f"{label} {', '.join(spans)}" if csv else f"{sheet} {label} {', '.join(spans)}")
    return f"{file}: {'; '.join(parts)}"


def _spans(numbers: list[int]) -> list[str]:
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return spans
