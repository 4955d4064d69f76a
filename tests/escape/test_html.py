"""HTML for site pages: no tag, entity, attribute list or control character from user text; plain titles."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from pactwatch.escape.html import escape_text, safe_title


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
