"""User text for a terminal or a log: no control character reaches it.

A title, a file name or a message may hold ``ESC ] 0 ; … BEL`` (sets the window title), ``ESC [ 2 J``
(clears the screen), an OSC 8 hyperlink, or the 8-bit C1 forms of these (``U+009B`` is a CSI on
many terminals). Removing every C0 control except tab and newline, DEL and every C1 control leaves
the introducers out, so what is left of a sequence prints as harmless text. pactwatch's own colours
are added after this, by the code that prints.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_text(text: str) -> str:
    """``text`` without C0 controls (tab and newline kept), DEL and C1 controls."""
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def first_control(text: str) -> str | None:
    """The first character of ``text`` that ``terminal_text`` would remove, if any (the loader refuses such text)."""
    found = _CONTROLS.search(text)
    return found.group() if found else None
