"""Escaping and page assembly: what reaches Python-Markdown is one raw HTML block with no user markup."""

from __future__ import annotations

import markdown
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from pactwatch.site.render import compact, escape_text, front_matter, page_text, safe_title


def test_escape_text_escapes_html_newlines_and_braces() -> None:
    assert escape_text("<b>&'\"") == "&lt;b&gt;&amp;&#39;&#34;"
    assert escape_text("a\r\nb\nc\rd") == "a&#10;b&#10;c&#10;d"
    assert escape_text("{ onclick=x }") == "&#123; onclick=x &#125;"
    assert escape_text(None) == ""
    assert escape_text(12) == "12"
    assert escape_text(Markup("<i>trusted</i>")) == "<i>trusted</i>"


@given(st.text())
def test_escaped_text_has_no_markup_characters(text: str) -> None:
    out = str(escape_text(text))
    assert not set(out) & set("<>\"'{}\t") and all(ord(ch) >= 32 for ch in out)


def test_safe_title_keeps_no_html_or_control_characters() -> None:
    assert safe_title("</title><script>x</script>") == "＜/title＞＜script＞x＜/script＞"
    assert safe_title("a\nb\u2028c\x00 &amp;") == "a b c ＆amp;"


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
