"""The contract id matches its file; milestone ids are unique in the contract."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    stem = PurePosixPath(contract.source).name.removesuffix(".yaml").removesuffix(".yml")
    if contract.id != stem:
        yield site.finding(
            "PW301",
            "/id",
            msg("finding.id_differs_from_file", id=contract.id, stem=stem),
            msg("finding.hint.rename_file", id=contract.id),
        )
    seen: set[str] = set()
    for milestone in contract.milestones:
        if milestone.id in seen:
            yield site.finding("PW303", f"/milestones/{milestone.index}/id", msg("finding.milestone_id_twice", milestone=milestone.id))
        seen.add(milestone.id)
