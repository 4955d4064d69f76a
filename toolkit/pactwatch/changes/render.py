"""The semantic diff as Markdown (grouped by contract) and as JSON, in the run's language.

Every sentence holds contract text (titles, key-term names), so it reaches Markdown only through
pactwatch.escape.github_markdown: the diff is read on GitHub, where ``@name`` or ``#12`` would act.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pactwatch.catalogue import text, word
from pactwatch.changes.revisions import Compared
from pactwatch.changes.semantic import Change
from pactwatch.changes.words import summary
from pactwatch.escape.github_markdown import markdown_text
from pactwatch.model import Person, Settings


def short(commit: str | None, language: str) -> str:
    return commit[:12] if commit else word("changes.working_tree", language)


def as_json(found: Compared, changes: Sequence[Change], settings: Settings, people: Mapping[str, Person]) -> dict[str, Any]:
    language = settings.language
    return {
        "base": found.base,
        "head": found.head,
        "changes": [c.as_json(summary(c, language, settings, people)) for c in changes],
        "unreadable": list(found.unreadable),
    }


def change_lines(changes: Sequence[Change], settings: Settings, people: Mapping[str, Person]) -> list[str]:
    """Markdown bullets, a bold contract id before each contract's changes."""
    lines: list[str] = []
    current: str | None = None
    for change in changes:
        if change.contract != current:
            current = change.contract
            lines += ([""] if lines else []) + [f"**{markdown_text(current)}**", ""]
        lines.append(f"- {markdown_text(summary(change, settings.language, settings, people))}")
    return lines


def unreadable_lines(sources: Sequence[str], language: str) -> list[str]:
    """Files that do not load on one side (so were not compared)."""
    return [f"- {markdown_text(text('changes.unreadable', language, source=source))}" for source in sources]


def markdown(found: Compared, changes: Sequence[Change], settings: Settings, people: Mapping[str, Person]) -> str:
    language = settings.language
    heading = text("changes.heading", language, base=short(found.base, language), head=short(found.head, language))
    lines = [f"### {heading}", ""]
    if not changes:
        lines.append(word("changes.nothing", language))
    lines += change_lines(changes, settings, people)
    extra = unreadable_lines(found.unreadable, language)
    return "\n".join(lines + (["", *extra] if extra else [])) + "\n"
