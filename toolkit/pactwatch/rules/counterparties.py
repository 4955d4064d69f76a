"""One counterparty, one spelling: names that differ only by spaces, full-width characters or case (PW337).

"华为技术有限公司" and "华为技术有限公司 " or "ＡＣＭＥ Ltd" and "ACME Ltd" are the same company typed twice;
pages and feeds group contracts by the name as written, so each spelling would become a counterparty of its
own. A warning: the name may be right and the earlier one wrong, so nothing is left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.naming import name_key
from pactwatch.rules.site import Site

CODE = "PW337"


def spelling_key(name: str) -> str:
    """naming.name_key without any space: a Chinese name has none, so "华为技术 有限公司" is "华为技术有限公司" mistyped."""
    return name_key(name).replace(" ", "")


def check(contracts: Iterable[Contract], sites: Mapping[str, Site]) -> Iterator[Finding]:
    """Each contract whose counterparty name is a variant of the spelling most contracts use (ties: the first contract by id)."""
    spellings: dict[str, list[Contract]] = defaultdict(list)
    for contract in sorted(contracts, key=lambda c: (c.id, c.source)):
        spellings[spelling_key(contract.counterparty.name)].append(contract)
    for group in spellings.values():
        counts = Counter(c.counterparty.name for c in group)
        if len(counts) < 2:
            continue
        existing = max(counts, key=lambda name: counts[name])  # max keeps the first of equals: the earliest contract's
        first = next(c for c in group if c.counterparty.name == existing)
        for contract in group:
            if contract.counterparty.name == existing:
                continue
            message = msg("finding.counterparty_spelling", name=contract.counterparty.name, existing=existing)
            hint = msg("finding.hint.counterparty_spelling", contract=first.id, file=first.source, existing=existing)
            yield sites[contract.source].finding(CODE, "/counterparty/name", message, hint)
