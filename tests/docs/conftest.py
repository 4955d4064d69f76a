"""The documentation site (docs/), built once per session for the build and browser tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS = REPO_ROOT / "docs"
CONTENT = DOCS / "content"


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of docs/mkdocs.yml, as .ci/run and the Pages workflow run it."""
    site = tmp_path_factory.mktemp("docs-site")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(DOCS / "mkdocs.yml"), "-d", str(site)]
    done = subprocess.run(mkdocs, capture_output=True, text=True, check=False, env={"NO_MKDOCS_2_WARNING": "1", **_env()})
    assert done.returncode == 0, done.stdout + done.stderr
    return site


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)
