"""Semantic checks, one small module per family.

Per-file rules see one contract (and are cached with it); portfolio rules see
everything plus people.yaml and today, and run on every validation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules import completion, dependencies, identity, money, parties, relative, term, urls
from pactwatch.rules.site import Site

ContractRule = Callable[[Contract, Site], Iterator[Finding]]

CONTRACT_RULES: tuple[ContractRule, ...] = (
    identity.check,
    dependencies.check,
    relative.check,
    completion.check,
    term.check,
    money.check,
    parties.check,
    urls.check,
)


def check_contract(contract: Contract, site: Site) -> list[Finding]:
    return [finding for rule in CONTRACT_RULES for finding in rule(contract, site)]
