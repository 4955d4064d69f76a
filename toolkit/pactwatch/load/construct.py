"""Build model records from schema-valid data, checking that every date exists and lies in pactwatch's calendar."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal, cast

from pactwatch.catalogue import Msg, msg
from pactwatch.dates import FIRST_DAY, LAST_DAY
from pactwatch.findings import Finding, make
from pactwatch.load.yaml import Document
from pactwatch.model import (
    Ack,
    Amendment,
    Contract,
    Counterparty,
    DueAfter,
    KeyTerm,
    LateFee,
    Milestone,
    Money,
    Person,
    Repeat,
    RepeatUnit,
    Side,
    Term,
)
from pactwatch.model import (
    Document as ContractDocument,
)
from pactwatch.parties import default_by, side_of

_EVERY = re.compile(r"([0-9]+) (day|week|month|quarter|year)s?\Z")


class _Dates:
    """Parses ISO dates, recording a PW312 finding for each one that does not exist and a PW206 for one
    outside FIRST_DAY..LAST_DAY (``0026-05-01`` is a typo, and ``9999-12-31`` plus a day overflows in feeds and pages)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.findings: list[Finding] = []

    def __call__(self, text: str, pointer: str) -> date:
        return self._parse(text, pointer, key=False)

    def key(self, text: str, pointer: str) -> date:
        return self._parse(text, pointer, key=True)

    def _parse(self, text: str, pointer: str, *, key: bool) -> date:
        try:
            parsed = date.fromisoformat(text)
        except ValueError:
            self._report("PW312", pointer, key, msg("finding.not_a_real_date", text=text), msg("finding.hint.check_day_and_month"))
            return date.min
        if FIRST_DAY <= parsed <= LAST_DAY:
            return parsed
        outside = msg("finding.date_outside_calendar", text=text, first=FIRST_DAY.year, last=LAST_DAY.year)
        self._report("PW206", pointer, key, outside, msg("finding.hint.check_year"))
        return date.min

    def report(self, code: str, pointer: str, message: Msg, hint: Msg) -> None:
        self._report(code, pointer, False, message, hint)

    def _report(self, code: str, pointer: str, key: bool, message: Msg, hint: Msg) -> None:
        where = self.doc.locate(pointer, key=key)
        self.findings.append(make(code, self.doc.path, where, pointer, message, hint, self.doc.source_line(where[0])))

    def optional(self, text: str | None, pointer: str) -> date | None:
        return None if text is None else self(text, pointer)


def _milestone(raw: dict[str, Any], index: int, currency: str, dates: _Dates, doc: Document, side: Side | None) -> Milestone:
    base = f"/milestones/{index}"
    repeat = None
    if "repeat" in raw:
        spec = raw["repeat"]
        match = _EVERY.match(spec["every"])
        assert match is not None  # the schema's pattern guarantees the form
        repeat = Repeat(
            every=int(match.group(1)),
            unit=cast(RepeatUnit, match.group(2)),
            until=dates.optional(spec.get("until"), f"{base}/repeat/until"),
            count=spec.get("count"),
        )
    completed = {
        dates.key(due, f"{base}/completed/{due}"): dates(done, f"{base}/completed/{due}") for due, done in raw.get("completed", {}).items()
    }
    ack = None
    if "ack" in raw:
        ack = Ack(until=dates(raw["ack"]["until"], f"{base}/ack/until"), note=raw["ack"].get("note", ""))
    remind = raw.get("remind_days")
    due_after = _due_after(raw, base, dates)
    return Milestone(
        id=str(raw["id"]),
        title=raw["title"],
        kind=raw["kind"],
        due=dates(raw["due"], f"{base}/due") if due_after is None else FIRST_DAY,  # relative: set by _provisional
        owner=raw["owner"],
        currency=raw.get("currency", currency),
        amount=Decimal(raw["amount"]) if "amount" in raw else None,
        depends_on=tuple(str(d) for d in raw.get("depends_on", ())),
        status=raw.get("status", "pending"),
        completed_on=dates.optional(raw.get("completed_on"), f"{base}/completed_on"),
        evidence=raw.get("evidence"),
        remind_days=tuple(sorted(set(remind), reverse=True)) if remind is not None else None,
        ack=ack,
        repeat=repeat,
        completed=completed,
        index=index,
        line=doc.locate(base)[0],
        due_after=due_after,
        business_day=raw.get("business_day"),
        baseline_due=dates.optional(raw.get("baseline_due"), f"{base}/baseline_due"),
        by=raw.get("by") or default_by(raw["kind"], side),
    )


def _due_after(raw: dict[str, Any], base: str, dates: _Dates) -> DueAfter | None:
    """``due_after`` as a record (the schema has checked there is exactly one of due and due_after); no repeat beside it (PW350)."""
    spec = raw.get("due_after")
    if spec is not None and "repeat" in raw:
        message = msg("finding.relative_repeat", milestone=str(raw["id"]))
        dates.report("PW350", f"{base}/due_after", message, msg("finding.hint.one_relative_date"))
    if spec is None:
        return None
    working = "working_days" in spec
    return DueAfter(anchor=str(spec["milestone"]), days=spec["working_days"] if working else spec["days"], working=working)


def _provisional(milestones: tuple[Milestone, ...]) -> tuple[Milestone, ...]:
    """Relative milestones with a ``due`` from their anchors' own dates (calendar days): what rules and diffs read.

    The engine computes the real date (completion, working days, conventions); this one only keeps every record
    holding a date.
    """
    if all(m.due_after is None for m in milestones):
        return milestones
    from pactwatch.engine.deadlines import DeadlineRules, schedule

    probe = Contract("", "", "other", "active", "", Counterparty(""), milestones, "", "")
    dated = schedule(probe, DeadlineRules(None))
    return tuple(m if m.due_after is None else m._replace(due=dated[m.id][0].written) for m in milestones)


def contract_from(doc: Document, source: str, default_currency: str) -> tuple[Contract | None, list[Finding]]:
    """A Contract from a schema-valid document, or None with PW312 findings."""
    data = doc.data
    dates = _Dates(doc)
    value = data.get("value")
    currency = value["currency"] if value else default_currency
    side = side_of(data["type"], data.get("side"))
    term = None
    if "term" in data:
        raw_term = data["term"]
        term = Term(
            start=dates(raw_term["start"], "/term/start"),
            end=dates(raw_term["end"], "/term/end"),
            auto_renew=raw_term.get("auto_renew", False),
            renewal_months=raw_term.get("renewal_months"),
            notice_days=raw_term.get("notice_days"),
        )
    contract = Contract(
        id=str(data["id"]),
        title=data["title"],
        type=data["type"],
        status=data["status"],
        owner=data["owner"],
        counterparty=Counterparty(name=data["counterparty"]["name"], id=data["counterparty"].get("id")),
        milestones=_provisional(tuple(_milestone(raw, i, currency, dates, doc, side) for i, raw in enumerate(data["milestones"]))),
        source=source,
        currency=currency,
        value=Money(Decimal(value["amount"]), value["currency"]) if value and "amount" in value else None,  # a currency alone: no value
        signed_on=dates.optional(data.get("signed_on"), "/signed_on"),
        term=term,
        terms=tuple(_key_term(key, value) for key, value in sorted(data.get("terms", {}).items()) if key not in _LATE_KEYS),
        amendments=tuple(
            Amendment(str(a["id"]), dates(a["date"], f"/amendments/{i}/date"), a["summary"])
            for i, a in enumerate(data.get("amendments", ()))
        ),
        documents=tuple(ContractDocument(d["title"], d["url"]) for d in data.get("documents", ())),
        tags=tuple(data.get("tags", ())),
        side=side,
        late_fee=_late_fee(data.get("terms", {})),
        confidential=data.get("confidential", False),
        term_line=doc.locate("/term")[0] if "term" in data else 0,
        business_day=data.get("terms", {}).get("business_day"),
        watchers=tuple(data.get("watchers", ())),
    )
    if dates.findings:
        return None, dates.findings
    return contract, []


_LATE_KEYS: dict[str, tuple[str, Literal["day", "year"]]] = {
    "late_fee": ("rate_per_day", "day"),
    "late_interest": ("rate_per_year", "year"),
}


def _fraction(written: str | int | Decimal) -> Decimal:
    """A rate or a cap as a fraction: "0.05%" is 0.0005, a number is taken as written (the schema checked the form)."""
    if isinstance(written, str):
        return Decimal(written.strip().removesuffix("%")) / 100
    return Decimal(written)


def _late_fee(terms: dict[str, Any]) -> LateFee | None:
    """``terms.late_fee`` or ``terms.late_interest`` (the schema allows one of them)."""
    for key, (rate_key, per) in _LATE_KEYS.items():
        spec = terms.get(key)
        if spec is not None:
            cap = spec.get("cap")
            return LateFee(_fraction(spec[rate_key]), per, None if cap is None else _fraction(cap), spec.get("grace_days", 0))
    return None


def _key_term(key: str, value: str | int | bool | Decimal) -> KeyTerm:
    if isinstance(value, Decimal):
        return KeyTerm(key, number=value)
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
        return KeyTerm(key, number=Decimal(value))  # beyond 64 bits: the cache stores it as an exact decimal
    return KeyTerm(key, scalar=value)


def people_from(data: dict[str, Any]) -> list[Person]:
    return [Person(**{key: value for key, value in raw.items()}) for raw in data.get("people", ())]
