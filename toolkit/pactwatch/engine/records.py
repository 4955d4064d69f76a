"""What the engine answers: frozen records that every output reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Literal, NamedTuple, get_args

from pactwatch.catalogue import Msg
from pactwatch.history.records import PlanHistory
from pactwatch.model import Contract, Milestone, MilestoneKind, Portfolio, Term
from pactwatch.workdays import WorkCalendar

# In display order (worst first); their words are in pactwatch.vocabulary.
State = Literal["overdue", "due_soon", "upcoming", "done", "done_late", "waived", "cancelled"]
STATES: tuple[State, ...] = get_args(State)
OPEN_STATES: frozenset[State] = frozenset({"overdue", "due_soon", "upcoming"})
COMPLETED_STATES: frozenset[State] = frozenset({"done", "done_late"})

Health = Literal["overdue", "at_risk", "on_track", "draft", "completed", "expired", "terminated"]
HEALTHS: tuple[Health, ...] = get_args(Health)

RiskKind = Literal["repeated_delays", "slow_payment", "late_payables", "notice_window", "escalation", "concentration", "slipping"]
Severity = Literal["high", "medium", "low"]

NOTICE_ID = "_notice"  # derived notice-deadline milestones; never a valid user id (ids start alphanumeric)


class Occurrence(NamedTuple):
    """One milestone (or one occurrence of a recurring one, or a derived notice deadline) on one day.

    A NamedTuple rather than a frozen dataclass: a large portfolio has 100,000+ of these,
    and a tuple is built at C speed (a frozen dataclass sets each field through
    object.__setattr__). Immutable all the same.
    """

    contract: Contract
    milestone: Milestone
    key: str  # "M3", "M3@2026-05-31" for occurrences, "_notice@2027-02-15" for notice deadlines
    due: date
    completed_on: date | None
    state: State
    days_late: int  # days past due for overdue and done_late, else 0
    days_until: int | None  # due - today for open occurrences, else None
    blocked: bool  # some depends_on milestone is not done
    acknowledged: bool  # overdue with an ack whose `until` has not passed
    derived: bool = False  # computed from the term (notice deadline), not written in the YAML
    written: date | None = None  # the contractual (or anchor-computed) date when the business-day convention moved it
    projected: bool = False  # due after a milestone that is not complete yet: due is a projection
    baseline: date | None = None  # the original plan (baseline_due, else git history): engine.slippage

    @property
    def owner(self) -> str:
        return self.milestone.owner

    @property
    def kind(self) -> MilestoneKind:
        return self.milestone.kind

    @property
    def title(self) -> str:
        return self.milestone.title

    @property
    def amount(self) -> Decimal | None:
        return self.milestone.amount

    @property
    def currency(self) -> str:
        return self.milestone.currency

    @property
    def ref(self) -> str:
        """A portfolio-wide id: ``C-2026-001/M3@2026-05-31``."""
        return f"{self.contract.id}/{self.key}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True, slots=True)
class Progress:
    done: int  # done + done_late + waived occurrences
    total: int  # all occurrences except cancelled
    collected: Mapping[str, Decimal]  # per currency: amounts of completed payments
    planned: Mapping[str, Decimal]  # per currency: amounts of all non-cancelled, non-waived payments

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class ContractView:
    contract: Contract
    health: Health
    progress: Progress
    collected_share: float | None  # collected / value, when the contract has a value
    next_open: Occurrence | None  # the earliest open occurrence
    current_term: Term | None  # after automatic renewals
    notice_deadline: date | None  # for the current term
    occurrences: tuple[Occurrence, ...]  # sorted by due, key


@dataclass(frozen=True, slots=True)
class Risk:
    kind: RiskKind
    subject_type: Literal["contract", "counterparty", "person", "milestone"]
    subject: str  # contract id, counterparty name, person id, or occurrence ref
    severity: Severity
    detail: Msg  # the sentence not yet worded: catalogue id + facts (people named, numbers written); i18n.risk_sentence
    evidence: tuple[str, ...] = ()  # occurrence refs or contract ids that support it
    contract_ids: tuple[str, ...] = ()
    person: str | None = None  # who should act (e.g. the manager for an escalation)

    @property
    def facts(self) -> Mapping[str, str | int]:
        """The figures and names of the sentence."""
        return dict(self.detail.facts)


@dataclass(frozen=True, slots=True)
class Reminder:
    person: str
    occurrence: Occurrence
    days_before: int  # 0 = due today; -1 = became overdue today


@dataclass(frozen=True, slots=True)
class ContractParts:
    """What the expansion found for one contract, before views and risks are derived."""

    occurrences: tuple[Occurrence, ...]  # all of them, including open ones of inactive contracts
    term: Term | None
    notice: Occurrence | None


@dataclass(frozen=True)
class Evaluation:
    """Everything the engine knows on one day.

    ``occurrences`` is computed up front; ``risks`` and ``contracts`` (views with
    health and progress) are derived on first use, so a command that only lists
    milestones (status, check) does not pay for them on a large portfolio.
    """

    today: date
    portfolio: Portfolio
    occurrences: tuple[Occurrence, ...]  # sorted by due, contract id, key
    parts: Mapping[str, ContractParts]  # by contract id
    notices: tuple[Occurrence, ...]  # derived notice deadlines
    workdays: WorkCalendar | None = None  # the settings' calendar (None: calendar days)
    history: PlanHistory | None = None  # baselines and re-plans from git (pactwatch.history), when read

    def open(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.is_open]

    @cached_property
    def risks(self) -> tuple[Risk, ...]:
        from pactwatch.engine import risks

        people, settings = self.portfolio.people, self.portfolio.settings
        return tuple(risks.assess(self.occurrences, self.notices, people, settings, self.today, self.history))

    @cached_property
    def contracts(self) -> Mapping[str, ContractView]:
        """Per contract: health, progress, next milestone, current term."""
        from pactwatch.engine.contracts import view

        flagged = {cid for r in self.risks for cid in r.contract_ids if r.kind in ("notice_window", "repeated_delays", "slow_payment")}
        return {
            c.id: view(c, self.parts[c.id].occurrences, self.parts[c.id].term, self.parts[c.id].notice, c.id in flagged)
            for c in self.portfolio.contracts
        }
