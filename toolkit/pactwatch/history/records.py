"""What the git history says about each milestone's plan: pure, frozen data (the cache stores it as it is).

A plan is written as text: an ISO date (``2026-06-15``) for ``due``, or ``M3+30d`` / ``M3+10wd`` for
``due_after`` (a relative deadline has no date of its own until its anchor is done).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

Planned = tuple[str, str, str, str]  # one version's milestone: id, title, kind, plan ("2026-06-15", "M3+30d", "M3+10wd")
Snapshot = tuple[str, tuple[Planned, ...]]  # one version of a contract file: its status, its milestones in file order


@dataclass(frozen=True, slots=True)
class Replan:
    """One commit on the main line that moved a milestone's due date (or its due_after)."""

    commit: str  # full hash
    day: date  # when it landed (committer date)
    author: str  # who made the commit: for a merge, who merged the pull request
    pull_request: int | None  # from "Merge pull request #N" or "Title (#N)"
    before: str  # the plan before (see the module docstring)
    after: str


@dataclass(frozen=True, slots=True)
class MilestoneHistory:
    baseline: str | None  # the plan when the contract became active (or when the milestone was added after that)
    replans: tuple[Replan, ...] = ()

    @property
    def baseline_date(self) -> date | None:
        return plan_date(self.baseline)


@dataclass(frozen=True, slots=True)
class ContractHistory:
    milestones: Mapping[str, MilestoneHistory] = field(default_factory=dict)  # by milestone id at HEAD


@dataclass(frozen=True, slots=True)
class PlanHistory:
    """Per contract file (its path at HEAD, relative to the portfolio root): its milestones' histories."""

    head: str  # the commit this was read at
    contracts: Mapping[str, ContractHistory] = field(default_factory=dict)

    def milestone(self, source: str, milestone_id: str) -> MilestoneHistory | None:
        contract = self.contracts.get(source)
        return None if contract is None else contract.milestones.get(milestone_id)


@dataclass(frozen=True, slots=True)
class TrendRow:
    month_end: date
    commit: str  # "" before the first commit
    due: int = 0
    done_on_time: int = 0
    overdue: int = 0  # overdue on that day, all of them
    overdue_amount: dict[str, Decimal] = field(default_factory=dict)
    planned: dict[str, Decimal] = field(default_factory=dict)  # receivables due in that month (payments by them)
    collected: dict[str, Decimal] = field(default_factory=dict)  # receivables collected in that month

    @property
    def on_time_rate(self) -> float | None:
        return self.done_on_time / self.due if self.due else None


def plan_date(plan: str | None) -> date | None:
    """The date of a plan written as a date; None for a relative one (or none)."""
    if plan is None or len(plan) != 10:
        return None
    try:
        return date.fromisoformat(plan)
    except ValueError:
        return None
