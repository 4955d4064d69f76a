"""WeCom group robot (企业微信群机器人): markdown message, ``<@userid>`` mentions, no signing.

Followed (WeCom developer docs, "群机器人配置说明", developer.work.weixin.qq.com/document/path/91770):
- POST JSON to https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=... (the key is the credential);
- ``{"msgtype": "markdown", "markdown": {"content": ...}}``, content at most 4096 bytes of UTF-8;
  a member is mentioned in markdown with the extension ``<@userid>``;
- ``mentioned_list`` / ``mentioned_mobile_list`` exist only for the ``text`` msgtype, so people known
  only by mobile number are mentioned in a short follow-up text message;
- the answer is ``{"errcode": 0, "errmsg": "ok"}``; any other errcode is a failure.
"""

from __future__ import annotations

from pactwatch.catalogue import text
from pactwatch.model import Person
from pactwatch.notify import signing, texts
from pactwatch.notify.messages.base import ChatMessage, Context, JsonBody, answer_text, fit, json_field, lines, markdown_items, names
from pactwatch.notify.plan import GroupBatch

MARKDOWN_LIMIT = 4096  # bytes of UTF-8
_COLOURS = {"overdue": "warning", "today": "warning", "soon": "info", "later": "comment"}  # WeCom's three font colours


def mention(person: Person) -> str:
    return f"<@{person.wecom}>" if person.wecom else ""


def render(batch: GroupBatch, context: Context) -> ChatMessage:
    heading = texts.title(context.day, context.language)
    urgencies = [line.urgency for line in lines(batch, context)]
    items = [
        f'> <font color="{_COLOURS[urgency]}">{label}</font> {rest}'
        for urgency, (label, rest) in zip(urgencies, markdown_items(batch, context, mention, spaced=False), strict=True)
    ]
    content = fit([f"### {heading}"], items, lambda n: "> " + texts.more(n, context.language), MARKDOWN_LIMIT)
    bodies: list[JsonBody] = [{"msgtype": "markdown", "markdown": {"content": content}}]
    by_mobile = [p for p in batch.mention if p.mobile and not p.wecom]
    preview = content
    if by_mobile:
        mobiles = sorted({signing.plain_mobile(p.mobile or "") for p in by_mobile})
        note = text("notify.mobile_note", context.language, title=heading, names=names(by_mobile, context))
        bodies.append({"msgtype": "text", "text": {"content": note, "mentioned_mobile_list": mobiles}})
        preview += "\n" + text("notify.run.mobile_preview", context.language, mobiles=", ".join(mobiles), note=note)
    return ChatMessage(tuple(bodies), preview)


def plain(heading: str, items: list[str], people: tuple[Person, ...], context: Context) -> ChatMessage:
    from pactwatch.escape.chat import lookalikes

    tags = " ".join(tag for tag in (mention(p) for p in people) if tag)
    head = [f"### {lookalikes(heading)}"]
    content = fit(
        head, [f"> {lookalikes(item)}" for item in items], lambda n: "> " + texts.more(n, context.language), MARKDOWN_LIMIT - 1024
    )
    content += f"\n{tags}" if tags else ""
    return ChatMessage(({"msgtype": "markdown", "markdown": {"content": content}},), content)


def sign(url: str, body: JsonBody, secret: str, timestamp_ms: int) -> tuple[str, JsonBody]:
    del secret, timestamp_ms  # WeCom group robots have no signing: the key in the URL is the credential
    return url, body


def check(status: int, answer: bytes) -> str | None:
    code = json_field(answer, "errcode")
    if status == 200 and code == 0:
        return None
    return f"HTTP {status}, errcode {code}: {answer_text(answer)}" if code is not None else f"HTTP {status}: {answer_text(answer)}"
