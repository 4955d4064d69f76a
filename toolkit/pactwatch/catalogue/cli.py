"""Catalogue entries: the command line's own words (finding layout, counts, summaries)."""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "finding.severity.error": Text("错误", "error"),
    "finding.severity.warning": Text("警告", "warning"),
    "finding.hint": Text("建议：{hint}", "hint: {hint}"),
    "finding.hint_inline": Text("（建议：{hint}）", " (hint: {hint})"),
}

# Counted things, each with its English singular ("1 milestone", "2 milestones").
COUNTS: dict[str, Text] = {
    "cli.count.data_errors": Text("{count} 个数据错误", "{count} data errors", "1 data error"),
    "cli.count.files": Text("{count} 个文件", "{count} files", "1 file"),
    "cli.count.contracts": Text("{count} 个合同", "{count} contracts", "1 contract"),
    "cli.count.milestones": Text("{count} 个节点", "{count} milestones", "1 milestone"),
    "cli.count.rows": Text("{count} 行", "{count} rows", "1 row"),
    "cli.count.milestone_rows": Text("{count} 行节点", "{count} milestone rows", "1 milestone row"),
    "cli.count.people": Text("{count} 个人", "{count} people", "1 person"),
    "cli.and_more": Text("等另外 {count} 个", "and {count} more"),
}

# The command runtime and the options every command shares.
RUNTIME: dict[str, Text] = {
    "cli.not_a_directory": Text("{path} 不是文件夹", "{path} is not a directory"),
    "cli.not_a_portfolio": Text(
        "{path} 不是 pactwatch 合同库（没有 contracts/ 文件夹或 pactwatch.yml）；"
        "可用 `pactwatch init DIR` 在那里新建，或让 --root 指向一个合同库",
        "{path} is not a pactwatch portfolio (no contracts/ folder or pactwatch.yml); "
        "start one there with `pactwatch init DIR`, or give --root a portfolio",
    ),
    "cli.not_in_portfolio": Text(
        "{path} 不在 pactwatch 合同库中（此处及上级都没有 pactwatch.yml 或 contracts/）；可用 `pactwatch init` 新建，或用 --root DIR",
        "{path} is not inside a pactwatch portfolio (no pactwatch.yml or contracts/ here or above); "
        "start one with `pactwatch init`, or use --root DIR",
    ),
    "cli.not_a_date": Text("{source} {text!r} 不是日期（YYYY-MM-DD）", "{source} {text!r} is not a date (YYYY-MM-DD)"),
    "cli.refuse": Text(
        "合同库有 {errors}（见上，或运行 `pactwatch validate`）：{refusal}",
        "the portfolio has {errors} (shown above; see `pactwatch validate`): {refusal}",
    ),
    "cli.refusal.codeowners": Text("CODEOWNERS 保持不变", "CODEOWNERS is left as it is"),
    "cli.refusal.alerts": Text("修正之前，议题保持不变", "issues are left as they are until they are fixed"),
    "cli.refusal.feeds": Text("未写日历订阅（上次正确的订阅文件保留）", "feeds not written (the last good feeds stay in place)"),
    "cli.refusal.export": Text("未导出；请先修正再导出", "nothing exported; fix them before exporting"),
    "cli.warn_errors": Text(
        "pactwatch：{files}中有 {errors}（{shown}）；运行 `pactwatch validate` 查看。",
        "pactwatch: {errors} in {files} ({shown}); run `pactwatch validate` to see them.",
    ),
    "cli.wrote": Text("已写入 {path}", "wrote {path}"),
    "cli.build.counts": Text(
        "{contracts}，{milestones}，截至 {day} 逾期 {overdue} 个{edition}。",
        "{contracts}, {milestones}, {overdue} overdue as of {day}{edition}.",
    ),
    "cli.build.public": Text("（公开版）", " (public)"),
    "cli.serve.serving": Text(
        "预览地址 {url}（contracts/、people.yaml 或 pactwatch.yml 有变化时重新生成；按 `Ctrl-C` 停止）",
        "Serving {url} (rebuilds when contracts/, people.yaml or pactwatch.yml change; Ctrl-C stops)",
    ),
    "cli.serve.failed": Text("重新生成失败：{reason}", "Rebuild failed: {reason}"),
    "cli.serve.rebuilt": Text(
        "已重新生成：合同 {contracts} 份，逾期 {overdue} 个（用时 {seconds} 秒）",
        "Rebuilt: contracts {contracts}, overdue {overdue} ({seconds} s)",
    ),
    "cli.serve.stopped": Text("已停止。", "Stopped."),
    "cli.feeds.done": Text(
        "日历订阅 {feeds} 个，事件 {events} 个{edition}，位于 {folder}：写入 {written} 个，未变 {unchanged} 个，删除 {removed} 个。",
        "Calendar feeds: {feeds}, events: {events}{edition}, in {folder}: written {written}, unchanged {unchanged}, removed {removed}.",
    ),
    "cli.build.site": Text(
        "站点：{index}（{pages} 个页面，{feeds} 个日历订阅），用时 {seconds} 秒。",
        "Site: {index} ({pages} pages, {feeds} calendar feeds) in {seconds} s.",
    ),
    "cli.build.validation": Text(
        "数据检查：{errors}，{warnings}（见“数据问题”页面；结构有错误的文件不在站点上）。",
        "Validation: {errors}, {warnings} (see the Data problems page; files with errors in their structure are left out).",
    ),
    "cli.aborted": Text("已中止。", "Aborted."),
    "cli.interrupted": Text("已中断。", "Interrupted."),
    "cli.bad_settings": Text("pactwatch.yml 无法使用：", "pactwatch.yml cannot be used:"),
}

# What the commands say.
COMMANDS: dict[str, Text] = {
    "cli.status.ambiguous_owner": Text(
        "--owner {text!r} 是 {count} 个人的名字（{ids}）：请给出 ID", "--owner {text!r} is the name of {count} people ({ids}): give the id"
    ),
    "cli.status.nothing": Text("{today} 没有匹配的节点：", "Nothing matches on {today}:"),
    "cli.status.days_late": Text("+{count}天", "+{count}d"),
    "cli.status.days_until": Text("{count}天", "{count}d"),
    "cli.check.late": Text("逾期 {count} 天", "{count} days overdue", "1 day overdue"),
    "cli.check.soon": Text("{count} 天后到期", "due in {count} days", "due in 1 day"),
    "cli.check.line": Text("{what}：{timing}（计划 {due}，负责人 {owner}）{ack}", "{what}: {timing} (due {due}, owner {owner}){ack}"),
    "cli.check.ack": Text("；已确认延期至 {until}", "; delay acknowledged until {until}"),
    "cli.check.fail": Text("未通过", "FAIL"),
    "cli.check.failing": Text("{count} 个节点未通过", "{count} failing milestones", "1 failing milestone"),
    "cli.check.summary": Text(
        "{today}：{errors}，{failing}（{shown} 个逾期或即将到期）。",
        "{today}: {errors}, {failing} ({shown} overdue or due soon).",
    ),
    "cli.export.suffix": Text("-o {path} 的扩展名不是 .{kind}", "-o {path} does not end in .{kind}"),
    "cli.export.wrote": Text("已写入 {path}（{contracts}，{rows}）", "wrote {path} ({contracts}, {rows})"),
    "cli.remind.no_channels": Text(
        "pactwatch remind：pactwatch.yml 中没有 `notify:` 渠道，无事可做（见文档 docs/content/zh/how-to/reminders.md）。",
        "pactwatch remind: no `notify:` channels in pactwatch.yml; nothing to do (see the docs, docs/content/en/how-to/reminders.md).",
    ),
    "cli.remind.no_state": Text(
        "pactwatch remind：没有 --state 文件：今天再运行一次会把所有提醒重发一遍。",
        "pactwatch remind: no --state file: a rerun today would send everything again.",
    ),
    "cli.codeowners.cannot_read": Text("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "cli.codeowners.cannot_write": Text("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "cli.codeowners.missing": Text(
        "缺少 {path}：运行 `pactwatch codeowners` 并提交。",
        "{path} is missing: run `pactwatch codeowners` and commit it.",
    ),
    "cli.codeowners.stale": Text(
        "{path} 已过时：运行 `pactwatch codeowners` 并提交。", "{path} is stale: run `pactwatch codeowners` and commit it."
    ),
    "cli.codeowners.committed": Text("{path}（已提交）", "{path} (committed)"),
    "cli.codeowners.generated": Text("{path}（由数据生成）", "{path} (from the data)"),
    "cli.approvals.summary_failed": Text(
        "无法追加到 $GITHUB_STEP_SUMMARY（{path}）：{reason}",
        "cannot append to $GITHUB_STEP_SUMMARY ({path}): {reason}",
    ),
    "cli.alerts.head": Text(
        "{repository}：需跟踪的逾期节点 {wanted} 个，已有 pactwatch 议题 {seen} 个",
        "{repository}: {wanted} overdue to track, {seen} pactwatch issues found",
    ),
    "cli.alerts.plan": Text("{head}；{counts}", "{head}; {counts}"),
    "cli.alerts.count": Text("{op} {count}", "{op} {count}"),  # how many actions of one kind the plan holds
    "cli.alerts.action": Text("{sign} {op} {subject}（{why}）", "{sign} {op} {subject} ({why})"),  # + 新建 C-1/M3 …（逾期）
    "cli.alerts.nothing": Text("无事可做", "nothing to do"),
    "cli.alerts.new": Text("（新）", "(new)"),
    "cli.alerts.note": Text("  注意：{note}", "  note: {note}"),
    "cli.alerts.offline": Text(
        "离线：未询问 GitHub；其上已有的议题和标签会改变此计划",
        "offline: GitHub was not asked; its existing issues and labels would change this plan",
    ),
    "cli.alerts.unnamed": Text(
        "；链接使用 {repository}（可设置 --repo、GITHUB_REPOSITORY 或 pactwatch.yml 中的 `repository`）",
        "; links use {repository} (set --repo, GITHUB_REPOSITORY or `repository` in pactwatch.yml)",
    ),
    "cli.alerts.outcome": Text("{repository}：完成 {done} 项，失败 {failed} 项", "{repository}: {done} done, {failed} failed"),
    "cli.alerts.warning": Text("警告：{warning}", "warning: {warning}"),
    "cli.alerts.failed": Text("pactwatch alerts：失败：{line}", "pactwatch alerts: failed: {line}"),
    "cli.alerts.stopped": Text("pactwatch alerts：已停止：{reason}", "pactwatch alerts: stopped: {reason}"),
    "cli.alerts.incomplete": Text(
        "pactwatch alerts：未能全部完成；下次运行会从 GitHub 上的现状继续。",
        "pactwatch alerts: not everything could be done; the next run picks up from what is on GitHub.",
    ),
    "cli.alerts.offline_only": Text("--offline 只用于预览：请与 --dry-run 一起使用", "--offline previews only: use it with --dry-run"),
    "cli.alerts.no_token": Text(
        "未设置 GITHUB_TOKEN（在工作流中：`env: GITHUB_TOKEN: {expression}`）",
        "GITHUB_TOKEN is not set (in a workflow: `env: GITHUB_TOKEN: {expression}`)",
    ),
}

# new and init.
START: dict[str, Text] = {
    "cli.new.title.sales": Text("销售合同", "Sales contract"),
    "cli.new.title.purchase": Text("采购合同", "Purchase contract"),
    "cli.new.title.service": Text("服务协议", "Service agreement"),
    "cli.new.title.lease": Text("租赁合同", "Lease contract"),
    "cli.new.title.nda": Text("保密协议", "NDA"),  # the type's own words (value.nda, value.framework)
    "cli.new.title.framework": Text("框架协议", "Framework"),
    "cli.new.counterparty": Text("（待填写）", "(to be filled in)"),
    "cli.new.shipped": Text("随附", "shipped"),
    "cli.new.own": Text("本合同库", "portfolio"),
    "cli.new.wrote": Text("已由模板 {template} 写入 {path}", "wrote {path} from template {template}"),
    "cli.new.warning": Text("警告：{line}", "warning: {line}"),
    "cli.new.exists": Text("{id} 已存在（{path}）；pactwatch new 从不覆盖", "{id} exists already ({path}); pactwatch new never overwrites"),
    "cli.new.file_exists": Text("{path} 已存在；pactwatch new 从不覆盖", "{path} exists already; pactwatch new never overwrites"),
    "cli.new.not_a_date": Text("--start {text!r} 不是日期（YYYY-MM-DD）", "--start {text!r} is not a date (YYYY-MM-DD)"),
    "cli.new.choose": Text("请选择模板：{templates}（pactwatch new --list）", "choose a template: {templates} (pactwatch new --list)"),
    "cli.new.no_template": Text("没有模板 {name!r}；可用模板：{templates}", "no template {name!r}; templates: {templates}"),
    "cli.new.id_required": Text(
        "需要 --id：字母、数字、'.'、'_' 和 '-'（它也是文件名）",
        "--id is required: letters, digits, '.', '_' and '-' (it is also the file name)",
    ),
    "cli.new.invalid": Text("模板生成的合同无效（未写入）：", "the template does not give a valid contract (nothing written):"),
    "cli.new.no_people_file": Text(
        "{root} 中缺少 people.yaml：每个合同都需要其中列出的负责人；请创建它"
        "（people: [{{id: li.na, name: 李娜}}]，见文档 docs/content/zh/reference/format-guide.md 的 people.yaml 一节），"
        "或用 `pactwatch init` 新建合同库",
        "people.yaml is missing in {root}: every contract needs an owner listed there; create it "
        "(people: [{{id: li.na, name: 李娜}}], see people.yaml in the docs, docs/content/en/reference/format-guide.md) "
        "or start a new portfolio with `pactwatch init`",
    ),
    "cli.new.people_error": Text(
        "{where}：{code} {message}；请运行 `pactwatch validate`",
        "{where}: {code} {message}; run `pactwatch validate`",
    ),
    "cli.new.nobody": Text("people.yaml 中没有人；请先加入合同负责人", "people.yaml lists nobody; add the contract's owner there first"),
    "cli.new.unknown_owner": Text(
        "--owner {text!r} 不是 people.yaml 中的人（{known}）",
        "--owner {text!r} is not a person in people.yaml ({known})",
    ),
    "cli.new.currency_mismatch": Text(
        "--value 的币种是 {value}，但 --currency 是 {code}", "--value is in {value} but --currency says {code}"
    ),
    "cli.init.wrote": Text(
        "已在 {folder} 写入 {count} 个文件：语言 {language}，时区 {timezone}（{source}），币种 {currency}。",
        "Wrote {count} files in {folder}: language {language}, time zone {timezone} ({source}), currency {currency}.",
    ),
    "cli.init.next": Text("下一步：", "Next:"),
    "cli.init.site_name": Text("{name}合同履约看板", "{name} contract progress"),
    "cli.init.example_title": Text("示例：年度设备销售合同", "Example: annual equipment sales contract"),
    "cli.init.example_counterparty": Text("示例客户有限公司", "Example Customer Ltd."),
    "cli.init.edit_people": Text(
        "  编辑 people.yaml（目前您是 {person}），然后：pactwatch validate && pactwatch build",
        "  edit people.yaml (you are {person} for now), then: pactwatch validate && pactwatch build",
    ),
    "cli.init.source_language": Text("语言 {language}", "language {language}"),
    "cli.init.source_answer": Text("回答", "answer"),
    "cli.init.exists": Text(
        "{folder} 中已有 {shown}；pactwatch init 从不覆盖（未写入任何文件）",
        "{folder} already has {shown}; pactwatch init never overwrites (nothing written)",
    ),
    "cli.init.cannot_write": Text("无法写入 {path}：{reason}（未写入任何文件）", "cannot write {path}: {reason} (nothing written)"),
    "cli.init.appeared": Text("它刚刚出现", "it appeared meanwhile"),
    "cli.init.no_timezone": Text(
        "无法确定本机时区（$TZ、/etc/localtime）：请给出 --timezone，例如 --timezone Asia/Shanghai",
        "cannot tell this machine's time zone ($TZ, /etc/localtime): give --timezone, e.g. --timezone Europe/Berlin",
    ),
}

# Why `status` answers nothing (engine.selection.why_nothing): one line each.
STATUS_WHY: dict[str, Text] = {
    "cli.why.no_contracts": Text(
        "合同库中没有合同（contracts/ 中没有能加载的合同；`pactwatch new --list` 列出模板）",
        "the portfolio has no contracts (contracts/ holds none that load; `pactwatch new --list` shows the templates)",
    ),
    "cli.why.unknown_owner": Text("people.yaml 中没有 ID 或姓名为「{text}」的人", "nobody in people.yaml has the id or name '{text}'"),
    "cli.why.unknown_counterparty": Text("没有哪个合同的相对方与「{text}」匹配", "no contract's counterparty matches '{text}'"),
    "cli.why.unknown_contract": Text("没有合同「{text}」", "there is no contract '{text}'"),
    "cli.why.left_out.draft": Text("未计入：{count} 个草稿合同", "left out: {count} draft contracts", "left out: 1 draft contract"),
    "cli.why.left_out.terminated": Text(
        "未计入：{count} 个已终止的合同", "left out: {count} terminated contracts", "left out: 1 terminated contract"
    ),
    "cli.why.left_out.expired": Text(
        "未计入：{count} 个已到期的合同", "left out: {count} expired contracts", "left out: 1 expired contract"
    ),
    "cli.why.no_other_contracts": Text("合同库中没有其他合同", "the portfolio has no other contracts"),
    "cli.why.would_match": Text(
        "其中 {count} 个未完成的节点本会匹配；合同履行中时，其未完成的节点才计入",
        "{count} open milestones of theirs would match; open milestones count once a contract is active",
        "1 open milestone of theirs would match; open milestones count once a contract is active",
    ),
    "cli.why.once_active": Text("合同履行中时，其未完成的节点才计入", "open milestones count once a contract is active"),
    "cli.why.filters": Text("筛选条件：{filters}", "filters: {filters}"),
    "cli.why.open_only": Text(
        "只显示未完成的节点（逾期、即将到期、待办）；--all 显示所有状态",
        "only open milestones are shown (overdue, due_soon, upcoming); --all shows every state",
    ),
    "cli.why.states": Text("状态：{states}", "states: {states}"),
}

TEXTS.update(COUNTS)
TEXTS.update(STATUS_WHY)
TEXTS.update(RUNTIME)
TEXTS.update(COMMANDS)
TEXTS.update(START)
