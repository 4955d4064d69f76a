"""Catalogue entries: reminders (e-mail, chat robots, the GitHub digest) and the ``remind`` command's summary.

``notify.due.*`` says when something is due; the feeds' alarms use the same words.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    # when: one notice's label
    "notify.due.today": Text("今天到期", "due today"),
    "notify.due.tomorrow": Text("明天到期", "due tomorrow"),
    "notify.due.in_days": Text("{count} 天后到期", "due in {count} days", "due in 1 day"),
    "notify.due.overdue": Text("已逾期 {count} 天", "overdue by {count} days", "overdue by 1 day"),
    "notify.escalated": Text(
        "已逾期 {count} 天，升级至 {manager}", "{count} days overdue, escalated to {manager}", "1 day overdue, escalated to {manager}"
    ),
    "notify.unescalated": Text(
        "已逾期 {count} 天（无上级可升级）", "{count} days overdue, no manager to escalate to", "1 day overdue, no manager to escalate to"
    ),
    # every channel
    "notify.title": Text("合同履约提醒 · {date}", "Contract reminders · {date}"),
    "notify.confidential": Text("（保密合同）", "(confidential contract)"),
    "notify.more": Text("……另有 {count} 项，详见站点", "... and {count} more: see the site", "... and 1 more: see the site"),
    "notify.column.when": Text("到期情况", "When"),
    "notify.joiner": Text("、", ", "),
    "notify.mobile_note": Text("{title}：{names}", "{title}: {names}"),
    # e-mail
    "notify.email.subject": Text(
        "【合同提醒】{name}：{count} 项事项（{date}）",
        "[pactwatch] {count} contract reminders for {name} ({date})",
        "[pactwatch] 1 contract reminder for {name} ({date})",
    ),
    "notify.email.greeting": Text("{name}，你好：", "Hello {name},"),
    "notify.email.intro": Text("以下合同节点需要你关注：", "These contract milestones need your attention:"),
    "notify.email.cc_note": Text("因逾期升级，本邮件抄送：{names}", "Copied to {names} because of an escalation."),
    "notify.email.footer": Text(
        "此邮件由 pactwatch 根据合同仓库自动发送；完成后请在合同文件中填写 'completed_on'。",
        "Sent by pactwatch from the contracts repository; record 'completed_on' in the contract file when done.",
    ),
    # the GitHub digest
    "notify.digest.title": Text("近期合同节点：{name}", "Upcoming contract milestones: {name}"),
    "notify.digest.intro": Text(
        "{name} 负责的近期合同节点（临近到期或已逾期），每天自动更新。",
        "Contract milestones {name} owns that are due soon or overdue, updated daily.",
    ),
    "notify.digest.nothing": Text("目前没有临近或逾期的节点。", "Nothing is due soon or overdue."),
    "notify.digest.entered": Text(
        "以下 {count} 个节点进入提醒期：", "{count} milestones entered a reminder window:", "1 milestone entered a reminder window:"
    ),
    "notify.digest.updated": Text(
        "截至 {date}。本议题由 pactwatch 自动维护，手动编辑会被覆盖。",
        "As of {date}. pactwatch maintains this issue; edits are overwritten.",
    ),
    # pactwatch remind: what was (or would be) sent
    "notify.run.dry_head": Text(
        "pactwatch remind {today}（试运行，不发送；提醒日：{days}）",
        "pactwatch remind {today} (dry run, nothing is sent; notices of {days})",
    ),
    "notify.run.nothing": Text("没有要发送的提醒。", "Nothing to send."),
    "notify.run.message": Text(
        "=== {channel} → {recipient}（{count} 条提醒）===",
        "=== {channel} → {recipient} ({count} notices) ===",
        "=== {channel} → {recipient} (1 notice) ===",
    ),
    "notify.run.head": Text("pactwatch remind {today}：", "pactwatch remind {today}:"),
    "notify.run.channel": Text("{channel}：{counts}", "{channel}: {counts}"),
    "notify.run.sent": Text("已发送 {count} 条", "{count} sent"),
    "notify.run.failed": Text("失败 {count} 条", "{count} failed"),
    "notify.run.not_tried": Text("未尝试 {count} 条", "{count} not tried"),
    "notify.run.nothing_new": Text("没有新提醒", "nothing new"),
    "notify.run.refreshed": Text("{count} 个汇总议题已是最新", "{count} digests up to date", "1 digest up to date"),
    "notify.run.failure": Text("失败：{what}", "failed: {what}"),
    "notify.run.failed_message": Text("失败：{channel} → {recipient}：{error}", "failed: {channel} → {recipient}: {error}"),
    "notify.run.note": Text("注意：{note}", "note: {note}"),
    # who a message goes to, as the summary shows it (a person is named; the delivery log keeps the id)
    "notify.recipient.group": Text("群", "group"),
    "notify.recipient.everyone": Text("所有收件人", "everyone"),
    "notify.owner_unknown": Text(
        "负责人 '{owner}' 不在 people.yaml 中：{count} 条提醒无法送达",
        "owner '{owner}' is not in people.yaml: {count} notices cannot be delivered",
        "owner '{owner}' is not in people.yaml: 1 notice cannot be delivered",
    ),
    # a channel that cannot send in this run (its configuration or environment), and messages not tried
    "notify.wire.not_set": Text(
        "{channel}：未设置 {count} 个环境变量（{names}）",
        "{channel}: {count} variables are not set ({names})",
        "{channel}: {names} is not set",
    ),
    "notify.wire.not_url": Text("{channel}：{names} 不是 URL", "{channel}: {names} is not a URL"),
    "notify.wire.not_https": Text("{channel}：{names} 不是 https:// URL", "{channel}: {names} is not an https:// URL"),
    "notify.wire.unencrypted": Text(
        "{channel}：拒绝以明文发送 SMTP 密码（starttls: false 且未设 ssl）",
        "{channel}: refusing to send the SMTP password unencrypted (starttls: false and no ssl)",
    ),
    "notify.wire.no_transport": Text("{channel}：没有发送方式", "{channel}: no transport"),
    "notify.wire.down": Text("{channel}：本次运行中该渠道已失败两次，未尝试", "{channel}: not tried, the channel failed twice in this run"),
    # why a message did not go out (the server's own answer stays as it is)
    "notify.send.not_accepted": Text(
        "{channel}（{host}）没有接受这条消息：{problem}", "{channel} ({host}) did not accept the message: {problem}"
    ),
    "notify.send.no_answer": Text("{channel}：{host} 没有应答（{error}）", "{channel}: no answer from {host} ({error})"),
    "notify.send.login_refused": Text("{where} 拒绝了登录（{code}）", "{where} refused the login ({code})"),
    "notify.send.no_starttls": Text(
        "{where} 不支持 STARTTLS（或 AUTH）；只有本地中继才可设置 starttls: false",
        "{where} does not offer STARTTLS (or AUTH); set starttls: false only for a local relay",
    ),
    "notify.send.recipients_refused": Text("{where} 拒绝了所有收件人（{recipients}）", "{where} refused every recipient ({recipients})"),
    "notify.send.owner_refused": Text("{where} 拒绝了收件人 {address}", "{where} refused {address}"),
    "notify.send.unexpected": Text("{channel}：意外错误 {error}", "{channel}: unexpected {error}"),
    # the delivery log (what was sent when) cannot be read or written
    "notify.log.unusable": Text(
        "投递记录 {path} 无法使用（{reason}）；请把它移开以开始新的记录（今天重新运行可能会重复今天的提醒）",
        "the delivery log {path} cannot be used ({reason}); move it aside to start a new one"
        " (a rerun today may then repeat today's reminders)",
    ),
    "notify.log.not_a_log": Text(
        "投递记录 {path} 无法使用（不是第 {version} 版的投递记录）；请把它移开以开始新的记录（今天重新运行可能会重复今天的提醒）",
        "the delivery log {path} cannot be used (not a version {version} delivery log); move it aside to start a new one"
        " (a rerun today may then repeat today's reminders)",
    ),
    "notify.log.bad_sent": Text(
        "投递记录 {path} 无法使用（'sent' 不是 渠道 → 收件人 → 键 → 日期）；请把它移开以开始新的记录（今天重新运行可能会重复今天的提醒）",
        "the delivery log {path} cannot be used ('sent' is not channel -> recipient -> key -> day); move it aside to start a new one"
        " (a rerun today may then repeat today's reminders)",
    ),
    "notify.log.cannot_write": Text("无法写入投递记录 {path}：{reason}", "cannot write the delivery log {path}: {reason}"),
    # the outbox's previews (remind --dry-run, --format json): an e-mail's headers, a GitHub digest's issue and comment
    "notify.preview.to": Text("收件人：{to}", "To: {to}"),
    "notify.preview.cc": Text("抄送：{cc}", "Cc: {cc}"),
    "notify.preview.subject": Text("主题：{subject}", "Subject: {subject}"),
    "notify.preview.issue": Text("议题：{title}", "Issue: {title}"),
    "notify.preview.comment": Text("评论：\n{comment}", "Comment:\n{comment}"),
    "notify.run.mobile_preview": Text("（另发一条文本消息提醒 {mobiles}：{note}）", "(+ text message mentioning {mobiles}: {note})"),
}
