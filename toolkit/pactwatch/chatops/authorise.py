"""Who may change a milestone from GitHub: its owner, the owner's manager, and the contract's approvers.

The approvers are those ``pactwatch approvals`` asks for (github/approvals.py): the contract owner's handle
and every team of an ``approvals:`` rule the contract matches. A team is asked about through
``member_of`` (the REST API's team membership), so this module stays pure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pactwatch.github.approvals import requirements
from pactwatch.model import Contract, Person, Settings


def _handle(person: Person | None) -> str | None:
    return f"@{person.github}" if person is not None and person.github else None


def allowed(contract: Contract, milestone_owner: str, people: Mapping[str, Person], settings: Settings) -> tuple[str, ...]:
    """ "@login" and "@org/team" handles, each once: the milestone owner, their manager, then the approvers."""
    owner = people.get(milestone_owner)
    manager = people.get(owner.manager) if owner is not None and owner.manager else None
    found = [_handle(owner), _handle(manager), *(r.who for r in requirements([contract], settings, people))]
    return tuple(dict.fromkeys(h for h in found if h))


def may_change(login: str, handles: tuple[str, ...], member_of: Callable[[str, str], bool]) -> bool:
    """Whether ``login`` is one of ``handles`` or in one of its teams (logins compare case-insensitively)."""
    for handle in handles:
        name = handle.removeprefix("@")
        if "/" in name:
            if member_of(name, login):
                return True
        elif name.casefold() == login.casefold():
            return True
    return False
