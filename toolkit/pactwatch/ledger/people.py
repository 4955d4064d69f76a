"""Owners in a ledger (ids or names) -> person ids in people.yaml; new people for --add-people.

A ledger names people the way a clerk writes them: 张伟, Emily Clark, or the
id itself. Ids are matched first, then names (ignoring case and spacing).
Names nobody has are "unknown"; with --add-people each gets an id: a Latin
name becomes its lower-case dotted form (Emily Clark -> emily.clark), any
other name (张伟) becomes person-1, person-2, ... (the next free numbers),
because ids are ASCII and no transliteration is guessed. People edit the ids
afterwards if they like: the name is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pactwatch.errors import PactwatchError
from pactwatch.ledger.yaml_writer import scalar
from pactwatch.load import schema
from pactwatch.load.files import PEOPLE_FILE
from pactwatch.load.yaml import Document, load_bytes
from pactwatch.model import Person

MAX_NAME = 100  # people.schema.json: name maxLength
MAX_SLUG = 40  # ids may have 64 characters; leave room for a -2 suffix

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")


def _name_key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


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


def new_ids(names: Iterable[str], taken: Iterable[str]) -> dict[str, str]:
    """Ids for unknown people, in the order given: latin names slugged, others person-<n>."""
    used = set(taken)
    result: dict[str, str] = {}
    counter = 0
    for name in names:
        slug = re.sub(r"[^a-z0-9]+", ".", unicodedata.normalize("NFKC", name).lower()).strip(".")
        if len(slug) > MAX_SLUG:  # keep whole words: wolfgang.amadeus... not wolfgang.amadeus.th
            cut = slug[:MAX_SLUG]
            slug = cut.rsplit(".", 1)[0] if slug[MAX_SLUG] != "." and "." in cut else cut
        if slug and name.isascii() and _ID.match(slug):
            candidate, n = slug, 1
            while candidate in used:
                n += 1
                candidate = f"{slug}-{n}"
        else:
            counter += 1
            while f"person-{counter}" in used:
                counter += 1
            candidate = f"person-{counter}"
        used.add(candidate)
        result[name] = candidate
    return result


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


def add_to_file(text: str | None, people: Sequence[Person], note: str) -> str:
    """people.yaml's new text, checked: it must load, pass its schema and end with exactly these people."""
    result = append_entries(text, people, note)
    loaded = load_bytes(PEOPLE_FILE, result.encode("utf-8"))
    listed = loaded.data.get("people") if isinstance(loaded, Document) and isinstance(loaded.data, dict) else None
    ok = isinstance(loaded, Document) and isinstance(listed, list) and not schema.check(loaded, "people")
    if not ok or [p.get("id") for p in listed[-len(people) :]] != [p.id for p in people]:  # type: ignore[index]
        names = ", ".join(f"{p.name} ({p.id})" for p in people)
        raise PactwatchError(
            f"cannot append to {PEOPLE_FILE} safely (its last key should be 'people:' as a block list); add these people by hand: {names}"
        )
    return result
