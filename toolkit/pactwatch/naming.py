"""The names of generated files: slugs and file names shared by the feeds and the site pages.

A person, a contract or a counterparty has one name, used by its feed (``people/<name>.ics``,
``contracts/<name>.ics``, ``counterparties/<slug>.ics``) and by its page (``people/<name>.md``, ...),
so a page and its feed never disagree. Links to them are built from these names by pactwatch.links.

Person and contract ids are schema-checked file names and are used as they are (anything else is
slugged). A counterparty id that is already a lowercase slug (``xinghan-tech``) is used as it is.
Anything else (a name, or an id such as a 统一社会信用代码) becomes its
ASCII letters and digits folded to lowercase, plus the first 10 hex digits of
the SHA-256 of the NFC-normalised text: ``pacific-compute-inc-3f2a9c01d4``,
``cp-8b1e0f2a77`` for 上海星瀚智能科技有限公司. The slug depends on that text
alone, so it never changes while the name (or id) stays the same.

People's names compare by ``name_key`` (width, case and spacing ignored), and a person added from a
name gets the id ``person_id`` makes of it: 李娜 -> ``li.na`` (pinyin, through pypinyin),
Emily Clark -> ``emily.clark``, Zoë Müller -> ``zoe.muller``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping

from pactwatch.model import Counterparty, Person

HASH_DIGITS = 10
MAX_FOLDED = 40
_PLAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
MAX_PERSON_ID = 40  # people.schema.json allows 64: room for a numeric suffix that tells namesakes apart
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# two-character surnames: 欧阳娜娜 is ouyang.nana, not ou.yangnana
_COMPOUND_SURNAMES = frozenset(re.findall("..", "欧阳司马诸葛上官东方皇甫令狐慕容司徒夏侯尉迟长孙宇文公孙端木独孤南宫西门"))  # in pairs


def person_name(person_id: str, people: Mapping[str, Person], *, with_id: bool = False) -> str:
    """How every output a person reads names someone: 李娜, or 李娜 (li.na) where the id helps; an unknown id as it is."""
    person = people.get(person_id)
    if person is None or not person.name:
        return person_id
    return f"{person.name} ({person_id})" if with_id and person.name != person_id else person.name


def name_key(text: str) -> str:
    """How two spellings of a name compare: NFKC (full-width letters as ASCII), case-folded, runs of space as one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


def person_id(name: str) -> str:
    """A person id made of a name, or "" when nothing usable is left (the caller then numbers the person).

    Chinese characters become their pinyin without tones (李娜 -> li.na, 王小明 -> wang.xiaoming: the
    surname, a dot, the given name; pypinyin is a dependency for this); Latin letters lose their
    accents; every other run of characters becomes one dot. Long names are cut at a dot, keeping
    whole syllables. Homographs get pypinyin's most common reading: the id is a handle, and people
    may rename it (the name is kept beside it).
    """
    from pypinyin import lazy_pinyin  # here: only adding people needs it, and it loads a dictionary

    text = unicodedata.normalize("NFKC", name).strip()
    if _HAN_NAME.fullmatch(text):
        surname = 2 if text[:2] in _COMPOUND_SURNAMES and len(text) > 2 else 1
        syllables = ["".join(lazy_pinyin(text[:surname])), "".join(lazy_pinyin(text[surname:]))]
    else:
        syllables = lazy_pinyin(text)
    plain = unicodedata.normalize("NFKD", " ".join(syllables)).encode("ascii", "ignore").decode().lower()
    slug = _NOT_SLUG.sub(".", plain).strip(".")
    if len(slug) > MAX_PERSON_ID:
        cut = slug[:MAX_PERSON_ID]
        slug = cut.rsplit(".", 1)[0] if slug[MAX_PERSON_ID] != "." and "." in cut else cut.rstrip(".")
    return slug


def digest(text: str, digits: int = HASH_DIGITS) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode()).hexdigest()[:digits]


def fold_ascii(text: str) -> str:
    """Lowercase ASCII letters and digits of ``text`` (accents dropped), runs of anything else as one hyphen."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_SLUG.sub("-", plain).strip("-")[:MAX_FOLDED].rstrip("-")


def slugify(text: str, digits: int = HASH_DIGITS) -> str:
    """``<ascii part>-<hash>``; ``cp-<hash>`` when nothing ASCII is left."""
    return f"{fold_ascii(text) or 'cp'}-{digest(text, digits)}"


def group_key(counterparty: Counterparty) -> str:
    """Contracts with the same counterparty id share a feed and a page; without an id, the same name does.

    NFC-normalised, like the slug: two spellings of one name (precomposed or combining accents) are one
    counterparty, not two groups claiming the same file.
    """
    return unicodedata.normalize("NFC", f"id:{counterparty.id}" if counterparty.id else f"name:{counterparty.name}")


def counterparty_slug(counterparty: Counterparty) -> str:
    if counterparty.id and _PLAIN.fullmatch(counterparty.id):
        return counterparty.id
    return slugify(counterparty.id or counterparty.name)


def assign_slugs(counterparties: list[Counterparty]) -> dict[str, str]:
    """group key -> slug for every distinct counterparty; slugs that clash get a 32-digit hash of their key."""
    chosen: dict[str, str] = {}
    for counterparty in counterparties:
        chosen.setdefault(group_key(counterparty), counterparty_slug(counterparty))
    users: dict[str, list[str]] = {}
    for key, slug in chosen.items():
        users.setdefault(slug, []).append(key)
    for slug, keys in users.items():
        if len(keys) > 1:
            for key in keys:
                chosen[key] = f"{slug}-{digest(key, 32)}"
    return chosen


def file_name(identifier: str) -> str:
    """A person or contract id as a file name (ids are schema-checked; anything else is slugged)."""
    return identifier if _SAFE_NAME.fullmatch(identifier) else slugify(identifier)


def feed_path(folder: str, name: str) -> str:
    """A feed relative to the feeds folder: ``people/zhang.wei.ics``."""
    return f"{folder}/{name}.ics"


def page_path(folder: str, name: str) -> str:
    """A detail page relative to the docs folder: ``folder/name.md``, served at ``/folder/name.html`` (links.page).

    One folder less per page than ``name/index.md``; mkdocs reads ``index.md`` and ``README.md`` as a
    folder's index page, so those names get a folder of their own.
    """
    return f"{folder}/{name}/index.md" if name.lower() in ("index", "readme") else f"{folder}/{name}.md"


def person_feed(person_id: str) -> str:
    return feed_path("people", file_name(person_id))


def contract_feed(contract_id: str) -> str:
    return feed_path("contracts", file_name(contract_id))


def counterparty_feed(slug: str) -> str:
    return feed_path("counterparties", slug)


def person_page(person_id: str) -> str:
    return page_path("people", file_name(person_id))


def contract_page(contract_id: str) -> str:
    return page_path("contracts", file_name(contract_id))


def counterparty_page(slug: str) -> str:
    return page_path("counterparties", slug)
