"""CODEOWNERS patterns: anchored at the root, spaces, comments and globs escaped."""

from __future__ import annotations

from pactwatch.escape.codeowners import pattern


def test_paths_are_anchored_and_escaped() -> None:
    assert pattern("contracts/a b/#1[x].yaml") == r"/contracts/a\ b/\#1\[x\].yaml"
