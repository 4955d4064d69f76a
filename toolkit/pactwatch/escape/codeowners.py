"""Paths as CODEOWNERS patterns: anchored at the repository root, with spaces and glob characters escaped.

GitHub reads ``#`` as a comment, a space as the end of the pattern and ``* ? [ ] !`` as globs, so a
file named ``a b.yaml`` or ``*.yaml`` would otherwise match other files (or none).
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\ #*?\[\]!])")


def pattern(path: str) -> str:
    """A path as a CODEOWNERS pattern anchored at the repository root; spaces and specials escaped."""
    return "/" + _SPECIAL.sub(r"\\\1", path.lstrip("/"))
