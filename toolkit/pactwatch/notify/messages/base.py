"""What every chat-robot format provides (one module per platform), and the pieces they share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from pactwatch.catalogue import word
from pactwatch.model import Person, Settings
from pactwatch.naming import person_name
from pactwatch.notify import texts
from pactwatch.notify.plan import GroupBatch

JsonBody = dict[str, object]
MAX_LINES = 30  # a group message lists at most this many notices, then "... and N more"


@dataclass(frozen=True, slots=True)
class Context:
    day: date
    settings: Settings
    people: Mapping[str, Person]

    @property
    def language(self) -> str:
        return self.settings.language


@dataclass(frozen=True, slots=True)
class ChatMessage:
    bodies: tuple[JsonBody, ...]  # JSON request bodies, unsigned, posted in this order
    preview: str  # what a person would read, for --dry-run


class ChatFormat(Protocol):
    """A chat platform: render a group batch, sign a request, judge the platform's answer."""

    def render(self, batch: GroupBatch, context: Context) -> ChatMessage: ...

    def plain(self, heading: str, items: list[str], people: tuple[Person, ...], context: Context) -> ChatMessage:
        """A heading and sentences (``pactwatch announce``), mentioning ``people``; the format escapes the items."""
        ...

    def sign(self, url: str, body: JsonBody, secret: str, timestamp_ms: int) -> tuple[str, JsonBody]: ...

    def check(self, status: int, answer: bytes) -> str | None:
        """None when the platform accepted the message, else its error (whole: redacted, then shortened, by the caller)."""
        ...


def lines(batch: GroupBatch, context: Context) -> list[texts.Line]:
    """Every notice of the batch as a line; group chats are not private (confidential details hidden)."""
    return [texts.line(n, context.people, context.settings, private=False) for n in batch.notices]


def people_of(line: texts.Line, context: Context) -> list[Person]:
    """The owner, and the manager of an escalation."""
    who = [context.people[line.owner_id]]
    if line.escalate_to in context.people:
        who.append(context.people[line.escalate_to])
    return who


def name_of(person: Person, context: Context) -> str:
    """How a message names someone (pactwatch.naming.person_name: 李娜, the id only when there is no name)."""
    return person_name(person.id, context.people)


def names(people: Iterable[Person], context: Context) -> str:
    """Several people by name: 李娜、王芳 / Li Na, Wang Fang."""
    return word("notify.joiner", context.language).join(name_of(p, context) for p in people)


def fit(head: list[str], items: list[str], more: Callable[[int], str], max_bytes: int | None = None) -> str:
    """Head + at most MAX_LINES items (fewer when over ``max_bytes`` of UTF-8), then "... and N more"."""
    kept = items[:MAX_LINES]
    while True:
        dropped = len(items) - len(kept)
        text = "\n".join(head + kept + ([more(dropped)] if dropped else []))
        if max_bytes is None or len(text.encode("utf-8")) <= max_bytes or not kept:
            return text
        kept.pop()


def describe(line: texts.Line, escape: Callable[[str], str], separator: str = " · ") -> str:
    """'C-1 Title · Milestone (kind) · due · amount · counterparty', each user field escaped."""
    parts = [f"{escape(line.contract_id)} {escape(line.contract_title)}", f"{escape(line.milestone)} ({escape(line.kind)})", line.due]
    parts += [escape(value) for value in (line.amount, line.counterparty) if value]
    return separator.join(parts)


def json_field(answer: bytes, *names: str) -> object:
    """The first of ``names`` present in a JSON object answer; None when the answer is not one."""
    import json

    try:
        data = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    for name in names:
        if name in data:
            return data[name]
    return None


def answer_text(answer: bytes) -> str:
    """A platform's answer as text, whole: it may echo the webhook URL, so it is shortened only after
    the run's secrets are redacted from it (pactwatch.redact; send.deliver does both)."""
    return answer.decode("utf-8", "replace").strip()


def markdown_items(batch: GroupBatch, context: Context, mention: Callable[[Person], str], *, spaced: bool = True) -> list[tuple[str, str]]:
    """Each line as (label, rest) in the Markdown flavour DingTalk, WeCom and Feishu share.

    ``rest`` is the description, the people (name, then the robot's own @mention;
    ``spaced`` puts a space between them) and a link arrow. Every piece of user
    text goes through escape.chat.lookalikes; each robot only frames the item.
    """
    from pactwatch.escape.chat import lookalikes

    items = []
    for line in lines(batch, context):
        if spaced:
            tags = " ".join(f"{lookalikes(name_of(p, context))} {mention(p)}".strip() for p in people_of(line, context))
        else:
            tags = " ".join(f"{lookalikes(name_of(p, context))}{mention(p)}" for p in people_of(line, context))
        link = f" [→]({line.link})" if line.link else ""
        items.append((lookalikes(line.label), f"{describe(line, lookalikes)} · {tags}{link}"))
    return items
