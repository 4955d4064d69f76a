"""Records -> contract mappings (what each YAML file will hold) and located problems. Pure.

Rows are grouped by contract number, in ledger order. A contract field may be
repeated on many rows (one row per milestone) and on several sheets; the
values must agree, or the later cell is an error. A contract with any error
is left out whole (its other rows are not half-imported); warnings are kept
and the contract is written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from pactwatch.catalogue import msg
from pactwatch.ledger import fields, milestones, words
from pactwatch.ledger.headers import ContractField
from pactwatch.ledger.layouts import Layout, Located, Record
from pactwatch.ledger.people import MAX_NAME, Directory, new_ids
from pactwatch.ledger.problems import Cell, Problem, error, shown, warning
from pactwatch.ledger.sink import Sink
from pactwatch.ledger.values import Amount, CellValue, ValueProblem, parse_amount, parse_bool, parse_date, parse_int, parse_list, parse_text
from pactwatch.model import Person
from pactwatch.parties import SIDE_NEEDED

T = TypeVar("T")
_SHOWN = 8  # cells named in one line about an unknown person
_DESCRIBING: tuple[ContractField, ...] = ("title", "counterparty", "type", "signed_on", "start", "end", "value")


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    data: dict[str, Any]
    origins: Mapping[str, Cell]  # JSON pointer -> the cell it came from
    rows: tuple[Cell, ...]  # the ledger rows it came from


@dataclass(frozen=True, slots=True)
class Outcome:
    drafts: tuple[Draft, ...]  # contracts with no error, in ledger order
    problems: tuple[Problem, ...]
    rejected: tuple[str, ...]  # contract numbers left out because of an error
    unknown_people: Mapping[str, tuple[Cell, ...]] = field(default_factory=dict)  # names nobody in people.yaml has
    # (without --add-people: one error each, naming every cell, instead of an error per cell)
    new_people: Mapping[str, str] = field(default_factory=dict)  # name -> id, with --add-people


class People:
    """Resolves owner cells to person ids; unknown names get ids (with --add-people) or an error."""

    def __init__(self, people: Iterable[Person], names: Sequence[str], add: bool) -> None:
        self.directory = Directory(list(people))
        unknown = [n for n in dict.fromkeys(names) if self.directory.find(n).person_id is None and not self.directory.find(n).ambiguous]
        self.new = new_ids(unknown, self.directory.ids) if add else {}
        self.unknown: dict[str, list[Cell]] = {}
        self.contracts: dict[str, list[str]] = {}  # unknown name -> the contracts naming it

    def __call__(self, located: Located, sink: Sink) -> str | None:
        name = parse_text(located.value)
        if len(name) > MAX_NAME:
            sink.error(msg("ledger.problem.long_name", value=shown(name[:20]), count=len(name)), located.cell, msg("ledger.hint.person"))
            return None
        if any(unicodedata.category(ch) == "Cc" for ch in name):  # people.yaml names are one line of text
            sink.error(msg("ledger.problem.name_control", value=shown(name)), located.cell)
            return None
        match = self.directory.find(name)
        if match.person_id is not None:
            return match.person_id
        if match.ambiguous:
            said = msg("ledger.problem.shared_name", value=shown(name), count=len(match.ambiguous), ids=", ".join(match.ambiguous))
            sink.error(said, located.cell, msg("ledger.hint.person_id"))
            return None
        self.unknown.setdefault(name, []).append(located.cell)
        if name in self.new:
            return self.new[name]
        if sink.contract_id not in self.contracts.setdefault(name, []):
            self.contracts[name].append(sink.contract_id)
        sink.held = True  # reported once per person, with every cell, by problems()
        return None

    def problems(self) -> list[Problem]:
        """One error per person not in people.yaml (and not added), naming the cells and contracts."""
        found = []
        for name, contracts in self.contracts.items():
            cells = self.unknown[name]
            facts: dict[str, str | int] = {"value": shown(name), "count": len(contracts), "contracts": ", ".join(contracts)}
            facts["cells"] = ", ".join(c.ref for c in cells[:_SHOWN])
            if len(cells) > _SHOWN:
                message = msg("ledger.problem.unknown_person_more", more=len(cells) - _SHOWN, **facts)
            else:
                message = msg("ledger.problem.unknown_person", **facts)
            found.append(error(message, cells[0], msg("ledger.hint.add_people")))
        return found


class Picker:
    """The value of a contract field across the contract's rows; later rows must agree with the first."""

    def __init__(self, records: Sequence[Record], sink: Sink) -> None:
        self.records, self.sink = records, sink

    def located(self, name: ContractField) -> Located | None:
        return next((r.contract[name] for r in self.records if name in r.contract), None)

    def cell(self, name: ContractField) -> Cell | None:
        located = self.located(name)
        return located.cell if located else None

    def get(self, name: ContractField, parser: Callable[[CellValue], T], pointer: str = "") -> T | None:
        first: tuple[T, Located] | None = None
        for record in self.records:
            located = record.contract.get(name)
            if located is None or (first is not None and located.value == first[1].value and type(located.value) is type(first[1].value)):
                continue  # repeated rows mostly repeat the same cell: no need to read it again
            value = self.sink.parse(located, parser, "" if first else pointer)
            if value is None:
                continue
            if first is None:
                first = (value, located)
            elif value != first[0]:
                said = msg(
                    "ledger.problem.differs",
                    header=located.cell.header or name,
                    ref=first[1].cell.ref,
                    value=shown(parse_text(first[1].value)),
                )
                self.sink.error(said, located.cell)
        return first[0] if first else None


def _owner_names(records: Iterable[Record]) -> list[str]:
    names = []
    for record in records:
        cells = [record.contract.get("owner"), record.milestone.get("milestone_owner")]
        cells += [g.fields.get("milestone_owner") for g in record.groups]
        names += [parse_text(c.value) for c in cells if c is not None]
    return names


def _amount_parser(located: Located | None) -> Callable[[CellValue], Amount]:
    unit = located.unit if located else None
    return lambda v: parse_amount(v, unit)


def _value(pick: Picker, default_currency: str, data: dict[str, Any]) -> str:
    """Sets value; returns the contract's currency."""
    sink = pick.sink
    named = pick.get("currency", fields.currency, "/value/currency")
    located = pick.located("value")
    amount = pick.get("value", _amount_parser(located), "/value/amount")
    currency = named or (amount.currency if amount else None)
    if amount is not None and amount.yen_sign and currency is None:
        currency = default_currency if default_currency in ("CNY", "JPY") else "CNY"
    currency = currency or default_currency
    if amount is not None and located is not None:
        if (amount.currency and amount.currency != currency) or (amount.yen_sign and currency not in ("CNY", "JPY")):
            sink.error(msg("ledger.problem.value_currency", currency=amount.currency or "¥", column=currency), located.cell)
        data["value"] = {"amount": amount.amount, "currency": currency}
    elif named and named != default_currency:
        data["value"] = {"currency": named}  # no value yet, but its milestones' amounts are in this currency
    return currency


def _end_date(value: CellValue) -> date | None:
    return None if parse_text(value).lower() in fields.OPEN_ENDED else parse_date(value)


def _term(pick: Picker, data: dict[str, Any]) -> None:
    start = pick.get("start", parse_date, "/term/start")
    end = pick.get("end", _end_date, "/term/end")
    extras: dict[str, Any] = {}
    if (renew := pick.get("auto_renew", parse_bool, "/term/auto_renew")) is not None:
        extras["auto_renew"] = renew
    if (
        months := pick.get("renewal_months", lambda v: parse_int(v, ("个月", "月", "months", "month")), "/term/renewal_months")
    ) is not None:
        extras["renewal_months"] = months
    if (notice := pick.get("notice_days", lambda v: parse_int(v, ("天", "日", "days", "day")), "/term/notice_days")) is not None:
        extras["notice_days"] = notice
    if start is not None and end is not None:
        data["term"] = {"start": start, "end": end, **extras}
    elif start is not None or end is not None or extras:
        missing = "ledger.problem.term_no_end" if start is not None else "ledger.problem.term_no_start"
        pick.sink.warning(msg(missing), pick.cell("start") or pick.cell("end"), msg("ledger.hint.term_dates"))


def _classify(pick: Picker, data: dict[str, Any]) -> None:
    sink = pick.sink
    word = pick.get("type", parse_text, "/type")
    kind = words.lookup(word, words.CONTRACT_TYPES) if word else "other"
    if kind is None:
        sink.warning(
            msg("ledger.problem.contract_type", value=shown(word)),
            pick.cell("type"),
            words.choices("ledger.hint.contract_types", words.CONTRACT_TYPES),
        )
        data.setdefault("tags", []).append(word)
        kind = "other"
    data["type"] = kind
    side = pick.get("side", fields.side, "/side")  # 采购/销售 need none: the type implies it
    if side is None and kind in SIDE_NEEDED:
        side = _side_from_headers(pick.records)
    if side is not None:
        data["side"] = side
    status_word = pick.get("status", parse_text, "/status")
    status = words.lookup(status_word, words.CONTRACT_STATUSES) if status_word else "active"
    if status is None:
        sink.error(
            msg("ledger.problem.contract_status", value=shown(status_word)),
            pick.cell("status"),
            words.choices("ledger.hint.statuses", words.CONTRACT_STATUSES),
        )
    data["status"] = status


# Words of a ledger's headers and sheets that say which way money goes: first what the counterparty's column calls
# them (a customer pays us, we pay a supplier), then 收款/回款 against 付款 anywhere (付款 alone is weaker: a sales
# ledger may say 首付款 for what the customer pays).
_ROLE_WORDS = {"sell": ("客户", "customer", "client", "买方"), "buy": ("供应商", "supplier", "vendor", "卖方", "出租方", "房东")}
_FLOW_WORDS = {"sell": ("收款", "回款", "应收", "销售", "receivable", "collect"), "buy": ("付款", "应付", "采购", "payable")}


def _side_from_headers(records: Sequence[Record]) -> str | None:
    """sell or buy from what the ledger's columns and sheets are called; None when they do not say, or say both."""
    party = " ".join(r.contract["counterparty"].cell.header.lower() for r in records if "counterparty" in r.contract)
    cells = [located.cell for r in records for located in (*r.contract.values(), *r.milestone.values())]
    cells += [located.cell for r in records for g in r.groups for located in g.fields.values()]
    anywhere = " ".join(f"{c.sheet} {c.header}".lower() for c in cells)
    for text, table in ((party, _ROLE_WORDS), (anywhere, _FLOW_WORDS)):
        said = {side for side, words in table.items() if any(w in text for w in words)}
        if len(said) == 1:
            return said.pop()
    return None


def _text(pick: Picker, name: ContractField, pointer: str, required: str = "") -> str | None:
    """The field as text; when it is empty and ``required`` (a message id), an error."""
    value = pick.get(name, parse_text, pointer)
    if value is None and required:
        pick.sink.error(msg(required), pick.records[0].where)
    return value or None


def _extras(pick: Picker, data: dict[str, Any]) -> None:
    if tags := pick.get("tags", parse_list, "/tags"):
        data["tags"] = list(dict.fromkeys([*data.get("tags", []), *tags]))
    multiline: tuple[tuple[ContractField, Callable[[CellValue], Any]], ...] = (
        ("documents", fields.documents),
        ("terms", fields.terms),
        ("amendments", fields.amendments),
    )
    for name, parser in multiline:
        if value := pick.get(name, parser, f"/{name}"):
            data[name] = value
    if (secret := pick.get("confidential", parse_bool, "/confidential")) is not None:
        data["confidential"] = secret


def _candidates(records: Sequence[Record]) -> list[milestones.Candidate]:
    found = []
    for record in records:
        found += [milestones.Candidate(g.fields, g.title, g.cell) for g in record.groups]
        if record.milestone:
            found.append(milestones.Candidate(record.milestone, None, record.where))
    return found


def build_contract(
    contract_id: str, records: Sequence[Record], people: People, default_currency: str, today: date
) -> tuple[Draft | None, list[Problem]]:
    sink = Sink(contract_id)
    pick = Picker(records, sink)
    if not any(name in r.contract for r in records for name in _DESCRIBING):
        sheets = ", ".join(dict.fromkeys(r.sheet for r in records))
        said = msg("ledger.problem.no_contract_row", contract=contract_id, sheets=sheets)
        sink.error(said, records[0].where, msg("ledger.hint.add_contract_row"))
        return None, sink.problems
    data: dict[str, Any] = {"id": contract_id, "title": _text(pick, "title", "/title", "ledger.problem.no_title")}
    _classify(pick, data)
    owner_cell = pick.located("owner")
    owner = people(owner_cell, sink) if owner_cell else None
    if owner_cell is None:
        sink.error(msg("ledger.problem.no_owner"), records[0].where)
    pick.get("owner", parse_text, "/owner")  # rows must agree on the owner
    data["owner"] = owner
    counterparty = {"name": _text(pick, "counterparty", "/counterparty/name", "ledger.problem.no_counterparty")}
    if cp_id := _text(pick, "counterparty_id", "/counterparty/id"):
        counterparty["id"] = cp_id
    data["counterparty"] = counterparty
    currency = _value(pick, default_currency, data)
    if (signed := pick.get("signed_on", parse_date, "/signed_on")) is not None:
        data["signed_on"] = signed
    _term(pick, data)
    scope = milestones.Scope(currency, owner, today, people)
    data["milestones"] = milestones.build(_candidates(records), scope, sink)
    _extras(pick, data)
    if sink.failed:
        return None, sink.problems
    rows = tuple(dict.fromkeys(r.where for r in records))
    return Draft(contract_id, data, dict(sink.origins), rows), sink.problems


def _group(records: Iterable[Record]) -> tuple[dict[str, list[Record]], list[Problem]]:
    groups: dict[str, list[Record]] = {}
    problems: list[Problem] = []
    renamed: set[str] = set()
    for record in records:
        located = record.contract.get("id")
        if located is None:
            problems.append(error(msg("ledger.problem.no_number"), record.where, msg("ledger.hint.no_number")))
            continue
        try:
            contract_id, changed = fields.contract_id(located.value)
        except ValueProblem as exc:
            problems.append(error(exc.message, located.cell, exc.hint))
            continue
        if changed and contract_id not in renamed:
            renamed.add(contract_id)
            problems.append(
                warning(
                    msg("ledger.problem.renumbered", value=shown(parse_text(located.value)), id=contract_id),
                    located.cell,
                    contract=contract_id,
                )
            )
        groups.setdefault(contract_id, []).append(record)
    return groups, problems


def build(layout: Layout, people: Iterable[Person], *, default_currency: str, today: date, add_people: bool = False) -> Outcome:
    """Every contract of the ledger that can be read, and a problem for everything that cannot."""
    groups, problems = _group(layout.records)
    problems = [*layout.problems, *problems]
    resolver = People(people, _owner_names(layout.records), add_people)
    drafts: list[Draft] = []
    rejected: list[str] = []
    for contract_id, records in groups.items():
        draft, found = build_contract(contract_id, records, resolver, default_currency, today)
        problems += found
        if draft is None:
            rejected.append(contract_id)
        else:
            drafts.append(draft)
    problems += resolver.problems()
    used = {person for d in drafts for person in _people_of(d.data)}
    new_people = {name: pid for name, pid in resolver.new.items() if pid in used}
    unknown = {name: tuple(cells) for name, cells in resolver.unknown.items()}
    return Outcome(tuple(drafts), tuple(problems), tuple(rejected), unknown, new_people)


def _people_of(data: Mapping[str, Any]) -> set[str]:
    return {data["owner"], *(m["owner"] for m in data["milestones"])}
