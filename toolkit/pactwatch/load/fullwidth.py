"""Typing help: full-width punctuation where YAML needs the ASCII character, found at the character itself.

A Chinese input method types ``：``, ``，``, ``［``, ``“`` and the full-width space U+3000. YAML then
either fails a line later ("could not find expected ':'") or, worse, parses: ``[a，b]`` is one item,
``　　status: x`` a key with two spaces in its name. Both paths end here and point at the character.
Only where the character breaks YAML's structure: ``title: "合同：甲"`` and ``note: 见附件：甲`` are text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from pactwatch.catalogue import Msg, msg

if TYPE_CHECKING:
    from pactwatch.load.yaml import Document

WIDE = re.compile("[\uff1a\uff0c\u3000\uff3b\uff3d\uff5b\uff5d\u201c\u201d\u2018\u2019\uff02\uff07]")  # worth a look at all
_COLON, _COMMA, _SPACE = "\uff1a", "\uff0c", "\u3000"
_BRACKETS = {"\uff3b": "[", "\uff3d": "]", "\uff5b": "{", "\uff5d": "}"}
_QUOTES = frozenset("\u201c\u201d\u2018\u2019\uff02\uff07")
_KEY_BEFORE_COLON = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*[ \u3000]*\Z")  # `payment_days：` is a key; `见附件：` is text
_LINE_START = re.compile(r"[ \u3000]*(?:-[ \u3000]+)*\Z")


class Typo(NamedTuple):
    """A full-width character at (line, column), both 1-based, and what to say about it."""

    line: int
    column: int
    message: Msg
    hint: Msg


def _typo(char: str, line: int, column: int, *, after_colon: bool = False) -> Typo:
    if char == _COLON:
        return Typo(line, column, msg("finding.fullwidth.colon"), msg("finding.fullwidth.colon_hint"))
    if char == _COMMA:
        return Typo(line, column, msg("finding.fullwidth.comma"), msg("finding.fullwidth.comma_hint"))
    if char == _SPACE:
        kind = "colon_space" if after_colon else "space"
        return Typo(line, column, msg(f"finding.fullwidth.{kind}"), msg(f"finding.fullwidth.{kind}_hint"))
    if char in _BRACKETS:
        facts = {"char": char, "ascii": _BRACKETS[char]}
        return Typo(line, column, msg("finding.fullwidth.bracket", char=char), msg("finding.fullwidth.bracket_hint", **facts))
    return Typo(line, column, msg("finding.fullwidth.quote", char=char), msg("finding.fullwidth.quote_hint"))


def _unquoted(line: str) -> Iterator[tuple[int, str, bool]]:
    """(index, character, inside a [...] or {...}) for each character outside quotes and before a comment."""
    quote, depth = "", 0
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
            continue
        if char in "\"'" and (index == 0 or line[index - 1] in " \t[{,:-\u3000"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return
        else:
            depth += (char in "[{") - (char in "]}")
            yield index, char, depth > 0


def in_line(line: str, number: int) -> Typo | None:
    """The first full-width character of a source line that breaks its YAML structure (after a syntax error)."""
    if not WIDE.search(line):
        return None
    for index, char, in_flow in _unquoted(line):
        before = line[:index]
        if char == _COLON and ": " not in before and _KEY_BEFORE_COLON.search(before.lstrip(" \u3000-")):
            return _typo(char, number, index + 1)
        if char == _SPACE and (_LINE_START.match(before) or before.endswith(":")):
            return _typo(char, number, index + 1, after_colon=before.endswith(":"))
        if char == _COMMA and in_flow:
            return _typo(char, number, index + 1)
        value_start = bool(_LINE_START.match(before)) or before.rstrip(" ").endswith((":", "-", "[", "{", ","))
        if (char in _BRACKETS or char in _QUOTES) and value_start:
            return _typo(char, number, index + 1)
    return None


def plain_reads_as_typo(text: str) -> bool:
    """Whether ``text`` written as a plain value (block or flow) is what ``in_document`` reports as a typo.

    A writer quotes such text so that what pactwatch writes loads back without a finding.
    """
    if _COMMA in text or text.startswith(_SPACE) or (text[:1] in "\uff3b\uff5b" and text[-1:] in "\uff3d\uff5d"):
        return True
    return _COLON in text and bool(_KEY_BEFORE_COLON.search(text.split(_COLON, 1)[0]))


def near_error(lines: list[str], first: int, last: int) -> Typo | None:
    """The full-width character behind a syntax error reported between lines ``first`` and ``last`` (1-based)."""
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        found = in_line(lines[number - 1], number)
        if found is not None:
            return found
    return None


def in_document(doc: Document, text: str) -> Typo | None:
    """In a file that parsed: a full-width character that made YAML read something else than the author typed."""
    if not WIDE.search(text):
        return None
    for pointer, (line, column) in sorted(doc.key_positions.items(), key=lambda item: item[1]):
        key = pointer.rsplit("/", 1)[-1]
        if (_SPACE in key or _COLON in key) and doc.source_line(line)[column - 1 : column] not in ("'", '"'):  # plain keys only
            found = _at(doc, line, column, _SPACE if _SPACE in key else _COLON)
            if found is not None:
                return found
    for pointer, (line, column) in sorted(doc.positions.items(), key=lambda item: item[1]):
        found = _in_value(doc, pointer, line, column)
        if found is not None:
            return found
    return None


def _at(doc: Document, line: int, column: int, char: str) -> Typo | None:
    index = doc.source_line(line).find(char, column - 1)
    return _typo(char, line, index + 1) if index >= 0 else None


def _in_value(doc: Document, pointer: str, line: int, column: int) -> Typo | None:
    """A plain (unquoted, not block) text value: a key typed with ``：``, a ``，`` in a flow list, ``［...］``, a leading U+3000."""
    value = _value(doc.data, pointer)
    source = doc.source_line(line)
    if not isinstance(value, str) or not WIDE.search(value) or source[column - 1 : column] in ("\"'|>"):
        return None
    at_line_start = bool(_LINE_START.match(source[: column - 1]))
    if value.startswith(_SPACE):
        return _typo(_SPACE, line, column)
    if at_line_start and _COLON in value and _KEY_BEFORE_COLON.search(value.split(_COLON, 1)[0]):
        return _at(doc, line, column, _COLON)
    parent = doc.positions.get(pointer.rsplit("/", 1)[0]) if pointer else None
    if parent is not None and _COMMA in value and doc.source_line(parent[0])[parent[1] - 1 : parent[1]] in ("[", "{"):
        return _at(doc, line, column, _COMMA)
    if value[0] in "\uff3b\uff5b" and value[-1] in "\uff3d\uff5d":
        return _typo(value[0], line, column)
    return None


def _value(data: object, pointer: str) -> object:
    for escaped in pointer.split("/")[1:]:
        token = escaped.replace("~1", "/").replace("~0", "~")
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data
