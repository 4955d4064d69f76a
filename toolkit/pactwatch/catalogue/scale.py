"""Catalogue entries for large portfolios (issue #21): the aggregate feeds' window, the site's size budget,
the pages that list a part of a long list."""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "scale.feed_window": Text(
        "包含全部未完成的节点，以及到期日在 {start} 至 {end} 之间的节点；每个合同的订阅包含其全部节点。",
        "Holds every open milestone and those due from {start} to {end}; each contract's own feed holds all of its milestones.",
    ),
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
}
