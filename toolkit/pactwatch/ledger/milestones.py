"""Milestone rows and column groups of one contract -> the contract's milestones list.

One-off milestones: a completion date makes the milestone done (a status word
that says otherwise is overruled with a warning, or is an error when it says
waived or cancelled); "done" without a date is an error, since the format
needs the date. Rows sharing a milestone id with a repeat rule are the
occurrences of one recurring milestone (what export writes): the earliest due
date anchors it and each completed occurrence goes into ``completed``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pactwatch.catalogue import msg
from pactwatch.ledger import fields, words
from pactwatch.ledger.headers import MilestoneField
from pactwatch.ledger.layouts import Located
from pactwatch.ledger.problems import Cell, shown
from pactwatch.ledger.sink import Sink
from pactwatch.ledger.values import Amount, parse_amount, parse_date, parse_list, parse_text
from pactwatch.model import MilestoneStatus

Resolver = Callable[[Located, Sink], str | None]
_SHARED = ("title", "kind", "owner", "amount", "evidence", "depends_on", "remind_days", "ack", "repeat", "business_day")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A milestone as one row (or one column group) holds it."""

    cells: Mapping[MilestoneField, Located]
    title: str | None  # a column group's title
    where: Cell


@dataclass(slots=True)
class Row:
    id: str | None
    data: dict[str, Any]  # the keys every occurrence shares
    due: date | None  # None: due_after (in data) makes the date
    status: MilestoneStatus | None
    completed_on: date | None
    where: Cell
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Scope:
    """What milestones need from their contract."""

    currency: str
    owner: str | None
    today: date
    resolve: Resolver


def _amount(located: Located | None, scope: Scope, sink: Sink) -> Amount | None:
    parsed = sink.parse(located, lambda v: parse_amount(v, located.unit if located else None))
    if parsed is None or located is None:
        return None
    named = parsed.currency
    if (named and named != scope.currency) or (parsed.yen_sign and scope.currency not in ("CNY", "JPY")):
        sink.error(
            msg("ledger.problem.amount_currency", currency=named or "¥", contract_currency=scope.currency),
            located.cell,
            msg("ledger.hint.two_currencies"),
        )
        return None
    return parsed


def _kind(cells: Mapping[MilestoneField, Located], title: str, has_amount: bool, sink: Sink) -> str:
    located = cells.get("kind")
    if located is None:
        return words.guess_kind(title, has_amount)
    word = parse_text(located.value)
    kind = words.lookup(word, words.MILESTONE_KINDS)
    if kind is None:
        kind = words.guess_kind(f"{word} {title}", has_amount)
        sink.warning(
            msg("ledger.problem.milestone_kind", value=shown(word), kind=kind),
            located.cell,
            words.choices("ledger.hint.kinds", words.MILESTONE_KINDS),
        )
    return kind


def _status(located: Located | None, sink: Sink) -> MilestoneStatus | None:
    if located is None:
        return None
    found = words.lookup(parse_text(located.value), words.MILESTONE_STATUSES)
    if found is None:
        sink.error(
            msg("ledger.problem.milestone_status", value=shown(parse_text(located.value))),
            located.cell,
            words.choices("ledger.hint.statuses", words.MILESTONE_STATUSES),
        )
    return found


def _optional(cells: Mapping[MilestoneField, Located], data: dict[str, Any], sink: Sink, scope: Scope) -> None:
    if (evidence := sink.parse(cells.get("evidence"), parse_text)) is not None:
        data["evidence"] = evidence
    if (depends := sink.parse(cells.get("depends_on"), lambda v: [fields.local_id(x) for x in parse_list(v)])) is not None:
        data["depends_on"] = depends
    if (remind := sink.parse(cells.get("remind_days"), fields.int_list)) is not None:
        data["remind_days"] = remind
    if (acked := sink.parse(cells.get("ack"), fields.ack)) is not None:
        data["ack"] = acked
    if (rule := sink.parse(cells.get("repeat"), fields.repeat)) is not None:
        data["repeat"] = rule
    if (convention := sink.parse(cells.get("business_day"), fields.business_day)) is not None:
        data["business_day"] = convention
    if (named := sink.parse(cells.get("milestone_currency"), fields.currency)) is not None and named != scope.currency:
        said = msg("ledger.problem.milestone_currency", currency=named, contract_currency=scope.currency)
        sink.error(said, cells["milestone_currency"].cell)


def parse_row(candidate: Candidate, scope: Scope, sink: Sink) -> Row | None:
    cells = candidate.cells
    before = len(sink.problems)
    title = sink.parse(cells.get("milestone"), parse_text) or candidate.title
    due, relative = _due(cells, sink)
    if not title:
        sink.error(msg("ledger.problem.no_milestone_title"), candidate.where)
    if due is None and relative is None and "due" not in cells:
        sink.error(msg("ledger.problem.no_due", title=shown(title)) if title else msg("ledger.problem.no_due_untitled"), candidate.where)
    amount = _amount(cells.get("amount"), scope, sink)
    data: dict[str, Any] = {"title": title, "kind": _kind(cells, title or "", amount is not None, sink)}
    owner = scope.resolve(cells["milestone_owner"], sink) if "milestone_owner" in cells else scope.owner
    data["owner"] = owner
    if amount is not None:
        data["amount"] = amount.amount
    if relative is not None:
        data["due_after"] = relative
    _optional(cells, data, sink, scope)
    row_id = sink.parse(cells.get("milestone_id"), fields.local_id)
    completed = sink.parse(cells.get("completed_on"), parse_date)
    if completed is not None and completed > scope.today:
        sink.error(
            msg("ledger.problem.completed_later", completed=completed.isoformat(), today=scope.today.isoformat()),
            cells["completed_on"].cell,
            msg("ledger.hint.completed_later"),
        )
    status = _status(cells.get("milestone_status"), sink)
    if any(p.severity == "error" for p in sink.problems[before:]) or (due is None and relative is None) or owner is None:
        return None
    row = Row(row_id, data, due, status, completed, candidate.where)
    row.cells = {key: located.cell for key, located in _origin_cells(cells).items()}
    return row


def _due(cells: Mapping[MilestoneField, Located], sink: Sink) -> tuple[date | None, dict[str, Any] | None]:
    """The written due date, or the relative deadline that makes it.

    Export writes the effective date under 计划日期 and, where a convention moved it, the contract's date under
    合同约定日期: the contract's date is the one to keep. A relative deadline needs no date (its 计划日期 is computed).
    """
    relative = sink.parse(cells.get("due_after"), fields.due_after)
    if relative is not None:
        return None, relative
    written = sink.parse(cells.get("due_as_written"), parse_date)
    return (written if written is not None else sink.parse(cells.get("due"), parse_date)), None


def _origin_cells(cells: Mapping[MilestoneField, Located]) -> dict[str, Located]:
    names = {"milestone": "title", "milestone_owner": "owner", "milestone_status": "status", "milestone_id": "id"}
    return {names.get(key, key): located for key, located in cells.items()}


def _one_off(row: Row, sink: Sink) -> dict[str, Any] | None:
    result = {**row.data} if row.due is None else {**row.data, "due": row.due}
    status, completed = row.status, row.completed_on
    if completed is not None:
        if status in ("waived", "cancelled"):
            said = msg("ledger.problem.closed_but_completed", title=shown(row.data["title"]), status=status)
            sink.error(said, row.cells.get("completed_on", row.where))
            return None
        if status in ("pending", "in_progress"):
            said = msg("ledger.problem.completed_so_done", title=shown(row.data["title"]), status=status)
            sink.warning(said, row.cells.get("status", row.where))
        result.update(status="done", completed_on=completed)
    elif status == "done":
        sink.error(
            msg("ledger.problem.done_without_date", title=shown(row.data["title"])),
            row.cells.get("status", row.where),
            msg("ledger.hint.completed_on"),
        )
        return None
    elif status not in (None, "pending"):
        result["status"] = status
    return result


def _recurring(rows: Sequence[Row], sink: Sink) -> dict[str, Any] | None:
    first = rows[0]
    for row in rows[1:]:
        for key in _SHARED:
            if row.data.get(key) != first.data.get(key):
                sink.error(
                    msg("ledger.problem.occurrences_disagree", milestone=shown(first.id), field=key),
                    row.cells.get(key, row.where),
                    msg("ledger.hint.first_row", row=first.where.row, value=shown(first.data.get(key))),
                )
                return None
    if "repeat" not in first.data:
        sink.error(
            msg("ledger.problem.id_twice", milestone=shown(first.id)),
            rows[1].cells.get("id", rows[1].where),
            msg("ledger.hint.id_twice"),
        )
        return None
    dues = [r.due for r in rows if r.due is not None]
    if len(dues) < len(rows):
        sink.error(msg("ledger.problem.repeat_after", milestone=shown(first.id)), first.cells.get("due_after", first.where))
        return None
    result = {**first.data, "due": min(dues)}
    completed = {r.due: r.completed_on for r in rows if r.completed_on is not None and r.due is not None}
    if bad := next((r for r in rows if r.status == "done" and r.completed_on is None), None):
        said = msg("ledger.problem.occurrence_without_date", milestone=shown(first.id))
        sink.error(said, bad.cells.get("status", bad.where))
        return None
    declared = next((r.status for r in rows if r.status not in (None, "done", "pending")), None)
    if declared is not None:
        result["status"] = declared
    if completed:
        result["completed"] = dict(sorted(completed.items()))
    return result


def build(candidates: Sequence[Candidate], scope: Scope, sink: Sink) -> list[dict[str, Any]]:
    """The milestones, in ledger order, with ids M1, M2, ... where the ledger gives none."""
    rows = [row for row in (parse_row(c, scope, sink) for c in candidates) if row is not None]
    if len(rows) != len(candidates):
        return []
    grouped: dict[str, list[Row]] = {}
    order: list[list[Row]] = []
    for row in rows:
        if row.id is None:
            order.append([row])
        elif row.id in grouped:
            grouped[row.id].append(row)
        else:
            grouped[row.id] = [row]
            order.append(grouped[row.id])
    taken = set(grouped)
    counter = 0
    milestones: list[dict[str, Any]] = []
    for group in order:
        built = _recurring(group, sink) if len(group) > 1 or "repeat" in group[0].data else _one_off(group[0], sink)
        if built is None:
            continue
        if group[0].id is None:
            counter += 1
            while f"M{counter}" in taken:
                counter += 1
            taken.add(f"M{counter}")
        index = len(milestones)
        milestones.append({"id": group[0].id or f"M{counter}", **built})
        sink.origins[f"/milestones/{index}"] = group[0].where
        for key, cell in group[0].cells.items():
            sink.origins[f"/milestones/{index}/{key}"] = cell
    return milestones
