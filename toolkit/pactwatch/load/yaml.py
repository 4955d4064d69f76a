"""Strict YAML loading with positions.

PyYAML's defaults are YAML 1.1 (``NO`` is False, ``0755`` is 493, duplicate keys
merge silently, dates become objects). We drive libyaml's event stream ourselves
so that we decide how every scalar resolves and remember where every value is:

* YAML 1.2 core scalars, stricter still: only ``true``/``false`` are booleans,
  numbers with a leading zero (phone numbers, zip codes) stay text, dates stay
  ISO text (the model parses them), fractional numbers are exact ``Decimal``.
* duplicate keys, anchors, aliases, merge keys and explicit tags are findings.
* what validates must not break a later command: numbers are bounded in digits and
  exponent (``1e-999999999`` would print as a billion characters), and text holds
  no control character but tab and line breaks (an escaped VT breaks the xlsx export,
  an escaped ESC a terminal); only double-quoted escapes can write one, libyaml refuses them raw.
* every value and every key is recorded by JSON pointer -> (line, column),
  both 1-based, columns counted in characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from pactwatch.findings import Finding
from pactwatch.load.files import MAX_BYTES, too_large

_SCALAR = yaml.ScalarEvent

try:  # libyaml's parser keeps marks and is several times faster
    from yaml import CBaseLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _Parser  # type: ignore[assignment]

MAX_DEPTH = 64  # a contract nests five levels; deeper is a mistake or an attack, and recursion must stay bounded

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?\Z|[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?[eE][-+]?[0-9]+\Z|[-+]?(?:0|[1-9][0-9]*)\.\Z"
)
_SPECIAL = {"": None, "~": None, "null": None, "Null": None, "NULL": None, "true": True, "false": False}
_NUMBER_START = frozenset("0123456789+-.")
MAX_DIGITS = 40  # significant digits of a number: amounts have 18 at most; a longer one is an id to quote
MAX_EXPONENT = 40  # 1e40 and 1e-40 are already far past any amount or key term
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 but tab, LF, CR; DEL; C1

Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed YAML file: plain JSON-like data plus where each value stands."""

    path: str
    data: Any
    positions: dict[str, Position] = field(default_factory=dict)
    key_positions: dict[str, Position] = field(default_factory=dict)
    lines: tuple[str, ...] = ()

    def locate(self, pointer: str, *, key: bool = False) -> Position:
        """The position of ``pointer``, falling back to its nearest ancestor."""
        table = self.key_positions if key else self.positions
        probe = pointer
        while True:
            if probe in table:
                return table[probe]
            if not key and probe in self.key_positions:
                return self.key_positions[probe]
            if probe == "":
                return (1, 1)
            probe = probe.rsplit("/", 1)[0]

    def source_line(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


class LoadError(Exception):
    """Raised inside the loader; always turned into a Finding before leaving it."""

    def __init__(self, code: str, message: str, line: int, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column, self.hint = code, message, line, column, hint


def escape_pointer_token(token: str) -> str:
    if "~" not in token and "/" not in token:
        return token
    return token.replace("~", "~0").replace("/", "~1")


def decode(raw: bytes) -> str:
    """Decode UTF-8 (a byte-order mark is accepted) or raise LoadError at the bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("PW101", "file is UTF-16, not UTF-8", 1, 1, "save the file as UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise LoadError(
            "PW101",
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            line,
            column,
            "save the file as UTF-8; GB18030/GBK text must be converted",
        ) from None


@dataclass(frozen=True, slots=True)
class OutOfRange:
    """A plain scalar that reads as a number beyond MAX_DIGITS or MAX_EXPONENT: the loader refuses it."""

    text: str


def resolve_plain(text: str) -> Any:
    """Resolve an unquoted scalar the YAML 1.2 way, minus the traps."""
    if text in _SPECIAL:
        return _SPECIAL[text]
    if text[0] not in _NUMBER_START:
        return text
    if _INT.match(text):
        return int(text) if len(text.lstrip("+-")) <= MAX_DIGITS else OutOfRange(text)  # int() of 4,300+ digits raises, too
    if _DECIMAL.match(text):
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - regex admits only valid text
            return text
        if len(number.as_tuple().digits) > MAX_DIGITS or abs(number.adjusted()) > MAX_EXPONENT:
            return OutOfRange(text)
        return number
    return text


def _refused(value: Any, style: str | None, mark: Any) -> LoadError | None:
    """Why a scalar's value cannot be kept (see the module's notes), or None."""
    if type(value) is OutOfRange:
        shown = value.text if len(value.text) <= 40 else value.text[:37] + "..."
        return LoadError(
            "PW206",
            f"number {shown} has more than {MAX_DIGITS} digits or an exponent beyond ±{MAX_EXPONENT}",
            mark.line + 1,
            mark.column + 1,
            "write the number out plainly, or quote it to keep it as text",
        )
    if style == '"' and type(value) is str:
        found = _CONTROL.search(value)
        if found:
            return LoadError(
                "PW111",
                f"text holds the control character U+{ord(found.group()):04X} (written as an escape)",
                mark.line + 1,
                mark.column + 1,
                "remove it: text may hold tabs and line breaks, no other control character",
            )
    return None


class _Builder:
    """Turns libyaml events into plain values and a position table.

    The hot loop of validation: plain untagged scalars take a short path, and
    events come straight from the parser's bound ``get_event``.
    """

    def __init__(self, next_event: Callable[[], Any]) -> None:
        self._next = next_event
        self._depth = 0
        self.positions: dict[str, Position] = {}
        self.key_positions: dict[str, Position] = {}

    def build(self) -> Any:
        self._next()  # StreamStart
        first = self._next()
        if type(first) is yaml.StreamEndEvent:
            raise LoadError("PW103", "file is empty", 1, 1, "a contract file is a YAML mapping")
        root = self._node(self._next(), "")
        self._next()  # DocumentEnd
        extra = self._next()
        if type(extra) is not yaml.StreamEndEvent:
            mark = extra.start_mark
            raise LoadError(
                "PW109", "a file holds one YAML document; found a second", mark.line + 1, mark.column + 1, "remove the '---' separator"
            )
        return root

    @staticmethod
    def _check(event: Any) -> None:
        """Refuse aliases, anchors and explicit tags (the non-specific tag '!' is allowed: it means text)."""
        mark = event.start_mark
        if type(event) is yaml.AliasEvent:
            raise LoadError(
                "PW106", f"alias '*{event.anchor}' is not allowed", mark.line + 1, mark.column + 1, "write the value out in full"
            )
        if event.anchor is not None:
            raise LoadError(
                "PW106", f"anchor '&{event.anchor}' is not allowed", mark.line + 1, mark.column + 1, "write the value out in full"
            )
        tag = event.tag
        if tag is not None and tag != "!" and not (type(event) is not yaml.ScalarEvent and event.implicit):
            raise LoadError("PW107", f"explicit tag '{tag}' is not allowed", mark.line + 1, mark.column + 1, "quote the value instead")

    def _node(self, event: Any, pointer: str) -> Any:
        mark = event.start_mark
        self.positions[pointer] = (mark.line + 1, mark.column + 1)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is None and event.tag is None:
                value = event.value if event.style else resolve_plain(event.value)  # libyaml's plain style is "", PyYAML's None
            else:
                self._check(event)
                value = event.value  # tagged '!': text ("! 12" is the text "12")
            refused = _refused(value, event.style, mark)
            if refused is not None:
                raise refused
            return value
        self._check(event)
        if self._depth >= MAX_DEPTH:
            raise LoadError("PW104", f"values are nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1)
        self._depth += 1
        try:
            if kind is yaml.SequenceStartEvent:
                return self._sequence(pointer)
            if kind is yaml.MappingStartEvent:
                return self._mapping(pointer)
        finally:
            self._depth -= 1
        raise LoadError("PW104", "unexpected YAML structure", mark.line + 1, mark.column + 1)  # pragma: no cover

    def _sequence(self, pointer: str) -> list[Any]:
        items: list[Any] = []
        next_event = self._next
        while True:
            event = next_event()
            if type(event) is yaml.SequenceEndEvent:
                return items
            items.append(self._node(event, f"{pointer}/{len(items)}"))

    def _mapping(self, pointer: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        next_event = self._next
        key_positions, positions = self.key_positions, self.positions
        while True:
            key_event = next_event()
            kind = type(key_event)
            if kind is yaml.MappingEndEvent:
                return result
            mark = key_event.start_mark
            if kind is not yaml.ScalarEvent or key_event.anchor is not None or key_event.tag is not None:
                self._check(key_event)
                if kind is not yaml.ScalarEvent:
                    raise LoadError("PW110", "a key must be plain text, not a list or mapping", mark.line + 1, mark.column + 1)
            key = key_event.value
            refused = _refused(key, key_event.style, mark) if key_event.style == '"' else None
            if refused is not None:
                raise refused
            if key == "<<" and not key_event.style:
                raise LoadError("PW106", "merge key '<<' is not allowed", mark.line + 1, mark.column + 1, "write the keys out in full")
            if key in result:
                raise LoadError(
                    "PW105",
                    f"duplicate key '{key}'",
                    mark.line + 1,
                    mark.column + 1,
                    "each key may appear once in a mapping; remove or rename one",
                )
            child = f"{pointer}/{key}" if "~" not in key and "/" not in key else f"{pointer}/{escape_pointer_token(key)}"
            key_positions[child] = (mark.line + 1, mark.column + 1)
            value: Any = next_event()
            if type(value) is _SCALAR and value.anchor is None and value.tag is None:  # most values: no call to _node
                at: Any = value.start_mark
                positions[child] = (at.line + 1, at.column + 1)
                resolved = value.value if value.style else resolve_plain(value.value)
                if type(resolved) is OutOfRange or value.style == '"':  # plain text and numbers, the most values, skip the call
                    refused = _refused(resolved, value.style, at)
                    if refused is not None:
                        raise refused
                result[key] = resolved
            else:
                result[key] = self._node(value, child)


def parse_text(path: str, text: str) -> Document:
    """Parse YAML text; raises LoadError for anything that is not a clean document."""
    parser = _Parser(text)
    builder = _Builder(parser.get_event)
    try:
        data = builder.build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = str(exc.problem or exc.context or "YAML syntax error")
        lines = text.splitlines()
        if exc.context_mark is not None and mark is not None and mark.line >= len(lines):
            # the end of the file is rarely where the mistake is: point at the quote or bracket left open
            mark, message = exc.context_mark, f"{message} ({exc.context} that starts here)"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        source = lines[line - 1] if 0 < line <= len(lines) else ""  # errors at the end of the text lie past the last line
        hint = "YAML indentation must use spaces, not tabs" if "\t" in message or "\t" in source else ""
        raise LoadError("PW104", f"YAML syntax error: {message}", line, column, hint) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (control characters pasted from other tools)
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        shown = f"U+{ord(exc.character):04X}" if isinstance(exc.character, str) else repr(exc.character)
        raise LoadError(
            "PW104", f"character {shown} is not allowed in YAML", line, column, "delete it or retype the text around it"
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError("PW104", f"YAML syntax error: {exc}", 1, 1) from None
    finally:
        parser.dispose()
    return Document(path, data, builder.positions, builder.key_positions, tuple(text.splitlines()))


def load_bytes(path: str, raw: bytes, *, expect_mapping: bool = True) -> Document | Finding:
    """Load one file's bytes into a Document, or a located Finding saying why not."""
    lines: tuple[str, ...] = ()
    if len(raw) > MAX_BYTES:
        return too_large(path, len(raw))
    try:
        text = decode(raw)
        lines = tuple(text.splitlines())
        if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines):
            raise LoadError("PW103", "file is empty", 1, 1, "a contract file is a YAML mapping")
        document = parse_text(path, text)
        if expect_mapping and not isinstance(document.data, dict):
            raise LoadError("PW108", "the file must be a YAML mapping (key: value lines)", *document.positions.get("", (1, 1)))
        return document
    except LoadError as exc:
        return Finding(
            code=exc.code,
            severity="error",
            file=path,
            line=exc.line,
            column=exc.column,
            pointer="",
            message=exc.message,
            hint=exc.hint,
            source=lines[exc.line - 1] if 0 < exc.line <= len(lines) else "",
        )
