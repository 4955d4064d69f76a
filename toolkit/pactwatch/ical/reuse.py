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

The cache is cut into ``SHARDS`` files by contract (~1.6 MB each at 10,000 contracts, whose events are
100 MB): a rebuild after one edit rewrites the one file holding that contract, not all of them (1.0 s of
writing at 10,000 contracts became 0.01 s).
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from pactwatch.digests import Seal, code_digest, content, digest_of
from pactwatch.engine import Evaluation
from pactwatch.fileio import write_atomic
from pactwatch.model import Contract

CACHE_DIR = "feed-events"  # in the build folder: SHARDS files, a contract's events in shard_of(its id)
OLD_CACHE_FILE = "feed-events.msgpack"  # before the shards: removed when seen
SHARDS = 64
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
    # which shard files hold what as read (shard -> contract ids), and the contracts rendered afresh: save()
    # rewrites only a shard whose contracts changed
    shards: dict[int, frozenset[str]] = field(default_factory=dict, compare=False)
    fresh: frozenset[str] = field(default=frozenset(), compare=False)


def shard_of(contract_id: str) -> int:
    return zlib.crc32(contract_id.encode("utf-8")) % SHARDS


def shard_file(build_dir: Path, shard: int) -> Path:
    return build_dir / CACHE_DIR / f"{shard:02x}.msgpack"


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
    return digest_of(shared, content(contract), repr(history))


def reusable(previous: RenderCache, digests: Mapping[str, bytes]) -> frozenset[str]:
    """The contracts whose events ``previous`` holds as this build would render them."""
    return frozenset(cid for cid, digest in digests.items() if previous.digests.get(cid) == digest)


def load(build_dir: Path, seal: Seal) -> RenderCache:
    """The last build's events ({} for a shard that is missing, cannot be read, is not sealed by this user's key
    (digests.Seal) or was made by another version: its contracts are rendered again)."""
    cache = RenderCache()
    for shard in range(SHARDS):
        stored = _read(shard_file(build_dir, shard), seal)
        if stored is not None:
            cache.digests.update(stored.digests)
            cache.events.update(stored.events)
            cache.shards[shard] = frozenset(stored.digests)
    return cache


def _read(path: Path, seal: Seal) -> _Stored | None:
    try:
        data = seal.open(path.read_bytes())
        stored = msgspec.msgpack.decode(data, type=_Stored) if data is not None else None
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    return stored if stored is not None and stored.format == FORMAT else None


def save(build_dir: Path, cache: RenderCache, seal: Seal) -> None:
    """Keep ``cache`` for the next build, rewriting only the shards whose contracts changed (added, removed or
    rendered again). A shard that cannot be written only means the next build renders its contracts again."""
    with contextlib.suppress(OSError):
        (build_dir / OLD_CACHE_FILE).unlink(missing_ok=True)
    members: dict[int, list[str]] = {shard: [] for shard in range(SHARDS)}
    for contract_id in cache.digests:
        members[shard_of(contract_id)].append(contract_id)
    for shard, ids in members.items():
        if cache.shards.get(shard) == frozenset(ids) and not cache.fresh.intersection(ids):
            continue  # as read: the same contracts, none rendered again
        path = shard_file(build_dir, shard)
        stored = _Stored(FORMAT, {cid: cache.digests[cid] for cid in ids}, {cid: cache.events[cid] for cid in ids if cid in cache.events})
        try:
            write_atomic(path, seal.sign(msgspec.msgpack.encode(stored)))
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
