"""Escaping and page assembly: what reaches Python-Markdown is one raw HTML block with no user markup."""

from __future__ import annotations

import markdown
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.escape.html import escape_text
from pactwatch.site.render import compact, front_matter, page_text


def test_compact_removes_blank_lines_and_indentation() -> None:
    assert compact("<div>\n\n    <p>x</p>\n  \n</div>\n") == "<div>\n<p>x</p>\n</div>"


def test_front_matter_is_yaml_with_a_safe_title() -> None:
    text = front_matter('C-1 "<x>"')
    assert text.splitlines() == ["---", 'title: "C-1 ＂＜x＞＂"', "hide: [navigation, toc]", "---"]


@given(st.text(max_size=200))
def test_any_text_stays_inside_the_raw_html_block(text: str) -> None:
    """Whatever the text, Python-Markdown with attr_list and md_in_html passes the block through unchanged."""
    body = f'<div class="pw-page"><p>{escape_text(text)}</p>\n<p>{escape_text(text)}</p></div>'
    page = page_text("t", body)
    html = markdown.Markdown(extensions=["meta", "attr_list", "md_in_html", "abbr", "tables"]).convert(page.split("---\n", 2)[2])
    assert html.strip() == compact(body)
