"""PURE: portfolio + approval policy -> the text of .github/CODEOWNERS.

Each contract file is owned by its owner's GitHub handle plus the teams of every approval rule it
matches (``approvals:`` in pactwatch.yml; all conditions of one ``when`` must hold):

- ``min_value``: the contract's value is at least this much, in the portfolio currency. A value in
  another currency cannot be compared without a rate, so it matches (the conservative side: ask).
- ``type``: the contract's type is one of these.
- ``tags``: the contract has one of these tags.

The settings, the people and everything that runs code or shapes output (``GUARDED``: templates are
Jinja run by ``report``, ``build``, ``alerts`` and ``new``; mkdocs.yml and docs/ feed the site build;
.github/ holds the workflows and this file) are owned by every team the policy names, the people who
already approve the largest changes, so a pull request cannot loosen the policy or change what runs
without them. A policy that names no team falls back to the people at the top of people.yaml (no
manager) who have a GitHub handle: someone must own what runs.

Mind GitHub's rule: approval by ANY ONE code owner listed for a file satisfies "require review from
code owners". ``pactwatch approvals`` lists every approval the policy asks for, so reviewers can see
when one is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pactwatch.catalogue import text, word
from pactwatch.escape.codeowners import pattern as codeowners_pattern
from pactwatch.model import ApprovalRule, Contract, Person, Portfolio, Settings

PATH = ".github/CODEOWNERS"
GUARDED = ("pactwatch.yml", "people.yaml", "schema/", "templates/", "mkdocs.yml", "docs/", ".github/")


def matches(rule: ApprovalRule, contract: Contract, currency: str) -> bool:
    if rule.types and contract.type not in rule.types:
        return False
    if rule.tags and not set(rule.tags) & set(contract.tags):
        return False
    if rule.min_value is not None:
        if contract.value is None:
            return False
        if contract.value.currency == currency and contract.value.amount < rule.min_value:
            return False
    return True


def describe(rule: ApprovalRule, currency: str) -> str:
    """The rule's condition in a few words, e.g. "value >= 1,000,000 CNY; type lease or framework"."""
    parts = []
    if rule.min_value is not None:
        parts.append(f"value >= {rule.min_value:,} {currency}")
    if rule.types:
        parts.append("type " + " or ".join(rule.types))
    if rule.tags:
        parts.append("tag " + " or ".join(rule.tags))
    return "; ".join(parts) or "every contract"


def teams_for(contract: Contract, settings: Settings) -> list[str]:
    return sorted({team for rule in settings.approvals if matches(rule, contract, settings.currency) for team in rule.require})


def owner_handle(contract: Contract, people: Mapping[str, Person]) -> str | None:
    person = people.get(contract.owner)
    return f"@{person.github}" if person is not None and person.github else None


def guardians(portfolio: Portfolio) -> tuple[str, list[str]]:
    """Who owns GUARDED, and the catalogue id of why: every team of the policy, else the people with no manager."""
    teams = sorted({team for rule in portfolio.settings.approvals for team in rule.require})
    if teams:
        return "codeowners.guarded.teams", teams
    top = sorted(f"@{p.github}" for p in portfolio.people.values() if p.manager is None and p.github)
    return "codeowners.guarded.top", top


def _line(pattern: str, owners: Iterable[str]) -> str:
    return " ".join([pattern, *owners])


def render(portfolio: Portfolio, language: str | None = None) -> str:
    """CODEOWNERS text for a portfolio kept at the root of its repository.

    Its comments are in ``language``, by default the portfolio's: a committed file must not change with --lang."""
    settings, language = portfolio.settings, language or portfolio.settings.language

    def comment(message_id: str, **facts: str) -> str:
        return "# " + text(message_id, language, **facts)

    lines = [comment("codeowners.generated"), comment("codeowners.by_hand") + "\n"]
    why, owners = guardians(portfolio)
    lines.append(comment("codeowners.guarded", why=word(why, language)))
    if owners:
        lines += [_line(codeowners_pattern(name), owners) for name in GUARDED]
    else:
        lines.append(comment("codeowners.nobody"))
    lines.append("")
    lines.append(comment("codeowners.contracts"))
    for contract in sorted(portfolio.contracts, key=lambda c: c.source):
        handle = owner_handle(contract, portfolio.people)
        owners = ([handle] if handle else []) + teams_for(contract, settings)
        try:
            pattern = codeowners_pattern(contract.source)
        except ValueError:  # a line break in the name would start a rule of its own
            lines.append(comment("codeowners.unnamable", contract=contract.id))
            continue
        if owners:
            lines.append(_line(pattern, owners))
        else:
            lines.append(comment("codeowners.unowned", source=contract.source))
    return "\n".join(lines) + "\n"
