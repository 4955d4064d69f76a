"""Strings in YAML that pactwatch writes (imported contracts, people.yaml): plain when safe, else double-quoted.

A string that YAML (1.1 or 1.2) could read as anything but that string (``no``, ``0755``, ``1e3``,
``a: b``, a leading indicator, a control character) is double-quoted, so the text reads back
through pactwatch.load.yaml to exactly the string written.
"""

from __future__ import annotations

import re

from pactwatch.load.fullwidth import plain_reads_as_typo
from pactwatch.load.yaml import resolve_plain

_YAML11_WORDS = frozenset(["y", "yes", "n", "no", "on", "off", "true", "false", "null", "~", ".inf", ".nan", "-.inf", "+.inf"])
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@` ")
_NUMBERISH = re.compile(r"[-+.\d][-+.\d:_eExXoObBa-fA-F]*\Z")
# Any ':' is quoted: inside a flow mapping ({title: ...}) libyaml reads ':' before some characters
# ('0:?') as a value indicator, and the writer places scalars in both block and flow context.
_UNSAFE = re.compile(r":| #|[,\[\]{}\t\n\r\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def plain_ok(text: str) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if text.lower() in _YAML11_WORDS or _NUMBERISH.match(text) or _UNSAFE.search(text):
        return False
    if plain_reads_as_typo(text):  # '，' in {a: ，} loads as text but the typing help reports it (PW104)
        return False
    return resolve_plain(text) == text and isinstance(resolve_plain(text), str)


def quote(text: str) -> str:
    """A double-quoted YAML scalar (JSON-compatible escapes)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or char in "\u2028\u2029\ufeff":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\u{code:04x}"))
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def scalar_text(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly that string."""
    return text if plain_ok(text) else quote(text)
