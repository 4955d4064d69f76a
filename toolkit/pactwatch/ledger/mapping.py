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

from pactwatch.catalogue import text
from pactwatch.errors import UsageError
from pactwatch.findings import Finding
from pactwatch.ledger.headers import FIELDS, Field, mapping_table
from pactwatch.load.yaml import load_bytes


def load_mapping(path: Path, language: str) -> dict[str, Field]:
    """{folded header: field}; UsageError with the file's line for anything else."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(text("ledger.mapping.cannot_read", language, path=path, reason=exc.strerror)) from None
    loaded = load_bytes(path.name, raw)
    if isinstance(loaded, Finding):
        said = loaded.message_text(language)
        raise UsageError(text("ledger.mapping.at", language, path=path, line=loaded.line, column=loaded.column, message=said))
    entries: dict[Field, tuple[str, ...]] = {}
    for key, value in loaded.data.items():
        line = loaded.locate(f"/{key}", key=True)[0]
        if key not in FIELDS:
            raise UsageError(text("ledger.mapping.not_a_field", language, path=path, line=line, key=key, fields=", ".join(FIELDS)))
        headers = value if isinstance(value, list) else [value]
        if not headers or not all(isinstance(h, str | int) and str(h).strip() for h in headers):
            raise UsageError(text("ledger.mapping.needs_header", language, path=path, line=line, key=key))
        entries[cast(Field, key)] = tuple(str(h) for h in headers)
    return mapping_table(entries)
