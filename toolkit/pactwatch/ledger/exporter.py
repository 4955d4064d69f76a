"""Evaluation -> the ledger finance uses, as plain sheets of typed cells. Pure.

Three sheets: contracts (one row each, with health, progress and the next
milestone), milestones (every occurrence, in each contract's own order, with
its state, days late and what was collected) and KPIs. Import columns carry the
import vocabulary's headers and words, so the workbook imports back to the
same contracts; computed columns carry headers import skips.

``public`` leaves out confidential contracts, every amount, documents, key
terms and amendments (summaries and terms often quote money).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from pactwatch.catalogue import word as catalogue_word
from pactwatch.engine import Evaluation, Occurrence
from pactwatch.engine.records import ContractView
from pactwatch.i18n import due_note, relative_rule
from pactwatch.ledger.cell_words import format_business_day, format_repeat
from pactwatch.ledger.fields import format_ack, format_amendments, format_documents, format_terms
from pactwatch.ledger.headers import COMPUTED_COLUMNS, Field, computed_id, export_name
from pactwatch.ledger.kpi_sheet import kpi_sheet
from pactwatch.ledger.people import Directory
from pactwatch.ledger.sheets import Column, Kind, Sheet
from pactwatch.model import Contract, Milestone
from pactwatch.parties import SIDE_OF_TYPE, direction

_PRIVATE = frozenset(
    {"value", "receivable", "payable", "collected", "paid", "collected_to_date", "amount", "documents", "terms", "amendments"}
)

CONTRACT_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "text"), ("title", "text"), ("type", "text"), ("side", "text"), ("status", "text"), ("counterparty", "text"),
    ("counterparty_id", "text"), ("owner", "text"), ("value", "money"), ("currency", "text"), ("signed_on", "date"), ("start", "date"),
    ("end", "date"), ("auto_renew", "text"), ("renewal_months", "int"), ("notice_days", "int"), ("health", "text"),
    ("progress", "percent"),
    ("collected_to_date", "money"), ("next_milestone", "text"), ("next_due", "date"), ("notice_deadline", "date"), ("tags", "text"),
    ("confidential", "text"), ("documents", "wrap"), ("terms", "wrap"), ("amendments", "wrap"),
)  # fmt: skip
MILESTONE_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("milestone_id", "text"), ("milestone", "text"), ("kind", "text"), ("milestone_owner", "text"), ("due", "date"),
    ("amount", "money"), ("milestone_status", "text"), ("completed_on", "date"), ("state", "text"), ("days_late", "int"),
    ("receivable", "money"), ("payable", "money"), ("collected", "money"), ("paid", "money"), ("depends_on", "text"),
    ("repeat", "text"), ("evidence", "text"), ("remind_days", "text"), ("ack", "text"),
)  # fmt: skip
_MILESTONE_CONTEXT: tuple[tuple[str, Kind], ...] = (("id", "text"), ("title", "text"), ("counterparty", "text"))
# After ``due``, only in a portfolio whose dates move (calendar conventions, relative deadlines): ``due`` is then
# the effective date, these say what the contract writes and why the date moved (a plain export is unchanged).
_MOVED_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("due_as_written", "date"), ("due_after", "text"), ("business_day", "text"), ("due_note", "text"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Ledger:
    contracts: Sheet
    milestones: Sheet
    kpis: Sheet
    flat: Sheet  # one row per occurrence with the contract's columns repeated: the CSV export
    as_of: date
    due_soon_days: int
    language: str


def _columns(spec: Sequence[tuple[str, Kind]], language: str, public: bool) -> tuple[Column, ...]:
    def header(key: str) -> str:
        if key in COMPUTED_COLUMNS:
            return catalogue_word(computed_id(key), language)
        return export_name(cast(Field, key), language)

    return tuple(Column(key, header(key), kind) for key, kind in spec if not (public and key in _PRIVATE))


def value_word(value: str, language: str) -> str:
    """A closed choice's word (type, status, kind, state, health), as every output writes it and import reads it back."""
    return catalogue_word(f"value.{value}", language)


def yes_no(flag: bool, language: str) -> str:
    """是/否, yes/no: words the importer reads back (values.parse_bool)."""
    return catalogue_word("ledger.yes" if flag else "ledger.no", language)


class _Rows:
    """Cell values for one contract and its occurrences."""

    def __init__(self, ev: Evaluation, language: str) -> None:
        self.ev, self.language = ev, language
        people = ev.portfolio.people
        directory = Directory(people.values())
        self.person: Callable[[str], str] = lambda pid: directory.name_of(pid, people)

    def contract(self, view: ContractView) -> dict[str, Any]:
        c, lang, term = view.contract, self.language, view.contract.term
        nxt = view.next_open
        return {
            "id": c.id, "title": c.title, "type": value_word(c.type, lang),
            "side": catalogue_word(f"money.side.{c.side}", lang) if c.side not in (None, SIDE_OF_TYPE.get(c.type)) else None,
            "status": value_word(c.status, lang), "counterparty": c.counterparty.name,
            "counterparty_id": c.counterparty.id, "owner": self.person(c.owner), "value": c.value.amount if c.value else None,
            "currency": c.currency, "signed_on": c.signed_on, "start": term.start if term else None, "end": term.end if term else None,
            "auto_renew": yes_no(term.auto_renew, lang) if term else None, "renewal_months": term.renewal_months if term else None,
            "notice_days": term.notice_days if term else None, "health": value_word(view.health, lang),
            "progress": view.progress.share, "collected_to_date": view.progress.collected.get(c.currency, Decimal(0)),
            "next_milestone": nxt.title if nxt else None, "next_due": nxt.due if nxt else None, "notice_deadline": view.notice_deadline,
            "tags": ", ".join(c.tags) or None, "confidential": yes_no(c.confidential, lang),
            "documents": format_documents(c.documents) or None, "terms": format_terms(c.terms, c.late_fee) or None,
            "amendments": format_amendments(c.amendments) or None,
        }  # fmt: skip

    def occurrence(self, o: Occurrence) -> dict[str, Any]:
        m, lang = o.milestone, self.language
        status = "done" if o.completed_on is not None else m.status
        flow = direction(m) if m.amount is not None else None  # 应收 or 应付: a payable is never 已回款
        settled = flow is not None and o.state in ("done", "done_late")
        return {
            "milestone_id": m.id, "milestone": m.title, "kind": value_word(m.kind, lang),
            "milestone_owner": self.person(m.owner), "due": o.due, "amount": m.amount,
            "milestone_status": value_word(status, lang), "completed_on": o.completed_on,
            "state": value_word(o.state, lang), "days_late": o.days_late or None,
            "receivable": m.amount if flow == "receivable" else None, "payable": m.amount if flow == "payable" else None,
            "collected": m.amount if settled and flow == "receivable" else None,
            "paid": m.amount if settled and flow == "payable" else None,
            "depends_on": ", ".join(m.depends_on) or None, "repeat": format_repeat(m.repeat, lang) if m.repeat else None,
            "evidence": m.evidence, "remind_days": ", ".join(map(str, m.remind_days)) if m.remind_days is not None else None,
            "ack": format_ack(m.ack) or None, **self.moved(o),
        }  # fmt: skip

    def moved(self, o: Occurrence) -> dict[str, Any]:
        m, lang = o.milestone, self.language
        return {
            "due_as_written": o.written, "due_after": relative_rule(m.due_after, lang) if m.due_after else None,
            "business_day": format_business_day(m.business_day, lang) if m.business_day else None,
            "due_note": due_note(o, lang) or None,
        }  # fmt: skip


def dates_move(ev: Evaluation) -> bool:
    """True when some due date is not simply the one written: the export then carries _MOVED_COLUMNS."""
    if any(o.written is not None or o.projected for o in ev.occurrences):
        return True
    return any(m.due_after is not None or m.business_day is not None for c in ev.portfolio.contracts for m in c.milestones)


def _milestone_spec(moved: bool) -> tuple[tuple[str, Kind], ...]:
    if not moved:
        return MILESTONE_COLUMNS
    at = next(n for n, (key, _) in enumerate(MILESTONE_COLUMNS) if key == "due") + 1
    return (*MILESTONE_COLUMNS[:at], *_MOVED_COLUMNS, *MILESTONE_COLUMNS[at:])


def in_file_order(contract: Contract, occurrences: Sequence[Occurrence]) -> list[Occurrence]:
    """A contract's occurrences milestone by milestone as the file lists them, each milestone's by due date."""
    position: dict[str, Milestone] = {m.id: m for m in contract.milestones}
    order = {mid: n for n, mid in enumerate(position)}
    real = [o for o in occurrences if not o.derived and o.milestone.id in order]
    return sorted(real, key=lambda o: (order[o.milestone.id], o.due))


def _sheet(name: str, columns: tuple[Column, ...], dicts: Sequence[dict[str, Any]], currencies: Sequence[str | None]) -> Sheet:
    rows = tuple(tuple(d.get(c.key) for c in columns) for d in dicts)
    return Sheet(name, columns, rows, tuple(currencies))


def build(ev: Evaluation, *, language: str, public: bool = False) -> Ledger:
    views = [v for _, v in sorted(ev.contracts.items()) if not (public and v.contract.confidential)]
    cells = _Rows(ev, language)
    contract_rows, milestone_rows, flat_rows = [], [], []
    contract_currencies: list[str | None] = []
    milestone_currencies: list[str | None] = []
    flat_currencies: list[str | None] = []
    for view in views:
        base = cells.contract(view)
        contract_rows.append(base)
        contract_currencies.append(view.contract.currency)
        occurrences = in_file_order(view.contract, view.occurrences)
        for o in occurrences:
            row = {**{k: base[k] for k, _ in _MILESTONE_CONTEXT}, **cells.occurrence(o)}
            milestone_rows.append(row)
            milestone_currencies.append(o.currency)
        flat_rows += [{**base, **cells.occurrence(o)} for o in occurrences] or [base]
        flat_currencies += [view.contract.currency] * max(1, len(occurrences))
    contract_columns = _columns(CONTRACT_COLUMNS, language, public)
    spec = _milestone_spec(dates_move(ev))
    milestone_columns = _columns((*_MILESTONE_CONTEXT, *spec), language, public)
    flat_spec = [*CONTRACT_COLUMNS, *spec]
    return Ledger(
        contracts=_sheet(catalogue_word("ledger.sheet.contracts", language), contract_columns, contract_rows, contract_currencies),
        milestones=_sheet(catalogue_word("ledger.sheet.milestones", language), milestone_columns, milestone_rows, milestone_currencies),
        kpis=kpi_sheet(ev, views, catalogue_word("ledger.sheet.kpis", language), language, public),
        flat=_sheet("ledger", _columns(flat_spec, language, public), flat_rows, flat_currencies),
        as_of=ev.today,
        due_soon_days=ev.portfolio.settings.due_soon_days,
        language=language,
    )
