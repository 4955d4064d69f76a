"""HTML for site pages: no tag, entity, attribute list or control character from user text; plain titles."""

from __future__ import annotations

import json
from html import unescape

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from pactwatch.escape.html import escape_text, json_attribute, safe_title


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


def test_json_attribute_is_a_single_quoted_value_no_text_can_leave() -> None:
    hostile = "</script><img src=x onerror=alert(1)> \"q\" 'a' & {co}\r\n\x02"
    out = str(json_attribute(["M1", hostile, 7, -1]))
    assert out == '\'["M1","&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; \\"q\\" &#39;a&#39; &amp; &#123;co&#125;\\n",7,-1]\''
    assert json.loads(unescape(out[1:-1])) == ["M1", "</script><img src=x onerror=alert(1)> \"q\" 'a' & {co}\n", 7, -1]


_JSON = st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=4), max_leaves=12)


@given(_JSON)
def test_json_attribute_reads_back_as_the_text_escape_text_shows(data: object) -> None:
    out = str(json_attribute(data))
    assert out[0] == out[-1] == "'" and not set(out[1:-1]) & set("'<>{}\n\r")
    assert json.loads(unescape(out[1:-1])) == json.loads(json.dumps(_shown(data)))


def _shown(value: object) -> object:
    """What a page shows of ``value`` through escape_text: its control characters dropped, one kind of newline."""
    if isinstance(value, str):
        return unescape(str(escape_text(value)))
    return [_shown(item) for item in value] if isinstance(value, list) else value
