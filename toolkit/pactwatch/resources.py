"""Where the shipped schemas and templates live.

In a wheel they are package data (``pactwatch/_data``); in a source checkout
(including an editable install) they are the repository's top-level folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The directory holding shipped ``schema`` or ``templates`` files."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pactwatch is installed without its {name}/ folder")
