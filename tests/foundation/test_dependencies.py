"""`pip install pactwatch` without [test] runs every command: the package never imports a test-only library.

References the fast paths are checked against (icalendar for the feed writer) live in tests/, and
their libraries in the ``test`` extra of pyproject.toml. The scan reads imports off the source with ast.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "toolkit" / "pactwatch"


def _distributions(specs: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0].lower() for spec in specs}


def libraries_for_tests_only() -> frozenset[str]:
    """Import names of the ``test`` extra's libraries that are not runtime dependencies (``types-*`` stubs import nothing)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = _distributions(project["optional-dependencies"]["test"]) - _distributions(project["dependencies"])
    return frozenset(name.replace("-", "_") for name in extra if not name.startswith("types-"))


def imports_of(source: str, forbidden: frozenset[str]) -> list[str]:
    """``line: module`` for every absolute import (anywhere, also inside functions) of a ``forbidden`` top-level package."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found += [f"{node.lineno}: {m}" for m in modules if m.split(".")[0] in forbidden]
    return found


def test_the_package_never_imports_a_test_only_library() -> None:
    forbidden = libraries_for_tests_only()
    assert {"icalendar", "vobject", "hypothesis", "pytest"} <= forbidden
    assert "jinja2" not in forbidden  # a runtime dependency stays allowed
    modules = sorted(PACKAGE.rglob("*.py"))
    assert modules, "no modules found: is PACKAGE right?"
    hits = [f"{p.relative_to(PACKAGE)}:{hit}" for p in modules for hit in imports_of(p.read_text(encoding="utf-8"), forbidden)]
    assert hits == []


@pytest.mark.parametrize(
    "source",
    ["import icalendar\n", "from icalendar.cal import Event\n", "def f():\n    import vobject.base\n", "import os, icalendar as ical\n"],
)
def test_the_scan_sees_every_spelling(source: str) -> None:
    assert imports_of(source, libraries_for_tests_only())
