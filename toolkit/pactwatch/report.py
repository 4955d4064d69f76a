"""The weekly or monthly status report (周报/月报): data, JSON and Markdown.

``build`` is pure (an Evaluation in, a Report out); ``render_markdown`` fills the
shipped template ``templates/report/report.md.j2`` (a portfolio's own
``templates/report/report.md.j2`` overrides it). Every value from contract
data is escaped for Markdown by the environment's ``finalize`` hook, so a
title cannot inject links, HTML or table cells.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pactwatch.catalogue import text
from pactwatch.catalogue.jinja import globals_for
from pactwatch.engine import kpis as kpi_engine
from pactwatch.engine.records import Evaluation, Occurrence, Risk
from pactwatch.engine.slippage import replans_between
from pactwatch.escape import report_markdown
from pactwatch.history.present import money_cells, replan_json, replan_line, trend_json
from pactwatch.history.records import Replan, TrendRow
from pactwatch.i18n import format_money, format_share, risk_sentence, with_due_note
from pactwatch.jsonout import occurrence_json
from pactwatch.naming import person_name

Period = Literal["week", "month"]


@dataclass(frozen=True, slots=True)
class OwnerSection:
    person: str
    name: str  # 李娜 (li.na): pactwatch.naming.person_name
    kpis: kpi_engine.Kpis
    completed: tuple[Occurrence, ...]
    overdue: tuple[Occurrence, ...]
    upcoming: tuple[Occurrence, ...]


@dataclass(frozen=True, slots=True)
class Report:
    period: Period
    start: date
    end: date
    next_end: date
    today: date
    language: str
    kpis: kpi_engine.Kpis
    completed: tuple[Occurrence, ...]  # completed within the period
    overdue: tuple[Occurrence, ...]  # overdue today, most days late first
    upcoming: tuple[Occurrence, ...]  # open, due from today to the end of the next period
    risks: tuple[Risk, ...]
    owners: tuple[OwnerSection, ...]
    replans: tuple[tuple[Occurrence, Replan], ...] = ()  # milestones re-planned in the period (pactwatch.history)
    trends: tuple[TrendRow, ...] = ()  # month-ends, oldest first (monthly reports with git history)
    names: Mapping[str, str] = field(default_factory=dict)  # person id -> name, for the owner columns


def _next_period_end(end: date, period: Period) -> date:
    return kpi_engine.period_bounds(end + timedelta(days=1), period)[1]


def period_lists(
    items: Sequence[Occurrence], pending: Sequence[Occurrence], start: date, end: date, next_end: date
) -> tuple[tuple[Occurrence, ...], tuple[Occurrence, ...], tuple[Occurrence, ...]]:
    """What a period report lists (the report, a counterparty statement): ``items`` completed in [start, end];
    of ``pending``, those overdue (most days late first) and those open and due by ``next_end``."""
    completed = tuple(o for o in items if o.completed_on is not None and start <= o.completed_on <= end)
    overdue = tuple(sorted((o for o in pending if o.state == "overdue"), key=lambda o: (-o.days_late, o.contract.id, o.key)))
    upcoming = tuple(o for o in pending if o.state in ("due_soon", "upcoming") and o.due <= next_end)
    return completed, overdue, upcoming


def _by_owner(lists: Sequence[Sequence[Occurrence]]) -> dict[str, tuple[list[Occurrence], ...]]:
    """Each list split by the occurrences' owner, in one pass (a portfolio has thousands of items and dozens of owners)."""
    out: dict[str, tuple[list[Occurrence], ...]] = {}
    for index, items in enumerate(lists):
        for o in items:
            out.setdefault(o.owner, tuple([] for _ in lists))[index].append(o)
    return out


def build(evaluation: Evaluation, period: Period, trends: Sequence[TrendRow] = ()) -> Report:
    today = evaluation.today
    start, end = kpi_engine.period_bounds(today, period)
    next_end = _next_period_end(end, period)
    items = [o for o in evaluation.occurrences if not (o.derived and not o.is_open)]
    completed, overdue, upcoming = period_lists(items, items, start, end, next_end)
    people = evaluation.portfolio.people
    by_owner = kpi_engine.compute_by_occurrence_owner(evaluation, start, end)
    owned = _by_owner((completed, overdue, upcoming))
    owners = []
    for person in sorted(set(owned) | set(by_owner)):
        lists = owned.get(person, ((), (), ()))
        if any(lists):
            name, kpis = person_name(person, people, with_id=True), by_owner.get(person) or kpi_engine.Kpis(start, end)
            owners.append(OwnerSection(person, name, kpis, *(tuple(items) for items in lists)))
    return Report(
        period=period,
        start=start,
        end=end,
        next_end=next_end,
        today=today,
        language=evaluation.portfolio.settings.language,
        kpis=kpi_engine.compute(evaluation.contracts.values(), start, end, today),
        completed=completed,
        overdue=overdue,
        upcoming=upcoming,
        risks=evaluation.risks,
        owners=tuple(owners),
        replans=tuple(replans_between(evaluation.occurrences, evaluation.history, start, end)),
        trends=tuple(trends),
        names={pid: person_name(pid, people) for pid in people},
    )


# ---- JSON -------------------------------------------------------------------------------------


def _money_map(amounts: dict[str, Decimal]) -> dict[str, str]:
    return {currency: str(amount) for currency, amount in sorted(amounts.items())}


def kpis_json(k: kpi_engine.Kpis) -> dict[str, Any]:
    return {
        "due": k.due,
        "done_on_time": k.done_on_time,
        "done_late": k.done_late,
        "overdue_in_period": k.overdue,
        "overdue": k.overdue_now,
        "overdue_amount": _money_map(k.overdue_amount),
        "on_time_rate": k.on_time_rate,
        "on_time_vs_baseline": k.on_time_vs_baseline,
        "obligation_health": k.obligation_health,
        "ours": {"on_time_rate": k.party_on_time_rate("us")},  # our own milestones (by: us)
        "theirs": {"on_time_rate": k.party_on_time_rate("them")},  # the counterparties' (by: them)
        "planned": _money_map(k.planned),
        "receivable": flow_json(k.receivable),
        "payable": flow_json(k.payable),
        "average_days_late": k.average_days_late,
        "median_days_late": k.median_days_late,
        "days_to_next_notice_deadline": k.next_notice_days,
        "auto_renewing_value_90_days": _money_map(k.renewing_value),
    }


def flow_json(f: kpi_engine.Flow) -> dict[str, Any]:
    """One direction of money: receivables (collected) or payables (paid), each amount per currency."""
    return {
        "planned": _money_map(f.planned),
        "settled": _money_map(f.settled),
        "settlement_rate": f.settlement_rate(),
        "share_of_value": f.share_of_value(),
        "overdue_amount": _money_map(f.overdue_amount),
        "aging": {
            name: {"count": f.aging_count[name], "amount": _money_map(f.aging_amount[name])} for name, _, _ in kpi_engine.AGING_BUCKETS
        },
        "late_fees": _money_map(f.late_fees),
    }


def risk_json(r: Risk, language: str) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "subject": r.subject,
        "subject_type": r.subject_type,
        "severity": r.severity,
        "detail": r.detail.render(language),  # the sentence in the report's language; kind and subject stay codes
        "evidence": list(r.evidence),
        "contracts": list(r.contract_ids),
        "person": r.person,
    }


def as_json(report: Report) -> dict[str, Any]:
    return {
        "period": {"kind": report.period, "start": report.start.isoformat(), "end": report.end.isoformat()},
        "today": report.today.isoformat(),
        "kpis": kpis_json(report.kpis),
        "completed": [occurrence_json(o) for o in report.completed],
        "overdue": [occurrence_json(o) | {"became_overdue_in_period": o.due >= report.start} for o in report.overdue],
        "upcoming": [occurrence_json(o) for o in report.upcoming],
        "risks": [risk_json(r, report.language) for r in report.risks],
        "owners": {s.person: kpis_json(s.kpis) for s in report.owners},
        "replans": [replan_json(o, r) for o, r in report.replans],
        **({"trends": [trend_json(row) for row in report.trends]} if report.trends else {}),
    }


# ---- Markdown ---------------------------------------------------------------------------------


class Trusted(str):
    """Text the report itself produced (numbers, labels): not escaped again."""

    __slots__ = ()


def md_escape(value: Any) -> str:
    """The templates' finalize: every value escaped for Markdown (pactwatch.escape.report_markdown) unless Trusted."""
    return str(value) if isinstance(value, Trusted) else report_markdown.escape_text(value)


def _environment(root: Path | None) -> Any:
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    from pactwatch.resources import data_dir, own_templates

    loaders = [own_templates(root / "templates")] if root is not None and (root / "templates").is_dir() else []
    loaders.append(FileSystemLoader(str(data_dir("templates"))))
    env = Environment(
        loader=ChoiceLoader(loaders), autoescape=False, finalize=md_escape, undefined=StrictUndefined, keep_trailing_newline=True
    )
    env.filters.update(_filters())
    return env


def _filters() -> dict[str, Any]:
    def money_map(amounts: dict[str, Decimal]) -> Trusted:
        return Trusted(" + ".join(format_money(a, c) for c, a in sorted(amounts.items())) or "—")

    def share(value: float | None) -> Trusted:
        return Trusted(format_share(value))

    def rates(values: dict[str, float]) -> Trusted:
        return Trusted(", ".join(f"{c} {v:.0%}" for c, v in sorted(values.items())) or "—")

    def days(value: float | None) -> Trusted:
        return Trusted("—" if value is None else f"{value:.1f}")

    def amount(o: Occurrence) -> Trusted:
        return Trusted(format_money(o.amount, o.currency) if o.amount is not None else "")

    return {"money_map": money_map, "share": share, "rates": rates, "days": days, "amount": amount}


def environment(root: Path | None) -> Any:
    """The Markdown environment (every value escaped unless Trusted), for the reports beside this one (pactwatch.statement)."""
    return _environment(root)


def render_markdown(report: Report, root: Path | None = None) -> str:
    """The report as Markdown in the portfolio's language."""
    template = _environment(root).get_template("report/report.md.j2")

    def who(person_id: str) -> str:  # a name: user text, escaped by finalize
        return report.names.get(person_id, person_id)

    def says(x: Risk) -> str:  # contains user text (names): escaped by finalize
        return risk_sentence(x.kind, x.subject, x.facts, report.language, x.detail)

    def due(o: Occurrence) -> str:  # the effective date and why it moved (milestone ids: escaped by finalize)
        return with_due_note(o.due.isoformat(), o, report.language)

    aging = [name for name, _, _ in kpi_engine.AGING_BUCKETS]
    words = globals_for(report.language, report_markdown.escape_text, Trusted)  # t(id, facts): facts escaped, our words not
    text: str = template.render(r=report, T=Trusted, who=who, says=says, due=due, aging=aging, **words)
    section: str = _environment(root).get_template("report/plan_history.md.j2").render(r=report, T=Trusted, **plan_words(report))
    return text + section


def plan_words(report: Report) -> dict[str, Any]:
    """What the plan-history section (re-plans, trends) needs besides the report: its words and cells."""
    language = report.language
    return {
        "h": lambda key: Trusted(text(key, language)),
        "line": lambda r: replan_line(r, language),
        "share": lambda value: Trusted(format_share(value)),
        "cells": {name: money_cells(report.trends, name) for name in ("overdue_amount", "planned", "collected")},
    }
