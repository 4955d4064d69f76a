"""Presentations of an approvals Review in the run's language: plain text for a terminal, Markdown for a job summary.

What changed is the semantic diff's sentences (pactwatch.changes.words, as ``diff`` and the pull-request
comment word them); what a Review finds beyond them (a title, tags, a moved file...) is named by its key.
Approvals are worded as the comment words them (pactwatch.changes.comment).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pactwatch.catalogue import text, word
from pactwatch.changes.comment import approval, approval_lines
from pactwatch.changes.render import change_lines, unreadable_lines
from pactwatch.changes.semantic import Change
from pactwatch.changes.words import summary
from pactwatch.escape.github_markdown import code_span, markdown_text
from pactwatch.github.approvals import ContractChange, Key, Review
from pactwatch.model import Person, Settings

_DERIVED = {"due": "due_after"}  # a milestone's due moves with its due_after: the sentence about due_after says it


def _covered(key: Key, said: set[Key]) -> bool:
    milestone, field = key
    return key in said or (milestone, _DERIVED.get(field, field)) in said


def _also(change: ContractChange, changes: Sequence[Change], language: str, *, markdown: bool = False) -> list[str]:
    """The keys the semantic diff has no sentence for, as one sentence (``M4.completed_on``, ``title``)."""
    said = {(c.milestone, c.field) for c in changes}
    left = [f"{m}.{f}" if m else f for m, f in dict.fromkeys(change.fields) if not _covered((m, f), said)]
    if not left:
        return []
    fields = word("notify.joiner", language).join(code_span(key) if markdown else f"`{key}`" for key in left)
    contract = markdown_text(change.contract_id) if markdown else change.contract_id
    return [text("changes.approvals.also", language, contract=contract, fields=fields)]


def _of(change: ContractChange, changes: Sequence[Change]) -> list[Change]:
    return [c for c in changes if c.contract == change.contract_id]


def _policy(review: Review, language: str) -> list[str]:
    teams = word("notify.joiner", language).join(review.policy_teams) or word("changes.none", language)
    return [text("changes.comment.policy", language, file=name, teams=teams) for name in review.policy_files]


def text_report(review: Review, changes: Sequence[Change], settings: Settings, people: Mapping[str, Person]) -> str:
    language = settings.language
    facts = {"ref": review.ref, "base": review.base[:12]}
    if not review.changes and not review.policy_files and not review.unreadable:
        return text("changes.approvals.none", language, **facts)
    lines = [text("changes.approvals.heading", language, count=len(review.changes), **facts)]
    joiner = word("notify.joiner", language)
    for change in review.changes:
        own = _of(change, changes)
        lines.append("  " + text("changes.approvals.contract", language, contract=change.contract_id, source=change.source))
        lines += [f"      {summary(c, language, settings, people)}" for c in own]
        lines += [f"      {line}" for line in _also(change, own, language)]
        needed = joiner.join(approval(r, settings, people) for r in change.required) or word("changes.approvals.nobody", language)
        lines.append("    " + text("changes.approvals.needed", language, approvals=needed))
    lines += [f"  {line}" for line in _policy(review, language)]
    lines += [f"  {text('changes.unreadable', language, source=name)}" for name in review.unreadable]
    return "\n".join(lines)


def markdown(review: Review, changes: Sequence[Change], settings: Settings, people: Mapping[str, Person]) -> str:
    language = settings.language
    lines = [f"### {word('changes.comment.title', language)}", ""]
    if not review.changes and not review.policy_files and not review.unreadable:
        return "\n".join([*lines, markdown_text(text("changes.approvals.none", language, ref=review.ref, base=review.base[:12])), ""])
    lines += [text("changes.comment.compared", language, base=review.base[:12]), ""]
    lines += change_lines(changes, settings, people)
    lines += [f"- {line}" for change in review.changes for line in _also(change, _of(change, changes), language, markdown=True)]
    if review.unreadable:
        lines += ["", *unreadable_lines(review.unreadable, language)]
    lines += ["", f"#### {word('changes.comment.approvals', language)}", "", *approval_lines(review, settings, people)]
    lines += ["", word("changes.approvals.code_owners", language), ""]
    return "\n".join(lines)
