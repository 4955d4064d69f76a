"""The contract id matches its file; milestone ids are unique in the contract."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    stem = PurePosixPath(contract.source).name.removesuffix(".yaml").removesuffix(".yml")
    if contract.id != stem:
        yield site.finding(
            "PW301",
            "/id",
            f"contract id '{contract.id}' differs from the file name '{stem}'",
            f"rename the file to {contract.id}.yaml or change the id",
        )
    seen: set[str] = set()
    for milestone in contract.milestones:
        if milestone.id in seen:
            yield site.finding(
                "PW303", f"/milestones/{milestone.index}/id", f"milestone id '{milestone.id}' is used twice in this contract"
            )
        seen.add(milestone.id)
