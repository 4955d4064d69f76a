"""RFC 5545 TEXT values: cleaning and escaping (section 3.3.11); folding lives with the writer (ical/text.py).

The feed writer calls these for every event, so each has a fast path for the usual value.
"""

from __future__ import annotations

# RFC 5545 forbids control characters in values except HTAB; newlines are kept (escaped as \n). Unicode line
# separators (NEL, LS, PS) become newlines too: parsers that split lines the way str.splitlines does would break on them.
_CONTROLS: dict[int, str | None] = {code: None for code in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}
_CONTROLS.update({0x85: "\n", 0x2028: "\n", 0x2029: "\n"})


def clean_text(text: str) -> str:
    """Text as a value may hold it: CRLF, CR, NEL, LS and PS become LF; other control characters are dropped."""
    if text.isprintable():
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)


def escape_text(text: str) -> str:
    r"""Escape a TEXT value: ``\`` ``;`` ``,`` and newlines (LF, CRLF or CR), so no value can end its line."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", "\\n")
