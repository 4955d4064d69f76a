"""Tables -> records: find each sheet's header row, decide what its columns mean, split rows by role.

Three layouts, and mixtures of them, come out the same way:

* one row per contract (a contracts sheet), its milestones on a second sheet
  (a milestones sheet: contract number plus milestone columns);
* one row per contract with repeated milestone columns (首付款日期 / 首付款金额,
  尾款日期 / 尾款金额): each group of columns is a milestone of that row;
* one row per milestone with the contract columns repeated (a combined sheet).

Generic headers (负责人, 状态, 金额, 币种) belong to the milestone on a milestones
sheet (one with no column describing the contract beyond its number) and to
the contract everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, cast

from pactwatch.catalogue import msg
from pactwatch.ledger import headers, words
from pactwatch.ledger.headers import ContractField, Field, MilestoneField
from pactwatch.ledger.problems import Cell, Problem, error, shown, warning
from pactwatch.ledger.readers import Table
from pactwatch.ledger.values import CellValue, Unit, is_blank, parse_text

HEADER_SCAN_ROWS = 30
_TOTALS = frozenset({"合计", "总计", "小计", "合 计", "total", "totals", "subtotal", "sum"})
_DESCRIBING = frozenset(headers.CONTRACT_FIELDS) - {"id", "owner", "status", "value", "currency"}

Role = Literal["contracts", "milestones", "combined"]


@dataclass(frozen=True, slots=True)
class Column:
    index: int  # 0-based position in the row
    header: str
    field: Field
    unit: Unit | None = None
    group: str | None = None  # repeated milestone columns: the milestone's title


@dataclass(frozen=True, slots=True)
class Located:
    value: CellValue
    cell: Cell
    unit: Unit | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """One milestone written as repeated columns of a contract row."""

    title: str
    fields: Mapping[MilestoneField, Located]
    cell: Cell  # its first column, for problems about the group as a whole


@dataclass(frozen=True, slots=True)
class Record:
    """One data row, its cells split into the contract's fields, a milestone's fields and column groups."""

    sheet: str
    row: int
    contract: Mapping[ContractField, Located]
    milestone: Mapping[MilestoneField, Located]
    groups: tuple[Group, ...]
    where: Cell  # the row as a whole


@dataclass(frozen=True, slots=True)
class SheetPlan:
    table: Table
    header_row: int  # 1-based
    columns: tuple[Column, ...]
    role: Role
    ignored: tuple[str, ...]  # headers that mean nothing to the importer


@dataclass(frozen=True, slots=True)
class Layout:
    plans: tuple[SheetPlan, ...]
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[str, ...]  # sheets without a ledger header row


def _score(row: Sequence[CellValue], mapping: Mapping[str, Field] | None) -> tuple[int, bool]:
    found = [headers.match(parse_text(c), mapping) for c in row if isinstance(c, str | int | float) and not is_blank(c)]
    fields = [m.field for m in found if m.field is not None and m.group is None]
    return len(set(fields)), "id" in fields


def find_header_row(table: Table, mapping: Mapping[str, Field] | None = None) -> tuple[int | None, bool]:
    """The 1-based header row (the first with the most recognised headers, holding the contract number)."""
    best: tuple[int, int] | None = None  # (score, row)
    fallback = False
    for number, row in enumerate(table.rows[:HEADER_SCAN_ROWS], start=1):
        score, has_id = _score(row, mapping)
        if score >= 2 and has_id and (best is None or score > best[0]):
            best = (score, number)
        fallback = fallback or score >= 3
    return (best[1] if best else None), fallback


def _columns(
    header_row: Sequence[CellValue], mapping: Mapping[str, Field] | None
) -> tuple[list[tuple[int, str, headers.HeaderMatch]], list[str]]:
    matched, ignored = [], []
    for index, raw in enumerate(header_row):
        text = parse_text(raw)
        if not text:
            continue
        found = headers.match(text, mapping)
        if found.field is None:
            if not found.computed:
                ignored.append(text)
            continue
        matched.append((index, text, found))
    return matched, ignored


def _role(matched: list[tuple[int, str, headers.HeaderMatch]]) -> Role:
    plain = [m.field for _, _, m in matched if m.group is None and not m.generic]
    has_milestone = any(f in headers.MILESTONE_FIELDS for f in plain)
    describing = any(f in _DESCRIBING for f in plain)
    if has_milestone:
        return "combined" if describing else "milestones"
    return "contracts"


def _resolve(field: str, generic: bool, role: Role) -> Field:
    if not generic:
        return cast(Field, field)
    name = cast(headers.GenericField, field)
    return headers.ON_MILESTONE_SHEET[name] if role == "milestones" else headers.ON_CONTRACT_SHEET[name]


def plan_sheet(table: Table, mapping: Mapping[str, Field] | None = None) -> tuple[SheetPlan | None, list[Problem]]:
    """How to read one sheet, or None when it holds no ledger (a notes or KPI sheet)."""
    number, looks_like_ledger = find_header_row(table, mapping)
    if number is None:
        if looks_like_ledger:
            where = Cell(table.name, 1, csv=table.csv)
            return None, [error(msg("ledger.problem.no_number_column"), where, msg("ledger.hint.no_number_column"))]
        return None, []
    matched, ignored = _columns(table.rows[number - 1], mapping)
    role = _role(matched)
    groups: dict[str, list[tuple[int, str, headers.HeaderMatch]]] = {}
    columns: list[Column] = []
    seen: dict[Field, str] = {}
    problems: list[Problem] = []
    for index, text, found in matched:
        if found.group is not None:
            groups.setdefault(found.group, []).append((index, text, found))
            continue
        field = _resolve(str(found.field), found.generic, role)
        if field in seen:
            cell = Cell(table.name, number, index + 1, text, table.csv)
            problems.append(
                warning(
                    msg("ledger.problem.same_column", column=shown(text), other=shown(seen[field]), field=field),
                    cell,
                    msg("ledger.hint.map_columns"),
                )
            )
            continue
        seen[field] = text
        columns.append(Column(index, text, field, found.unit))
    for title, members in groups.items():
        if len(members) < 2 and words.guess_kind(title, has_amount=False) == "other":
            ignored.extend(text for _, text, _ in members)  # a lone 录入日期 is not a milestone
            continue
        columns.extend(Column(index, text, cast(Field, found.field), found.unit, title) for index, text, found in members)
    columns.sort(key=lambda c: c.index)
    return SheetPlan(table, number, tuple(columns), role, tuple(ignored)), problems


def _is_total(row: Sequence[CellValue]) -> bool:
    return any(isinstance(c, str) and c.strip().lower() in _TOTALS for c in row)


def records(plan: SheetPlan) -> Iterator[Record]:
    table = plan.table
    group_starts: dict[str, Column] = {}  # group title -> its first column, for problems about the group as a whole
    for column in plan.columns:
        if column.group is not None:
            group_starts.setdefault(column.group, column)
    for number in range(plan.header_row + 1, len(table.rows) + 1):
        row = table.rows[number - 1]
        if all(is_blank(c) for c in row) or _is_total(row):
            continue
        contract: dict[ContractField, Located] = {}
        milestone: dict[MilestoneField, Located] = {}
        grouped: dict[str, dict[MilestoneField, Located]] = {}
        for column in plan.columns:
            value = row[column.index] if column.index < len(row) else None
            if is_blank(value):
                continue
            located = Located(value, Cell(table.name, number, column.index + 1, column.header, table.csv), column.unit)
            if column.group is not None:
                grouped.setdefault(column.group, {})[cast(MilestoneField, column.field)] = located
            elif column.field in headers.MILESTONE_FIELDS:
                milestone[column.field] = located
            else:
                contract[cast(ContractField, column.field)] = located
        groups = tuple(
            Group(title, fields, Cell(table.name, number, group_starts[title].index + 1, group_starts[title].header, table.csv))
            for title, fields in grouped.items()
        )
        yield Record(table.name, number, contract, milestone, groups, Cell(table.name, number, csv=table.csv))


def read_layout(tables: Sequence[Table], mapping: Mapping[str, Field] | None = None) -> Layout:
    plans: list[SheetPlan] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    for table in tables:
        plan, found = plan_sheet(table, mapping)
        problems.extend(found)
        if plan is None:
            skipped.append(table.name)
        else:
            plans.append(plan)
    if not plans and not problems:
        names = ", ".join(t.name for t in tables)
        problems.append(error(msg("ledger.problem.no_ledger", names=names), hint=msg("ledger.hint.no_ledger")))
    rows = tuple(record for plan in plans for record in records(plan))
    return Layout(tuple(plans), rows, tuple(problems), tuple(skipped))
