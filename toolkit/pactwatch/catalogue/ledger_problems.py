"""Catalogue entries: problems of a ledger being imported (ledger.problem.*, ledger.hint.*) and ledgers that
cannot be read at all (ledger.unreadable.*, ledger.refused.*); ``catalogue.ledger`` merges them into its table."""

from __future__ import annotations

from pactwatch.catalogue import Text

# Problems found reading a ledger (ledger.problem.*) and what to do about them (ledger.hint.*). A user's value is
# quoted: 「」 in Chinese, '' in English.
PROBLEMS: dict[str, Text] = {
    # dates, amounts and small values (ledger.values)
    "ledger.problem.not_real_date": Text("「{value}」不是存在的日期", "'{value}' is not a real date"),
    "ledger.hint.day_and_month": Text("请检查日和月", "check the day and the month"),
    "ledger.problem.number_not_date": Text("数字 {number} 不是日期", "the number {number} is not a date"),
    "ledger.problem.not_date": Text("「{value}」不是日期", "'{value}' is not a date"),
    "ledger.hint.date": Text(
        "请写成 2026-01-05、2026/1/5 或 2026年1月5日，或使用日期格式的单元格",
        "write the date as 2026-01-05, 2026/1/5 or '2026年1月5日', or use a date cell",
    ),
    "ledger.problem.ambiguous_date": Text("「{value}」有歧义（日/月还是月/日？）", "'{value}' is ambiguous (day/month or month/day?)"),
    "ledger.hint.year_first": Text("请把年份写在前面：2026-01-05", "write the year first: 2026-01-05"),
    "ledger.problem.not_amount": Text("「{value}」不是金额", "'{value}' is not an amount"),
    "ledger.hint.amount": Text(
        "请写成数字，例如 1200000、1,200,000.00、¥1,200,000.00、120万 或 1,200,000元",
        "write a number such as 1200000, 1,200,000.00, ¥1,200,000.00, '120万' or '1,200,000元'",
    ),
    "ledger.problem.negative": Text("「{value}」是负数", "'{value}' is negative"),
    "ledger.hint.refund_as_note": Text("金额不能为负数；退款请记在备注里", "amounts are never negative; record refunds as a note"),
    "ledger.hint.never_negative": Text("金额不能为负数", "amounts are never negative"),
    "ledger.problem.too_large": Text("「{value}」作为金额过大", "'{value}' is too large for an amount"),
    "ledger.hint.unit": Text("请检查单位（元 / 万元）和数字", "check the unit ('元' or '万元') and the number"),
    "ledger.problem.not_yes_no": Text("「{value}」不是“是”或“否”", "'{value}' is not yes or no"),
    "ledger.hint.yes_no": Text("请填写“是”或“否”", "write yes or no ('是' or '否')"),
    "ledger.problem.not_whole_number": Text("「{value}」不是整数", "'{value}' is not a whole number"),
    # the cells export writes (ledger.fields)
    "ledger.problem.contract_number": Text(
        "合同编号「{value}」不能用作 ID（文件名）", "contract number '{value}' cannot be an id (a file name)"
    ),
    "ledger.hint.contract_number": Text(
        "ID 只能用拉丁字母、数字、'.'、'_' 和 '-'（最多 64 个）；请给合同重新编号，或用 --mapping 映射另一列",
        "ids use Latin letters, digits, '.', '_' and '-' (at most 64); renumber the contract or map another column with --mapping",
    ),
    "ledger.problem.milestone_id": Text("「{value}」不是节点编号", "'{value}' is not a milestone id"),
    "ledger.hint.milestone_id": Text(
        "ID 只能用拉丁字母、数字、'.'、'_' 和 '-'，例如 M1", "ids use Latin letters, digits, '.', '_' and '-', e.g. M1"
    ),
    "ledger.problem.currency": Text("「{value}」不是币种", "'{value}' is not a currency"),
    "ledger.hint.currency": Text(
        "请使用 ISO 4217 代码，例如 CNY、USD 或 EUR（也可写人民币、美元）",
        "use an ISO 4217 code such as CNY, USD or EUR ('人民币' and '美元' are understood)",
    ),
    "ledger.problem.document": Text("「{value}」不是文件链接", "'{value}' is not a document link"),
    "ledger.hint.document": Text(
        "每行写一个文件：合同扫描件 <https://dms.example.com/c/1>",
        "write one document a line: 'Signed copy <https://dms.example.com/c/1>'",
    ),
    "ledger.problem.unreadable_value": Text("「{value}」无法读取（不是有效的 YAML 值）", "'{value}' cannot be read (not a YAML value)"),
    "ledger.hint.quote_text": Text('请给文字加上引号："0.05%"', 'quote text values: "0.05%"'),
    "ledger.problem.not_single_value": Text("「{value}」不是单个值", "'{value}' is not a single value"),
    "ledger.problem.term": Text("「{value}」不是关键条款", "'{value}' is not a key term"),
    "ledger.hint.term": Text("每行写一条：payment_days: 30", "write one term a line: payment_days: 30"),
    "ledger.problem.amendment": Text("「{value}」不是补充协议", "'{value}' is not an amendment"),
    "ledger.hint.amendment": Text(
        "每行写一份补充协议：A1 2026-03-20 交付日期顺延两周", "write one amendment a line: 'A1 2026-03-20 delivery two weeks later'"
    ),
    "ledger.problem.repeat": Text("「{value}」不是周期规则", "'{value}' is not a repeat rule"),
    "ledger.hint.repeat": Text(
        "请写成“每 1 个月，至 2026-12-31”或“每 1 个季度，共 4 次”",
        "write 'every 1 month until 2026-12-31' or 'every 1 quarter, 4 times'",
    ),
    "ledger.problem.ack": Text("「{value}」不是逾期确认", "'{value}' is not an acknowledgement"),
    "ledger.hint.ack": Text(
        "请写明已知延期到哪一天，再写说明：2026-12-01 客户延期",
        "write the date until which the delay is known, then a note: '2026-12-01 customer delayed'",
    ),
    "ledger.problem.due_after": Text("「{value}」不是相对期限", "'{value}' is not a relative deadline"),
    "ledger.hint.due_after": Text(
        "请写成“M3 完成后 30 日”或“M3 完成后 10 个工作日”",
        "write '30 days after M3' or '10 working days after M3'",
    ),
    "ledger.problem.anchor": Text("「{value}」不是节点编号", "'{value}' is not the id of a milestone"),
    "ledger.hint.anchor": Text("请写明在哪个节点之后：M3，或 R1@2026-05-31", "name the milestone it is due after: M3, or R1@2026-05-31"),
    "ledger.problem.business_day": Text("「{value}」不是节假日规则", "'{value}' is not a business-day convention"),
    "ledger.hint.business_day": Text("请从以下选择：{choices}", "use one of: {choices}"),
    "ledger.problem.days": Text("「{value}」不是天数列表", "'{value}' is not a list of days"),
    "ledger.hint.days": Text("请写到期前的天数，例如 14, 7, 0", "write days before the due date, e.g. 14, 7, 0"),
}

# Problems of whole contracts, rows, people and sheets (ledger.importer, ledger.milestones, ledger.layouts).
RECORD_PROBLEMS: dict[str, Text] = {
    "ledger.problem.long_name": Text("「{value}…」不是人名（{count} 个字符）", "'{value}...' is not a person's name ({count} characters)"),
    "ledger.hint.person": Text("请写此人的 ID 或姓名", "write the person's id or name"),
    "ledger.problem.name_control": Text(
        "「{value}」不是人名（含有换行或控制字符）", "'{value}' is not a person's name (it holds a line break or a control character)"
    ),
    "ledger.problem.shared_name": Text("「{value}」是 {count} 个人的姓名（{ids}）", "'{value}' is the name of {count} people ({ids})"),
    "ledger.hint.person_id": Text("请改写此人的 ID", "write the person's id instead"),
    "ledger.problem.unknown_person": Text(
        "people.yaml 中没有「{value}」（{cells}；{count} 个合同未导入：{contracts}）",
        "'{value}' is not in people.yaml ({cells}; {count} contracts not imported: {contracts})",
        "'{value}' is not in people.yaml ({cells}; 1 contract not imported: {contracts})",
    ),
    "ledger.problem.unknown_person_more": Text(
        "people.yaml 中没有「{value}」（{cells} 等另外 {more} 处；{count} 个合同未导入：{contracts}）",
        "'{value}' is not in people.yaml ({cells} and {more} more; {count} contracts not imported: {contracts})",
        "'{value}' is not in people.yaml ({cells} and {more} more; 1 contract not imported: {contracts})",
    ),
    "ledger.hint.add_people": Text(
        "请把此人加入 people.yaml，或加上 --add-people 再运行", "add them to people.yaml, or run again with --add-people"
    ),
    "ledger.problem.differs": Text("{header} 与 {ref}（「{value}」）不一致", "{header} differs from {ref} ('{value}')"),
    "ledger.problem.value_currency": Text(
        "合同金额的币种是 {currency}，但币种列写的是 {column}", "the value is in {currency} but the currency column says {column}"
    ),
    "ledger.problem.term_no_end": Text("合同期限未导入：缺少结束日期", "the term is left out: it has no end date"),
    "ledger.problem.term_no_start": Text("合同期限未导入：缺少开始日期", "the term is left out: it has no start date"),
    "ledger.hint.term_dates": Text("合同期限须同时有开始日期和结束日期", "the format records a term with both a start and an end"),
    "ledger.problem.contract_type": Text(
        "无法识别合同类型「{value}」；按 'other' 记录，并把该词加为标签",
        "contract type '{value}' is not known; recorded as other, with the word as a tag",
    ),
    "ledger.hint.contract_types": Text("可用的合同类型：{choices}", "types: {choices}"),
    "ledger.problem.contract_status": Text("无法识别合同状态「{value}」", "contract status '{value}' is not known"),
    "ledger.hint.statuses": Text("可用的状态：{choices}", "statuses: {choices}"),
    "ledger.problem.no_title": Text("合同没有名称（「合同名称」列）", "the contract has no title (column 'Title')"),
    "ledger.problem.no_counterparty": Text("合同没有相对方（「相对方」列）", "the contract has no counterparty (column 'Counterparty')"),
    "ledger.problem.no_owner": Text("合同没有负责人（「合同负责人」列）", "the contract has no owner (column 'Contract owner')"),
    "ledger.problem.no_contract_row": Text(
        "合同 {contract} 有节点行（{sheets}），但没有合同行", "contract {contract} has milestone rows ({sheets}) but no contract row"
    ),
    "ledger.hint.add_contract_row": Text("请在合同表中加入此合同", "add the contract to the contracts sheet"),
    "ledger.problem.no_number": Text("此行没有合同编号（「合同编号」列）", "the row has no contract number (column 'Contract No.')"),
    "ledger.hint.no_number": Text("请填写；没有合同编号的行无法导入", "fill it in; rows without one cannot be imported"),
    "ledger.problem.renumbered": Text(
        "合同编号「{value}」的 ID 为 {id}（ID 即文件名）", "contract number '{value}' becomes id {id} (ids are file names)"
    ),
    "ledger.problem.no_number_column": Text("找不到合同编号列（「合同编号」）", "no contract number column found (column 'Contract No.')"),
    "ledger.hint.no_number_column": Text(
        "请把该列命名为「合同编号」，或用 --mapping 映射", "name the column 'Contract No.', or map it with --mapping"
    ),
    "ledger.problem.same_column": Text(
        "「{column}」列与「{other}」列含义相同（{field}），已忽略", "column '{column}' means the same as '{other}' ({field}); it is ignored"
    ),
    "ledger.hint.map_columns": Text("请用 --mapping 明确映射各列", "map columns explicitly with --mapping"),
    "ledger.problem.no_ledger": Text(
        "{names} 中没有台账：没有哪一行同时有合同编号列和至少一个其他可识别的表头",
        "no ledger found in {names}: no row has a contract number column and at least one more known header",
    ),
    "ledger.hint.no_ledger": Text(
        "可识别的表头见文档 docs/content/en/how-to/migrate-ledger.md，或使用 --mapping",
        "see the recognised headers in docs/content/en/how-to/migrate-ledger.md, or use --mapping",
    ),
    # milestones (ledger.milestones)
    "ledger.problem.amount_currency": Text(
        "节点金额的币种是 {currency}，但合同的币种是 {contract_currency}",
        "the amount is in {currency} but the contract is in {contract_currency}",
    ),
    "ledger.hint.two_currencies": Text("不同币种的金额不能相加", "amounts of two currencies are never added"),
    "ledger.problem.milestone_kind": Text(
        "无法识别节点类型「{value}」；按 '{kind}' 记录", "milestone kind '{value}' is not known; using {kind}"
    ),
    "ledger.hint.kinds": Text("可用的节点类型：{choices}", "kinds: {choices}"),
    "ledger.problem.milestone_status": Text("无法识别节点状态「{value}」", "milestone status '{value}' is not known"),
    "ledger.problem.milestone_currency": Text(
        "节点的币种是 {currency}，但合同的币种是 {contract_currency}",
        "the milestone is in {currency} but the contract is in {contract_currency}",
    ),
    "ledger.problem.no_milestone_title": Text("节点没有名称（「节点」列）", "the milestone has no title (column 'Milestone')"),
    "ledger.problem.no_due": Text("节点「{title}」没有计划日期（「计划日期」列）", "milestone '{title}' has no due date (column 'Due')"),
    "ledger.problem.no_due_untitled": Text("节点没有计划日期（「计划日期」列）", "the milestone has no due date (column 'Due')"),
    "ledger.problem.completed_later": Text(
        "完成日期 {completed} 晚于今天（{today}）", "completed on {completed}, which is after today ({today})"
    ),
    "ledger.hint.completed_later": Text(
        "完成之前请留空完成日期（或使用 --today）", "leave the completion date empty until it happens (or pass --today)"
    ),
    "ledger.problem.closed_but_completed": Text(
        "节点「{title}」的状态是 '{status}'，却有完成日期", "milestone '{title}' is {status} but has a completion date"
    ),
    "ledger.problem.completed_so_done": Text(
        "节点「{title}」有完成日期，因此记为已完成（状态列写的是 '{status}'）",
        "milestone '{title}' has a completion date, so it is recorded as done (the status said {status})",
    ),
    "ledger.problem.done_without_date": Text(
        "节点「{title}」标为已完成，但没有完成日期", "milestone '{title}' is marked done without a completion date"
    ),
    "ledger.hint.completed_on": Text("请填写完成日期", "fill in the completion date"),
    "ledger.problem.occurrences_disagree": Text(
        "节点 '{milestone}' 的各期在 {field} 上不一致", "occurrences of milestone '{milestone}' disagree on {field}"
    ),
    "ledger.hint.first_row": Text("第 {row} 行写的是「{value}」", "row {row} has '{value}'"),
    "ledger.problem.id_twice": Text("节点编号 '{milestone}' 用了两次", "milestone id '{milestone}' is used twice"),
    "ledger.hint.id_twice": Text(
        "请给每个节点不同的编号，或给各期填写周期（「周期」列）",
        "give each milestone its own id, or a repeat rule (column 'Repeat') to its occurrences",
    ),
    "ledger.problem.repeat_after": Text(
        "周期节点 '{milestone}' 的期限相对于另一个节点", "recurring milestone '{milestone}' is due after another milestone"
    ),
    "ledger.problem.occurrence_without_date": Text(
        "节点 '{milestone}' 有一期标为已完成，但没有完成日期",
        "an occurrence of '{milestone}' is marked done without a completion date",
    ),
}

# Ledgers that cannot be read at all (ledger.readers, ledger.xlsx_guard) and other fatal problems of the ledger commands.
UNREADABLE: dict[str, Text] = {
    "ledger.unreadable.bad_bom": Text(
        "{file}：文件开头像是 {encoding} 编码，但在第 {byte} 字节处不是有效的 {encoding}",
        "{file}: the file starts like {encoding} but is not valid {encoding} at byte {byte}",
    ),
    "ledger.unreadable.encoding": Text(
        "{file}：此 CSV 文件既不是 UTF-8 也不是 GB18030/GBK 文本；请在 Excel 中另存为“CSV UTF-8”",
        "{file}: the CSV file is neither UTF-8 nor GB18030/GBK text; save it from Excel as 'CSV UTF-8'",
    ),
    "ledger.unreadable.csv_rows": Text("{file}：超过 {limit:,} 行", "{file}: more than {limit:,} rows"),
    "ledger.unreadable.csv": Text("{file}：第 {line} 行无法读取（{reason}）", "{file}: CSV cannot be read at line {line} ({reason})"),
    "ledger.unreadable.workbook": Text(
        "{file} 无法作为 Excel 工作簿打开（{reason}）；请另存为 .xlsx",
        "{file} cannot be opened as an Excel workbook ({reason}); save it as .xlsx",
    ),
    "ledger.unreadable.sheet_rows": Text("{file} 的工作表 {sheet} 超过 {limit:,} 行", "{file} sheet {sheet} has more than {limit:,} rows"),
    "ledger.unreadable.cannot_read": Text("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "ledger.unreadable.no_file": Text("无法读取 {path}：文件不存在", "cannot read {path}: no such file"),
    "ledger.unreadable.no_sheet": Text(
        "{file} 中没有工作表 {unknown}；其工作表为 {names}", "{file} has no sheet {unknown}; its sheets are {names}"
    ),
    "ledger.unreadable.xls": Text(
        "{file} 是旧的 .xls 工作簿；请在 Excel 或 WPS 中打开并另存为 .xlsx",
        "{file} is an old .xls workbook; open it in Excel or WPS and save it as .xlsx",
    ),
    "ledger.unreadable.sheet_option": Text(
        "--sheet 只适用于 .xlsx 工作簿；CSV 文件只有一张表", "--sheet applies to .xlsx workbooks; a CSV file has one table"
    ),
    "ledger.unreadable.kind": Text("{file}：台账须是 .xlsx 工作簿或 .csv 文件", "{file}: a ledger is an .xlsx workbook or a .csv file"),
    # the workbook guard: {file} then what is refused
    "ledger.refused.part_size": Text(
        "{file}：部件 {part} 解压后有 {size:,} 字节；台账的一个部件最多 {limit:,} 字节",
        "{file}: part {part} inflates to {size:,} bytes; a ledger part may hold {limit:,}",
    ),
    "ledger.refused.part_dtd": Text(
        "{file}：部件 {part} 声明了 DTD（实体声明），电子表格程序从不写入它；不予读取",
        "{file}: part {part} declares a DTD (entity declarations), which no spreadsheet program writes; it is not read",
    ),
    "ledger.refused.part_xml": Text(
        "{file}：部件 {part} 不是格式正确的 XML（{reason}）", "{file}: part {part} is not well-formed XML ({reason})"
    ),
    "ledger.refused.part_damaged": Text("{file}：部件 {part} 已损坏（{reason}）", "{file}: part {part} is damaged ({reason})"),
    "ledger.refused.sheet_dtd": Text(
        "{file}：工作表 {sheet} 声明了 DTD（实体声明），电子表格程序从不写入它；不予读取",
        "{file}: sheet {sheet} declares a DTD (entity declarations), which no spreadsheet program writes; it is not read",
    ),
    "ledger.refused.row_cells": Text(
        "{file}：工作表 {sheet} 的第 {row} 行超过 {limit:,} 个单元格，超出 Excel 的上限",
        "{file}: sheet {sheet}: row {row} has more than {limit:,} cells, more than Excel allows",
    ),
    "ledger.refused.cells": Text(
        "{file}：工作表 {sheet} 超过 {limit:,} 个单元格；台账最多 {limit:,} 个",
        "{file}: sheet {sheet}: it has more than {limit:,} cells; a ledger may have {limit:,}",
    ),
    "ledger.refused.column": Text(
        "{file}：工作表 {sheet} 的单元格 {cell} 在第 {column:,} 列有值；台账只能用前 {limit:,} 列（A 到 {last}）：请删除其后的列再保存",
        "{file}: sheet {sheet}: cell {cell} holds a value in column {column:,}; a ledger may use "
        "the first {limit:,} columns (A to {last}): delete the columns after it and save again",
    ),
    "ledger.refused.sheet_xml": Text(
        "{file}：工作表 {sheet} 不是格式正确的 XML（{reason}）", "{file}: sheet {sheet} is not well-formed XML ({reason})"
    ),
    "ledger.refused.sheet_part": Text("{file}：工作表 {sheet} 的部件 '{part}' 缺失", "{file}: sheet {sheet}: its part '{part}' is missing"),
    "ledger.refused.sheet_damaged": Text("{file}：工作表 {sheet} 已损坏（{reason}）", "{file}: sheet {sheet} is damaged ({reason})"),
    "ledger.people.cannot_append": Text(
        "无法安全地追加到 {file}（其最后一个键应是块列表形式的 'people:'）；请手动添加这些人：{names}",
        "cannot append to {file} safely (its last key should be 'people:' as a block list); add these people by hand: {names}",
    ),
    "ledger.template.error_at": Text("{file}:{line}：模板错误：{reason}", "{file}:{line}: template error: {reason}"),
    "ledger.template.error": Text("{file}：模板错误：{reason}", "{file}: template error: {reason}"),
}

# --mapping FILE (ledger.mapping)
MAPPING: dict[str, Text] = {
    "ledger.mapping.cannot_read": Text("无法读取映射文件 {path}：{reason}", "cannot read the mapping file {path}: {reason}"),
    "ledger.mapping.at": Text("{path}:{line}:{column}：{message}", "{path}:{line}:{column}: {message}"),
    "ledger.mapping.not_a_field": Text(
        "{path}:{line}：'{key}' 不是字段；可用的字段：{fields}", "{path}:{line}: '{key}' is not a field; fields are {fields}"
    ),
    "ledger.mapping.needs_header": Text(
        "{path}:{line}：{key} 需要一个列标题（文字）或一组列标题", "{path}:{line}: {key} needs a column header (text) or a list of them"
    ),
}
UNREADABLE.update(MAPPING)
