"""Owners in a ledger (ids or names) -> person ids in people.yaml; new people for --add-people.

A ledger names people the way a clerk writes them: 张伟, Emily Clark, or the
id itself. Ids are matched first, then names (ignoring case and spacing).
Names nobody has are "unknown"; with --add-people each gets an id made of the
name (naming.person_id): pinyin for Chinese (张伟 -> zhang.wei), the
lower-case dotted form for Latin (Emily Clark -> emily.clark); namesakes are
numbered (li.na, li.na2). A name with nothing to make an id of (Иван) becomes
person-1, person-2, ... People edit the ids afterwards if they like: the name
is kept.

A cell that is already an id (``li.na``) is an id, not a name: it matches
that person, or the person this import adds under that id (李娜 elsewhere in
the ledger), and only becomes a person of its own when nobody has it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pactwatch.catalogue import text as catalogue_text
from pactwatch.errors import PactwatchError
from pactwatch.ledger.yaml_writer import scalar
from pactwatch.load import schema
from pactwatch.load.files import PEOPLE_FILE
from pactwatch.load.yaml import Document, load_bytes
from pactwatch.model import Person
from pactwatch.naming import name_key as _name_key
from pactwatch.naming import person_id

MAX_NAME = 100  # people.schema.json: name maxLength

_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}\Z")


@dataclass(frozen=True, slots=True)
class Match:
    person_id: str | None  # None: nobody (unknown) or several people (ambiguous)
    ambiguous: tuple[str, ...] = ()


class Directory:
    """Looks people up by id or by name."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.ids = {p.id for p in people}
        self._by_name: dict[str, list[str]] = {}
        for person in people:
            self._by_name.setdefault(_name_key(person.name), []).append(person.id)

    def find(self, text: str) -> Match:
        cleaned = unicodedata.normalize("NFKC", text).strip()
        if cleaned in self.ids:
            return Match(cleaned)
        if cleaned.lower() in self.ids:
            return Match(cleaned.lower())
        found = self._by_name.get(_name_key(cleaned), [])
        if len(found) == 1:
            return Match(found[0])
        return Match(None, tuple(sorted(found)))

    def name_of(self, person_id: str, people: Mapping[str, Person]) -> str:
        """The name export writes for a person: the name when no one else shares it, else the id."""
        person = people.get(person_id)
        if person is None or len(self._by_name.get(_name_key(person.name), [])) != 1 or _name_key(person.name) in self.ids:
            return person_id
        return person.name


def looks_like_id(text: str) -> bool:
    """Whether a cell holds an id (li.na, zhang-wei) rather than a name (李娜, Emily Clark)."""
    return bool(_ID.match(unicodedata.normalize("NFKC", text).strip()))


def new_ids(names: Iterable[str], taken: Iterable[str]) -> dict[str, str]:
    """Ids for unknown people, in the order given: made of the name, numbered when taken (li.na2), else person-<n>.

    Names go first and ids written as such (li.na) after, so that an id written in one cell and the
    name 李娜 in another become one person, li.na, named 李娜.
    """
    used = set(taken)
    result: dict[str, str] = {}
    counter = 0
    ordered = list(dict.fromkeys(names))
    for name in [n for n in ordered if not looks_like_id(n)] + [n for n in ordered if looks_like_id(n)]:
        written = unicodedata.normalize("NFKC", name).strip().lower()
        if looks_like_id(name) and written in result.values():
            result[name] = written  # the id this import gives the person named elsewhere in the ledger
            continue
        slug = written if looks_like_id(name) else person_id(name)
        if slug and _ID.match(slug):
            candidate, n = slug, 1
            while candidate in used:
                n += 1
                candidate = f"{slug}{n}"
        else:
            counter += 1
            while f"person-{counter}" in used:
                counter += 1
            candidate = f"person-{counter}"
        used.add(candidate)
        result[name] = candidate
    return {name: result[name] for name in ordered}


def append_entries(text: str | None, people: Iterable[Person], note: str) -> str:
    """people.yaml with ``people`` appended to its list (comments and layout above are kept)."""
    entries = []
    for person in people:
        entries.append(f"  - id: {scalar(person.id)}\n    name: {scalar(person.name)}\n    # {note}\n")
    if text is None or not text.strip():
        header = "# yaml-language-server: $schema=schema/people.schema.json\npeople:\n"
        return header + "\n".join(entries)
    body = text if text.endswith("\n") else text + "\n"
    return body + "\n" + "\n".join(entries)


def add_to_file(text: str | None, people: Sequence[Person], note: str, language: str) -> str:
    """people.yaml's new text, checked: it must load, pass its schema and end with exactly these people."""
    result = append_entries(text, people, note)
    loaded = load_bytes(PEOPLE_FILE, result.encode("utf-8"))
    listed = loaded.data.get("people") if isinstance(loaded, Document) and isinstance(loaded.data, dict) else None
    ok = isinstance(loaded, Document) and isinstance(listed, list) and not schema.check(loaded, "people")
    if not ok or [p.get("id") for p in listed[-len(people) :]] != [p.id for p in people]:  # type: ignore[index]
        names = ", ".join(f"{p.name} ({p.id})" for p in people)
        raise PactwatchError(catalogue_text("ledger.people.cannot_append", language, file=PEOPLE_FILE, names=names))
    return result
