"""No inline language branches: outside the catalogue, no module compares a language to "zh" or "en".

Code picks its words from pactwatch.catalogue by id (``text(id, language)``); a ``language == "zh"``
somewhere else is a second table of words that drifts from the first (issue #13). Read off the source with ast.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "toolkit" / "pactwatch"
LANGUAGE_LITERALS = frozenset({"zh", "en"})
ALLOWED = ("catalogue/",)  # the one place that chooses between the languages


def _is_language_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value in LANGUAGE_LITERALS
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_language_literal(item) for item in node.elts)
    return False


def language_branches(source: str, relative: str) -> list[str]:
    """``file:line`` for every comparison with "zh" or "en" (==, !=, in, not in, is) in one module."""
    found = []
    for node in ast.walk(ast.parse(source, filename=relative)):
        if isinstance(node, ast.Compare) and any(_is_language_literal(side) for side in (node.left, *node.comparators)):
            found.append(f"{relative}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_detector_sees_each_form_of_branch() -> None:
    source = 'a = x == "zh"\nb = "en" != y\nc = z in ("zh", "cn")\nd = w == "other"\ne = {"zh": 1}[v]\n'
    assert [line.split(": ", 1)[0] for line in language_branches(source, "m.py")] == ["m.py:1", "m.py:2", "m.py:3"]


def test_no_module_outside_the_catalogue_compares_a_language_literally() -> None:
    branches = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith(ALLOWED):
            branches += language_branches(path.read_text(encoding="utf-8"), relative)
    assert not branches, "pick the words from pactwatch.catalogue instead:\n" + "\n".join(branches)
