"""A contract whose type does not say which side we are on states ``side`` when money moves in it."""

from __future__ import annotations

from collections.abc import Iterator

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.parties import SIDE_NEEDED
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    if contract.side is not None or contract.type not in SIDE_NEEDED:
        return
    if any(m.kind == "payment" for m in contract.milestones):
        message = msg("finding.side_not_stated", type=contract.type)
        yield site.finding("PW356", "/type", message, msg("finding.hint.state_side"))
