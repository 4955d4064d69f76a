"""Contract text cannot mention people, reference issues, link away or inject Markdown/HTML."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.escape.github_markdown import MAX_TITLE, ZWJ, code_span, markdown_text, title_text

MENTION = re.compile(r"(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9]")
REFERENCE = re.compile(r"#[0-9]|\bGH-[0-9]", re.IGNORECASE)
AUTOLINK = re.compile(r"://|\bwww\.", re.IGNORECASE)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@everyone pay", f"@{ZWJ}everyone pay"),
        ("fixes #12 and org/repo#3", f"fixes #{ZWJ}12 and org/repo#{ZWJ}3"),
        ("see GH-7", f"see GH{ZWJ}-7"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("<!-- pactwatch:C-1/M1 -->", "&lt;\\!-- pactwatch:C-1/M1 --&gt;"),
        ("[click](https://evil.example)", f"\\[click\\](https:/{ZWJ}/evil.example)"),
        ("a | b *c* _d_ `e` ~f~ $x$ !", "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\$x\\$ \\!"),
        ("line one\nline two\r\n\tend", "line one line two end"),
        ("上海星瀚智能科技有限公司 & 合作方", "上海星瀚智能科技有限公司 &amp; 合作方"),
    ],
)
def test_markdown_text(raw: str, expected: str) -> None:
    assert markdown_text(raw) == expected


def test_titles_keep_punctuation_but_not_mentions() -> None:
    assert title_text("Pay *now* @cfo #1 <b>") == f"Pay *now* @{ZWJ}cfo #{ZWJ}1 <b>"
    assert len(title_text("x" * 500)) == MAX_TITLE


def test_code_spans_hold_backticks() -> None:
    assert code_span("M_1") == "`M_1`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x`") == "`` `x` ``"


@given(st.text())
def test_markdown_text_is_always_inert(raw: str) -> None:
    out = markdown_text(raw)
    assert "\n" not in out and "<" not in out and ">" not in out
    assert not MENTION.search(out.replace(f"@{ZWJ}", ""))
    assert not REFERENCE.search(out) and not AUTOLINK.search(out)


@given(st.text())
def test_title_text_is_always_inert(raw: str) -> None:
    out = title_text(raw)
    assert "\n" not in out and len(out) <= MAX_TITLE * 2
    assert not REFERENCE.search(out) and not AUTOLINK.search(out)
    assert not re.search(r"@[A-Za-z0-9_]", out)


@given(st.text(alphabet=st.sampled_from("@#GH-0123abc /:w.")))
def test_neutralising_twice_changes_nothing_more(raw: str) -> None:
    once = title_text(raw)
    assert title_text(once) == once
