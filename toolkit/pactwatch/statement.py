"""The counterparty statement (对账单): what a counterparty may read about its contracts with us. Pure.

``build`` keeps only what both sides already know: each contract's id, title, term, value and status,
and each milestone's title, kind, side (``by``: us or them), due and completion dates and amount.
Left out by construction, not by filtering a richer record (tests/report/test_statement.py lists them):
owners and their managers, risk signals, confidential and draft contracts, notes and ack notes,
approvals, key terms and late fees, documents, links into the repository or the internal site, and
every other counterparty's contracts and amounts, and our own notice deadlines (derived milestones).
``render_markdown`` writes it in the portfolio's language through the report's Markdown environment
(every fact escaped).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from pactwatch.catalogue import text, word
from pactwatch.engine import kpis
from pactwatch.engine.contracts import INACTIVE_STATUSES
from pactwatch.engine.records import Evaluation, Occurrence
from pactwatch.errors import UsageError
from pactwatch.i18n import format_money
from pactwatch.model import Contract, Counterparty, Party
from pactwatch.naming import group_key, name_key
from pactwatch.report import Period, period_lists

PARTIES: tuple[Party, ...] = ("us", "them")


@dataclass(frozen=True, slots=True)
class Item:
    """One milestone as the counterparty may read it."""

    contract_id: str
    title: str
    kind: str  # the kind in words
    by: Party
    due: date
    completed_on: date | None
    days_late: int
    amount: str  # "" when none


@dataclass(frozen=True, slots=True)
class ContractLine:
    id: str
    title: str
    start: date | None
    end: date | None
    value: str  # "" when none
    status: str  # in words


@dataclass(frozen=True, slots=True)
class Statement:
    name: str
    period: Period
    start: date
    end: date
    next_end: date
    today: date
    language: str
    contracts: tuple[ContractLine, ...]
    done: tuple[Item, ...]  # completed in the period
    upcoming: tuple[Item, ...]  # open, due from today to the end of the next period
    overdue: tuple[Item, ...]  # most days late first

    def by(self, items: Sequence[Item], party: Party) -> tuple[Item, ...]:
        return tuple(i for i in items if i.by == party)


def shown(contract: Contract) -> bool:
    """A contract the counterparty may read about: neither confidential nor a draft."""
    return not contract.confidential and contract.status != "draft"


def resolve(contracts: Sequence[Contract], needle: str, language: str) -> str:
    """The group key (naming.group_key) of the one counterparty ``needle`` names: its id or whole name, else part of one name."""
    parties: dict[str, Counterparty] = {}
    for contract in contracts:
        parties.setdefault(group_key(contract.counterparty), contract.counterparty)
    key = name_key(needle)
    exact = [k for k, c in parties.items() if key in (name_key(c.id or ""), name_key(c.name))]
    found = exact or [k for k, c in parties.items() if key and key in name_key(c.name)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(text("followup.statement.unknown", language, name=needle))
    names = word("notify.joiner", language).join(sorted(parties[k].name for k in found))
    raise UsageError(text("followup.statement.ambiguous", language, name=needle, names=names))


def _item(o: Occurrence, language: str) -> Item:
    amount = format_money(o.amount, o.currency, language) if o.amount is not None else ""
    return Item(o.contract.id, o.title, word(f"value.{o.kind}", language), o.milestone.by, o.due, o.completed_on, o.days_late, amount)


def _contract(c: Contract, language: str) -> ContractLine:
    value = format_money(c.value.amount, c.value.currency, language) if c.value else ""
    start, end = (c.term.start, c.term.end) if c.term else (None, None)
    return ContractLine(c.id, c.title, start, end, value, word(f"value.{c.status}", language))


Groups = Mapping[str, tuple[list[Contract], list[Occurrence]]]  # group key -> its shown contracts and their items


def groups(evaluation: Evaluation) -> Groups:
    """Every counterparty group's shown contracts and their items, in one pass (the site's statements of all
    counterparties would otherwise each scan the whole portfolio)."""
    out: dict[str, tuple[list[Contract], list[Occurrence]]] = {}
    home: dict[str, list[Occurrence]] = {}
    for c in evaluation.portfolio.contracts:
        contracts, items = out.setdefault(group_key(c.counterparty), ([], []))
        if shown(c):
            contracts.append(c)
            home[c.id] = items
    for o in evaluation.occurrences:
        # a derived milestone (the notice deadline of an auto-renewal) is our own decision, not the counterparty's business
        if not o.derived and o.contract.id in home:
            home[o.contract.id].append(o)
    return out


def build(evaluation: Evaluation, key: str, period: Period, known: Groups | None = None) -> Statement:
    """The statement for the counterparty of group ``key`` over the period containing today (``known``: the
    ``groups`` of this evaluation, when the caller builds many statements)."""
    today, language = evaluation.today, evaluation.portfolio.settings.language
    start, end = kpis.period_bounds(today, period)
    next_end = kpis.period_bounds(end + timedelta(days=1), period)[1]
    contracts, items = (known if known is not None else groups(evaluation)).get(key, ([], []))
    pending = [o for o in items if o.contract.status not in INACTIVE_STATUSES]
    done, overdue, upcoming = period_lists(items, pending, start, end, next_end)
    return Statement(
        name=contracts[0].counterparty.name if contracts else "",
        period=period,
        start=start,
        end=end,
        next_end=next_end,
        today=today,
        language=language,
        contracts=tuple(_contract(c, language) for c in contracts),
        done=tuple(_item(o, language) for o in done),
        upcoming=tuple(_item(o, language) for o in upcoming),
        overdue=tuple(_item(o, language) for o in overdue),
    )


def split(statement: Statement, max_rows: int) -> tuple[Statement, ...]:
    """The statement in parts of whole contracts, in its order, each of at most ``max_rows`` table rows (a
    contract line and its items; a contract with more is a part of its own). Every contract and item is in
    exactly one part, with the same period: a long statement stays complete, page by page."""
    items = Counter(i.contract_id for i in (*statement.done, *statement.upcoming, *statement.overdue))
    groups: list[list[ContractLine]] = [[]]
    rows = 0
    for line in statement.contracts:
        size = 1 + items[line.id]
        if groups[-1] and rows + size > max_rows:
            groups.append([])
            rows = 0
        groups[-1].append(line)
        rows += size
    return tuple(_only(statement, group) for group in groups)


def _only(statement: Statement, lines: Sequence[ContractLine]) -> Statement:
    ids = {line.id for line in lines}

    def keep(found: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple(i for i in found if i.contract_id in ids)

    return replace(
        statement, contracts=tuple(lines), done=keep(statement.done), upcoming=keep(statement.upcoming), overdue=keep(statement.overdue)
    )


def render_markdown(statement: Statement, root: Path | None = None) -> str:
    """The statement as Markdown: ``templates/report/statement.md.j2`` (a portfolio's own overrides it)."""
    from pactwatch.catalogue.jinja import globals_for
    from pactwatch.escape import report_markdown
    from pactwatch.report import Trusted, environment

    words = globals_for(statement.language, report_markdown.escape_text, Trusted)
    rendered: str = environment(root).get_template("report/statement.md.j2").render(s=statement, T=Trusted, **words)
    return rendered
