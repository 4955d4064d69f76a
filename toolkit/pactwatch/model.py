"""Typed, frozen records of a portfolio, built from schema-valid data.

Everything downstream (engine, feeds, site, alerts, ledger) reads these records,
never the raw YAML mappings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, NamedTuple, get_args

# The closed choices of the format; their words are in pactwatch.vocabulary, and a test holds the
# schema's enums, these Literals and the vocabulary's tables to the same values.
ContractType = Literal["sales", "purchase", "service", "lease", "nda", "framework", "other"]
ContractStatus = Literal["draft", "active", "completed", "terminated", "expired"]
MilestoneKind = Literal["payment", "delivery", "acceptance", "service", "report", "renewal", "other"]
MilestoneStatus = Literal["pending", "in_progress", "done", "waived", "cancelled"]
RepeatUnit = Literal["day", "week", "month", "quarter", "year"]
BusinessDay = Literal["following", "preceding", "modified_following", "none"]  # how a date on a non-working day moves
Side = Literal["sell", "buy"]  # what we are in a contract: seller, provider, lessor / buyer, client, lessee
Party = Literal["us", "them"]  # who must perform a milestone

CONTRACT_TYPES: tuple[ContractType, ...] = get_args(ContractType)
CONTRACT_STATUSES: tuple[ContractStatus, ...] = get_args(ContractStatus)
MILESTONE_KINDS: tuple[MilestoneKind, ...] = get_args(MilestoneKind)
MILESTONE_STATUSES: tuple[MilestoneStatus, ...] = get_args(MilestoneStatus)
REPEAT_UNITS: tuple[RepeatUnit, ...] = get_args(RepeatUnit)
BUSINESS_DAYS: tuple[BusinessDay, ...] = get_args(BusinessDay)
SIDES: tuple[Side, ...] = get_args(Side)
PARTIES: tuple[Party, ...] = get_args(Party)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    email: str | None = None
    github: str | None = None
    team: str | None = None
    manager: str | None = None
    mobile: str | None = None
    dingtalk: str | None = None
    wecom: str | None = None
    feishu: str | None = None
    slack: str | None = None
    digest: Literal["weekly"] | None = None  # ``digest: weekly``: one message on Mondays instead of single reminders


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class Counterparty:
    name: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    start: date
    end: date
    auto_renew: bool = False
    renewal_months: int | None = None
    notice_days: int | None = None


@dataclass(frozen=True, slots=True)
class Repeat:
    every: int
    unit: RepeatUnit
    until: date | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Ack:
    until: date
    note: str = ""


@dataclass(frozen=True, slots=True)
class DueAfter:
    """``due_after: {milestone: M3, days: 30}``: due a number of (working) days after another milestone is complete."""

    anchor: str  # a milestone id, or an occurrence of a recurring one: "R1@2026-05-31"
    days: int
    working: bool = False  # days counts working days (needs the settings' calendar)


NO_COMPLETIONS: Mapping[date, date] = {}  # shared by every milestone without completed occurrences: never mutated


class Milestone(NamedTuple):
    """One obligation of a contract.

    A NamedTuple rather than a frozen dataclass: a large portfolio holds
    100,000 of these, and a tuple is rebuilt from the validation cache in C, in
    half the time of setting a dataclass's slots one by one. Immutable all the
    same; change one with ``m._replace(...)``.
    """

    id: str
    title: str
    kind: MilestoneKind
    due: date
    owner: str
    currency: str  # the contract's currency unless the milestone names one
    amount: Decimal | None = None
    depends_on: tuple[str, ...] = ()
    status: MilestoneStatus = "pending"
    completed_on: date | None = None
    evidence: str | None = None
    remind_days: tuple[int, ...] | None = None
    ack: Ack | None = None
    repeat: Repeat | None = None
    completed: Mapping[date, date] = NO_COMPLETIONS  # occurrence due -> completion
    index: int = 0  # type: ignore[assignment]  # position in the milestones list (for JSON pointers); hides tuple.index
    line: int = 0  # line of the milestone in its file (for annotations)
    due_after: DueAfter | None = None  # a relative deadline: ``due`` is then provisional (calendar days, anchors' own dates)
    business_day: BusinessDay | None = None  # this milestone's convention, over the contract's and the settings'
    baseline_due: date | None = None  # ``baseline_due:``: the original plan, over the one read from git history
    by: Party = "us"  # ``by:``, else the default of the kind and the contract's side (pactwatch.parties)


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """One entry of a contract's ``terms:`` (payment_days: 30).

    A decimal number is kept apart from text, whole numbers and flags because
    the data-only cache cannot tell a Decimal from text within one field.
    """

    key: str
    scalar: str | int | bool | None = None  # text, a whole number or true/false, as written
    number: Decimal | None = None  # a number with decimals, exact

    @property
    def value(self) -> str | int | bool | Decimal:
        if self.number is not None:
            return self.number
        assert self.scalar is not None  # construct sets exactly one of the two
        return self.scalar


@dataclass(frozen=True, slots=True)
class LateFee:
    """``terms.late_fee: {rate_per_day: 0.05%}`` or ``terms.late_interest: {rate_per_year: 3.65%}``: what lateness costs."""

    rate: Decimal  # a fraction: 0.05% is 0.0005
    per: Literal["day", "year"]  # late_fee: per day late; late_interest: per year, day by day (365 or 366)
    cap: Decimal | None = None  # a fraction of the late amount
    grace_days: int = 0  # days late that cost nothing


@dataclass(frozen=True, slots=True)
class Amendment:
    id: str
    date: date
    summary: str


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Contract:
    id: str
    title: str
    type: ContractType
    status: ContractStatus
    owner: str
    counterparty: Counterparty
    milestones: tuple[Milestone, ...]
    source: str  # path relative to the portfolio root, with forward slashes
    currency: str  # value.currency, else the portfolio's default
    value: Money | None = None
    signed_on: date | None = None
    term: Term | None = None
    terms: tuple[KeyTerm, ...] = ()  # sorted by key
    amendments: tuple[Amendment, ...] = ()
    documents: tuple[Document, ...] = ()
    tags: tuple[str, ...] = ()
    side: Side | None = None  # ``side:``, else sell for sales and buy for purchase; None: not stated (pactwatch.parties)
    late_fee: LateFee | None = None  # ``terms.late_fee`` or ``terms.late_interest``
    confidential: bool = False
    term_line: int = 0  # line of `term:` in the file (annotations for notice deadlines)
    business_day: BusinessDay | None = None  # ``terms.business_day``: the contract's convention, over the settings'
    watchers: tuple[str, ...] = ()  # ``watchers:``: people ids or teams (people.yaml) told of every merged change


@dataclass(frozen=True, slots=True)
class RiskSettings:
    consecutive_delays: int = 2
    slow_payment_factor: Decimal = Decimal(2)
    slow_payment_min_days: int = 10
    notice_window_days: int = 30
    concentration_share: Decimal = Decimal("0.4")
    replans: int = 2  # a milestone re-planned this many times is slipping (pactwatch.history)
    slip_days: int = 30  # ... or this many days behind its baseline


@dataclass(frozen=True, slots=True)
class ApprovalRule:
    require: tuple[str, ...]
    min_value: Decimal | None = None
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CalendarSettings:
    """``calendar: {country: CN}``: the working days of a country (the holidays package), corrected by the company."""

    country: str
    subdivision: str | None = None
    extra_holidays: tuple[date, ...] = ()
    extra_workdays: tuple[date, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedWindow:
    """``feeds: {window: {past_days: 60, future_days: 400}}``: what the all, person and counterparty feeds hold
    besides every open milestone (a contract's own feed holds everything)."""

    past_days: int = 60
    future_days: int = 400


@dataclass(frozen=True, slots=True)
class Settings:
    timezone: str = "UTC"
    language: Literal["zh", "en"] = "en"
    currency: str = "CNY"
    reminders: tuple[int, ...] = (7, 3, 0)
    due_soon_days: int = 7
    escalate_after_days: int = 7
    overdue_every_days: int = 7  # while overdue, the owner (and once escalated, the manager) hears again this often
    site_url: str | None = None
    repository: str | None = None
    risk: RiskSettings = field(default_factory=RiskSettings)
    reminder_events: bool = False
    feed_window: FeedWindow = field(default_factory=FeedWindow)
    feed_max_mb: float = 3  # ``feeds: {max_mb: 3}``: no aggregate feed larger (the window narrows), overdue items aside
    site_max_mb: int | None = None  # ``site: {max_size_mb: 1000}``: build fails when the site is larger
    approvals: tuple[ApprovalRule, ...] = ()
    notify: Mapping[str, object] = field(default_factory=dict)
    calendar: CalendarSettings | None = None  # None: calendar days, no working-day rules (as before calendars)
    business_day: BusinessDay = "none"
    reminders_in_working_days: bool = False  # ``reminders: {working_days: [5, 2, 0]}``
    timezone_assumed: bool = False  # no zone in pactwatch.yml nor from the language: UTC, and validate warns (PW355)
    term_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # {payment_days: {zh: .., en: ..}}: see term_label


@dataclass(frozen=True, slots=True)
class Portfolio:
    settings: Settings
    people: Mapping[str, Person]
    contracts: tuple[Contract, ...]  # sorted by id

    def contract(self, contract_id: str) -> Contract | None:
        for contract in self.contracts:
            if contract.id == contract_id:
                return contract
        return None
