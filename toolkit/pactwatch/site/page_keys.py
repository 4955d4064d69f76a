"""What a page is made of, as one digest: a rebuild renders only the pages whose digest changed.

A contract page reads its contract (``digests.content``: every field of the frozen record), the
risks naming it, its git changes and re-plans, its counterparty's slug and whether its feed exists;
and, like every page, the day, the settings, people.yaml, who owns something, whether the site is
public, the portfolio's own templates and pactwatch itself (digests.code_digest). The first group is
digested per contract, the second once per build. A person's or a counterparty's page reads only the
contracts it is about (a person: the contracts they own or own a milestone of), so its digest is theirs
together, with the risks about the counterparty and whether the page's feed exists (``Keeper``).
The digests are kept in the build folder next to the generated tree; a page whose digest is unchanged
and whose file is still there is not rendered again (tree.py). Anything unknown to a digest would
leave a page stale, so tests compare rebuilds with clean builds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from pactwatch import naming
from pactwatch.digests import Seal, code_digest, content, digest_of, tree_digest
from pactwatch.fileio import write_atomic
from pactwatch.site.context import Site

KEYS_FILE = "page-keys.json"  # in the build folder: {docs path: digest}


def build_digest(site: Site) -> bytes:
    """What every contract page of this build shares (see the module docstring)."""
    own_templates = (site.data.root / "templates" / "site",) if site.data.root is not None else ()
    return digest_of(
        code_digest(),
        tree_digest(own_templates),
        site.today.isoformat(),
        str(site.public),
        repr(site.settings),
        repr(sorted(site.people.items())),
        repr(sorted(site.by_owner)),
    )


def contract_key(site: Site, shared: bytes, contract_id: str) -> str:
    """The digest of one contract page."""
    contract = site.ev.contracts[contract_id].contract
    history = site.ev.history.contracts.get(contract.source) if site.ev.history is not None else None
    return digest_of(
        shared,
        content(contract),
        repr(site.risks_by_contract.get(contract_id, ())),
        repr(site.data.history.get(contract.source, ())),
        repr(history),
        site.counterparty_slug(contract.counterparty),
        str(naming.contract_feed(contract_id) in site.feeds),
    ).hex()


class Keeper:
    """Per process and build: the digests of pages about several contracts, and whether each may be kept.

    A page family asks ``unchanged(path, key)`` before rendering a page; every digest asked about is
    recorded (``keys``) for the next build."""

    def __init__(self, site: Site, shared: bytes, previous: Mapping[str, str], docs: Path) -> None:
        self.site, self.shared, self.previous, self.docs = site, shared, previous, docs
        self.keys: dict[str, str] = {}
        self._contracts: dict[str, str] = {}

    def contract(self, contract_id: str) -> str:
        found = self._contracts.get(contract_id)
        if found is None:
            found = self._contracts[contract_id] = contract_key(self.site, self.shared, contract_id)
        return found

    def about(self, kind: str, name: str, contract_ids: Iterable[str], *facts: str) -> str:
        """The digest of a page about ``contract_ids`` (in the page's order) and ``facts`` of its own."""
        return digest_of(self.shared, kind, name, *facts, *(self.contract(cid) for cid in contract_ids)).hex()

    def unchanged(self, path: str, key: str) -> bool:
        """True when the last build wrote ``path`` from the same inputs and the file is still there."""
        self.keys[path] = key
        return self.previous.get(path) == key and (self.docs / path).is_file()


def load(build_dir: Path, seal: Seal) -> dict[str, str]:
    """The digests of the last build's contract pages ({} when there is none, it cannot be read, or it is not
    sealed by this user's key: digests.Seal)."""
    try:
        data = seal.open((build_dir / KEYS_FILE).read_bytes())
        keys = json.loads(data) if data is not None else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(keys, dict):
        return {}
    return {str(k): str(v) for k, v in keys.items()}


def save(build_dir: Path, keys: Mapping[str, str], seal: Seal) -> None:
    data = json.dumps(dict(sorted(keys.items())), separators=(",", ":")).encode("utf-8")
    write_atomic(build_dir / KEYS_FILE, seal.sign(data))


def forget(build_dir: Path) -> None:
    """Until the pages are written, a build that stops half-way leaves no digests that vouch for them."""
    (build_dir / KEYS_FILE).unlink(missing_ok=True)
