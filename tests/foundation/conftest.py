"""Fixtures for the foundation tests: a process umask set for one test and restored after it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

MODES = {0o022: 0o644, 0o027: 0o640}  # umask -> the mode a new file gets (0o666 less the umask), as an editor makes it


@pytest.fixture(params=sorted(MODES), ids=lambda mask: f"umask{mask:03o}")
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Runs the test under umask 022 and again under 027; yields the umask."""
    before = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(before)
