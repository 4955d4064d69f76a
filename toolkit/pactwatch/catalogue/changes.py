"""Catalogue entries: what a change means (``pactwatch diff``), the pull-request comment, and the announcements after a merge.

Every summary is a whole sentence naming its contract, so it reads the same in a diff, a comment and a message.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    # one change, as a sentence
    "changes.contract_added": Text("新增合同 {contract}「{title}」", "New contract {contract} '{title}'"),
    "changes.contract_removed": Text("删除合同 {contract}「{title}」", "Contract {contract} '{title}' removed"),
    "changes.field": Text(
        "合同 {contract} 的{field}由 {before} 改为 {after}", "Contract {contract}: {field} changed from {before} to {after}"
    ),
    "changes.field_set": Text("合同 {contract} 的{field}设为 {after}", "Contract {contract}: {field} set to {after}"),
    "changes.field_cleared": Text("合同 {contract} 删除了{field}（原为 {before}）", "Contract {contract}: {field} removed (was {before})"),
    "changes.milestone_added": Text(
        "合同 {contract} 新增节点 {milestone}「{title}」，计划日期 {due}",
        "Contract {contract}: milestone {milestone} '{title}' added, due {due}",
    ),
    "changes.milestone_removed": Text(
        "合同 {contract} 删除节点 {milestone}「{title}」", "Contract {contract}: milestone {milestone} '{title}' removed"
    ),
    "changes.milestone_field": Text(
        "合同 {contract} 节点 {milestone} 的{field}由 {before} 改为 {after}",
        "Contract {contract}, milestone {milestone}: {field} changed from {before} to {after}",
    ),
    "changes.milestone_later": Text(
        "合同 {contract} 节点 {milestone} 的计划日期由 {before} 改为 {after}（推迟 {count} 天）",
        "Contract {contract}, milestone {milestone}: due moved from {before} to {after} ({count} days later)",
        "Contract {contract}, milestone {milestone}: due moved from {before} to {after} (1 day later)",
    ),
    "changes.milestone_earlier": Text(
        "合同 {contract} 节点 {milestone} 的计划日期由 {before} 改为 {after}（提前 {count} 天）",
        "Contract {contract}, milestone {milestone}: due moved from {before} to {after} ({count} days earlier)",
        "Contract {contract}, milestone {milestone}: due moved from {before} to {after} (1 day earlier)",
    ),
    "changes.milestone_done": Text(
        "合同 {contract} 节点 {milestone}「{title}」已完成", "Contract {contract}: milestone {milestone} '{title}' is done"
    ),
    "changes.milestone_waived": Text(
        "合同 {contract} 节点 {milestone}「{title}」已豁免", "Contract {contract}: milestone {milestone} '{title}' is waived"
    ),
    "changes.after_milestone": Text("节点 {milestone} 完成后 {count} 天", "{count} days after {milestone}", "1 day after {milestone}"),
    "changes.after_milestone_working": Text(
        "节点 {milestone} 完成后 {count} 个工作日", "{count} working days after {milestone}", "1 working day after {milestone}"
    ),
    "changes.none": Text("无", "none"),
    "changes.yes": Text("是", "yes"),
    "changes.no": Text("否", "no"),
    # the fields a change names (the same words as the ledger's and the site's columns)
    "changes.field.value": Text("合同金额", "Value"),
    "changes.field.currency": Text("合同币种", "Contract currency"),
    "changes.field.term_start": Text("开始日期", "Start"),
    "changes.field.term_end": Text("结束日期", "End"),
    "changes.field.notice_days": Text("通知期天数", "Notice days"),
    "changes.field.auto_renew": Text("自动续期", "Auto renew"),
    "changes.field.renewal_months": Text("续期月数", "Renewal months"),
    "changes.field.due_after": Text("相对计划日期", "Relative due date"),
    "changes.field.milestone_status": Text("节点状态", "Milestone status"),
    # pactwatch diff
    "changes.heading": Text("合同变更：{base} → {head}", "Contract changes: {base} → {head}"),
    "changes.working_tree": Text("工作区", "working tree"),
    "changes.nothing": Text("合同内容没有变化。", "No change in what the contracts say."),
    "changes.unreadable": Text(
        "{source} 在一侧无法读取，未比较；运行 `pactwatch validate` 查看原因",
        "{source} does not load on one side and was not compared; `pactwatch validate` says why",
    ),
    "changes.no_base": Text(
        "找不到默认分支（`origin/HEAD`、`main` 或 `master`）：请指定 BASE",
        "no default branch found (`origin/HEAD`, `main` or `master`): give BASE",
    ),
    "changes.no_git": Text("无法用 git 比较此组合：{reason}", "cannot compare this portfolio through git: {reason}"),
    "changes.bad_ref": Text("git 中找不到 {ref}", "{ref} is not in git"),
    # the pull-request comment
    "changes.comment.title": Text("合同变更（pactwatch）", "Contract changes (pactwatch)"),
    "changes.comment.compared": Text("与 `{base}` 比较。", "Compared with `{base}`."),
    "changes.comment.approvals": Text("需要的批准", "Approvals needed"),
    "changes.comment.approval": Text("{who}（{why}）", "{who} ({why})"),
    "changes.comment.owner": Text("合同负责人", "contract owner"),
    "changes.rule.min_value": Text("合同金额 ≥ {value}", "value ≥ {value}"),
    "changes.rule.types": Text("合同类型为 {types}", "type {types}"),
    "changes.rule.tags": Text("标签为 {tags}", "tagged {tags}"),
    "changes.rule.every": Text("每份合同", "every contract"),
    "changes.comment.no_approvals": Text("此变更不需要额外批准。", "This change needs no further approval."),
    # pactwatch approvals (the same changes and approvals as the comment, for a terminal and a job summary)
    "changes.approvals.none": Text("自 `{ref}`（{base}）以来合同没有变化。", "No contract changes since `{ref}` ({base})."),
    "changes.approvals.heading": Text(
        "自 `{ref}`（{base}）以来有 {count} 份合同变化：",
        "{count} contracts changed since `{ref}` ({base}):",
        "1 contract changed since `{ref}` ({base}):",
    ),
    "changes.approvals.contract": Text("{contract}（{source}）：", "{contract} ({source}):"),
    "changes.approvals.needed": Text("需要的批准：{approvals}", "approvals needed: {approvals}"),
    "changes.approvals.nobody": Text(
        "未指定批准人：请在 people.yaml 中填写 GitHub 账号", "nobody named: add a GitHub handle in people.yaml"
    ),
    "changes.approvals.also": Text("合同 {contract} 还改动了：{fields}", "Contract {contract}: also changed {fields}"),
    "changes.approvals.code_owners": Text(
        "代码所有者：GitHub 对每个文件只计一位代码所有者的批准；请确认上面列出的每个团队都已批准。",
        "Code owners: GitHub counts ONE approving code owner per file; check that every team listed above has approved.",
    ),
    "changes.comment.policy": Text("`{file}` 有改动：需要 {teams} 批准", "`{file}` changed: needs the approval of {teams}"),
    "changes.comment.findings": Text("新的检查问题", "New findings"),
    "changes.comment.no_findings": Text("没有新的检查问题。", "No new finding."),
    "changes.comment.footer": Text("此评论由 pactwatch 在每次推送后更新。", "pactwatch updates this comment after every push."),
    "changes.comment.posted": Text("已更新合并请求 #{number} 的评论", "updated the comment on pull request #{number}"),
    "changes.comment.created": Text("已在合并请求 #{number} 发表评论", "commented on pull request #{number}"),
    "changes.comment.summary": Text(
        "无法在合并请求上评论（{reason}）：已写入作业摘要", "cannot comment on the pull request ({reason}): written to the job summary"
    ),
    # announcements after a merge
    "changes.via_pr_approved": Text("（PR #{pr}，{approver}批准）", " (PR #{pr}, approved by {approver})"),
    "changes.via_pr": Text("（PR #{pr}）", " (PR #{pr})"),
    "changes.via_commit": Text("（提交 {commit}）", " (commit {commit})"),
    "changes.announce.title": Text("合同变更通知", "Contract changes"),
    "changes.announce.subject": Text(
        "【合同变更】{name}：{count} 项变更", "[pactwatch] {count} contract changes for {name}", "[pactwatch] 1 contract change for {name}"
    ),
    "changes.announce.greeting": Text("{name}，你好：", "Hello {name},"),
    "changes.announce.intro": Text("以下合同变更与你有关：", "These contract changes concern you:"),
    "changes.announce.footer": Text(
        "此邮件由 pactwatch 在合并后根据合同仓库自动发送。", "Sent by pactwatch from the contracts repository after a merge."
    ),
    "changes.announce.head": Text("pactwatch announce（自 {since}）：", "pactwatch announce (since {since}):"),
    "changes.announce.unknown_watcher": Text(
        "关注人 '{watcher}' 既不是 people.yaml 中的人员，也不是其中的团队",
        "watcher '{watcher}' is neither a person nor a team in people.yaml",
    ),
}
