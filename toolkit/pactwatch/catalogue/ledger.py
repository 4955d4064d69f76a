"""Catalogue entries: ledger."""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {}
