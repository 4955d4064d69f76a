"""The column vocabulary: Chinese and English ledger headers -> contract and milestone fields.

A header is matched after folding (full-width -> half-width, case, spaces and
punctuation dropped); a bracketed unit is kept apart (合同金额（万元） -> value,
x10000 CNY). A few headers mean a contract field on a contracts sheet and a
milestone field on a milestones sheet (负责人, 状态, 金额, 币种): those are
"generic" and the layout decides. Headers like 首付款日期 / 首付款金额 are
repeated milestone columns: a group titled 首付款.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from pactwatch.catalogue import LANGUAGES, word
from pactwatch.ledger.values import Unit, unit_from_header
from pactwatch.vocabulary import CONTRACT_STATUS_WORDS, CONTRACT_TYPE_WORDS, MILESTONE_KIND_WORDS, MILESTONE_STATUS_WORDS, Word

ContractField = Literal[
    "id",
    "title",
    "type",
    "side",
    "status",
    "counterparty",
    "counterparty_id",
    "signed_on",
    "start",
    "end",
    "auto_renew",
    "renewal_months",
    "notice_days",
    "value",
    "currency",
    "owner",
    "tags",
    "confidential",
    "documents",
    "terms",
    "amendments",
]
MilestoneField = Literal[
    "milestone_id",
    "milestone",
    "kind",
    "due",
    "due_as_written",
    "due_after",
    "business_day",
    "amount",
    "completed_on",
    "milestone_owner",
    "milestone_status",
    "milestone_currency",
    "evidence",
    "depends_on",
    "repeat",
    "remind_days",
    "ack",
]
Field = ContractField | MilestoneField
CONTRACT_FIELDS: tuple[ContractField, ...] = get_args(ContractField)
MILESTONE_FIELDS: tuple[MilestoneField, ...] = get_args(MilestoneField)
FIELDS: tuple[Field, ...] = (*CONTRACT_FIELDS, *MILESTONE_FIELDS)

# field -> the other names ledgers use for it. What export writes (and import reads first) is the field's
# header in the catalogue, in both languages (``header_id``).
_OTHER_NAMES: Mapping[Field, tuple[str, ...]] = {
    "id": ("合同号", "编号", "合同编码", "contract id", "contract number", "id", "no", "number", "reference"),
    "title": ("项目名称", "合同标题", "名称", "contract title", "contract name", "project name", "project"),
    "type": ("类型", "合同类别", "类别", "contract type", "category"),
    "side": ("我方", "收付方向", "收款/付款", "side", "our role"),
    "status": ("履行状态", "执行状态"),
    "counterparty": (
        "对方单位",  # what export wrote before 相对方
        "客户名称",
        "客户",
        "供应商",
        "供应商名称",
        "签约方",
        "合同相对方",
        "对方",
        "签约单位",
        "合作方",
        "合作单位",
        "customer",
        "supplier",
        "vendor",
        "client",
        "party",
        "counterparty name",
    ),
    "counterparty_id": ("客户编号", "供应商编号", "统一社会信用代码", "信用代码", "customer id", "supplier id"),
    "signed_on": ("签约日期", "签署日期", "签订时间", "signed on", "signing date", "sign date", "date signed"),
    "start": ("生效日期", "起始日期", "开始时间", "合同开始日期", "start date", "effective date", "term start", "from"),
    "end": ("到期日期", "终止日期", "截止日期", "结束时间", "合同到期日", "end date", "expiry date", "expiration date", "term end", "to"),
    "auto_renew": ("自动续约", "autorenew", "renews automatically"),
    "renewal_months": ("每次续期月数", "months per renewal"),
    "notice_days": ("通知期", "提前通知天数", "notice period"),
    "value": ("合同总额", "合同总金额", "合同价款", "总金额", "含税金额", "contract value", "total value", "total"),
    "currency": (),
    "owner": (),
    "tags": (),
    "confidential": ("是否保密",),
    "documents": ("相关文件", "文件", "附件链接"),  # 相关文件: what export wrote before 文档
    "terms": ("terms",),
    "amendments": (),
    "milestone_id": ("里程碑编号",),
    "milestone": ("里程碑", "付款节点", "节点名称", "里程碑名称", "款项", "milestone title", "milestone name"),
    "kind": ("里程碑类型", "kind", "milestone type"),  # Kind: what export wrote before Milestone kind
    "due": ("计划付款日期", "到期日", "应付日期", "应收日期", "计划完成日期", "节点日期", "due date", "planned date"),
    "due_as_written": ("约定日期",),
    "due_after": (),
    "business_day": ("business day convention",),
    "amount": ("付款金额", "应付金额", "应收金额", "计划金额", "里程碑金额", "milestone amount", "payment amount"),
    "completed_on": (
        "实际付款日期",
        "实际完成日期",
        "实际日期",
        "到账日期",
        "回款日期",
        "付款完成日期",
        "实际到账日期",
        "completed",
        "paid on",
        "date paid",
        "completion date",
        "actual date",
    ),
    "milestone_owner": ("里程碑负责人",),
    "milestone_status": ("里程碑状态",),
    "milestone_currency": (),
    "evidence": ("完成凭证", "付款凭证"),
    "depends_on": ("依赖",),
    "repeat": ("重复", "recurrence"),
    "remind_days": ("提前提醒天数",),
    "ack": ("逾期确认",),  # what export wrote before 已确认延期
}


# Fields whose header is the word every output uses for them (catalogue.words); the others have a ledger.header.*
# of their own, where the shared word would be read back as another field (状态, 负责人, 金额 are "generic").
_SHARED_HEADERS: Mapping[Field, str] = {
    "type": "field.type",
    "status": "field.status",
    "counterparty": "field.counterparty",
    "due": "field.due",
    "completed_on": "field.completed_on",
}


def header_id(field_name: Field) -> str:
    """The catalogue id of the header export writes for a field."""
    return _SHARED_HEADERS.get(field_name, f"ledger.header.{field_name}")


VOCABULARY: Mapping[Field, tuple[str, ...]] = {
    field_name: (word(header_id(field_name), "zh"), word(header_id(field_name), "en"), *others)
    for field_name, others in _OTHER_NAMES.items()
}

# Headers whose meaning depends on the sheet: a contract field, or on a milestones sheet a milestone field.
GenericField = Literal["owner", "status", "value", "currency"]
GENERIC: Mapping[str, GenericField] = {
    **dict.fromkeys(("负责人", "经办人", "承办人", "业务员", "owner", "responsible", "person in charge"), "owner"),
    **dict.fromkeys(("状态", "status"), "status"),
    **dict.fromkeys(("金额", "amount"), "value"),
    **dict.fromkeys(("币种", "货币", "currency", "ccy"), "currency"),
}
ON_MILESTONE_SHEET: Mapping[GenericField, MilestoneField] = {
    "owner": "milestone_owner",
    "status": "milestone_status",
    "value": "amount",
    "currency": "milestone_currency",
}
ON_CONTRACT_SHEET: Mapping[GenericField, ContractField] = {"owner": "owner", "status": "status", "value": "value", "currency": "currency"}

# Row numbers and notes are never data; nor are the computed columns export writes (COMPUTED_COLUMNS, their
# headers in the catalogue): import skips them quietly.
# (State: what export wrote before Milestone state.)
COMPUTED: frozenset[str] = frozenset(("序号", "行号", "row", "#", "已收款", "备注", "notes", "remarks", "state"))
ComputedColumn = Literal[
    "health",
    "progress",
    "receivable",
    "payable",
    "collected",
    "paid",
    "collected_to_date",
    "next_milestone",
    "next_due",
    "notice_deadline",
    "state",
    "days_late",
    "due_note",
]
COMPUTED_COLUMNS: tuple[ComputedColumn, ...] = get_args(ComputedColumn)


def computed_id(key: ComputedColumn) -> str:
    """The catalogue id of a computed column's header (``due_note``: why the effective date is not the one written)."""
    return "field.days_late" if key == "days_late" else f"ledger.column.{key}"


# Repeated milestone columns: <title><suffix>, e.g. 首付款日期, 尾款金额, Deposit paid on. Longest suffix first;
# no 付款日期 / 付款金额, which would cut 首付款日期 into 首 + 付款日期.
GROUP_SUFFIXES: tuple[tuple[str, MilestoneField], ...] = tuple(
    sorted(
        [
            *((s, "due") for s in ("计划付款日期", "计划日期", "应付日期", "应收日期", "到期日", "日期", "date", "due", "duedate")),
            *((s, "amount") for s in ("应付金额", "应收金额", "金额", "amount")),
            *(
                (s, "completed_on")
                for s in (
                    "实际付款日期",
                    "实际到账日期",
                    "实际完成日期",
                    "实际日期",
                    "完成日期",
                    "到账日期",
                    "回款日期",
                    "paid",
                    "paidon",
                    "completed",
                    "completedon",
                    "actualdate",
                )
            ),
        ],
        key=lambda pair: -len(pair[0]),
    )
)


def fold(text: str) -> str:
    """The matching key of a header: 'Contract No.' -> 'contractno', '合同 编号' -> '合同编号'."""
    return re.sub(r"[\s._\-:：*#/?？]", "", unicodedata.normalize("NFKC", text).lower())


_BRACKETS = re.compile(r"^(.*?)\s*[(\[【〔](.*?)[)\]】〕]\s*$")


def split_unit(header: str) -> tuple[str, Unit | None]:
    """'合同金额（万元）' -> ('合同金额', Unit(10000, 'CNY')); brackets that hold no unit are dropped."""
    text = unicodedata.normalize("NFKC", header).strip()
    match = _BRACKETS.match(text)
    if match is None or not match[1]:
        return text, None
    return match[1], unit_from_header(match[2])


def _index() -> dict[str, Field]:
    table: dict[str, Field] = {}
    for field_name, names in VOCABULARY.items():
        for name in names:
            table.setdefault(fold(name), field_name)
    return table


_EXACT = _index()
_GENERIC = {fold(name): value for name, value in GENERIC.items()}
_COMPUTED = frozenset(fold(name) for name in (*COMPUTED, *(word(computed_id(key), lang) for key in COMPUTED_COLUMNS for lang in LANGUAGES)))


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    field: Field | GenericField | None  # None: not a field (a group column, computed, or unknown)
    generic: bool = False
    unit: Unit | None = None
    group: str | None = None  # the milestone title of a repeated column group
    computed: bool = False


def match(header: str, mapping: Mapping[str, Field] | None = None) -> HeaderMatch:
    """What a header means. ``mapping`` (folded header -> field) comes from --mapping and wins."""
    base, unit = split_unit(header)
    key = fold(base)
    if mapping is not None and (key in mapping or fold(header) in mapping):
        return HeaderMatch(mapping.get(key) or mapping[fold(header)], unit=unit)
    if key in _EXACT:
        return HeaderMatch(_EXACT[key], unit=unit)
    if key in _GENERIC:
        return HeaderMatch(_GENERIC[key], generic=True, unit=unit)
    if key in _COMPUTED or fold(header) in _COMPUTED:
        return HeaderMatch(None, computed=True)
    for suffix, field_name in GROUP_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return HeaderMatch(field_name, unit=unit, group=_prefix(base, len(key) - len(suffix)))
    return HeaderMatch(None)


def _prefix(base: str, keep: int) -> str:
    """The leading part of ``base`` whose folded form has ``keep`` characters."""
    for end in range(len(base) + 1):
        if len(fold(base[:end])) == keep:
            return base[:end].strip(" _-:：")
    return base  # pragma: no cover - fold never lengthens text


def mapping_table(entries: Mapping[Field, tuple[str, ...]]) -> dict[str, Field]:
    """--mapping's {field: headers} as {folded header: field}."""
    return {fold(header): field_name for field_name, headers in entries.items() for header in headers}


def export_name(field_name: Field, language: str) -> str:
    """The header export writes for a field (Chinese or English), which import reads back."""
    return word(header_id(field_name), language)


def _zh(words: Iterable[Word]) -> str:
    """The vocabulary's Chinese words for a closed choice, as export writes them."""
    return ", ".join(pair.zh for pair in words)


_FIELD_NOTES: Mapping[Field, str] = {
    "id": "contract `id` (also the file name)",
    "title": "`title`",
    "type": f"`type` ({_zh(CONTRACT_TYPE_WORDS.values())} or the English words)",
    "side": "`side` (卖方/买方, 销售/采购, 收款/付款, sell/buy; else read off the counterparty's column: 客户 → sell, 供应商 → buy)",
    "status": f"contract `status` ({_zh(CONTRACT_STATUS_WORDS.values())}...; default active)",
    "counterparty": "`counterparty.name`",
    "counterparty_id": "`counterparty.id`",
    "signed_on": "`signed_on`",
    "start": "`term.start`",
    "end": "`term.end` (长期 / open-ended: no term)",
    "auto_renew": "`term.auto_renew` (是/否, yes/no)",
    "renewal_months": "`term.renewal_months`",
    "notice_days": "`term.notice_days`",
    "value": "`value.amount`",
    "currency": "`value.currency` (default: the amount's own ¥/$/€/元, else pactwatch.yml; kept alone without a value)",
    "owner": "contract `owner` (a person id or name)",
    "tags": "`tags` (separated by commas or 、)",
    "confidential": "`confidential` (是/否)",
    "documents": "`documents`, one a line: `title <url>`",
    "terms": "`terms`, one a line: `key: value`",
    "amendments": "`amendments`, one a line: `A1 2026-03-20 summary`",
    "milestone_id": "milestone `id` (default M1, M2... in ledger order)",
    "milestone": "milestone `title`",
    "kind": f"milestone `kind` ({_zh(MILESTONE_KIND_WORDS.values())}; default: from the title)",
    "due": "milestone `due` (export writes the effective date; `due_as_written` or `due_after` wins over it)",
    "due_as_written": "milestone `due` as the contract writes it, before the business-day convention",
    "due_after": "`due_after`: `30 days after M3`, `10 working days after M3` (or M3 完成后 30 日 / 10 个工作日)",
    "business_day": "milestone `business_day` (following, preceding, modified_following, none)",
    "amount": "milestone `amount`",
    "completed_on": "`completed_on` (makes the milestone done)",
    "milestone_owner": "milestone `owner` (default: the contract's owner)",
    "milestone_status": f"milestone `status` ({_zh(MILESTONE_STATUS_WORDS.values())})",
    "milestone_currency": "must equal the contract's currency",
    "evidence": "`evidence`",
    "depends_on": "`depends_on` (ids, comma separated)",
    "repeat": "`repeat`: `every 1 month until 2026-12-31` or `every 1 quarter, 4 times`",
    "remind_days": "`remind_days` (e.g. 14, 7, 0)",
    "ack": "`ack`: `2026-12-01 note`",
}


def markdown_fields() -> str:
    """The docs' list of recognised headers (docs/content/en/how-to/migrate-ledger.md, written by
    scripts/gen_docs.py): one wrapped item per field, as a table's rows would run past the docs' line limit."""
    items = [(f"`{name}`", _FIELD_NOTES[name], ", ".join(VOCABULARY[name])) for name in FIELDS]
    generic = ", ".join(f"{name} → {value}" for name, value in GENERIC.items())
    items.append(("(by sheet)", "a contract field, or on a milestones sheet the milestone's owner / status / amount / currency", generic))
    wrap = textwrap.TextWrapper(width=110, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)
    return "\n".join(wrap.fill(f"- **{field}**: Means: {means}; Headers recognised: {headers}") for field, means, headers in items)
