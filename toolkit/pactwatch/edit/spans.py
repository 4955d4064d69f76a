"""Where each node of a YAML text stands: character spans, quoting style and flow or block layout.

The loader (pactwatch.load.yaml) records where every value starts; an editor also needs where it ends,
how it is written and where each key is. This walks the same libyaml event stream as the loader (the
text has already loaded cleanly: the editor only ever edits a file that validates) and keeps, for every
node, ``start`` and ``end`` as offsets into the text (libyaml counts them in characters, CRLF as two).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

try:  # the loader's parser: the same events, the same marks
    from yaml import CBaseLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _Parser  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Scalar:
    start: int
    end: int
    style: str  # "" plain, '"', "'", "|" or ">"


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    key_start: int
    value: Node


@dataclass(frozen=True, slots=True)
class Mapping:
    start: int
    end: int  # after '}' for flow; after the last value for block
    flow: bool
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Sequence:
    start: int
    end: int
    flow: bool
    items: tuple[Node, ...]


Node = Scalar | Mapping | Sequence


def _start(event: Any) -> int:
    return int(event.start_mark.index)


def _end(event: Any) -> int:
    return int(event.end_mark.index)


class _Walker:
    def __init__(self, text: str) -> None:
        self._parser = _Parser(text)
        self._next: Callable[[], Any] = self._parser.get_event

    def root(self) -> Node:
        try:
            for _ in range(2):  # StreamStart, DocumentStart
                self._next()
            return self._node(self._next())
        finally:
            self._parser.dispose()

    def _node(self, event: Any) -> Node:
        if isinstance(event, yaml.ScalarEvent):
            return Scalar(_start(event), _end(event), event.style or "")
        flow = bool(event.flow_style)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Node] = []
            while not isinstance(following := self._next(), yaml.SequenceEndEvent):
                items.append(self._node(following))
            end = _end(following) if flow or not items else items[-1].end
            return Sequence(_start(event), end, flow, tuple(items))
        entries: list[Entry] = []
        while not isinstance(key := self._next(), yaml.MappingEndEvent):
            entries.append(Entry(key.value, _start(key), self._node(self._next())))
        end = _end(key) if flow or not entries else entries[-1].value.end
        return Mapping(_start(event), end, flow, tuple(entries))


def spans(text: str) -> Node:
    """The layout of ``text`` (a document that loads cleanly through pactwatch.load.yaml)."""
    return _Walker(text).root()
