"""Load and validate a whole portfolio: files -> findings + Portfolio.

Per-file work (parse, schema, model, per-file rules) depends only on the file's
bytes and the default currency, so its result is cached by content hash and,
cold, spread over the machine's cores. Cross-file rules (people, duplicate ids,
completion dates after today) always run: they are cheap.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pactwatch.findings import Finding
from pactwatch.gcpause import paused
from pactwatch.load.store import ResultCache, Signature, remember_parse, remembered_parse, signature
from pactwatch.model import Contract, Person, Portfolio, Settings
from pactwatch.settings import SETTINGS_FILE, load_settings

if TYPE_CHECKING:
    from pactwatch.load.yaml import Document

# The parser, schemas, constructors and rules are imported where files are parsed and checked,
# not here: a warm run that the cache answers needs none of them, and they are a good part of start-up.

PEOPLE_FILE = "people.yaml"
CONTRACTS_DIR = "contracts"
_PARALLEL_THRESHOLD = 400  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True, slots=True)
class FileResult:
    source: str
    digest: str
    findings: tuple[Finding, ...]
    contract: Contract | None


@dataclass(frozen=True, slots=True)
class Loaded:
    portfolio: Portfolio
    findings: tuple[Finding, ...]  # sorted by file, line, column
    files: int

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def discover(root: Path) -> list[str]:
    """Contract files below ``contracts/``, as sorted POSIX paths relative to root."""
    base = root / CONTRACTS_DIR
    found: list[str] = []
    for directory, subdirs, files in os.walk(base):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        rel = Path(directory).relative_to(root).as_posix()
        found.extend(f"{rel}/{name}" for name in files if name.endswith((".yaml", ".yml")) and not name.startswith("."))
    return sorted(found)


def digest_of(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def process_contract(source: str, raw: bytes, default_currency: str) -> FileResult:
    """Everything about one contract file that does not depend on other files."""
    from pactwatch import rules
    from pactwatch.load import construct, schema
    from pactwatch.load.yaml import load_bytes
    from pactwatch.rules.site import Site

    digest = digest_of(raw)
    loaded = load_bytes(source, raw)
    if isinstance(loaded, Finding):
        return FileResult(source, digest, (loaded,), None)
    findings = schema.check(loaded, "contract")
    if any(f.severity == "error" for f in findings):
        return FileResult(source, digest, tuple(findings), None)
    contract, date_findings = construct.contract_from(loaded, source, default_currency)
    if contract is None:
        return FileResult(source, digest, tuple(findings + date_findings), None)
    findings += rules.check_contract(contract, Site(source, loaded))
    return FileResult(source, digest, tuple(findings), contract)


def _pickled_batch(batch: list[tuple[str, bytes]], default_currency: str) -> list[bytes]:
    """A worker's share, returned pickled: the cache stores these bytes as they are, never pickling twice."""
    return [pickle.dumps(process_contract(source, raw, default_currency), pickle.HIGHEST_PROTOCOL) for source, raw in batch]


def _process_all(items: list[tuple[str, bytes]], default_currency: str, jobs: int, keep: bool) -> list[tuple[FileResult, bytes]]:
    """Each file's result and, when ``keep`` (for the cache), its pickled form."""
    if jobs <= 1 or len(items) < _PARALLEL_THRESHOLD:
        results = [process_contract(source, raw, default_currency) for source, raw in items]
        return [(r, pickle.dumps(r, pickle.HIGHEST_PROTOCOL) if keep else b"") for r in results]
    from concurrent.futures import ProcessPoolExecutor  # imported here: it pulls in multiprocessing and logging (~30 ms)

    size = max(50, len(items) // (jobs * 8))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=gc.enable) as pool, paused():  # forked while paused: workers collect
        arriving = pool.map(_pickled_batch, batches, [default_currency] * len(batches))
        return [(pickle.loads(blob), blob) for batch in arriving for blob in batch]  # unpickled while later batches run


def _read(root: Path, source: str) -> bytes | Finding:
    raw, _ = _read_with_stat(root, source)
    return raw


def _read_with_stat(root: Path, source: str) -> tuple[bytes | Finding, os.stat_result | None]:
    """The file's bytes and its stat taken before reading (a later edit shows as a newer mtime)."""
    try:
        with open(os.path.join(root, source), "rb") as handle:  # plain strings: 10,000 Path objects cost 0.3 s
            stat = os.fstat(handle.fileno())
            return handle.read(), stat
    except OSError as exc:
        return Finding("PW001", "error", source, 1, 1, "", f"cannot read file: {exc.strerror}"), None


def load_people(root: Path) -> tuple[list[Person], list[Finding], Document | None]:
    from pactwatch.load import construct, schema
    from pactwatch.load.yaml import load_bytes

    path = root / PEOPLE_FILE
    if not path.exists():
        return (
            [],
            [
                Finding(
                    "PW001", "error", PEOPLE_FILE, 1, 1, "", "people.yaml is missing", "list the people who own contracts and milestones"
                )
            ],
            None,
        )
    raw = _read(root, PEOPLE_FILE)
    if isinstance(raw, Finding):
        return [], [raw], None
    loaded = load_bytes(PEOPLE_FILE, raw)
    if isinstance(loaded, Finding):
        return [], [loaded], None
    findings = schema.check(loaded, "people")
    if findings:
        return [], findings, loaded
    return construct.people_from(loaded.data), [], loaded


def load_portfolio(
    root: Path,
    today: date,
    *,
    settings: Settings | None = None,
    only: Sequence[str] | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
) -> Loaded:
    """Validate the portfolio under ``root`` (or just the contract files in ``only``)."""
    settings = settings or load_settings(root)
    cache = ResultCache(root, settings.currency) if use_cache else None
    scan = _scan(root, only, cache)
    if cache is None or only is not None:
        loaded = _load(root, today, settings, scan, cache, jobs)
    else:  # a validation the cache remembers has the findings already: skip the cross-file rules
        key = _run_key(root, today, scan)
        remembered = cache.run(key)
        loaded = _load(root, today, settings, scan, cache, jobs, known_findings=remembered)
        if remembered is None:
            cache.remember_run(key, loaded.findings)
    if cache is not None:
        cache.save()
    return loaded


def check_portfolio(
    root: Path,
    today: date,
    *,
    settings: Settings | None = None,
    only: Sequence[str] | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
) -> tuple[tuple[Finding, ...], int]:
    """The findings of validating the portfolio, and how many contract files were checked.

    What `pactwatch validate` needs, without the Portfolio: when no file, no
    person, no setting and not today has changed since a validation the cache
    remembers, its findings are the answer, and no contract is unpickled.
    """
    settings = settings or load_settings(root)
    cache = ResultCache(root, settings.currency) if use_cache else None
    scan = _scan(root, only, cache)
    if cache is None or only is not None:  # a few files are quick to check: remembering them would rewrite the cache file
        loaded = _load(root, today, settings, scan, cache, jobs)
        if cache is not None:
            cache.save()
        return loaded.findings, loaded.files
    key = _run_key(root, today, scan)
    remembered = cache.run(key)
    if remembered is None:
        remembered = _load(root, today, settings, scan, cache, jobs).findings
        cache.remember_run(key, remembered)
        cache.save()
    return remembered, len(scan.sources)


@dataclass(frozen=True, slots=True)
class _Scan:
    all_sources: list[str]  # every contract file (duplicate ids are found among them)
    sources: list[str]  # the files to check
    digests: dict[str, str | Finding]  # their content digests, or why they cannot be read
    raws: dict[str, bytes]  # the bytes of the files read: one the cache vouches for by its stat is not
    signatures: dict[str, Signature | None]  # stat signatures of the files read, for the cache


def _scan(root: Path, only: Sequence[str] | None, cache: ResultCache | None) -> _Scan:
    all_sources = discover(root)
    sources = all_sources if only is None else sorted(set(only))
    scan = _Scan(all_sources, sources, {}, {}, {})
    read_from = time.time_ns()  # only for the cache's racy-edit guard; results never depend on it
    for source in sources:
        if cache is not None:
            try:
                known = cache.digest(source, os.stat(os.path.join(root, source)))
            except OSError:
                known = None  # reading it says why
            if known is not None:
                scan.digests[source] = known
                continue
        raw, stat = _read_with_stat(root, source)
        if isinstance(raw, Finding):
            scan.digests[source] = raw
            continue
        scan.raws[source] = raw
        scan.digests[source] = digest_of(raw)
        assert stat is not None
        scan.signatures[source] = signature(stat, read_from)
    return scan


def _run_key(root: Path, today: date, scan: _Scan) -> str:
    """Everything a validation's findings depend on besides the code and schemas (the cache's own key)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{today.isoformat()}\0{len(scan.sources)}\0".encode())
    for name in (PEOPLE_FILE, SETTINGS_FILE):
        raw = _read(root, name)
        digest.update(raw if isinstance(raw, bytes) else b"\0unreadable\0")
        digest.update(b"\0file\0")
    digest.update("\0".join(scan.all_sources).encode())
    for source in scan.sources:
        known = scan.digests[source]
        digest.update(f"\0{source}\0{known if isinstance(known, str) else 'unreadable'}".encode())
    return digest.hexdigest()


def _load(
    root: Path,
    today: date,
    settings: Settings,
    scan: _Scan,
    cache: ResultCache | None,
    jobs: int | None,
    known_findings: tuple[Finding, ...] | None = None,
) -> Loaded:
    with paused():  # tens of thousands of small acyclic objects: collector passes over the heap would only cost time
        results, findings = _file_results(root, scan, settings.currency, cache, jobs or os.cpu_count() or 1)
        contracts = tuple(sorted((r.contract for r in results if r.contract is not None), key=lambda c: c.id))
        if known_findings is not None:  # a remembered validation: only the people themselves are needed
            people = {p.id: p for p in _remembered_people(root, remember=cache is not None)}
            return Loaded(Portfolio(settings=settings, people=people, contracts=contracts), known_findings, len(scan.sources))
        from pactwatch.rules import portfolio_rules
        from pactwatch.rules.site import Site

        people_list, people_findings, people_doc = load_people(root)
        findings += people_findings
        people = {p.id: p for p in people_list}
        sites = {r.source: Site(r.source, _lazy_document(root, r.source)) for r in results if r.contract is not None}
        if people_doc is not None and people_list:
            findings += portfolio_rules.check_people(people_list, Site(PEOPLE_FILE, people_doc))
        known = people if people_doc is not None and not people_findings else None  # owners are checked against a usable people.yaml
        findings += portfolio_rules.check_contracts(contracts, known, today, sites)
        findings += portfolio_rules.check_duplicate_ids(scan.all_sources, set(scan.sources), sites)
        portfolio = Portfolio(settings=settings, people=people, contracts=contracts)
        return Loaded(portfolio, tuple(sorted(findings, key=lambda f: f.sort_key)), len(scan.sources))


def _remembered_people(root: Path, *, remember: bool) -> list[Person]:
    """people.yaml's people, reused from the cache while its bytes are unchanged (and it parsed without findings)."""
    raw = _read(root, PEOPLE_FILE) if remember else None
    if isinstance(raw, bytes):
        known = remembered_parse(root, PEOPLE_FILE, raw)
        if isinstance(known, list):
            return known
    people, findings, _ = load_people(root)
    if isinstance(raw, bytes) and not findings:
        remember_parse(root, PEOPLE_FILE, raw, people)
    return people


def _file_results(root: Path, scan: _Scan, currency: str, cache: ResultCache | None, jobs: int) -> tuple[list[FileResult], list[Finding]]:
    """Each readable file's result (sorted by source) and every finding about single files."""
    readable = [source for source in scan.sources if isinstance(scan.digests[source], str)]
    if cache is not None and scan.sources is scan.all_sources:
        results, unread = _sharded_results(root, scan, readable, currency, cache, jobs)
        cache.keep_only(scan.all_sources)
    else:  # a few files (the pre-commit hook): file by file
        results, unread = _each_file_result(root, scan, readable, currency, cache, jobs)
    results.sort(key=lambda r: r.source)
    if cache is not None:
        for source, stat_signature in scan.signatures.items():
            known = scan.digests[source]
            if isinstance(known, str):
                cache.vouch(source, known, stat_signature)
    findings = unread + [d for d in scan.digests.values() if isinstance(d, Finding)]
    for result in results:
        findings.extend(result.findings)
    return results, findings


_SHARDS = 64


def _sharded_results(
    root: Path, scan: _Scan, sources: list[str], currency: str, cache: ResultCache, jobs: int
) -> tuple[list[FileResult], list[Finding]]:
    """Results shard by shard from the cache's snapshot; the shards some file of which changed, file by file."""
    shards: dict[int, list[str]] = {}
    for source in sources:
        shards.setdefault(zlib.crc32(source.encode()) % _SHARDS, []).append(source)
    results: list[FileResult] = []
    stale: dict[int, str] = {}  # shard -> its content key now
    for index, members in shards.items():
        key = hashlib.blake2b("\0".join(f"{s}\0{scan.digests[s]}" for s in members).encode(), digest_size=16).hexdigest()
        shard = cache.shard(index, key)
        if shard is None:
            stale[index] = key
        else:
            results.extend(shard)
    fresh, unread = _each_file_result(root, scan, [s for index in stale for s in shards[index]], currency, cache, jobs)
    results.extend(fresh)
    by_source = {r.source: r for r in fresh}
    for index, key in stale.items():
        if all(source in by_source for source in shards[index]):  # a file that could not be read after all: not this time
            cache.remember_shard(index, key, [by_source[source] for source in shards[index]])
    return results, unread


def _each_file_result(
    root: Path, scan: _Scan, sources: list[str], currency: str, cache: ResultCache | None, jobs: int
) -> tuple[list[FileResult], list[Finding]]:
    """Results of ``sources`` from the cache file by file, the rest computed; and the files that could not be read after all."""
    results: list[FileResult] = []
    unread: list[Finding] = []
    todo: list[tuple[str, bytes]] = []
    with paused():  # unpickling thousands of cached results: no cycles among them
        for source in sources:
            known = scan.digests[source]
            assert isinstance(known, str)
            cached = cache.get(source, known) if cache is not None else None
            if cached is not None:
                results.append(cached)
                continue
            raw = scan.raws[source] if source in scan.raws else _read(root, source)  # vouched for, but its entry was unusable
            if isinstance(raw, Finding):
                unread.append(raw)
            else:
                todo.append((source, raw))
    for result, blob in _process_all(todo, currency, jobs, keep=cache is not None):
        if cache is not None:
            cache.put(result.source, result.digest, blob)
        results.append(result)
    return results, unread


def _lazy_document(root: Path, source: str) -> Callable[[], Document]:
    from pactwatch.load.yaml import Document, load_bytes

    def parse() -> Document:
        loaded = load_bytes(source, (root / source).read_bytes())
        assert isinstance(loaded, Document)  # only files that loaded cleanly get here
        return loaded

    return parse
