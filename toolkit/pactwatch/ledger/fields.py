"""Parsers for the fields that need more than a date or an amount: ids, currencies, and the
multi-line cells export writes (documents, key terms, amendments, repeat rules, acks).

Each takes a raw cell value and returns format values or raises ValueProblem.
The formats are the ones ``exporter`` writes, so an export reads back exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, cast

from pactwatch.catalogue import msg, word
from pactwatch.ledger import cell_words
from pactwatch.ledger.problems import Choices, shown
from pactwatch.ledger.values import CellValue, ValueProblem, clean_text, parse_date, parse_lines, parse_list, parse_text
from pactwatch.ledger.yaml_writer import scalar
from pactwatch.load.yaml import LoadError
from pactwatch.load.yaml import parse_text as parse_yaml
from pactwatch.model import Ack, Amendment, Document, KeyTerm, LateFee, RepeatUnit

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")
LOCAL_ID = ID_PATTERN
_ID_JUNK = re.compile(r"[\s/\\#:;,|+*?&%$@!'\"<>()\[\]{}]+")
_CURRENCY_WORDS = {
    "人民币": "CNY",
    "元": "CNY",
    "RMB": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "港币": "HKD",
    "港元": "HKD",
    "日元": "JPY",
    "英镑": "GBP",
}
OPEN_ENDED = frozenset({"长期", "长期有效", "无固定期限", "不定期", "open-ended", "open ended", "indefinite", "n/a", "-", "—", "/"})


def _problem(message_id: str, value: object, hint_id: str = "") -> ValueProblem:
    return ValueProblem(msg(message_id, value=shown(value)), msg(hint_id) if hint_id else None)


def contract_id(value: CellValue) -> tuple[str, bool]:
    """A contract number as a file-safe id; True when characters had to be replaced (XS/2026/001 -> XS-2026-001)."""
    text = unicodedata.normalize("NFKC", parse_text(value)).strip()
    cleaned = _ID_JUNK.sub("-", text).strip("-._")
    if not ID_PATTERN.match(cleaned):
        raise _problem("ledger.problem.contract_number", text, "ledger.hint.contract_number")
    return cleaned, cleaned != text


def local_id(value: CellValue) -> str:
    text = unicodedata.normalize("NFKC", parse_text(value)).strip()
    if not LOCAL_ID.match(text):
        raise _problem("ledger.problem.milestone_id", text, "ledger.hint.milestone_id")
    return text


def currency(value: CellValue) -> str:
    text = clean_text(value).upper() if isinstance(value, str) else ""
    text = _CURRENCY_WORDS.get(text, text)
    if not re.fullmatch(r"[A-Z]{3}", text):
        raise _problem("ledger.problem.currency", value, "ledger.hint.currency")
    return text


def documents(value: CellValue) -> list[dict[str, str]]:
    """One document a line: 'title <url>' or a bare URL."""
    result = []
    for line in parse_lines(value):
        match = re.fullmatch(r"(.*?)\s*<([^<>\s]+)>", line)
        if match:
            title, url = match[1].strip() or match[2], match[2]
        elif re.fullmatch(r"\S+:\S+", line):
            title, url = line, line
        else:
            raise _problem("ledger.problem.document", line, "ledger.hint.document")
        result.append({"title": title, "url": url})
    return result


def yaml_scalar(text: str, *, mapping: bool = False) -> Any:
    """A YAML scalar exactly as the loader reads it (so quoted '30' stays text, 30 is a number); ``mapping``: a flow
    mapping is welcome too (``late_fee: {rate_per_day: 0.05%}``, checked by the schema)."""
    try:
        doc = parse_yaml("<cell>", f"v: {text}\n")
    except LoadError:  # the loader's reason is about YAML; a clerk needs the quotes
        raise _problem("ledger.problem.unreadable_value", text, "ledger.hint.quote_text") from None
    result = doc.data.get("v") if isinstance(doc.data, dict) else None
    if result is None or isinstance(result, list) or (isinstance(result, dict) and not mapping):
        raise _problem("ledger.problem.not_single_value", text)
    return result


def terms(value: CellValue) -> dict[str, Any]:
    """One key term a line: 'payment_days: 30'."""
    result: dict[str, Any] = {}
    for line in parse_lines(value):
        parts = re.split(r"[:：=]", line, maxsplit=1)
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise _problem("ledger.problem.term", line, "ledger.hint.term")
        key = parts[0].strip()
        result[key] = yaml_scalar(parts[1].strip(), mapping=key in ("late_fee", "late_interest"))
    return result


_AMENDMENT = re.compile(r"(\S+)\s+(\S+)\s+(.+)")


def amendments(value: CellValue) -> list[dict[str, Any]]:
    """One amendment a line: 'A1 2026-03-20 summary'."""
    result = []
    for line in parse_lines(value):
        match = _AMENDMENT.fullmatch(line)
        if match is None:
            raise _problem("ledger.problem.amendment", line, "ledger.hint.amendment")
        result.append({"id": local_id(match[1]), "date": parse_date(match[2]), "summary": match[3].strip()})
    return result


# What people write by hand (and export wrote before it spoke the ledger's language): "every 1 month until ...",
# "1 quarter, count 4", "1 month x4". The catalogue's own forms, in every language, are read by _worded_repeat.
_REPEAT = re.compile(
    r"(?:every\s+)?(\d{1,3})\s*(day|week|month|quarter|year)s?\s*[,，]?\s*(?:until\s+(\S+)|(?:count\s*)?(\d{1,4})\s*(?:times?|x)?|x\s*(\d{1,4}))",
    re.I,
)


def repeat(value: CellValue) -> dict[str, Any]:
    """'every 1 month until 2026-12-31', 'every 1 quarter, 4 times' or the same in Chinese ('每 1 个季度，共 4 次')."""
    text = clean_text(value) if value is not None else ""
    rule = cell_words.read_repeat(text)
    if rule is None and (match := _REPEAT.fullmatch(text)):
        count = match[4] or match[5]
        rule = cell_words.WordedRepeat(int(match[1]), cast(RepeatUnit, match[2].lower()), match[3], int(count) if count else None)
    if rule is None or rule.every == 0:
        raise _problem("ledger.problem.repeat", text, "ledger.hint.repeat")
    every = f"{rule.every} {rule.unit}"
    if rule.until is not None:
        return {"every": every, "until": parse_date(rule.until)}
    return {"every": every, "count": rule.times}


def ack(value: CellValue) -> dict[str, Any]:
    """'2026-12-01 waiting for the customer' (the note is optional)."""
    text = parse_text(value)
    match = re.fullmatch(r"(?:until\s+)?(\S+?)[:：]?(?:\s+(.*))?", text)
    if match is None:
        raise _problem("ledger.problem.ack", text, "ledger.hint.ack")
    result: dict[str, Any] = {"until": parse_date(match[1])}
    if match[2]:
        result["note"] = match[2].strip()
    return result


# i18n.relative_rule's two forms: "30 days after M3" / "10 working days after M3", "M3 完成后 30 日" / "M3 完成后 10 个工作日".
_DUE_AFTER_EN = re.compile(r"(\d{1,4})\s*(working\s+)?days?\s+after\s+(\S+)", re.I)
_DUE_AFTER_ZH = re.compile(r"(\S+?)\s*完成后\s*(\d{1,4})\s*(个工作日|工作日|日|天)")
_ANCHOR = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}(@\d{4}-\d{2}-\d{2})?")  # the schema's pattern


def due_after(value: CellValue) -> dict[str, Any]:
    """'30 days after M3' or 'M3 完成后 10 个工作日' -> {milestone: M3, days: 30} / {milestone: M3, working_days: 10}."""
    text = unicodedata.normalize("NFKC", parse_text(value)).strip()
    if match := _DUE_AFTER_EN.fullmatch(text):
        days, working, anchor = int(match[1]), bool(match[2]), match[3]
    elif match := _DUE_AFTER_ZH.fullmatch(text):
        anchor, days, working = match[1], int(match[2]), "工作日" in match[3]
    else:
        raise _problem("ledger.problem.due_after", text, "ledger.hint.due_after")
    if not _ANCHOR.fullmatch(anchor):
        raise _problem("ledger.problem.anchor", anchor, "ledger.hint.anchor")
    return {"milestone": anchor, "working_days" if working else "days": days}


def business_day(value: CellValue) -> str:
    """following, preceding, modified_following or none (as in the YAML), or their words in either language."""
    written = parse_text(value)
    found = cell_words.read_business_day(written)
    if found is None:
        raise ValueProblem(
            msg("ledger.problem.business_day", value=shown(written)), Choices("ledger.hint.business_day", cell_words.BUSINESS_DAY_IDS)
        )
    return found


def int_list(value: CellValue) -> list[int]:
    items = parse_list(value if not isinstance(value, int | float) else str(value))
    if not all(re.fullmatch(r"\d{1,3}", i) for i in items):
        raise _problem("ledger.problem.days", value, "ledger.hint.days")
    return [int(i) for i in items]


# ---------------------------------------------------------------- what export writes (read back above)


def format_terms(items: Iterable[KeyTerm], late: LateFee | None = None) -> str:
    """One key term a line, and the late fee or interest as the contract writes it (read back by ``terms``)."""
    lines = [f"{term.key}: {scalar(term.value)}" for term in items]
    if late is not None:
        key, rate = ("late_fee", "rate_per_day") if late.per == "day" else ("late_interest", "rate_per_year")
        spec = [f"{rate}: {_percent(late.rate)}", *([f"cap: {_percent(late.cap)}"] if late.cap is not None else [])]
        lines.append(f"{key}: {{{', '.join([*spec, f'grace_days: {late.grace_days}'])}}}")
    return "\n".join(lines)


def _percent(fraction: Decimal) -> str:
    return f"{(fraction * 100).normalize():f}%"


def side(value: CellValue) -> str:
    """sell or buy, or a word for it: 卖方/买方, 销售/采购, 收款/付款, 应收/应付, seller/buyer (export writes money.side.*)."""
    written = parse_text(value)
    folded = written.lower().replace(" ", "")
    for choice, words in _SIDE_WORDS.items():
        if folded in words or folded in {v.lower().replace(" ", "") for v in (word(f"money.side.{choice}", lang) for lang in ("zh", "en"))}:
            return choice
    raise _problem("money.ledger.not_a_side", written, "money.ledger.sides")


_SIDE_WORDS = {
    "sell": {"sell", "seller", "卖方", "销售", "销售方", "收款", "应收", "receivable", "provider", "lessor", "出租方", "服务方"},
    "buy": {"buy", "buyer", "买方", "采购", "采购方", "付款", "应付", "payable", "client", "lessee", "承租方", "委托方"},
}


def format_amendments(items: Iterable[Amendment]) -> str:
    return "\n".join(f"{a.id} {a.date.isoformat()} {a.summary}" for a in items)


def format_documents(items: Iterable[Document]) -> str:
    return "\n".join(f"{d.title} <{d.url}>" for d in items)


def format_ack(item: Ack | None) -> str:
    if item is None:
        return ""
    return f"{item.until.isoformat()} {item.note}".strip()
