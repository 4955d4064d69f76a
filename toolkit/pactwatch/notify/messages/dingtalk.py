"""DingTalk custom group robot (钉钉自定义机器人): markdown message with @mentions, signed URL.

Followed (DingTalk Open Platform, "自定义机器人接入" / custom robot access and
"自定义机器人安全设置" / security settings, open.dingtalk.com/document/robots/custom-robot-access):
- POST JSON to https://oapi.dingtalk.com/robot/send?access_token=...;
- ``{"msgtype": "markdown", "markdown": {"title", "text"}, "at": {"atMobiles": [...], "atUserIds": [...], "isAtAll": false}}``;
  in a markdown message a person is only notified when the text also contains ``@<mobile>`` / ``@<userId>``;
- signing ("加签"): ``string_to_sign = f"{timestamp}\\n{secret}"`` (timestamp in milliseconds),
  ``sign = urlencode(base64(HmacSHA256(key=secret, msg=string_to_sign)))``, appended as ``&timestamp=...&sign=...``;
- the answer is ``{"errcode": 0, "errmsg": "ok"}``; any other errcode is a failure (e.g. 310000: signature or keyword).
"""

from __future__ import annotations

from pactwatch.model import Person
from pactwatch.notify import signing, texts
from pactwatch.notify.messages.base import ChatMessage, Context, JsonBody, answer_text, fit, json_field, markdown_items
from pactwatch.notify.plan import GroupBatch


def mention(person: Person) -> str:
    """The ``@...`` token that makes DingTalk notify the person ("" when people.yaml has no id or mobile)."""
    if person.dingtalk:
        return f"@{person.dingtalk}"
    if person.mobile:
        return f"@{signing.plain_mobile(person.mobile)}"
    return ""


def render(batch: GroupBatch, context: Context) -> ChatMessage:
    heading = texts.title(context.day, context.language)
    items = [f"- **{label}** {rest}" for label, rest in markdown_items(batch, context, mention)]
    text = fit([f"### {heading}", ""], items, lambda n: "- " + texts.more(n, context.language))
    body: JsonBody = {
        "msgtype": "markdown",
        "markdown": {"title": heading, "text": text},
        "at": {
            "atMobiles": sorted({signing.plain_mobile(p.mobile) for p in batch.mention if p.mobile and not p.dingtalk}),
            "atUserIds": sorted({p.dingtalk for p in batch.mention if p.dingtalk}),
            "isAtAll": False,
        },
    }
    return ChatMessage((body,), text)


def plain(heading: str, items: list[str], people: tuple[Person, ...], context: Context) -> ChatMessage:
    from pactwatch.escape.chat import lookalikes

    tags = " ".join(tag for tag in (mention(p) for p in people) if tag)
    text = fit(
        [f"### {lookalikes(heading)}", ""], [f"- {lookalikes(item)}" for item in items], lambda n: "- " + texts.more(n, context.language)
    )
    text += f"\n\n{tags}" if tags else ""
    at = {
        "atMobiles": sorted({signing.plain_mobile(p.mobile) for p in people if p.mobile and not p.dingtalk}),
        "atUserIds": sorted({p.dingtalk for p in people if p.dingtalk}),
        "isAtAll": False,
    }
    return ChatMessage(({"msgtype": "markdown", "markdown": {"title": heading, "text": text}, "at": at},), text)


def sign(url: str, body: JsonBody, secret: str, timestamp_ms: int) -> tuple[str, JsonBody]:
    signature = signing.dingtalk(secret, timestamp_ms)
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp_ms}&sign={signature}", body


def check(status: int, answer: bytes) -> str | None:
    code = json_field(answer, "errcode")
    if status == 200 and code == 0:
        return None
    return f"HTTP {status}, errcode {code}: {answer_text(answer)}" if code is not None else f"HTTP {status}: {answer_text(answer)}"
