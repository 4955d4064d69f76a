"""CODEOWNERS patterns: anchored at the root, spaces, comments and globs escaped."""

from __future__ import annotations

import pytest

from pactwatch.escape.codeowners import pattern


def test_paths_are_anchored_and_escaped() -> None:
    assert pattern("contracts/a b/#1[x].yaml") == r"/contracts/a\ b/\#1\[x\].yaml"


@pytest.mark.parametrize("name", ["a\nb.yaml", "a\rb.yaml", "a\u2028b.yaml", "a\x00b.yaml"])
def test_a_line_break_cannot_be_escaped_so_it_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="no CODEOWNERS pattern"):
        pattern(name)
