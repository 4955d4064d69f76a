"""Catalogue entries for large portfolios (issue #21): the aggregate feeds' window, the site's size budget,
the pages that list a part of a long list."""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "scale.size": Text(
        "站点共 {size}（{files} 个文件）；最大的页面：{pages}；最大的订阅：{feeds}。",
        "Site: {size} in {files} files; largest pages: {pages}; largest feeds: {feeds}.",
    ),
    "scale.over_budget": Text(
        "站点大小 {size} 超过上限 {budget}（--max-size 或 pactwatch.yml 的 site: max_size_mb）。",
        "The site is {size}, over its budget of {budget} (--max-size or site: max_size_mb in pactwatch.yml).",
    ),
    "scale.over_pages": Text(
        "站点大小 {size} 超过 GitHub 网页托管允许发布的 1 GB。",
        "The site is {size}, over the 1 GB GitHub Pages publishes.",
    ),
    "scale.first_rows": Text(
        "此处列出前 {shown} 项（共 {total} 项）；在浏览器中启用脚本后可查看、筛选和排序全部。",
        "The first {shown} of {total} are listed here; with JavaScript on, all of them can be shown, filtered and sorted.",
    ),
    "scale.statement_parts_label": Text("对账单各部分", "Parts of this statement"),
    "scale.statement_parts": Text(
        "本对账单较长，按合同分为 {count} 部分，每部分列出其合同的全部内容；此为第 {number} 部分（{first} 至 {last}）。",
        "This statement is long and is in {count} parts by contract, each holding everything about its contracts; "
        "this is part {number} ({first} to {last}).",
    ),
    "scale.statement_part": Text(
        "第 {number} 部分：{first} 至 {last}，{count} 份合同，{overdue} 项逾期",
        "Part {number}: {first} to {last}, {count} contracts, {overdue} overdue",
        "Part {number}: {first} to {last}, {count} contract, {overdue} overdue",
    ),
    "scale.rest_in_feed": Text(
        "另有 {count} 项未列出，此人的日历订阅包含全部：",
        "{count} more are not listed here; this person's calendar feed holds all of them:",
    ),
}
