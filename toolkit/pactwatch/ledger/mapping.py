"""--mapping FILE: a small YAML file naming the column that holds each field.

    # field: column header (or a list of headers)
    id: 合同流水号
    title: 合同名
    counterparty: [甲方单位, 客户全称]
    due: 约定付款日

Mapped headers win over the built-in vocabulary; every other header is still
recognised as usual.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from pactwatch.errors import UsageError
from pactwatch.findings import Finding
from pactwatch.ledger.headers import FIELDS, Field, mapping_table
from pactwatch.load.yaml import load_bytes


def load_mapping(path: Path, language: str) -> dict[str, Field]:
    """{folded header: field}; UsageError with the file's line for anything else."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the mapping file {path}: {exc.strerror}") from None
    loaded = load_bytes(path.name, raw)
    if isinstance(loaded, Finding):
        raise UsageError(f"{path}:{loaded.line}:{loaded.column}: {loaded.message_text(language)}")
    entries: dict[Field, tuple[str, ...]] = {}
    for key, value in loaded.data.items():
        line = loaded.locate(f"/{key}", key=True)[0]
        if key not in FIELDS:
            raise UsageError(f"{path}:{line}: {key!r} is not a field; fields are {', '.join(FIELDS)}")
        headers = value if isinstance(value, list) else [value]
        if not headers or not all(isinstance(h, str | int) and str(h).strip() for h in headers):
            raise UsageError(f"{path}:{line}: {key} needs a column header (text) or a list of them")
        entries[cast(Field, key)] = tuple(str(h) for h in headers)
    return mapping_table(entries)
