"""The site's own UI words (zh/en); shared field names come from pactwatch.vocabulary, values
(states, kinds, health) and risks from pactwatch.i18n, so they read as in every other output."""

from __future__ import annotations

from markupsafe import Markup, escape

from pactwatch.i18n import word
from pactwatch.vocabulary import FIELD_WORDS

_OWN: dict[str, tuple[str, str]] = {
    # sections (the navigation)
    "nav.dashboard": ("概览", "Dashboard"),
    "nav.contracts": ("合同", "Contracts"),
    "nav.people": ("人员", "People"),
    "nav.counterparties": ("相对方", "Counterparties"),
    "nav.calendar": ("日历", "Calendar"),
    "nav.kpis": ("指标", "KPIs"),
    "nav.reports": ("报告", "Reports"),
    "nav.problems": ("数据问题", "Data problems"),
    "site.name": ("合同履约看板", "Contract progress"),
    # common labels
    "as_of": ("数据截至", "As of"),
    "contracts": ("合同", "contracts"),
    "value": ("合同金额", "Value"),
    "collected": ("已收/已付", "Collected"),
    "planned": ("计划", "Planned"),
    "progress": ("进度", "Progress"),
    "next_milestone": ("下一节点", "Next milestone"),
    "health": ("状态", "Health"),
    "term": ("合同期限", "Term"),
    "notice_deadline": ("续约通知截止", "Notice deadline"),
    "signed_on": ("签署日期", "Signed on"),
    "auto_renew": ("自动续约", "Renews automatically"),
    "renews_by": ("每次续约 {n} 个月", "renews for {n} months"),
    "no_auto_renew": ("不自动续约", "no automatic renewal"),
    "key_terms": ("主要条款", "Key terms"),
    "parties": ("签约方", "Parties"),
    "our_owner": ("我方负责人", "Our owner"),
    "timeline": ("时间线", "Timeline"),
    "milestones": ("履约节点", "Milestones"),
    "amendments": ("补充协议", "Amendments"),
    "documents": ("文件", "Documents"),
    "history": ("变更记录", "Change history"),
    "edit_contract": ("编辑此合同", "Edit this contract"),
    "view_source": ("查看 YAML 源文件", "View the YAML file"),
    "feed": ("日历订阅", "Calendar feed"),
    "feeds": ("日历订阅", "Calendar feeds"),
    "subscribe": ("订阅", "Subscribe"),
    "download": ("下载 .ics", "Download .ics"),
    "days_left": ("剩余天数", "Days left"),
    "title": ("名称", "Title"),
    "milestone": ("节点", "Milestone"),
    "evidence": ("凭证", "Evidence"),
    "depends_on": ("依赖", "Depends on"),
    "date": ("日期", "Date"),
    "author": ("作者", "Author"),
    "change": ("说明", "Change"),
    "pull_request": ("合并请求", "Pull request"),
    "summary": ("摘要", "Summary"),
    "id": ("编号", "Id"),
    "name": ("名称", "Name"),
    "team": ("团队", "Team"),
    "manager": ("上级", "Manager"),
    "email": ("邮箱", "E-mail"),
    "tags": ("标签", "Tags"),
    "confidential": ("保密", "confidential"),
    "none": ("无", "none"),
    "all": ("全部", "All"),
    "more": ("另有 {n} 项", "{n} more"),
    "planned_share": ("计划 {planned}", "of {planned}"),
    "today": ("今天", "today"),
    "notice": ("通知截止", "notice deadline"),
    "planned_date": ("计划", "planned"),
    "actual_date": ("实际", "actual"),
    "link_hidden": ("链接不安全，未显示", "unsafe link not shown"),
    "no_history": ("没有 git 记录", "no git history"),
    "derived_notice": ("不续约须在此日前通知", "give notice by this day to stop the renewal"),
    "in_days": ("{n} 天后", "in {n} days"),
    "days_ago": ("{n} 天前", "{n} days ago"),
    "due_today": ("今天到期", "due today"),
    # dashboard
    "overdue_milestones": ("逾期节点", "Overdue milestones"),
    "due_next_30": ("未来 30 天到期", "Due in the next 30 days"),
    "risks": ("风险信号", "Risk signals"),
    "severity": ("级别", "Severity"),
    "payments_chart": ("每月计划与实际收付款", "Planned and collected payments per month"),
    "contracts_by_health": ("合同状态分布", "Contracts by health"),
    "on_time_rate": ("按时完成率", "On-time rate"),
    "on_time_this_month": ("本月按时完成率", "On time this month"),
    "collected_this_month": ("本月已收/已付", "Collected this month"),
    "overdue_now": ("当前逾期", "Overdue now"),
    "overdue_amount": ("逾期金额", "Overdue amount"),
    "next_notice": ("最近续约通知截止", "Next notice deadline"),
    "renewing_90": ("90 天内自动续约金额", "Renewing within 90 days"),
    "calendar_box": ("把履约节点放进日历", "Put the milestones in your calendar"),
    "calendar_box_text": (
        "订阅后，日历应用会定期刷新（Google 日历约 12–24 小时一次）。",
        "Subscribed calendars refresh on their own (Google every 12-24 hours).",
    ),
    "all_feed": ("全部节点", "All milestones"),
    "nothing": ("暂无", "Nothing here"),
    "see_all": ("查看全部", "See all"),
    # contracts index
    "filter": ("筛选", "Filter"),
    "search_placeholder": ("编号、名称、相对方、负责人…", "Id, title, counterparty, owner…"),
    "shown": ("显示 {shown} / {total}", "{shown} of {total} shown"),
    "show_more": ("显示更多", "Show more"),
    "sort_hint": ("点击表头排序", "Click a column heading to sort"),
    # people / counterparties
    "their_overdue": ("逾期节点", "Overdue"),
    "their_upcoming": ("即将到来（60 天内）", "Coming up (next 60 days)"),
    "owned_contracts": ("负责的合同", "Contracts owned"),
    "delays": ("延误记录", "Delays"),
    "open_milestones": ("未完成节点", "Open milestones"),
    "late_count": ("延误次数", "Late"),
    "people_count": ("人员", "People"),
    # calendar
    "upcoming_by_week": ("按周查看即将到期的节点", "Upcoming milestones by week"),
    "week_of": ("{start} 起的一周", "Week of {start}"),
    "all_feeds": ("全部订阅源", "Every feed"),
    "feed_people": ("人员", "People"),
    "feed_contracts": ("合同", "Contracts"),
    "feed_counterparties": ("相对方", "Counterparties"),
    "no_site_url": (
        "在 pactwatch.yml 中设置 site_url 后，这里会显示 https 与 webcal 订阅地址。",
        "Set site_url in pactwatch.yml to get https and webcal subscription links here.",
    ),
    # KPIs
    "this_week": ("本周", "This week"),
    "this_month": ("本月", "This month"),
    "due_in_period": ("期内到期", "Due in period"),
    "done_on_time": ("按时完成", "Done on time"),
    "done_late_count": ("逾期完成", "Done late"),
    "still_open": ("仍未完成", "Still open"),
    "collection_rate": ("回款率", "Collection rate"),
    "average_days_late": ("平均延误天数", "Average days late"),
    "on_time_by_month": ("每月按时完成率", "On-time rate by month"),
    "aging": ("逾期应收账龄", "Overdue receivables by age"),
    "by_owner": ("按负责人", "By owner"),
    "by_type": ("按合同类型", "By contract type"),
    "by_counterparty": ("按相对方", "By counterparty"),
    "days": ("天", "days"),
    # reports
    "weekly_report": ("周报", "Weekly report"),
    "monthly_report": ("月报", "Monthly report"),
    "period": ("期间", "Period"),
    "completed_in_period": ("本期完成", "Completed in the period"),
    "upcoming_next": ("下期到期", "Due by the end of the next period"),
    "by_person": ("按负责人", "By person"),
    # problems
    "problems_intro": (
        "校验发现的问题。结构损坏的合同文件（YAML 无法解析、格式不符、日期不可能或节点过多）不会出现在站点上，列在下方；"
        "有其他错误的合同照常显示，其问题也列在这里。",
        "What validation found. Contract files whose structure is broken (YAML that cannot be read, a shape the schema "
        "refuses, impossible dates, too many occurrences) are left out of the site and listed below; contracts with "
        "other errors are shown, and their problems are listed here too.",
    ),
    "left_out": ("未显示在站点上的合同文件", "Contract files left out of the site"),
    "left_out_note": ("{n} 个合同文件因错误未显示在站点上：", "{n} contract files are left out of the site because of errors:"),
    "see_problems": ("查看数据问题", "See the data problems"),
    "file": ("文件", "File"),
    "line": ("行", "Line"),
    "code": ("代码", "Code"),
    "message": ("问题", "Problem"),
    "hint": ("建议", "Hint"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "no_problems": ("没有发现问题。", "No problems found."),
    "public_note": ("公开版：不含金额、文件、条款与保密合同。", "Public edition: no amounts, documents, terms or confidential contracts."),
}


_WORDS: dict[str, tuple[str, str]] = {**_OWN}
_WORDS.update(FIELD_WORDS.items())  # the shared field names, one word in every output


def t(key: str, language: str, **values: object) -> str:
    """The site word for ``key`` (falling back to pactwatch.i18n.word), with ``{name}`` values filled in."""
    pair = _WORDS.get(key)
    text = word(key, language) if pair is None else pair[0] if language == "zh" else pair[1]
    return text.format(**values) if values else text


class Words:
    """Every site word of one language as an attribute (``W.nav_contracts``), pre-escaped for templates."""

    def __init__(self, language: str) -> None:
        self._language = language
        for key in _WORDS:
            setattr(self, key.replace(".", "_"), escape(t(key, language)))

    def __getattr__(self, name: str) -> Markup:
        """States, kinds and other pactwatch.i18n words, looked up once."""
        if name.startswith("_"):
            raise AttributeError(name)
        text = escape(word(name, self._language))
        setattr(self, name, text)
        return text
