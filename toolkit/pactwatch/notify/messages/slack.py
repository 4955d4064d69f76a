"""Slack incoming webhook: Block Kit message, ``<@U123>`` mentions, no signing.

Followed (Slack API docs, "Sending messages using incoming webhooks", api.slack.com/messaging/webhooks,
and "Formatting text for app surfaces", api.slack.com/reference/surfaces/formatting):
- POST JSON to https://hooks.slack.com/services/T.../B.../... (the URL is the credential);
- ``{"text": fallback, "blocks": [header, section (mrkdwn), ..., context]}``; ``text`` is what notifications show;
  a section's text holds at most 3000 characters and a message at most 50 blocks;
- user text escapes ``&``, ``<`` and ``>`` as ``&amp;`` ``&lt;`` ``&gt;`` (so ``<!channel>`` cannot ping everyone);
  a member is mentioned with ``<@U123>``;
- the answer is HTTP 200 with the body ``ok``; errors are 4xx with e.g. ``invalid_payload``, ``no_service``.
"""

from __future__ import annotations

from pactwatch.escape.chat import slack_text
from pactwatch.model import Person
from pactwatch.notify import texts
from pactwatch.notify.messages.base import MAX_LINES, ChatMessage, Context, JsonBody, answer_text, describe, lines, people_of
from pactwatch.notify.plan import GroupBatch

_SECTION_LIMIT = 3000
_ICONS = {"overdue": ":red_circle:", "today": ":large_orange_circle:", "soon": ":large_yellow_circle:", "later": ":white_circle:"}


def mention(person: Person) -> str:
    return f"<@{person.slack}>" if person.slack else slack_text(person.name or person.id)


def render(batch: GroupBatch, context: Context) -> ChatMessage:
    heading = texts.title(context.day, context.language)
    every = lines(batch, context)
    blocks: list[JsonBody] = [{"type": "header", "text": {"type": "plain_text", "text": heading}}]
    preview = [heading]
    for line in every[:MAX_LINES]:
        tags = " ".join(mention(p) for p in people_of(line, context))
        link = f" <{line.link}|→>" if line.link else ""
        text = f"{_ICONS[line.urgency]} *{slack_text(line.label)}* {describe(line, slack_text)} · {tags}{link}"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text[:_SECTION_LIMIT]}})
        preview.append(text)
    if len(every) > MAX_LINES:
        more = texts.more(len(every) - MAX_LINES, context.language)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": slack_text(more)}]})
        preview.append(more)
    return ChatMessage(({"text": heading, "blocks": blocks},), "\n".join(preview))


def plain(heading: str, items: list[str], people: tuple[Person, ...], context: Context) -> ChatMessage:
    blocks: list[JsonBody] = [{"type": "header", "text": {"type": "plain_text", "text": heading}}]
    shown = [slack_text(item) for item in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        shown.append(slack_text(texts.more(len(items) - MAX_LINES, context.language)))
    tags = " ".join(tag for tag in (mention(p) for p in people) if tag)
    shown += [tags] if tags else []
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": line[:_SECTION_LIMIT]}} for line in shown]
    return ChatMessage(({"text": heading, "blocks": blocks},), "\n".join([heading, *shown]))


def sign(url: str, body: JsonBody, secret: str, timestamp_ms: int) -> tuple[str, JsonBody]:
    del secret, timestamp_ms  # incoming webhooks are not signed: the URL is the credential
    return url, body


def check(status: int, answer: bytes) -> str | None:
    if status == 200 and answer.strip() == b"ok":
        return None
    return f"HTTP {status}: {answer_text(answer)}"
