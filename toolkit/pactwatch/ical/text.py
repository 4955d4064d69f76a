"""RFC 5545 line folding at 75 octets (section 3.1); escaping TEXT values is pactwatch.escape.ical.

Folding never splits a UTF-8 sequence: a cut that would land inside a
multi-octet character moves back to the character's first octet, so long
Chinese titles fold between characters.
"""

from __future__ import annotations

MAX_OCTETS = 75  # per physical line, without the CRLF
FOLD = b"\r\n "  # CRLF followed by one space: the continuation marker
_SAFE_CHARS = MAX_OCTETS // 4  # this many characters can never exceed 75 octets (UTF-8: at most 4 octets each)


def fold_line(line: str) -> bytes:
    """One content line as UTF-8, folded into physical lines of at most 75 octets (no trailing CRLF)."""
    if len(line) <= _SAFE_CHARS:
        return line.encode()
    data = line.encode()
    size = len(data)
    if size <= MAX_OCTETS:
        return data
    if size == len(line):  # ASCII: every octet is a character
        return FOLD.join([data[:MAX_OCTETS], *(data[i : i + MAX_OCTETS - 1] for i in range(MAX_OCTETS, size, MAX_OCTETS - 1))])
    parts: list[bytes] = []
    start, limit = 0, MAX_OCTETS
    while size - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation octet: back up to the start of the character
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, MAX_OCTETS - 1  # continuation lines begin with the folding space
    parts.append(data[start:])
    return FOLD.join(parts)
