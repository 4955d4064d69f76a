"""The file side of the bridge: where contracts go, the schema modeline, atomic writes."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path, PurePosixPath

from pactwatch.fileio import write_atomic
from pactwatch.load.portfolio import CONTRACTS_DIR, discover
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


def atomic_write(path: Path, text: str) -> None:
    """Write text (UTF-8, LF) atomically: readers see the old file or the new one, never half."""
    write_atomic(path, text.encode("utf-8"))


def create_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, never clobbering one that appears meanwhile (FileExistsError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        try:
            os.link(temp, path)  # atomic, and fails when the name is taken
        except OSError as exc:
            if isinstance(exc, FileExistsError):
                raise
            with open(path, "x", encoding="utf-8", newline="\n") as out:  # no hard links here: exclusive create
                out.write(text)
    finally:
        Path(temp).unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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
