"""Catalogue entries: the findings of the rules (rules/), of building records (load/construct.py), of the
notify block (notify/config.py), and the outbox's notes on people a channel cannot reach.

Facts are values (ids, dates, numbers); the sentence is made here. A text without facts is not passed
through str.format, so only texts with facts double their literal braces.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

_RULES: dict[str, Text] = {
    # parties.py
    "finding.side_not_stated": Text(
        "合同类型 {type} 看不出我方是收款还是付款：有付款节点时须写明 `side`",
        "a {type} contract does not show whether we are paid or pay: with payment milestones it states side",
    ),
    "finding.hint.state_side": Text(
        "我方为卖方、服务方或出租方写 `side: sell`（应收）；为买方、委托方或承租方写 `side: buy`（应付）",
        "write `side: sell` when we are the seller, provider or lessor (receivables), "
        "`side: buy` when the buyer, client or lessee (payables)",
    ),
    # identity.py
    "finding.id_differs_from_file": Text(
        "合同编号 '{id}' 与文件名 '{stem}' 不一致", "contract id '{id}' differs from the file name '{stem}'"
    ),
    "finding.hint.rename_file": Text("请把文件改名为 {id}.yaml，或修改编号", "rename the file to {id}.yaml or change the id"),
    "finding.milestone_id_twice": Text(
        "节点编号 '{milestone}' 在本合同中用了两次", "milestone id '{milestone}' is used twice in this contract"
    ),
    # dependencies.py, relative.py
    "finding.depends_on_unknown": Text(
        "节点 '{milestone}' 依赖 '{dependency}'，但本合同没有这个节点",
        "milestone '{milestone}' depends on '{dependency}', which this contract does not have",
    ),
    "finding.hint.known_milestones": Text("本合同的节点：{milestones}", "known milestones: {milestones}"),
    "finding.dependency_cycle": Text("节点依赖形成循环：{cycle}", "milestone dependencies form a cycle: {cycle}"),
    "finding.due_after_unknown": Text(
        "节点 '{milestone}' 在 '{reference}' 之后到期，但本合同没有这个节点",
        "milestone '{milestone}' is due after '{reference}', which this contract does not have",
    ),
    "finding.due_after_not_repeating": Text(
        "节点 '{milestone}' 在 '{reference}' 之后到期，但 '{anchor}' 不是周期性节点",
        "milestone '{milestone}' is due after '{reference}', but '{anchor}' does not repeat",
    ),
    "finding.hint.write_anchor": Text("请写成 `milestone: {anchor}`", "write milestone: {anchor}"),
    "finding.due_after_repeating": Text(
        "节点 '{milestone}' 在 '{anchor}' 之后到期，而 '{anchor}' 是周期性节点",
        "milestone '{milestone}' is due after '{anchor}', which repeats",
    ),
    "finding.hint.name_one_occurrence": Text(
        "请指明其中一期，例如 `milestone: {anchor}@{first}`", "name one occurrence, e.g. milestone: {anchor}@{first}"
    ),
    "finding.due_after_not_an_occurrence": Text(
        "节点 '{milestone}' 在 '{reference}' 之后到期，但这不是 '{anchor}' 的某一期",
        "milestone '{milestone}' is due after '{reference}', which is not an occurrence of '{anchor}'",
    ),
    "finding.hint.occurrences_start": Text("第一期是 {first}（{anchor}@{first}）", "occurrences start {first} ({anchor}@{first})"),
    "finding.due_after_cycle": Text("相对期限形成循环：{cycle}", "relative deadlines form a cycle: {cycle}"),
    "finding.hint.fix_one_due": Text(
        "这条链上至少要有一个节点写固定的到期日（`due`）", "one milestone of the chain needs a fixed due date"
    ),
    "finding.business_day_without_calendar": Text(
        "设置了顺延规则（`business_day`），但没有工作日历", "a business-day convention without a calendar"
    ),
    "finding.milestone_working_days_without_calendar": Text(
        "节点 '{milestone}' 按工作日计算，但没有工作日历", "milestone '{milestone}' counts working days without a calendar"
    ),
    "finding.milestone_business_day_without_calendar": Text(
        "节点 '{milestone}' 设置了顺延规则（`business_day`），但没有工作日历",
        "milestone '{milestone}' has a business-day convention without a calendar",
    ),
    "finding.hint.add_calendar": Text(
        "请在 pactwatch.yml 中加上 `calendar: {country: CN}`，或改按自然日计算（`days: 30`）",
        "add calendar: {country: CN} to pactwatch.yml, or count calendar days (days: 30)",
    ),
    # completion.py
    "finding.done_without_date": Text(
        "节点 '{milestone}' 已完成（`done`），但没有 `completed_on`", "milestone '{milestone}' is done but has no completed_on"
    ),
    "finding.hint.add_completed_on": Text(
        "请补上 `completed_on: YYYY-MM-DD`（完成的日期）", "add completed_on: YYYY-MM-DD (the day it was completed)"
    ),
    "finding.completed_but_not_done": Text(
        "节点 '{milestone}' 填了 `completed_on`，但状态是 '{status}'",
        "milestone '{milestone}' has completed_on but its status is {status}",
    ),
    "finding.hint.done_or_no_date": Text("请改为 `status: done`，或删去 `completed_on`", "set status: done, or remove completed_on"),
    "finding.completed_without_repeat": Text(
        "节点 '{milestone}' 记录了各期的完成情况（`completed`），但它不是周期性节点",
        "milestone '{milestone}' records completed occurrences but does not repeat",
    ),
    "finding.hint.use_completed_on": Text("一次性节点请用 `completed_on`", "use completed_on for a one-off milestone"),
    "finding.recurring_done": Text(
        "周期性节点 '{milestone}' 的完成情况记在 `completed:` 下，不用 `status: done` 或 `completed_on`",
        "recurring milestone '{milestone}' records completions in 'completed:', not with status done/completed_on",
    ),
    "finding.hint.record_under_completed": Text(
        "请删去 `completed_on`，把每一期记在 `completed:` 下", "remove completed_on and record each occurrence under completed:"
    ),
    "finding.not_an_occurrence": Text("{due} 不是节点 '{milestone}' 的某一期", "{due} is not an occurrence of milestone '{milestone}'"),
    "finding.hint.occurrences": Text("各期日期：{dates}", "occurrences: {dates}"),
    "finding.ack_without_effect": Text(
        "节点 '{milestone}' 的状态是 '{status}'，`ack` 不起作用", "milestone '{milestone}' is {status}; its ack has no effect"
    ),
    "finding.hint.remove_ack": Text("请删去 `ack`", "remove the ack"),
    # term.py
    "finding.term_reversed": Text("合同期限的结束日（{end}）早于开始日（{start}）", "the term ends ({end}) before it starts ({start})"),
    "finding.due_outside_term": Text(
        "节点 '{milestone}' 的到期日 {due} 不在合同期限 {start} .. {end} 之内",
        "milestone '{milestone}' is due {due}, outside the term {start} .. {end}",
    ),
    "finding.hint.check_date_or_amend": Text("请检查日期，或用补充协议延长合同期限", "check the date or extend the term with an amendment"),
    "finding.repeats_past_term": Text(
        "节点 '{milestone}' 的重复超出了合同期限的结束日 {end}：从 {first} 起共 {count} 期",
        "milestone '{milestone}' repeats past the term's end {end}: {count} occurrences from {first} on",
        "milestone '{milestone}' repeats past the term's end {end}: 1 occurrence from {first} on",
    ),
    "finding.hint.end_repeat_with_term": Text(
        "请让重复随合同期限结束（`until: {end}`，或减小 `count`），或用补充协议延长合同期限",
        "end the repeat with the term (until: {end}, or a smaller count), or extend the term with an amendment",
    ),
    # money.py
    "finding.currency_mismatch": Text(
        "节点 '{milestone}' 的币种是 '{currency}'，而合同的币种是 '{contract_currency}'",
        "milestone '{milestone}' is in {currency} but the contract is in {contract_currency}",
    ),
    "finding.hint.one_currency": Text(
        "不同币种的金额不会相加；请拆分合同，或换算金额",
        "amounts of two currencies are never added; split the contract or convert the amount",
    ),
    "finding.payments_exceed_value": Text(
        "付款节点合计 {total} {currency}，超过合同金额 {value}",
        "payment milestones add up to {total} {currency}, more than the contract value {value}",
    ),
    "finding.hint.check_amounts": Text(
        "请核对金额，或用补充协议记录金额变更", "check the amounts, or record the value change in an amendment"
    ),
    # urls.py
    "finding.unsafe_url": Text("文档链接 {url} 不是 http、https 或 mailto 地址", "document link {url} is not an http, https or mailto URL"),
    "finding.hint.https_address": Text(
        "其他协议的链接不会显示；请使用文档系统的 https 地址",
        "links to other schemes are not shown; use the document system's https address",
    ),
}

_PORTFOLIO: dict[str, Text] = {
    # portfolio_rules.py
    "finding.person_id_twice": Text("人员 ID '{person}' 用了两次", "person id '{person}' is used twice"),
    "finding.unknown_manager": Text(
        "{person} 的上级 '{manager}' 不在 people.yaml 中", "manager '{manager}' of {person} is not in people.yaml"
    ),
    "finding.manager_cycle": Text("上级关系形成循环：{cycle}", "managers form a cycle: {cycle}"),
    "finding.unknown_owner": Text("负责人 '{owner}' 不在 people.yaml 中", "owner '{owner}' is not in people.yaml"),
    "finding.hint.add_person": Text("请把此人加入 people.yaml，或改正 ID", "add the person to people.yaml or fix the id"),
    "finding.hint.did_you_mean_person": Text("您是不是想写 '{suggestion}'（{name}）？", "did you mean '{suggestion}' ({name})?"),
    "finding.completed_after_today": Text(
        "节点 '{milestone}' 的完成日期 {completed} 晚于今天", "milestone '{milestone}' is completed on {completed}, after today"
    ),
    "finding.occurrence_completed_after_today": Text(
        "'{milestone}' 的 {due} 这一期完成日期 {completed} 晚于今天",
        "occurrence {due} of '{milestone}' is completed on {completed}, after today",
    ),
    "finding.hint.record_when_done": Text(
        "今天是 {today}；请在完成之后再记录", "today is {today}; record a completion once it has happened"
    ),
    "finding.duplicate_contract_id": Text("合同编号 '{id}' 也被 {files} 使用", "contract id '{id}' is also used by {files}"),
    "finding.hint.unique_ids": Text("合同编号在整个合同库中必须唯一", "contract ids are unique across the portfolio"),
    "finding.counterparty_spelling": Text(
        "相对方名称「{name}」与「{existing}」只差空格、全角字符或大小写",
        "the counterparty name '{name}' differs from '{existing}' only by spaces, full-width characters or case",
    ),
    "finding.hint.counterparty_spelling": Text(
        "{contract}（{file}）写作「{existing}」；同一相对方请用同一写法",
        "{contract} ({file}) writes it '{existing}'; spell one counterparty one way",
    ),
    # far_dates.py
    "finding.far_date": Text("{date} 距今天（{today}）{years} 年", "{date} is {years} years from today ({today})"),
    "finding.far_dates": Text(
        "{date} 距今天（{today}）{years} 年（本文件中另有 {count} 个这样的日期）",
        "{date} is {years} years from today ({today}) (and {count} more dates in this file)",
        "{date} is {years} years from today ({today}) (and 1 more date in this file)",
    ),
    "finding.hint.check_year_far": Text(
        "相距超过 {limit} 年：请检查年份是否写错", "more than {limit} years away: check the year for a typo"
    ),
    # occurrences.py
    "finding.repeats_past_last_day": Text(
        "节点 '{milestone}' 的重复超出了 {last_day}，这是 pactwatch 跟踪的最后一天",
        "milestone '{milestone}' repeats past {last_day}, the last day pactwatch tracks",
    ),
    "finding.hint.end_repeat_earlier": Text(
        "请让重复更早结束（`until` 或更小的 `count`）", "end the repeat earlier (until or a smaller count)"
    ),
    "finding.too_many_repeats": Text(
        "节点 '{milestone}' 重复 {count:,} 次；一个节点最多跟踪 {limit:,} 期",
        "milestone '{milestone}' repeats {count:,} times; at most {limit:,} occurrences of one milestone are tracked",
    ),
    "finding.hint.repeat_less_or_split": Text(
        "请降低重复频率，或拆成各自带 `until` 的多个节点", "repeat less often, or split it into milestones with their own until"
    ),
    "finding.contract_over_budget": Text(
        "合同 '{contract}' 共有 {count:,} 期节点；每份合同的上限是 {budget:,}",
        "contract '{contract}' has {count:,} milestone occurrences; the budget is {budget:,} per contract",
    ),
    "finding.hint.split_contract": Text("请拆分合同，或降低节点的重复频率", "split the contract, or repeat milestones less often"),
    "finding.portfolio_over_budget": Text(
        "本合同的 {count:,} 期节点使合同库超出上限 {budget:,}，因此未纳入",
        "this contract's {count:,} occurrences take the portfolio past its budget of {budget:,}; it is left out",
    ),
    "finding.hint.archive_finished": Text(
        "请降低节点的重复频率，或归档已结束的合同", "repeat milestones less often, or archive finished contracts"
    ),
}

_LOAD_AND_NOTIFY: dict[str, Text] = {
    # load/construct.py
    "finding.not_a_real_date": Text("{text} 不是真实存在的日期", "{text} is not a real date"),
    "finding.hint.check_day_and_month": Text("请检查日和月", "check the day and the month"),
    "finding.date_outside_calendar": Text("{text} 不在 {first}-{last} 年之间", "{text} is outside {first}-{last}"),
    "finding.hint.check_year": Text("请检查年份是否写错", "check the year for a typo"),
    "finding.relative_repeat": Text(
        "节点 '{milestone}' 既是周期性节点，又在另一节点之后到期（`due_after`）",
        "milestone '{milestone}' repeats and is due after a milestone",
    ),
    "finding.hint.one_relative_date": Text(
        "相对期限只是一个日期：请删去 `repeat`，或改写 `due`", "a relative deadline is one date: drop repeat or write due"
    ),
    # notify/config.py
    "finding.smtp_unencrypted": Text(
        "SMTP 密码将以明文发送（`starttls: false` 且未设 `ssl`）",
        "the SMTP password would be sent unencrypted (starttls: false and no ssl)",
    ),
    "finding.hint.encrypt_smtp": Text(
        "请删去 `starttls: false`，或设置 `ssl: true`（端口 465）；只有无需登录的中继服务器可以不加密",
        "remove `starttls: false`, or set `ssl: true` (port 465); only a relay without login can do without encryption",
    ),
    "finding.secret_for_unsigned_robot": Text(
        "`secret_env` 用于 DingTalk 和 Feishu 的签名；'{kind}' 机器人不签名（其 URL 就是凭据）",
        "secret_env is for DingTalk and Feishu signing; {kind} robots are not signed (their URL is the credential)",
    ),
    "finding.hint.remove_secret_env": Text("请删去 `secret_env`", "remove secret_env"),
    "finding.channel_name_twice": Text("名称 '{name}' 用了两次（或是保留名称）", "the name '{name}' is used twice (or is reserved)"),
    "finding.hint.own_channel_name": Text(
        "请给每个机器人单独的 `name:`（发送记录按它区分）；`email` 和 `github` 是保留名称",
        "give each robot its own `name:` (it keys the delivery log); email and github are reserved",
    ),
    # notify/outbox.py: people a channel cannot reach, a message that could not be built
    "finding.outbox.no_email": Text(
        "邮件：{person} 在 people.yaml 中没有邮箱地址（{count} 条提醒）",
        "email: {person} has no e-mail address in people.yaml ({count} notices)",
        "email: {person} has no e-mail address in people.yaml (1 notice)",
    ),
    "finding.outbox.no_github": Text(
        "GitHub：{person} 在 people.yaml 中没有 GitHub 账号（{count} 条提醒）",
        "github: {person} has no github login in people.yaml ({count} notices)",
        "github: {person} has no github login in people.yaml (1 notice)",
    ),
    "finding.outbox.unbuilt": Text("{channel}：无法生成消息（{error}）", "{channel}: the message could not be built ({error})"),
}

TEXTS: dict[str, Text] = {**_RULES, **_PORTFOLIO, **_LOAD_AND_NOTIFY}
