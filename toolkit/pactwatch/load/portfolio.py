"""Load and validate a whole portfolio: files -> findings + Portfolio.

Per-file work (parse, schema, model, per-file rules) depends only on the file's
bytes and the default currency, so its result is cached by content hash and,
cold, spread over the machine's cores. Cross-file rules (people, duplicate ids,
completion dates after today) always run: they are cheap.
"""

from __future__ import annotations

import hashlib
import os
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pactwatch.findings import Finding
from pactwatch.load.budget import over_portfolio_budget
from pactwatch.load.files import PEOPLE_FILE, digest_of, discover, read, read_with_stat
from pactwatch.load.people import load_people, remember_people, remembered_people
from pactwatch.load.store import ResultCache, Signature, decode, encode, signature
from pactwatch.model import Contract, Portfolio, Settings
from pactwatch.parallel import default_jobs, map_batches
from pactwatch.settings import SETTINGS_FILE, load_settings, timezone_warning

if TYPE_CHECKING:
    from pactwatch.load.yaml import Document

# The parser, schemas, constructors and rules are imported where files are parsed and checked,
# not here: a warm run that the cache answers needs none of them, and they are a good part of start-up.

FILE_SECONDS = 0.0006  # parsing, checking and building one contract file (measured ~0.6 ms): workers pay from ~400 files


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
    notices: tuple[str, ...] = ()  # what the cache had to ignore or could not write, for -v

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def process_contract(source: str, raw: bytes, default_currency: str) -> FileResult:
    """Everything about one contract file that does not depend on other files."""
    from pactwatch import rules
    from pactwatch.load import construct, schema
    from pactwatch.load.yaml import load_bytes
    from pactwatch.rules import occurrences
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
    site = Site(source, loaded)
    over_budget = occurrences.check(contract, site)
    if over_budget:  # reported instead of expanded: no rule (nor later command) expands its occurrences
        return FileResult(source, digest, tuple(findings + over_budget), None)
    findings += rules.check_contract(contract, site)
    return FileResult(source, digest, tuple(findings), contract)


def _encoded(result: FileResult) -> bytes | None:
    """The result as the cache stores it; None for one the data-only format cannot hold (it is then simply not cached)."""
    try:
        return encode(result)
    except (OverflowError, TypeError):
        return None


Sent = tuple[FileResult | None, bytes | None]  # (result, its encoding); a worker sends only the encoding when there is one


def _batch(default_currency: str, parent: int, batch: list[tuple[str, bytes]]) -> list[Sent]:
    """A share of the files, with their encodings: the cache stores these bytes as they are, never encoding twice.
    From a worker, a result that has an encoding is sent as that alone (decoding it is cheaper than unpickling)."""
    results = [process_contract(source, raw, default_currency) for source, raw in batch]
    if os.getpid() == parent:
        return [(result, _encoded(result)) for result in results]
    return [(None, blob) if (blob := _encoded(result)) is not None else (result, None) for result in results]


def _process_all(items: list[tuple[str, bytes]], default_currency: str, jobs: int) -> list[tuple[FileResult, bytes | None]]:
    """Each file's result and its encoded form for the cache (None when it cannot be encoded)."""
    size = max(50, len(items) // (jobs * 8))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    parts = map_batches(partial(_batch, default_currency, os.getpid()), batches, jobs=jobs, seconds=len(items) * FILE_SECONDS)
    return [_received(sent) for part in parts for sent in part]


def _received(sent: Sent) -> tuple[FileResult, bytes | None]:
    result, blob = sent
    if result is None:
        assert blob is not None
        result = decode(blob, FileResult)
        assert result is not None  # encoded just now by our own worker
    return result, blob


def load_portfolio(
    root: Path,
    today: date,
    *,
    settings: Settings | None = None,
    only: Sequence[str] | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    findings_only: bool = False,
    environ: Mapping[str, str] | None = None,
) -> Loaded:
    """Validate the portfolio under ``root`` (or just the contract files in ``only``) and build its records.

    With ``findings_only`` (what `pactwatch validate` needs): when no file, no
    person, no setting and not today has changed since a validation the cache
    remembers, its findings are the answer, no contract is decoded, and the
    returned portfolio holds no contracts.
    """
    settings = settings or load_settings(root)
    environ = os.environ if environ is None else environ
    cache = ResultCache.for_portfolio(root, settings.currency, environ) if use_cache else None
    scan = _scan(root, only, cache)
    if cache is None or only is not None:  # a few files are quick to check: remembering them would rewrite the cache file
        loaded = _load(root, today, settings, scan, cache, jobs)
    else:
        key = _run_key(root, today, scan)
        remembered = cache.run(key)
        if remembered is not None and findings_only:
            loaded = Loaded(Portfolio(settings=settings, people={}, contracts=()), remembered, len(scan.sources))
            _vouch(cache, scan)  # files read again only because they were new then: next time their stat will do
        else:  # a validation the cache remembers has the findings already: skip the cross-file rules
            loaded = _load(root, today, settings, scan, cache, jobs, known_findings=remembered)
            if remembered is None:
                cache.remember_run(key, loaded.findings)
    if cache is None:
        return loaded
    cache.save()
    return Loaded(loaded.portfolio, loaded.findings, loaded.files, tuple(cache.notices))


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
                known = cache.digest(source, os.lstat(os.path.join(root, source)))  # a link never matches a file
            except OSError:
                known = None  # reading it says why
            if known is not None:
                scan.digests[source] = known
                continue
        raw, stat = read_with_stat(root, source)
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
        raw = read(root, name)
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
    results, findings = _file_results(root, scan, settings.currency, cache, default_jobs(jobs))
    contracts = tuple(sorted((r.contract for r in results if r.contract is not None), key=lambda c: c.id))
    over_budget = over_portfolio_budget(contracts)
    if over_budget:  # left out, like a contract with errors in its own file: nothing expands them
        contracts = tuple(c for c in contracts if c.source not in over_budget)
    if known_findings is not None:  # a remembered validation: only the people themselves are needed
        people = {p.id: p for p in remembered_people(root, remember=cache is not None)}
        return Loaded(Portfolio(settings=settings, people=people, contracts=contracts), known_findings, len(scan.sources))
    from pactwatch.rules import counterparties, occurrences, portfolio_rules, relative
    from pactwatch.rules.site import Site

    people_list, people_findings, people_doc = load_people(root)
    findings += people_findings
    if cache is not None and people_doc is not None and not people_findings:
        remember_people(root, people_list)  # the next, warm run then needs no parser at all
    people = {p.id: p for p in people_list}
    sites = {r.source: Site(r.source, _lazy_document(root, r.source)) for r in results if r.contract is not None}
    findings += [occurrences.portfolio_finding(source, count, sites[source]) for source, count in over_budget.items()]
    if people_doc is not None and people_list:
        findings += portfolio_rules.check_people(people_list, Site(PEOPLE_FILE, people_doc))
    known = people if people_doc is not None and not people_findings else None  # owners are checked against a usable people.yaml
    findings += portfolio_rules.check_contracts(contracts, known, today, sites)
    findings += relative.check_calendar(contracts, settings, sites)
    findings += counterparties.check(contracts, sites)
    findings += timezone_warning(settings, exists=os.path.lexists(root / SETTINGS_FILE))
    findings += portfolio_rules.check_duplicate_ids(scan.all_sources, set(scan.sources), sites)
    portfolio = Portfolio(settings=settings, people=people, contracts=contracts)
    return Loaded(portfolio, tuple(sorted(findings, key=lambda f: f.sort_key)), len(scan.sources))


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
        _vouch(cache, scan)
    findings = unread + [d for d in scan.digests.values() if isinstance(d, Finding)]
    for result in results:
        findings.extend(result.findings)
    return results, findings


def _vouch(cache: ResultCache, scan: _Scan) -> None:
    """Remember the stat signature of every file read, so a later run can trust its stat instead of its bytes."""
    for source, stat_signature in scan.signatures.items():
        known = scan.digests[source]
        if isinstance(known, str):
            cache.vouch(source, known, stat_signature)


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
    for source in sources:
        known = scan.digests[source]
        assert isinstance(known, str)
        cached = cache.get(source, known) if cache is not None else None
        if cached is not None:
            results.append(cached)
            continue
        raw = scan.raws[source] if source in scan.raws else read(root, source)  # vouched for, but its entry was unusable
        if isinstance(raw, Finding):
            unread.append(raw)
        else:
            todo.append((source, raw))
    for result, blob in _process_all(todo, currency, jobs):
        if cache is not None and blob is not None:
            cache.put(result.source, result.digest, blob)
        results.append(result)
    return results, unread


def _lazy_document(root: Path, source: str) -> Callable[[], Document]:
    from pactwatch.load.yaml import Document, load_bytes

    def parse() -> Document:
        raw = read(root, source)
        loaded = load_bytes(source, raw) if isinstance(raw, bytes) else raw
        assert isinstance(loaded, Document)  # only files that loaded cleanly get here
        return loaded

    return parse
