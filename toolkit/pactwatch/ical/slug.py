"""Stable, URL-safe file names for counterparty feeds, also for Chinese names.

A counterparty id that is already a lowercase slug (``xinghan-tech``) is used
as it is. Anything else (a name, or an id such as a 统一社会信用代码) becomes its
ASCII letters and digits folded to lowercase, plus the first 10 hex digits of
the SHA-256 of the NFC-normalised text: ``pacific-compute-inc-3f2a9c01d4``,
``cp-8b1e0f2a77`` for 上海星瀚智能科技有限公司. The slug depends on that text
alone, so it never changes while the name (or id) stays the same.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pactwatch.model import Counterparty

HASH_DIGITS = 10
MAX_FOLDED = 40
_PLAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


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
    """Contracts with the same counterparty id share a feed; without an id, the same name does."""
    return f"id:{counterparty.id}" if counterparty.id else f"name:{counterparty.name}"


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
