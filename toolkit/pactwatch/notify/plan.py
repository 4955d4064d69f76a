"""What to tell whom: (evaluations, run day) -> notices, per-person digests and group batches. Pure.

A *notice* is one event worth a message: a reminder ``days_before`` a due date
(7/3/0 by default, or the milestone's ``remind_days``), a milestone that became
overdue that day, or an escalation (overdue for longer than
``escalate_after_days``, not acknowledged) that copies the owner's manager.
While a milestone stays overdue, a *follow-up* comes every ``overdue_every_days``
after the overdue day (the manager copied once it has escalated), so no overdue
item goes quiet. A person with ``digest: weekly`` gets none of these: on Mondays,
one *digest* notice for each of their items overdue or inside a reminder window.

Notices fire on a day. A run on day D plans D and, when earlier runs were
missed or failed, the days since the last complete run (at most
``catch_up_days`` back). Every notice is shown as the milestone stands on D
(a missed 7-day reminder read on the next day says "due in 6 days"), and a
milestone done since is not mentioned at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pactwatch.catalogue import Msg, msg
from pactwatch.engine import Evaluation, Occurrence, reminders
from pactwatch.model import Person, Settings

NoticeKind = Literal["reminder", "overdue", "followup", "escalation", "digest"]
_KIND_ORDER = {"escalation": 0, "overdue": 1, "followup": 1, "reminder": 2, "digest": 2}
_TAGS = {"overdue": "overdue", "escalation": "escalation"}


@dataclass(frozen=True, slots=True)
class Notice:
    occurrence: Occurrence  # as evaluated on the run day
    kind: NoticeKind
    days_before: int  # the reminder offset that fired; -1 for overdue, -days late for follow-ups; 0 for escalations; digest: due - day
    fired_on: date
    escalate_to: str | None = None  # the owner's manager, for escalations

    @property
    def owner(self) -> str:
        return self.occurrence.owner

    @property
    def key(self) -> str:
        """Stable id of the event in the delivery log: ``C-1/M3|2026-05-31|r7`` (``|late15``, ``|week2026-06-08``)."""
        if self.kind in _TAGS:
            tag = _TAGS[self.kind]
        elif self.kind == "followup":
            tag = f"late{-self.days_before}"
        elif self.kind == "digest":
            tag = f"week{self.fired_on.isoformat()}"
        else:
            tag = f"r{self.days_before}"
        return f"{self.occurrence.ref}|{self.occurrence.due.isoformat()}|{tag}"

    @property
    def sort_key(self) -> tuple[date, str, int, int]:
        return (self.occurrence.due, self.occurrence.ref, _KIND_ORDER[self.kind], -self.days_before)


@dataclass(frozen=True, slots=True)
class Digest:
    """One person's notices of the run (their e-mail, their GitHub comment)."""

    person: Person
    notices: tuple[Notice, ...]
    cc: tuple[Person, ...] = ()  # managers copied because of escalations


@dataclass(frozen=True, slots=True)
class GroupBatch:
    """The notices one chat group hears about, and the people to mention."""

    notices: tuple[Notice, ...]
    mention: tuple[Person, ...]  # owners, plus managers of escalations; sorted by id


def plan_days(today: date, complete_through: date | None, catch_up_days: int) -> tuple[date, ...]:
    """Days to plan: after the last complete run (never more than catch_up_days back), up to today."""
    start = today if complete_through is None or complete_through >= today else complete_through + timedelta(days=1)
    start = max(start, today - timedelta(days=catch_up_days))
    return tuple(start + timedelta(days=i) for i in range((today - start).days + 1))


def _escalated(o: Occurrence, day: date, days_late: int, settings: Settings) -> bool:
    acked = o.milestone.ack is not None and o.milestone.ack.until >= day
    return days_late > settings.escalate_after_days and not acked


def fired(ev: Evaluation, day: date | None = None, open_now: Sequence[Occurrence] | None = None) -> list[Notice]:
    """The notices that fire on ``day`` (default ``ev.today``) for the milestones open in ``ev``.

    A milestone open on ``ev.today`` was open on every earlier day too (nothing was completed), and
    its due date, reminder days and ack do not depend on the day: so one evaluation answers for the
    days a catch-up run looks back on, exactly as evaluating each of those days would for them.
    ``open_now``: ``ev.open()``, when the caller asks about several days.
    """
    settings, day = ev.portfolio.settings, day or ev.today
    candidates = open_now if open_now is not None else ev.open()
    found = [
        Notice(r.occurrence, "reminder" if r.days_before >= 0 else "overdue", r.days_before, day)
        for r in reminders.firing(candidates, day, settings, ev.workdays)
    ]
    for o in candidates:
        late = (day - o.due).days
        if late < 1:
            continue
        escalated = _escalated(o, day, late, settings)
        if escalated and not _escalated(o, day - timedelta(days=1), late - 1, settings):
            found.append(Notice(o, "escalation", 0, day, _manager(ev, o)))
        elif late > 1 and (late - 1) % settings.overdue_every_days == 0:  # the overdue day, then every N days after
            found.append(Notice(o, "followup", -late, day, _manager(ev, o) if escalated else None))
    return _weekly(ev, found, day, candidates)


def _manager(ev: Evaluation, o: Occurrence) -> str | None:
    owner = ev.portfolio.people.get(o.owner)
    return owner.manager if owner else None


def _weekly(ev: Evaluation, found: list[Notice], day: date, candidates: Sequence[Occurrence]) -> list[Notice]:
    """People with ``digest: weekly`` hear on Mondays only: one digest notice per item overdue or due soon on ``day``."""
    people, settings = ev.portfolio.people, ev.portfolio.settings
    weekly = {p.id for p in people.values() if p.digest == "weekly"}
    if not weekly:
        return found
    kept = [n for n in found if n.owner not in weekly]
    if day.weekday() != 0:
        return kept
    for o in candidates:
        until = (o.due - day).days
        if o.owner not in weekly or not _in_window(o, until, settings, ev):
            continue
        late = -until
        escalated = late > 0 and _escalated(o, day, late, settings)
        kept.append(Notice(o, "digest", until, day, _manager(ev, o) if escalated else None))
    return kept


def _in_window(o: Occurrence, until: int, settings: Settings, ev: Evaluation) -> bool:
    """Overdue, or due within its largest reminder window (at least ``due_soon_days``): what a digest lists."""
    window = max(reminders.offsets(o, settings, ev.workdays), default=0)
    return until <= max(window, settings.due_soon_days)


def notices_for(current: Evaluation, days: Sequence[date]) -> tuple[Notice, ...]:
    """Notices fired on each of ``days`` (up to ``current.today``) for what is still open today, sorted."""
    result: dict[str, Notice] = {}
    open_now = current.open()
    for day in days:
        for notice in fired(current, day, open_now):
            result.setdefault(notice.key, notice)
    return tuple(sorted(result.values(), key=lambda n: n.sort_key))


def digests(notices: Iterable[Notice], people: Mapping[str, Person]) -> tuple[list[Digest], list[Msg]]:
    """Per-owner digests (sorted by person id), and problems (owners missing from people.yaml), not yet worded."""
    by_owner: dict[str, list[Notice]] = {}
    for notice in notices:
        by_owner.setdefault(notice.owner, []).append(notice)
    result: list[Digest] = []
    problems: list[Msg] = []
    for owner_id in sorted(by_owner):
        person = people.get(owner_id)
        if person is None:
            problems.append(msg("notify.owner_unknown", owner=owner_id, count=len(by_owner[owner_id])))
            continue
        items = tuple(sorted(by_owner[owner_id], key=lambda n: n.sort_key))
        cc_ids = sorted({n.escalate_to for n in items if n.escalate_to and n.escalate_to != owner_id})
        result.append(Digest(person, items, tuple(people[i] for i in cc_ids if i in people)))
    return result, problems


def group_batch(notices: Iterable[Notice], people: Mapping[str, Person], teams: Sequence[str] = ()) -> GroupBatch | None:
    """The notices of owners in ``teams`` (all owners when empty) for one chat group; None when nothing."""
    chosen = tuple(n for n in notices if n.owner in people and (not teams or people[n.owner].team in teams))
    if not chosen:
        return None
    ids = {n.owner for n in chosen} | {n.escalate_to for n in chosen if n.escalate_to and n.escalate_to in people}
    return GroupBatch(tuple(sorted(chosen, key=lambda n: n.sort_key)), tuple(people[i] for i in sorted(ids)))


def upcoming(current: Evaluation) -> dict[str, tuple[Occurrence, ...]]:
    """Per owner, the open occurrences that are overdue or inside their largest reminder window (the GitHub digest).

    One pass over the evaluation, so a portfolio of 10,000 contracts and 50 owners costs one scan, not fifty.
    """
    settings = current.portfolio.settings
    result: dict[str, list[Occurrence]] = {}
    for o in current.occurrences:
        if not o.is_open or o.days_until is None:
            continue
        if _in_window(o, o.days_until, settings, current):
            result.setdefault(o.milestone.owner, []).append(o)
    return {owner: tuple(items) for owner, items in result.items()}
