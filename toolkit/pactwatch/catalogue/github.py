"""Catalogue entries: the overdue issues on GitHub (titles, bodies, escalation and closing comments, labels).

Facts that hold contract text (titles, names) are escaped by the renderer before they are put in;
what is in backticks is YAML the reader types, and stays as it is in both languages.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "github.alert.title": Text("逾期：{contract} {milestone}（到期 {due}）", "Overdue: {contract} {milestone} (due {due})"),
    "github.alert.lead": Text(
        "合同 **{contract}**（{title}）的节点 **{milestone}** 已逾期。",
        "Milestone **{milestone}** of contract **{contract}** ({title}) is overdue.",
    ),
    "github.alert.item": Text("事项", "Item"),
    "github.alert.value": Text("说明", "Detail"),  # not "Value": that is a contract's value (合同金额)
    "github.alert.derived": Text("{title}（由合同期限推算）", "{title} (from the contract term)"),
    "github.alert.late": Text("{count} 天（截至 {date}）", "{count} days (as of {date})", "1 day (as of {date})"),
    "github.alert.source": Text("合同文件 {source}", "Contract file {source}"),
    "github.alert.resolve": Text("如何处理", "How to resolve"),
    "github.alert.renew": Text(
        "**已决定续约或解约**：提交 PR，在合同文件中加入（或完成）一个 `kind: renewal` 的节点，写明 `status: done` 和 `completed_on`。",
        "**Decided to renew or cancel**: open a pull request that adds (or completes) a `kind: renewal` milestone"
        " with `status: done` and `completed_on`.",
    ),
    "github.alert.done_recurring": Text(
        "**已完成**：提交 PR，在节点 {milestone} 的 `completed` 下加一行 `{due}: 完成日期`。",
        "**Done**: open a pull request that adds `{due}: <completion date>` under `completed` of milestone {milestone}.",
    ),
    "github.alert.done": Text(
        "**已完成**：提交 PR，把节点 {milestone} 改为 `status: done`，并填写 `completed_on: 完成日期`（可附 `evidence`）。",
        "**Done**: open a pull request that sets milestone {milestone} to `status: done` with `completed_on: <date>`"
        " (and `evidence` if you have it).",
    ),
    "github.alert.delay": Text(
        "**确认延期**：在节点 {milestone} 下加上 `ack: {{until: 新的日期, note: 原因}}`；截止日前此议题会关闭，到期仍未完成会重新打开。",
        "**Delay agreed**: add `ack: {{until: <new date>, note: <why>}}` to milestone {milestone};"
        " this issue closes until then and reopens if it is still not done.",
    ),
    "github.alert.merged": Text(
        "合并后，下一次 `pactwatch alerts` 运行会关闭此议题。请不要直接关闭：只要合同文件仍显示逾期，它会被重新打开。",
        "Once merged, the next `pactwatch alerts` run closes this issue."
        " Please do not close it by hand: while the contract file says overdue, it is reopened.",
    ),
    "github.alert.escalates": Text(
        "逾期超过 {count} 天会通知上级 {manager}。", "After {count} days late, {manager} is told.", "After 1 day late, {manager} is told."
    ),
    "github.alert.footer": Text(
        "此议题由 pactwatch 根据合同文件自动维护；正文会被覆盖，请在评论中讨论。",
        "This issue is kept by pactwatch from the contract files; its text is rewritten, so discuss in the comments.",
    ),
    "github.escalation.manager": Text(
        "{manager} 请关注：此节点已逾期超过 {count} 天，负责人为 {owner}{handle}。",
        "{manager} for your attention: this milestone is more than {count} days late; its owner is {owner}{handle}.",
        "{manager} for your attention: this milestone is more than 1 day late; its owner is {owner}{handle}.",
    ),
    "github.escalation.nobody": Text(
        "此节点已逾期超过 {count} 天；负责人 {owner} 没有可通知的上级（`people.yaml` 中的 `manager` / `github`）。",
        "This milestone is more than {count} days late; its owner {owner} has no manager to tell (`manager` / `github` in `people.yaml`).",
        "This milestone is more than 1 day late; its owner {owner} has no manager to tell (`manager` / `github` in `people.yaml`).",
    ),
    "github.handle": Text("（{handle}）", " ({handle})"),
    "github.closing.done": Text(
        "合同文件记录此节点已于 {date} 完成，关闭。", "The contract file records this milestone as done on {date}: closing."
    ),
    "github.closing.waived": Text("合同文件记录此节点已豁免，关闭。", "The contract file records this milestone as waived: closing."),
    "github.closing.cancelled": Text("合同文件记录此节点已取消，关闭。", "The contract file records this milestone as cancelled: closing."),
    "github.closing.acknowledged": Text(
        "延期已确认至 {date}，先关闭；届时仍未完成会重新打开。",
        "The delay is acknowledged until {date}: closing until then; it reopens if still not done.",
    ),
    "github.closing.acknowledged_note": Text(
        "延期已确认至 {date}（{note}），先关闭；届时仍未完成会重新打开。",
        "The delay is acknowledged until {date} ({note}): closing until then; it reopens if still not done.",
    ),
    "github.closing.not_overdue": Text(
        "此节点已不再逾期（到期日现为 {date}），关闭。", "This milestone is no longer overdue (it is now due {date}): closing."
    ),
    "github.closing.duplicate": Text("与 #{number} 重复，关闭。", "Duplicate of #{number}: closing."),
    "github.closing.gone": Text(
        "合同文件中已没有这个节点（或合同已不在履行中），关闭。",
        "This milestone is no longer in the contract files (or its contract is no longer active): closing.",
    ),
    "github.note.no_handle": Text(
        "{ref}：负责人 {owner} 在 `people.yaml` 中没有 GitHub 账号，议题不指派给任何人",
        "{ref}: owner {owner} has no GitHub handle in `people.yaml`; the issue is not assigned",
    ),
    "github.why.overdue": Text("逾期", "overdue"),
    "github.why.overdue_again": Text("再次逾期", "overdue again"),
    "github.why.stale": Text("需更新：{fields}", "stale {fields}"),
    "github.why.escalate": Text("逾期 {count} 天：通知 {who}", "{count} days late: tell {who}", "1 day late: tell {who}"),
    "github.why.no_manager": Text("无上级", "no manager"),
    "github.why.missing_label": Text("仓库中没有此标签", "missing in the repository"),
    "github.why.not_overdue": Text("已不再逾期", "no longer overdue"),
    "github.why.gone": Text("合同文件中已没有此节点", "no longer in the contract files"),
    "github.why.acknowledged": Text("延期已确认", "delay acknowledged"),
    # the parts of an issue an update rewrites (the plan's "stale …" and the outcome's "updated #5 (…)")
    "github.part.title": Text("标题", "issue title"),  # not a contract's title (合同名称)
    "github.part.body": Text("正文", "body"),
    "github.part.labels": Text("议题标签", "labels"),  # GitHub's labels, not a contract's tags (标签)
    "github.part.assignees": Text("指派人", "assignees"),
    # how GitHub files a closed issue (state_reason)
    "github.state_reason.completed": Text("已解决", "resolved"),  # not a done milestone or a completed contract
    "github.state_reason.not_planned": Text("不再跟踪", "not planned"),
    # what an alerts run did, one line an action
    "github.done.create_label": Text("已创建标签 {label}", "created label {label}"),
    "github.done.create": Text("已为 {ref} 创建 {issue}", "created {issue} for {ref}"),
    "github.done.update": Text("已更新 {ref} 的 {issue}（{parts}）", "updated {issue} ({parts}) for {ref}"),
    "github.done.reopen": Text("已重新打开 {ref} 的 {issue}", "reopened {issue} for {ref}"),
    "github.done.escalate": Text("已升级 {ref} 的 {issue}", "escalated {issue} for {ref}"),
    "github.done.close": Text("已关闭 {ref} 的 {issue}（{reason}，{why}）", "closed {issue} ({reason}, {why}) for {ref}"),
    # the actions of a plan (alerts_plan.OPS), as a person reads them
    "github.op.create_label": Text("创建标签", "create label"),
    "github.op.create": Text("新建", "create"),
    "github.op.update": Text("更新", "update"),
    "github.op.reopen": Text("重新打开", "reopen"),
    "github.op.escalate": Text("升级", "escalate"),
    "github.op.close": Text("关闭", "close"),
    "github.failed": Text("{op} {ref}：{error}", "{op} {ref}: {error}"),
    "github.stopped.writes": Text(
        "为不超过 GitHub 的内容创建限制，在 {writes} 次写请求后停止；剩下的 {count} 项由下次运行完成",
        "stopped after {writes} write requests to stay under GitHub's content-creation limits; the next run does the {count} actions left",
        "stopped after {writes} write requests to stay under GitHub's content-creation limits; the next run does the 1 action left",
    ),
    "github.warning.not_assigned": Text(
        "{ref}：GitHub 不接受指派给 {handles}（不是仓库协作者？）", "{ref}: GitHub would not assign {handles} (not a collaborator?)"
    ),
    "github.warning.created_unassigned": Text(
        "{ref}：GitHub 不接受指派给 {handles}；议题已创建，未指派", "{ref}: GitHub would not assign {handles}; created unassigned"
    ),
    "github.error.not_created": Text("未能为 {ref} 创建议题", "could not create the issue for {ref}"),
    "github.error.not_escalated": Text(
        "{ref} 的议题没有创建，因此没有升级", "the issue for {ref} was not created, so it was not escalated"
    ),
    "github.error.no_comment": Text("未能在 #{number} 上发表升级评论", "could not post the escalation comment on #{number}"),
    # what the GitHub client could not do (the request's method and path, GitHub's own message, stay as they are)
    "github.client.not_http": Text("GITHUB_API_URL「{url}」不是 http(s) URL", "GITHUB_API_URL '{url}' is not an http(s) URL"),
    "github.client.away": Text("拒绝跟随离开 {base} 的链接：{away}", "refusing to follow a link away from {base}: {away}"),
    "github.client.no_answer": Text(
        "{method} {path} 失败：{base} 上的 GitHub 没有应答（{error}）；请检查网络或 GITHUB_API_URL",
        "{method} {path} failed: no answer from GitHub at {base} ({error}); check the network, or GITHUB_API_URL",
    ),
    "github.client.rate_limit_primary": Text(
        "GitHub 的主要速率限制中止了 {method} {path}（约 {resumes} 解除）；下次运行会从中止处继续",
        "GitHub's primary rate limit stopped {method} {path} (it lifts at about {resumes}); the next run goes on from there",
    ),
    "github.client.rate_limit_secondary": Text(
        "GitHub 的次级速率限制中止了 {method} {path}（约 {resumes} 解除）；下次运行会从中止处继续",
        "GitHub's secondary rate limit stopped {method} {path} (it lifts at about {resumes}); the next run goes on from there",
    ),
    "github.client.not_json": Text(
        "GitHub 对 {method} {path} 的应答是 {status}，但不是 JSON（{kind}）",
        "GitHub answered {method} {path} with {status} but not with JSON ({kind})",
    ),
    "github.client.rejected": Text("GitHub 拒绝了 {method} {path}（422 {message}）", "GitHub rejected {method} {path} (422 {message})"),
    "github.client.no_token": Text(
        "GitHub 要求为 {method} {path} 提供令牌（401 {message}）：请设置 GITHUB_TOKEN",
        "GitHub asks for a token for {method} {path} (401 {message}): set GITHUB_TOKEN",
    ),
    "github.client.bad_token": Text(
        "GitHub 拒绝了令牌（401 {message}）：GITHUB_TOKEN 有误或已过期",
        "GitHub rejected the token (401 {message}): GITHUB_TOKEN is wrong or expired",
    ),
    "github.client.refused_403": Text(
        "GitHub 拒绝了 {method} {path}（403 {message}）：令牌缺少权限 {permission}"
        "（在工作流中：在该任务上写 `permissions: {{{permission}}}`）",
        "GitHub refused {method} {path} (403 {message}): the token lacks the permission {permission}"
        " (in a workflow: `permissions: {{{permission}}}` on the job)",
    ),
    "github.client.refused_404": Text(
        "找不到 {method} {path}（404）：仓库不存在或令牌无权查看（需要该仓库的 {permission}；请检查 --repo / GITHUB_REPOSITORY）",
        "{method} {path} was not found (404): the repository does not exist or the token cannot see it"
        " (it needs {permission} on that repository; check --repo / GITHUB_REPOSITORY)",
    ),
    "github.client.gone": Text(
        "{method} {path} 已不存在（410 {message}）：此仓库是否关闭了议题功能（「Settings > General > Features」）？",
        "{method} {path} is gone (410 {message}): are issues turned off for this repository (Settings > General > Features)?",
    ),
    "github.client.answered": Text(
        "GitHub 对 {method} {path} 的应答是 {status}：{message}", "GitHub answered {status} to {method} {path}: {message}"
    ),
    "github.client.not_a_list": Text("GET {path} 的应答不是列表", "GET {path} did not answer with a list"),
    "github.client.loop": Text(
        "GET {path} 链接回已读过的页；已停止读取", "GET {path} links back to a page already read; stopped reading it"
    ),
    "github.client.too_many_pages": Text(
        "GET {path} 超过 {count} 页；已停止读取", "GET {path} has more than {count} pages; stopped reading it"
    ),
    "github.client.who": Text(
        "GET /user 没有说明令牌属于谁：请设置 {env}（或 --bot-login）", "GET /user did not say who the token is: set {env} (or --bot-login)"
    ),
    "github.client.wrong_author": Text(
        "GitHub 记录 #{number} 的作者是 {who}，而不是 {login}：下次运行将无法识别它；请设置 {env}={who}（或 --bot-login {who}）",
        "GitHub wrote #{number} as {who}, not as {login}: the next run would not recognise it; set {env}={who} (or --bot-login {who})",
    ),
    "github.closing.duplicate_why": Text("与 #{number} 重复", "duplicate of #{number}"),
    # the comments of the generated .github/CODEOWNERS (people read it), in the portfolio's language
    "codeowners.generated": Text(
        "由 `pactwatch codeowners` 根据 contracts/、people.yaml 和 pactwatch.yml 中的 `approvals` 生成。",
        "Generated by `pactwatch codeowners` from contracts/, people.yaml and `approvals` in pactwatch.yml.",
    ),
    "codeowners.by_hand": Text(
        "请勿手工编辑：修改数据后运行 `pactwatch codeowners`；CI 会运行 `pactwatch codeowners --check`。",
        "Do not edit by hand: change the data and run `pactwatch codeowners`; CI runs `pactwatch codeowners --check`.",
    ),
    "codeowners.guarded": Text(
        "设置、人员以及运行代码或决定输出的文件（模板也是代码）：{why}",
        "Settings, people and what runs code or shapes output (templates are code): {why}",
    ),
    "codeowners.guarded.teams": Text("审批规则中列出的每个团队", "every team the approval policy names"),
    "codeowners.guarded.top": Text("审批规则中没有团队：由没有上级的人负责", "no team in the approval policy: the people with no manager"),
    "codeowners.nobody": Text(
        "无人负责：审批规则中没有团队，没有上级的人也都没有 GitHub 账号",
        "nobody: no team in the approval policy and nobody without a manager has a GitHub handle",
    ),
    "codeowners.contracts": Text("合同：负责人，加上审批规则匹配的团队", "Contracts: the owner, plus the teams whose approval rules match"),
    "codeowners.unnamable": Text(
        "{contract}：文件名含换行或控制字符，任何规则都无法指向它",
        "{contract}: its file name holds a line break or control character, so no rule can name it",
    ),
    "codeowners.unowned": Text(
        "{source}：没有带 GitHub 账号的负责人，也没有匹配的审批规则", "{source}: no owner with a GitHub handle and no approval rule"
    ),
    "github.label.pactwatch": Text("由 pactwatch 根据合同文件维护", "Kept by pactwatch from the contract files"),
    "github.label.overdue": Text("合同节点已逾期", "A contract milestone is overdue"),
    "github.label.escalated": Text("逾期已久，已通知负责人的上级", "Overdue long enough to tell the owner's manager"),
    "github.label.kind": Text("合同节点类型：{kind}", "Kind of contract milestone: {kind}"),
}
