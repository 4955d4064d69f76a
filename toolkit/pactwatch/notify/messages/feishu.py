"""Feishu / Lark custom bot (飞书自定义机器人): interactive card, ``<at id=...>`` mentions, signed body.

Followed (Feishu Open Platform, "自定义机器人使用指南", open.feishu.cn/document/client-docs/bot-v3/add-custom-bot,
and the message-card ``lark_md`` text reference):
- POST JSON to https://open.feishu.cn/open-apis/bot/v2/hook/... ;
- ``{"msg_type": "interactive", "card": {"config", "header": {"title", "template"}, "elements": [...]}}``,
  the request body at most 20 KB; in ``lark_md`` a user is mentioned with ``<at id=open_id></at>``;
- with "签名校验" on, the body also carries ``"timestamp"`` (seconds, as a string) and ``"sign"``
  (see signing.feishu: HmacSHA256 keyed with ``f"{timestamp}\\n{secret}"`` over an empty message);
- the answer is ``{"code": 0, "msg": "success"}`` (older deployments: ``"StatusCode": 0``); e.g. 19021 = bad signature.
"""

from __future__ import annotations

from pactwatch.model import Person
from pactwatch.notify import signing, texts
from pactwatch.notify.messages.base import ChatMessage, Context, JsonBody, answer_text, fit, json_field, markdown_items
from pactwatch.notify.plan import GroupBatch

BODY_LIMIT = 18_000  # bytes of card text, leaving room for the JSON around it under Feishu's 20 KB


def mention(person: Person) -> str:
    return f"<at id={person.feishu}></at>" if person.feishu else ""


def render(batch: GroupBatch, context: Context) -> ChatMessage:
    heading = texts.title(context.day, context.language)
    items = [f"**{label}** {rest}" for label, rest in markdown_items(batch, context, mention)]
    text = fit([], items, lambda n: texts.more(n, context.language), BODY_LIMIT)
    urgent = any(n.kind != "reminder" or (n.occurrence.days_until or 0) <= 0 for n in batch.notices)
    card: JsonBody = {
        "config": {"wide_screen_mode": True},
        "header": {"title": {"tag": "plain_text", "content": heading}, "template": "red" if urgent else "orange"},
        "elements": [
            {"tag": "div", "text": {"tag": "lark_md", "content": text}},
            {"tag": "hr"},
            {"tag": "note", "elements": [{"tag": "plain_text", "content": "pactwatch"}]},
        ],
    }
    return ChatMessage(({"msg_type": "interactive", "card": card},), f"{heading}\n{text}")


def plain(heading: str, items: list[str], people: tuple[Person, ...], context: Context) -> ChatMessage:
    from pactwatch.escape.chat import lookalikes

    tags = " ".join(tag for tag in (mention(p) for p in people) if tag)
    text = fit([], [lookalikes(item) for item in items], lambda n: texts.more(n, context.language), BODY_LIMIT)
    text += f"\n{tags}" if tags else ""
    card: JsonBody = {
        "config": {"wide_screen_mode": True},
        "header": {"title": {"tag": "plain_text", "content": heading}, "template": "blue"},
        "elements": [{"tag": "div", "text": {"tag": "lark_md", "content": text}}],
    }
    return ChatMessage(({"msg_type": "interactive", "card": card},), f"{heading}\n{text}")


def sign(url: str, body: JsonBody, secret: str, timestamp_ms: int) -> tuple[str, JsonBody]:
    seconds = timestamp_ms // 1000
    return url, {"timestamp": str(seconds), "sign": signing.feishu(secret, seconds), **body}


def check(status: int, answer: bytes) -> str | None:
    code = json_field(answer, "code", "StatusCode")
    if status == 200 and code == 0:
        return None
    return f"HTTP {status}, code {code}: {answer_text(answer)}" if code is not None else f"HTTP {status}: {answer_text(answer)}"
