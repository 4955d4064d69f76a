"""The one pull-request comment: the semantic diff, the approvals it needs, and the findings it brings.

    body = render_body(found, changes, review, findings, settings, people)   # pure, the run's language
    outcome = keep(client, repo, number, body, login)                         # effects: create once, then edit in place

The comment is found by a hidden marker AND its author (pactwatch.github.identity): anyone can type the
marker, so a stranger's comment is never taken (nor edited) as ours. Contract text reaches the
Markdown only through pactwatch.escape.github_markdown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from pactwatch.catalogue import text, word
from pactwatch.changes.render import change_lines, unreadable_lines
from pactwatch.changes.revisions import Compared
from pactwatch.changes.semantic import Change
from pactwatch.escape.github_markdown import code_span, markdown_text
from pactwatch.findings import Finding
from pactwatch.github.approvals import Requirement, Review
from pactwatch.github.identity import written_by
from pactwatch.i18n import format_money
from pactwatch.load.portfolio import process_contract
from pactwatch.model import Person, Settings
from pactwatch.naming import person_name

if TYPE_CHECKING:
    from pactwatch.github.client import GitHubClient

MARKER = "<!-- pactwatch:pr-comment -->"
Outcome = Literal["created", "updated", "unchanged"]


def who(requirement: Requirement, people: Mapping[str, Person]) -> str:
    """A team by its handle; an owner by name, with the handle GitHub knows them by."""
    if requirement.person is None:
        return requirement.who
    name = person_name(requirement.person, people)
    return requirement.who if name in (requirement.person, requirement.who) else f"{name} {requirement.who}"


def why(requirement: Requirement, settings: Settings) -> str:
    """The one wording of why an approval is needed: the contract owner, or the rule's condition."""
    language, rule = settings.language, requirement.rule
    if rule is None:
        return word("changes.comment.owner", language)
    parts = []
    if rule.min_value is not None:
        parts.append(text("changes.rule.min_value", language, value=format_money(rule.min_value, settings.currency, language)))
    if rule.types:
        parts.append(
            text(
                "changes.rule.types", language, types=word("notify.joiner", language).join(word(f"value.{t}", language) for t in rule.types)
            )
        )
    if rule.tags:
        parts.append(text("changes.rule.tags", language, tags=word("notify.joiner", language).join(rule.tags)))
    return "; ".join(parts) or word("changes.rule.every", language)


def approval(requirement: Requirement, settings: Settings, people: Mapping[str, Person]) -> str:
    """One approval as plain text: 张伟 @zhangwei-ec（合同负责人）."""
    return text("changes.comment.approval", settings.language, who=who(requirement, people), why=why(requirement, settings))


def approval_lines(review: Review, settings: Settings, people: Mapping[str, Person]) -> list[str]:
    language = settings.language
    joiner = word("notify.joiner", language)
    lines = []
    for change in review.changes:
        said = joiner.join(markdown_text(approval(r, settings, people)) for r in change.required)
        lines.append(f"- **{markdown_text(change.contract_id)}**: {said or word('changes.comment.no_approvals', language)}")
    for name in review.policy_files:
        teams = joiner.join(markdown_text(t) for t in review.policy_teams) or word("changes.none", language)
        lines.append("- " + text("changes.comment.policy", language, file=name, teams=teams))
    return lines or [word("changes.comment.no_approvals", language)]


def new_findings(head: Sequence[Finding], found: Compared, currency: str, language: str) -> list[Finding]:
    """The findings of the changed files that their base version did not have (same file, code and words)."""
    changed = set(found.paths)
    had = {
        (f.file, f.code, f.message_text(language))
        for path, raw in found.base_files.items()
        for f in process_contract(path, raw, currency).findings
    }
    return [f for f in head if f.file in changed and (f.file, f.code, f.message_text(language)) not in had]


def finding_lines(findings: Sequence[Finding], language: str) -> list[str]:
    if not findings:
        return [word("changes.comment.no_findings", language)]
    return [f"- {code_span(f'{f.file}:{f.line}')} {f.code} {markdown_text(f.message_text(language))}" for f in findings]


def render_body(
    found: Compared,
    changes: Sequence[Change],
    review: Review,
    findings: Sequence[Finding],
    settings: Settings,
    people: Mapping[str, Person],
) -> str:
    language = settings.language
    lines = [
        MARKER,
        f"### {word('changes.comment.title', language)}",
        "",
        text("changes.comment.compared", language, base=found.base[:12]),
        "",
    ]
    lines += change_lines(changes, settings, people) or [word("changes.nothing", language)]
    if found.unreadable:
        lines += ["", *unreadable_lines(found.unreadable, language)]
    lines += ["", f"#### {word('changes.comment.approvals', language)}", "", *approval_lines(review, settings, people)]
    lines += ["", f"#### {word('changes.comment.findings', language)}", "", *finding_lines(findings, language)]
    lines += ["", f"<sub>{word('changes.comment.footer', language)}</sub>", ""]
    return "\n".join(lines)


def keep(client: GitHubClient, repo: str, number: int, body: str, login: str) -> Outcome:
    """Create the comment, or edit ours in place; nothing is written when it already says ``body``."""
    path = f"/repos/{repo}/issues/{number}/comments"
    need = "pull-requests: write"
    for comment in client.paginate(path, params={"per_page": 100}, need="pull-requests: read"):
        if str(comment.get("body") or "").startswith(MARKER) and written_by(comment, login):
            if comment.get("body") == body:
                return "unchanged"
            client.request("PATCH", f"/repos/{repo}/issues/comments/{int(comment['id'])}", json={"body": body}, need=need)
            return "updated"
    client.request("POST", path, json={"body": body}, need=need)
    return "created"
