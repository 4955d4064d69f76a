"""The rendered events of the last build, for a rebuild: a contract whose digest is unchanged is not rendered again.

Rendering every event is most of the feeds' cost (130,000 occurrences at 10,000 contracts, two variants
each), and a rebuild after one edit changes one contract's. The events' bytes depend on their contract
(``repr``: every field), its git history (baselines), the day, the stamp, the settings, people's names,
whether the build is public, and pactwatch itself (digests.code_digest): those make each contract's
digest. Where an event goes (which feeds) is worked out afresh every time, as it depends on the others
(a counterparty's slug). The cache is data only (msgpack read by msgspec into plain types, never
pickle), sealed with the user's key (digests.Seal): a cache that cannot be read, is not sealed by this
user, or was made by another version, is ignored, and everything is rendered as in a clean build, with
the same bytes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from pactwatch.digests import Seal, code_digest, digest_of
from pactwatch.engine import Evaluation
from pactwatch.fileio import write_atomic
from pactwatch.model import Contract

CACHE_FILE = "feed-events.msgpack"  # in the build folder
FORMAT = 2  # 2: an event's bytes for all.ics, the person's and the counterparty's feeds apart

Record = tuple[str, bytes, bytes, bytes, bytes]  # one event: sort key, then its bytes for the contract, all, person, counterparty feeds
Events = dict[str, dict[str, list[Record]]]  # contract id -> occurrence key -> its events


class _Stored(msgspec.Struct, frozen=True):
    format: int
    digests: dict[str, bytes]  # contract id -> digest
    events: Events


@dataclass(slots=True)
class RenderCache:
    """The digests of the contracts whose events are held, and the events."""

    digests: dict[str, bytes] = field(default_factory=dict)
    events: Events = field(default_factory=dict)


def origin(contract_id: str, occurrence_key: str) -> str:
    return f"{contract_id}\0{occurrence_key}"


def stored(events: Events, contract_id: str, occurrence_key: str) -> list[Record] | None:
    return events.get(contract_id, {}).get(occurrence_key)


def build_digest(evaluation: Evaluation, *, public: bool, stamp: str, names: Mapping[str, str]) -> bytes:
    """What every event of this build shares."""
    return digest_of(
        code_digest(),
        evaluation.today.isoformat(),
        stamp,
        str(public),
        repr(evaluation.portfolio.settings),
        repr(sorted(names.items())),
    )


def contract_digest(shared: bytes, contract: Contract, evaluation: Evaluation) -> bytes:
    history = evaluation.history.contracts.get(contract.source) if evaluation.history is not None else None
    return digest_of(shared, repr(contract), repr(history))


def reusable(previous: RenderCache, digests: Mapping[str, bytes]) -> frozenset[str]:
    """The contracts whose events ``previous`` holds as this build would render them."""
    return frozenset(cid for cid, digest in digests.items() if previous.digests.get(cid) == digest)


def load(build_dir: Path, seal: Seal) -> RenderCache:
    """The last build's events ({} when there are none, they cannot be read, or they are not sealed by this
    user's key: digests.Seal)."""
    try:
        data = seal.open((build_dir / CACHE_FILE).read_bytes())
        if data is None:
            return RenderCache()
        stored = msgspec.msgpack.decode(data, type=_Stored)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return RenderCache()
    if stored.format != FORMAT:
        return RenderCache()
    return RenderCache(dict(stored.digests), stored.events)


def save(build_dir: Path, cache: RenderCache, seal: Seal) -> None:
    """Keep ``cache`` for the next build; one that cannot be written only means the next build renders everything."""
    try:
        write_atomic(build_dir / CACHE_FILE, seal.sign(msgspec.msgpack.encode(_Stored(FORMAT, cache.digests, cache.events))))
    except OSError:
        forget(build_dir)


def forget(build_dir: Path) -> None:
    with contextlib.suppress(OSError):  # then load() finds it stale or unreadable, and the digests decide
        (build_dir / CACHE_FILE).unlink(missing_ok=True)
