"""Layering, read off the source with ast: library code never imports the commands; the engine reads no process-global state."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "toolkit" / "pactwatch"
EDGES = ("commands/", "cli.py")  # the only modules allowed to import pactwatch.commands

# Process-global state the engine must be given instead of reading (the clock, the environment, argv, the collector).
GLOBAL_MODULES = frozenset({"gc", "pactwatch.gcpause"})
GLOBAL_ATTRIBUTES = frozenset(
    {
        ("os", "environ"),
        ("os", "getenv"),
        ("time", "time"),
        ("time", "monotonic"),
        ("datetime", "now"),
        ("datetime", "utcnow"),
        ("datetime", "today"),
        ("date", "today"),
        ("sys", "argv"),
    }
)


def _modules(under: Path) -> list[Path]:
    return sorted(under.rglob("*.py"))


def _imported(tree: ast.AST, relative: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every import, relative ones made absolute, ``from X import y`` also as ``X.y``."""
    package = ["pactwatch", *relative.parent.parts]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[: len(package) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            yield node.lineno, base
            yield from ((node.lineno, f"{base}.{alias.name}") for alias in node.names)


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(f"{package}.")


def commands_imports(source: str, relative: Path) -> list[str]:
    """Imports of pactwatch.commands in one module (``relative`` to the package folder)."""
    tree = ast.parse(source, filename=str(relative))
    return [f"{relative}:{line}: {m}" for line, m in _imported(tree, relative) if _within(m, "pactwatch.commands")]


def global_state_reads(source: str, relative: Path) -> list[str]:
    """Reads of the clock, the environment, argv or the garbage collector in one module."""
    tree = ast.parse(source, filename=str(relative))
    imports = list(_imported(tree, relative))
    found = [f"{relative}:{line}: import {m}" for line, m in imports if any(_within(m, g) for g in GLOBAL_MODULES)]
    found += [f"{relative}:{line}: from {m}" for line, m in imports if tuple(m.split(".")[-2:]) in GLOBAL_ATTRIBUTES]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value.id if isinstance(node.value, ast.Name) else node.value.attr if isinstance(node.value, ast.Attribute) else ""
        if (owner, node.attr) in GLOBAL_ATTRIBUTES:  # os.environ, date.today, datetime.datetime.now
            found.append(f"{relative}:{node.lineno}: {owner}.{node.attr}")
    return found


def _scan(paths: list[Path], scan: Callable[[str, Path], list[str]]) -> list[str]:
    return [hit for path in paths for hit in scan(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE))]


def test_library_layers_never_import_the_commands() -> None:
    library = [p for p in _modules(PACKAGE) if not p.relative_to(PACKAGE).as_posix().startswith(EDGES)]
    assert len(library) > 50, "too few modules found: is PACKAGE right?"
    assert _scan(library, commands_imports) == []


def test_the_engine_reads_no_process_global_state() -> None:
    engine = _modules(PACKAGE / "engine")
    assert len(engine) > 3, "too few engine modules found"
    assert _scan(engine, global_state_reads) == []


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("from pactwatch.commands.alerts import resolve_repository\n", "notify/run.py"),
        ("def f():\n    from ..commands import common\n", "notify/run.py"),
        ("from pactwatch import commands\n", "site/build.py"),
        ("import pactwatch.commands.common\n", "report.py"),
    ],
)
def test_the_commands_scan_sees_every_spelling(source: str, where: str) -> None:
    assert commands_imports(source, Path(where))


def test_the_commands_scan_passes_library_imports() -> None:
    assert (
        commands_imports("from pactwatch.github.repository import resolve_repository\nfrom ..common import x\n", Path("notify/run.py"))
        == []
    )


@pytest.mark.parametrize(
    "source",
    [
        "import os\nx = os.environ['HOME']\n",
        "import os\nx = os.getenv('HOME')\n",
        "from os import environ\n",
        "import time\nnow = time.time()\n",
        "from datetime import date\ntoday = date.today()\n",
        "import datetime\nnow = datetime.datetime.now()\n",
        "import gc\n",
        "from pactwatch.gcpause import paused\n",
        "from ..gcpause import paused\n",
        "import sys\nargs = sys.argv\n",
    ],
)
def test_the_global_state_scan_sees_every_spelling(source: str) -> None:
    assert global_state_reads(source, Path("engine/states.py"))


def test_the_global_state_scan_passes_a_clock_given_as_an_argument() -> None:
    assert (
        global_state_reads(
            "from datetime import date, timedelta\ndef f(today: date) -> date:\n    return today + timedelta(1)\n", Path("engine/x.py")
        )
        == []
    )
