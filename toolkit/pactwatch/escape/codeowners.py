"""Paths as CODEOWNERS patterns: anchored at the repository root, with spaces and glob characters escaped.

GitHub reads ``#`` as a comment, a space as the end of the pattern and ``* ? [ ] !`` as globs, so a
file named ``a b.yaml`` or ``*.yaml`` would otherwise match other files (or none). A line break
cannot be escaped at all (it would start a new rule), so a name holding a control character has no
pattern: ValueError.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\ #*?\[\]!])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def pattern(path: str) -> str:
    """A path as a CODEOWNERS pattern anchored at the repository root; spaces and specials escaped."""
    if _CONTROL.search(path):
        raise ValueError(f"no CODEOWNERS pattern can name {path!r}")
    return "/" + _SPECIAL.sub(r"\\\1", path.lstrip("/"))
