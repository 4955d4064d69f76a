"""Make a YAML text say new data by changing only what differs. Pure.

``reconcile(text, data)`` compares the text's values with ``data`` node by node and splices new text
in where they differ: a changed scalar is rewritten in place (in its quoting style, its comment kept),
a new key is inserted on its own line after the key the house order puts before it, a removed key's
lines go. Comments, key order, quoting, flow or block layout, blank lines, the modeline and CRLF line
ends of everything else stay byte for byte. What cannot be changed in place (a list whose items were
removed or reordered, a value that changed type) is rewritten whole, and only that value.
The result is read back and must equal ``data`` exactly, or ``EditError`` says the editor failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pactwatch.edit.render import Path, entry_lines, inline, item_lines, key_order, scalar_in_style
from pactwatch.edit.spans import Mapping, Node, Scalar, Sequence, spans
from pactwatch.errors import PactwatchError
from pactwatch.load.yaml import LoadError, parse_text

BOM = "\ufeff"


class EditError(PactwatchError):
    """The text could not be changed to say the data (it does not load, or the editor failed a check)."""


@dataclass(frozen=True, slots=True)
class Splice:
    start: int
    end: int
    text: str


class _Rebuild(Exception):
    """This value cannot be changed in place: its parent writes it anew."""


def same(a: Any, b: Any) -> bool:
    """Equal as the loader would read them: true is not 1, "1" is not 1, 1.50 is 1.5."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | Decimal) and isinstance(b, int | Decimal):
        return bool(a == b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)  # the order of keys is layout, not data
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


class _Editor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"

    # ---- positions ----
    def line_start(self, at: int) -> int:
        return self.text.rfind("\n", 0, at) + 1

    def column(self, at: int) -> int:
        return at - self.line_start(at)

    def after_line(self, at: int) -> int:
        """Where the line holding ``at`` ends (after its line break); ``at`` itself when a block scalar ended there."""
        if at > 0 and self.text[at - 1] == "\n":
            return at
        found = self.text.find("\n", at)
        return len(self.text) if found < 0 else found + 1

    def starts_line(self, at: int) -> bool:
        return not self.text[self.line_start(at) : at].strip()

    def lines(self, lines: list[str]) -> str:
        return self.newline.join(lines)

    def insert_lines(self, at: int, lines: list[str]) -> Splice:
        """Whole lines inserted at a line start ``at`` (a file without a final line break gets one first)."""
        if at == len(self.text) and self.text and not self.text.endswith("\n"):
            return Splice(at, at, self.newline + self.lines(lines) + self.newline)
        return Splice(at, at, self.lines(lines) + self.newline)

    # ---- values ----
    def value(self, node: Node, old: Any, new: Any, path: Path) -> list[Splice]:
        if same(old, new):
            return []
        if isinstance(node, Scalar) and not isinstance(new, dict | list):
            return [Splice(node.start, node.end, scalar_in_style(new, node.style, path[-1] if path else ""))]
        if isinstance(node, Mapping) and isinstance(old, dict) and isinstance(new, dict):
            return self.flow(node, old, new, path) if node.flow else self.mapping(node, old, new, path)
        if isinstance(node, Sequence) and isinstance(old, list) and isinstance(new, list):
            return self.sequence(node, old, new, path)
        raise _Rebuild

    def flow(self, node: Mapping, old: dict[str, Any], new: dict[str, Any], path: Path) -> list[Splice]:
        """Changed values in place; a key added or removed rewrites the (one-line) flow mapping, keeping its order."""
        keys = [e.key for e in node.entries]
        if set(keys) != set(new):
            order = key_order(path) or sorted(new)
            kept = [k for k in keys if k in new]
            added = [k for k in order if k in new and k not in keys] + sorted(k for k in new if k not in keys and k not in order)
            written = ", ".join(f"{inline(k)}: {inline(new[k], k, (*path, k))}" for k in kept + added)
            return [Splice(node.start, node.end, "{" + written + "}")]
        splices: list[Splice] = []
        for entry in node.entries:
            try:
                splices += self.value(entry.value, old[entry.key], new[entry.key], (*path, entry.key))
            except _Rebuild:
                splices.append(Splice(entry.value.start, entry.value.end, inline(new[entry.key], entry.key, (*path, entry.key))))
        return splices

    def mapping(self, node: Mapping, old: dict[str, Any], new: dict[str, Any], path: Path) -> list[Splice]:
        splices: list[Splice] = []
        indent = " " * self.column(node.entries[0].key_start)
        for n, entry in enumerate(node.entries):
            child = (*path, entry.key)
            if entry.key not in new:
                splices.append(self.delete(node, n))
                continue
            try:
                splices += self.value(entry.value, old[entry.key], new[entry.key], child)
            except _Rebuild:
                written = entry_lines(entry.key, new[entry.key], indent, child)
                written[0] = written[0][len(indent) :]
                splices.append(Splice(entry.key_start, entry.value.end, self.lines(written)))
        return splices + self.insertions(node, new, path, indent)

    def delete(self, node: Mapping, n: int) -> Splice:
        entry = node.entries[n]
        if self.starts_line(entry.key_start):
            return Splice(self.line_start(entry.key_start), self.after_line(entry.value.end), "")
        if n + 1 < len(node.entries):  # the first key of a list item (after "- "): the next key moves up
            return Splice(entry.key_start, node.entries[n + 1].key_start, "")
        raise _Rebuild

    def insertions(self, node: Mapping, new: dict[str, Any], path: Path, indent: str) -> list[Splice]:
        have = [e.key for e in node.entries]
        added = [k for k in new if k not in have]
        if not added:
            return []
        order = list(key_order(path) or sorted({*have, *added}))
        rank = {k: i for i, k in enumerate(order)}
        groups: dict[int, list[str]] = {}  # index of the entry they follow (-1: before the first) -> keys
        for key in sorted(added, key=lambda k: (rank.get(k, len(order)), k)):
            before = [i for i, k in enumerate(have) if rank.get(k, len(order)) <= rank.get(key, len(order)) and k in new]
            groups.setdefault(before[-1] if before else -1, []).append(key)
        splices = []
        for anchor, keys in groups.items():
            lines = [line for k in keys for line in entry_lines(k, new[k], indent, (*path, k))]
            first = node.entries[0]
            if anchor >= 0:
                splices.append(self.insert_lines(self.after_line(node.entries[anchor].value.end), lines))
            elif self.starts_line(first.key_start):
                splices.append(self.insert_lines(self.line_start(first.key_start), lines))
            else:  # before the first key of a list item: the new key takes the dash's line
                lines[0] = lines[0].removeprefix(indent)
                splices.append(Splice(first.key_start, first.key_start, self.lines(lines) + self.newline + indent))
        return splices

    def sequence(self, node: Sequence, old: list[Any], new: list[Any], path: Path) -> list[Splice]:
        if node.flow:
            return [Splice(node.start, node.end, inline(new, "", path))] if not same(old, new) else []
        if len(new) < len(old) or not node.items:
            raise _Rebuild
        splices: list[Splice] = []
        dash = " " * self.column(self.text.rfind("-", 0, node.items[0].start))
        for item, before, after in zip(node.items, old, new, strict=False):
            try:
                splices += self.value(item, before, after, (*path, "*"))
            except _Rebuild:
                written = item_lines(after, dash, (*path, "*"))
                written[0] = written[0][len(dash) + 2 :]
                splices.append(Splice(item.start, item.end, self.lines(written)))
        if len(new) > len(old):
            lines = [line for item in new[len(old) :] for line in item_lines(item, dash, (*path, "*"))]
            splices.append(self.insert_lines(self.after_line(node.end), lines))
        return splices


def apply(text: str, splices: list[Splice]) -> str:
    out = text
    for splice in sorted(splices, key=lambda s: (s.start, s.end), reverse=True):
        out = out[: splice.start] + splice.text + out[splice.end :]
    return out


def reconcile(text: str, data: dict[str, Any]) -> str:
    """``text`` changed to say ``data``, touching only what differs (a leading BOM is kept)."""
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    try:
        old = parse_text("", body).data
    except LoadError as exc:
        raise EditError(f"line {exc.line}: {exc.message}") from None
    root = spans(body)
    if not isinstance(root, Mapping) or root.flow or not isinstance(old, dict):
        raise EditError("the file is not a block mapping")
    try:
        edited = apply(body, _Editor(body).value(root, old, data, ()))
    except _Rebuild:
        raise EditError("the file cannot be changed in place") from None
    try:
        reread = parse_text("", edited).data
    except LoadError as exc:
        raise EditError(f"the edited text does not load (line {exc.line}: {exc.message})") from None
    if not same(reread, data):
        raise EditError("the edited text does not read back as the data it should say")
    return bom + edited
