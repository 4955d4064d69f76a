"""The three presentations of findings: text with a caret, JSON, GitHub workflow commands."""

from __future__ import annotations

import json

import pytest

from pactwatch import reporters
from pactwatch.findings import Finding

ERROR = Finding("PW105", "error", "contracts/a.yaml", 3, 5, "", "duplicate key 'x'", "remove one", "  - x: 1")
WARNING = Finding("PW314", "warning", "contracts/a.yaml", 9, 10, "/milestones/0/due", "due outside the term")


@pytest.mark.parametrize(
    ("source", "column", "caret"),
    [
        ("abc", 1, "^"),
        ("abc", 3, "  ^"),
        ("标题: x", 5, "      ^"),  # two wide characters, then ': '
        ("名称：上海", 4, "      ^"),  # the full-width colon is wide too
        ("ｘ: 1", 4, "    ^"),  # a full-width Latin letter
        ("\tkey: 1", 2, " ^"),  # a tab is shown as one space
        ("é: 1", 4, "   ^"),  # a precomposed accent is narrow
    ],
)
def test_caret_line_counts_display_columns(source: str, column: int, caret: str) -> None:
    assert reporters.caret_line(source, column) == caret


def test_text_report_lines() -> None:
    assert reporters.text([ERROR, WARNING]).splitlines() == [
        "contracts/a.yaml:3:5: error PW105 duplicate key 'x'",
        "      - x: 1",
        "        ^",
        "    hint: remove one",
        "contracts/a.yaml:9:10: warning PW314 due outside the term",
    ]


def test_text_report_colours_only_when_asked() -> None:
    plain = reporters.text([ERROR, WARNING])
    coloured = reporters.text([ERROR, WARNING], colour=True)
    assert "\x1b[" not in plain
    assert "\x1b[31merror PW105\x1b[0m" in coloured
    assert "\x1b[33mwarning PW314\x1b[0m" in coloured


def test_json_report() -> None:
    document = json.loads(reporters.as_json([ERROR]))
    assert document == {
        "findings": [
            {
                "code": "PW105",
                "severity": "error",
                "file": "contracts/a.yaml",
                "line": 3,
                "column": 5,
                "pointer": "",
                "message": "duplicate key 'x'",
                "hint": "remove one",
            }
        ]
    }
    assert json.loads(reporters.as_json([])) == {"findings": []}
    assert "合同" in reporters.as_json([Finding("PW001", "error", "合同.yaml", 1, 1, "", "x")])


def test_github_annotations_escape_their_delimiters() -> None:
    tricky = Finding("PW204", "error", "contracts/a,b:c.yaml", 2, 3, "", "50% off\nnext line", "a, b: c")
    assert reporters.github([tricky, WARNING]).splitlines() == [
        "::error file=contracts/a%2Cb%3Ac.yaml,line=2,col=3,title=PW204::50%25 off%0Anext line (hint: a, b: c)",
        "::warning file=contracts/a.yaml,line=9,col=10,title=PW314::due outside the term",
    ]
    assert reporters.github([WARNING], prefix="sub/").startswith("::warning file=sub/contracts/a.yaml,")
