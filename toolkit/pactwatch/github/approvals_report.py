"""Presentations of an approvals Review: plain text for a terminal, Markdown for a job summary."""

from __future__ import annotations

from pactwatch.escape.github_markdown import markdown_text
from pactwatch.github.approvals import Review


def _who(review: Review, index: int) -> str:
    return ", ".join(f"{r.who} ({r.why})" for r in review.changes[index].required) or "nobody named: add a GitHub handle"


def text(review: Review) -> str:
    if not review.changes and not review.policy_files and not review.unreadable:
        return f"No contract changes since {review.ref} ({review.base[:12]})."
    count = len(review.changes)
    lines = [f"{count} contract{'' if count == 1 else 's'} changed since {review.ref} ({review.base[:12]}):"]
    for index, change in enumerate(review.changes):
        lines.append(f"  {change.contract_id} [{change.status}] {change.source}: {', '.join(change.categories)}")
        lines += [f"      {detail}" for detail in change.details]
        lines.append(f"    approvals: {_who(review, index)}")
    for name in review.policy_files:
        lines.append(f"  {name} changed: approvals: {', '.join(review.policy_teams) or 'no team is named in the policy'}")
    for name in review.unreadable:
        lines.append(f"  {name}: does not load on one side; `pactwatch validate` says why")
    return "\n".join(lines)


def _cell(value: str) -> str:
    return markdown_text(value)


def markdown(review: Review) -> str:
    lines = ["### Contract changes and the approvals they need", ""]
    if not review.changes and not review.policy_files and not review.unreadable:
        return "\n".join([*lines, f"No contract changes since `{review.ref}`.", ""])
    lines += [f"Compared with `{review.base[:12]}` (merge base with `{review.ref}`).", ""]
    if review.changes:
        lines += ["| Contract | Change | What changed | Approvals |", "| --- | --- | --- | --- |"]
        for change in review.changes:
            details = "<br>".join(_cell(d) for d in change.details)
            approvals = "<br>".join(f"{r.who} ({_cell(r.why)})" for r in change.required) or "—"
            lines.append(f"| {_cell(change.contract_id)} | {change.status} | {details} | {approvals} |")
        lines.append("")
    for name in review.policy_files:
        lines.append(f"- `{name}` changed: needs {', '.join(review.policy_teams) or 'no team (the policy names none)'}")
    for name in review.unreadable:
        lines.append(f"- `{name}` does not load on one side: see the `pactwatch validate` annotations")
    lines += ["", "Code owners: GitHub counts ONE approving code owner per file; check that every team listed above has approved.", ""]
    return "\n".join(lines)
