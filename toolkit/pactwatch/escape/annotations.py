"""GitHub Actions workflow commands (``::error file=F,line=1::message``), so findings land on a pull request's lines.

The runner reads ``%``, CR and LF escaped as ``%25 %0D %0A`` in the message, and additionally ``:``
and ``,`` as ``%3A %2C`` in property values (they end a value). Without them a file name such as
``a,title=x.yaml`` or a message with a line break would forge properties or a second command.
The runner's log is a terminal too: control characters are removed first (``escape.terminal``).
"""

from __future__ import annotations

from collections.abc import Iterable

from pactwatch.escape.terminal import terminal_text


def escape_data(value: str) -> str:
    return terminal_text(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(level: str, properties: Iterable[tuple[str, object]], message: str) -> str:
    """``::level name=value,...::message``, every value and the message escaped."""
    where = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties)
    return f"::{level} {where}::{escape_data(message)}"
