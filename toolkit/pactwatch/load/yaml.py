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

from pactwatch.catalogue import Msg, msg
from pactwatch.findings import Finding
from pactwatch.load import fullwidth
from pactwatch.load.files import MAX_BYTES, too_large

_SCALAR = yaml.ScalarEvent
_WRITE_OUT = msg("finding.yaml.write_out")

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

    def __init__(self, code: str, message: Msg, line: int, column: int, hint: Msg | str = "") -> None:
        super().__init__(message.id)
        self.code, self.message, self.line, self.column, self.hint = code, message, line, column, hint


def escape_pointer_token(token: str) -> str:
    if "~" not in token and "/" not in token:
        return token
    return token.replace("~", "~0").replace("/", "~1")


def decode(raw: bytes) -> str:
    """Decode UTF-8 (a byte-order mark is accepted) or raise LoadError at the bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("PW101", msg("finding.yaml.utf16"), 1, 1, msg("finding.yaml.save_utf8"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise LoadError(
            "PW101",
            msg("finding.yaml.not_utf8", byte=f"{raw[exc.start]:02x}"),
            line,
            column,
            msg("finding.yaml.gbk_hint"),
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
            msg("finding.yaml.number_too_long", number=shown, digits=MAX_DIGITS, exponent=MAX_EXPONENT),
            mark.line + 1,
            mark.column + 1,
            msg("finding.yaml.number_too_long_hint"),
        )
    if style == '"' and type(value) is str:
        found = _CONTROL.search(value)
        if found:
            return LoadError(
                "PW111",
                msg("finding.yaml.control_char", char=f"U+{ord(found.group()):04X}"),
                mark.line + 1,
                mark.column + 1,
                msg("finding.yaml.control_char_hint"),
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
            raise LoadError("PW103", msg("finding.yaml.empty"), 1, 1, msg("finding.yaml.empty_hint"))
        root = self._node(self._next(), "")
        self._next()  # DocumentEnd
        extra = self._next()
        if type(extra) is not yaml.StreamEndEvent:
            mark = extra.start_mark
            raise LoadError(
                "PW109", msg("finding.yaml.second_document"), mark.line + 1, mark.column + 1, msg("finding.yaml.second_document_hint")
            )
        return root

    @staticmethod
    def _check(event: Any) -> None:
        """Refuse aliases, anchors and explicit tags (the non-specific tag '!' is allowed: it means text)."""
        mark = event.start_mark
        if type(event) is yaml.AliasEvent:
            raise LoadError("PW106", msg("finding.yaml.alias", name=str(event.anchor)), mark.line + 1, mark.column + 1, _WRITE_OUT)
        if event.anchor is not None:
            raise LoadError("PW106", msg("finding.yaml.anchor", name=event.anchor), mark.line + 1, mark.column + 1, _WRITE_OUT)
        tag = event.tag
        if tag is not None and tag != "!" and not (type(event) is not yaml.ScalarEvent and event.implicit):
            raise LoadError("PW107", msg("finding.yaml.tag", tag=tag), mark.line + 1, mark.column + 1, msg("finding.yaml.tag_hint"))

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
            raise LoadError("PW104", msg("finding.yaml.too_deep", depth=MAX_DEPTH), mark.line + 1, mark.column + 1)
        self._depth += 1
        try:
            if kind is yaml.SequenceStartEvent:
                return self._sequence(pointer)
            if kind is yaml.MappingStartEvent:
                return self._mapping(pointer)
        finally:
            self._depth -= 1
        raise LoadError("PW104", msg("finding.yaml.syntax"), mark.line + 1, mark.column + 1)  # pragma: no cover

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
                    raise LoadError("PW110", msg("finding.yaml.complex_key"), mark.line + 1, mark.column + 1)
            key = key_event.value
            refused = _refused(key, key_event.style, mark) if key_event.style == '"' else None
            if refused is not None:
                raise refused
            if key == "<<" and not key_event.style:
                raise LoadError("PW106", msg("finding.yaml.merge_key"), mark.line + 1, mark.column + 1, msg("finding.yaml.write_keys_out"))
            if key in result:
                raise LoadError(
                    "PW105",
                    msg("finding.yaml.duplicate_key", key=key),
                    mark.line + 1,
                    mark.column + 1,
                    msg("finding.yaml.duplicate_key_hint"),
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
        raise _syntax_error(exc, text.splitlines()) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (control characters pasted from other tools)
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        shown = f"U+{ord(exc.character):04X}" if isinstance(exc.character, str) else repr(exc.character)
        raise LoadError(
            "PW104", msg("finding.yaml.forbidden_char", char=shown), line, column, msg("finding.yaml.forbidden_char_hint")
        ) from None
    except yaml.YAMLError:
        raise LoadError("PW104", msg("finding.yaml.syntax"), 1, 1) from None
    finally:
        parser.dispose()
    document = Document(path, data, builder.positions, builder.key_positions, tuple(text.splitlines()))
    typo = fullwidth.in_document(document, text)  # parsed, but not as the author meant: `[a，b]` is one item
    if typo is not None:
        raise LoadError("PW104", typo.message, typo.line, typo.column, typo.hint)
    return document


# libyaml's problem (and, for a quote or bracket left open, its context) -> the catalogue's sentence
_PROBLEMS = (
    ("could not find expected ':'", "no_colon"),
    ("mapping values are not allowed", "colon_here"),
    ("found unexpected ':'", "colon_here"),
    ("tab character", "tab"),
    ("cannot start any token", "bad_start"),
    ("did not find expected key", "indent"),
    ("expected <block end>", "indent"),
    ("invalid indentation", "indent"),
    ("',' or ']'", "flow_list"),
    ("',' or '}'", "flow_map"),
    ("unexpected end of stream", "end"),
    ("escape", "escape"),
    ("hexdecimal", "escape"),
    ("hexadecimal", "escape"),
    ("node content", "no_value"),
    ("sequence entries are not allowed", "dash_here"),
    ("expected '-' indicator", "dash_here"),
    ("comment or line break", "after_value"),
    ("document", "document"),
    ("alphabetic or numeric", "name"),
    ("tag", "name"),
    ("chomping", "block_scalar"),
    ("indentation indicator", "block_scalar"),
)
_UNCLOSED = (("quoted scalar", "unclosed_quote"), ("flow sequence", "unclosed_list"), ("flow mapping", "unclosed_map"))


def _syntax_error(exc: yaml.MarkedYAMLError, lines: list[str]) -> LoadError:
    """A located PW104: at a full-width character if one broke the line, else where libyaml stopped, in our words."""
    mark = exc.problem_mark or exc.context_mark
    problem, context = str(exc.problem or ""), str(exc.context or "")
    message = msg("finding.yaml.syntax" + next((f".{slug}" for text, slug in _PROBLEMS if text in problem), ""))
    if exc.context_mark is not None and mark is not None and mark.line >= len(lines):
        # the end of the file is rarely where the mistake is: point at the quote or bracket left open
        mark = exc.context_mark
        message = msg(next((f"finding.yaml.{slug}" for text, slug in _UNCLOSED if text in context), message.id))
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    first = exc.context_mark.line + 1 if exc.context_mark is not None else line - 1
    typo = fullwidth.near_error(lines, min(first, line), line)
    if typo is not None:
        return LoadError("PW104", typo.message, typo.line, typo.column, typo.hint)
    source = lines[line - 1] if 0 < line <= len(lines) else ""  # errors at the end of the text lie past the last line
    hint = msg("finding.yaml.tab_hint") if "\t" in problem or "tab" in problem or "\t" in source else ""
    return LoadError("PW104", message, line, column, hint)


def load_bytes(path: str, raw: bytes, *, expect_mapping: bool = True) -> Document | Finding:
    """Load one file's bytes into a Document, or a located Finding saying why not."""
    lines: tuple[str, ...] = ()
    if len(raw) > MAX_BYTES:
        return too_large(path, len(raw))
    try:
        text = decode(raw)
        lines = tuple(text.splitlines())
        if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines):
            raise LoadError("PW103", msg("finding.yaml.empty"), 1, 1, msg("finding.yaml.empty_hint"))
        document = parse_text(path, text)
        if expect_mapping and not isinstance(document.data, dict):
            raise LoadError("PW108", msg("finding.yaml.not_mapping"), *document.positions.get("", (1, 1)))
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
