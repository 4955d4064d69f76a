"""digests.content: every field of a contract record as bytes, the same in every process (page keys and event reuse)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import typing
from datetime import date, timedelta

import pytest

from pactwatch import model
from pactwatch.digests import content
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings
from tests.conftest import REPO_ROOT


def _contracts() -> tuple[model.Contract, ...]:
    return load_portfolio(REPO_ROOT, date(2026, 11, 27), settings=load_settings(REPO_ROOT)).portfolio.contracts


def _annotations(cls: type, seen: set[type]) -> typing.Iterator[str]:
    """The annotations of a model record and of the records (dataclasses, NamedTuples) it holds, as text."""
    if cls in seen:
        return
    seen.add(cls)
    for name, hint in typing.get_type_hints(cls).items():
        yield f"{cls.__name__}.{name}: {hint}"
        for arg in (*typing.get_args(hint), hint):
            for inner in (*typing.get_args(arg), arg):
                if isinstance(inner, type) and (dataclasses.is_dataclass(inner) or hasattr(inner, "_fields")):  # NamedTuples too
                    yield from _annotations(inner, seen)


def test_the_model_holds_no_sets_whose_order_would_vary_between_processes() -> None:
    annotations = list(_annotations(model.Contract, set()))
    assert any(a.startswith("Milestone.") for a in annotations) and any(a.startswith("Counterparty.") for a in annotations)
    assert [a for a in annotations if "set[" in a.lower() or "frozenset" in a.lower()] == []


def test_the_same_bytes_under_every_hash_seed() -> None:
    program = (
        "import hashlib; from datetime import date; from pactwatch.digests import content\n"
        "from pactwatch.load.portfolio import load_portfolio; from pactwatch.settings import load_settings\n"
        f"root = __import__('pathlib').Path({str(REPO_ROOT)!r})\n"
        "cs = load_portfolio(root, date(2026, 11, 27), settings=load_settings(root)).portfolio.contracts\n"
        "print(hashlib.sha256(b''.join(content(c) for c in cs)).hexdigest())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", program],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": "/nonexistent-pactwatch-cache"},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


def _changed_milestone(contract: model.Contract, **change: object) -> model.Contract:
    first = contract.milestones[0]
    return dataclasses.replace(contract, milestones=(first._replace(**change), *contract.milestones[1:]))


@pytest.mark.parametrize(
    "edit",
    [
        lambda c: dataclasses.replace(c, title=c.title + " "),
        lambda c: dataclasses.replace(c, owner=c.owner + "x"),
        lambda c: dataclasses.replace(c, counterparty=dataclasses.replace(c.counterparty, name=c.counterparty.name + "x")),
        lambda c: _changed_milestone(c, title=c.milestones[0].title + "x"),
        lambda c: _changed_milestone(c, due=c.milestones[0].due + timedelta(days=1) if c.milestones[0].due else date(2030, 1, 1)),
        lambda c: _changed_milestone(c, by="them" if c.milestones[0].by != "them" else "us"),
        lambda c: _changed_milestone(c, completed={**c.milestones[0].completed, date(2026, 1, 1): date(2026, 1, 2)}),
    ],
    ids=["title", "owner", "counterparty", "milestone title", "due", "who owes it", "completed occurrence"],
)
def test_any_edit_changes_the_bytes(edit: typing.Callable[[model.Contract], model.Contract]) -> None:
    for contract in _contracts():
        assert content(edit(contract)) != content(contract), contract.id
