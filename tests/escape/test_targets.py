"""Every escaping target against one table of hostile payloads.

Each target names what must never survive its escaper (a regex over the escaped text). The list of
targets must match the modules of pactwatch.escape, so a new target cannot come without its row.
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

import pactwatch.escape
from pactwatch.escape import annotations, chat, codeowners, github_markdown, html, ical, report_markdown, spreadsheet, terminal, yaml
from pactwatch.escape.email_header import header_text
from pactwatch.load.yaml import Document, load_bytes

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "attr_list": "Title { onclick=alert(1) }",
    "snippet": '--8<-- "/etc/passwd"',
    "mention": "@everyone and @cfo-team",
    "js_link": "[x](javascript:alert(1))",
    "crlf": "one\r\ntwo\rthree\nfour",
    "workflow": "::error file=x::forged",
    "percent": "100%0A done %25",
    "ical_separators": "a,b;c\\d",
    "issue_ref": "fixes #12, GH-3 and https://github.com/o/r/issues/1",
    "comment": "<!-- pactwatch:C-1/M1 -->",
}

NEWLINE = r"[\r\n\u2028\u2029]"
MENTION = r"(?<![\w`])@\w"
UNESCAPED = r"(?<!\\)(?:\\\\)*"  # an even run of backslashes (possibly none): what follows is not escaped


@dataclass(frozen=True)
class Target:
    escape: Callable[[str], str]
    never: tuple[str, ...]  # regexes that must not match the escaped text
    module: str


def _yaml_round_trip(text: str) -> str:
    """The scalar, written as a value, read back by pactwatch's loader (the one our files go through)."""
    loaded = load_bytes("t.yaml", f"k: {yaml.scalar_text(text)}\n".encode())
    assert isinstance(loaded, Document)
    assert loaded.data == {"k": text}
    return yaml.scalar_text(text)


def _pattern_or_nothing(path: str) -> str:
    """CODEOWNERS has no escape for a line break: such a name gets no pattern (and no rule) at all."""
    try:
        return codeowners.pattern(path)
    except ValueError:
        return ""


TARGETS = {
    "html": Target(lambda s: str(html.escape_text(s)), ("[<>\"'{}]", NEWLINE, r"[\x00-\x08\x0b-\x1f]"), "html"),
    "html_title": Target(html.safe_title, ("[<>&\"'`{}\\\\]", NEWLINE), "html"),
    "github_body": Target(
        github_markdown.markdown_text, ("[<>]", NEWLINE, MENTION, r"#\d", r"\bGH-\d", "://", UNESCAPED + r"[\[\]`*_|]"), "github_markdown"
    ),
    "github_title": Target(github_markdown.title_text, (NEWLINE, MENTION, r"#\d", r"\bGH-\d", "://"), "github_markdown"),
    "report": Target(report_markdown.escape_text, ("[<>]", NEWLINE, MENTION, UNESCAPED + r"[\[\]{}`*_|~]"), "report_markdown"),
    "slack": Target(chat.slack_text, ("[<>]", NEWLINE, "[*_~`]"), "chat"),
    "chat_markdown": Target(chat.lookalikes, ("[<>\\[\\]*_`#|\\\\]", NEWLINE), "chat"),
    "ical": Target(ical.escape_text, (NEWLINE, UNESCAPED + "[,;]"), "ical"),
    "annotation_data": Target(annotations.escape_data, (NEWLINE, "%(?!25|0D|0A)"), "annotations"),
    "annotation_property": Target(annotations.escape_property, (NEWLINE, "%(?!25|0D|0A|3A|2C)", "[:,]"), "annotations"),
    "codeowners": Target(_pattern_or_nothing, (UNESCAPED + r"[ #*?\[\]!]", NEWLINE), "codeowners"),
    "yaml": Target(_yaml_round_trip, (NEWLINE,), "yaml"),
    "email_header": Target(header_text, (NEWLINE, r"[\x00-\x1f\x7f-\x9f]"), "email_header"),  # tests/notify/test_hostile.py
    "spreadsheet_csv": Target(spreadsheet.csv_text, (r"\A[=+\-@\t\r]",), "spreadsheet"),  # tests/escape/test_spreadsheet.py
    "terminal": Target(terminal.terminal_text, (r"[\x00-\x08\x0b-\x1f\x7f-\x9f]",), "terminal"),  # tests/escape/test_terminal.py
}


def test_every_escape_module_has_a_target() -> None:
    modules = {info.name for info in pkgutil.iter_modules(pactwatch.escape.__path__)}
    assert modules == {t.module for t in TARGETS.values()}


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("target", TARGETS)
def test_no_payload_survives(target: str, payload: str) -> None:
    spec = TARGETS[target]
    escaped = spec.escape(PAYLOADS[payload])
    for pattern in spec.never:
        assert not re.search(pattern, escaped), f"{target}: {pattern!r} found in {escaped!r}"


def test_the_annotation_property_cannot_forge_another_property() -> None:
    line = annotations.workflow_command("error", (("file", "a,title=x:y.yaml"), ("line", 3)), "50%\nnext")
    assert line == "::error file=a%2Ctitle=x%3Ay.yaml,line=3::50%25%0Anext"
