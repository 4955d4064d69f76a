"""Each chat platform's message: documented shape, mentions, escaping of contract text, size limits, signing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import replace
from decimal import Decimal
from urllib.parse import parse_qs, unquote_plus, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.engine import evaluate
from pactwatch.model import Counterparty, Person, Portfolio, Settings
from pactwatch.notify import plan, signing
from pactwatch.notify.messages import FORMATS, Context, dingtalk, feishu, slack, wecom
from pactwatch.notify.messages.base import MAX_LINES
from tests.engine.factories import D, contract, milestone, portfolio

TODAY = D("2026-11-27")
PEOPLE = {
    "ann": Person(
        "ann", "Ann", manager="bob", mobile="+86 138-0000-0001", dingtalk="ding-ann", wecom="ann.w", feishu="ou_ann", slack="U0ANN"
    ),
    "bob": Person("bob", "Bob", mobile="13800000002"),
    "cy": Person("cy", "Cy", manager="bob"),
}
HOSTILE = "Evil <@all> <!channel> [click](http://evil.example) *bold* <at id=all></at> @13800000009 | # `x`"


def _batch(p: Portfolio) -> tuple[plan.GroupBatch, Context]:
    current = evaluate(p, TODAY)
    batch = plan.group_batch(plan.notices_for(current, (TODAY,)), p.people)
    assert batch is not None
    return batch, Context(TODAY, p.portfolio.settings if hasattr(p, "portfolio") else p.settings, p.people)


def _portfolio(*milestones: object, **contract_fields: object) -> Portfolio:
    p = portfolio(
        contract("C-1", tuple(milestones), **contract_fields), settings=Settings(language="en", site_url="https://contracts.example.com/")
    )  # type: ignore[arg-type]
    return replace(p, people=PEOPLE)


def _mixed() -> Portfolio:
    return _portfolio(
        milestone("M1", "2026-11-30", amount=Decimal("1200.50")),  # ann, 3 days
        milestone("M2", "2026-11-19"),  # ann, 8 days overdue: escalates to bob
        milestone("M3", "2026-11-27", owner="cy"),  # cy, today: no chat ids at all
    )


def test_dingtalk_markdown_mentions_by_user_id_or_mobile() -> None:
    batch, context = _batch(_mixed())
    body = dingtalk.render(batch, context).bodies[0]
    assert body["msgtype"] == "markdown" and set(body) == {"msgtype", "markdown", "at"}
    text = body["markdown"]["text"]  # type: ignore[index]
    assert body["at"] == {"atMobiles": ["13800000002"], "atUserIds": ["ding-ann"], "isAtAll": False}
    assert "@ding-ann" in text and "@13800000002" in text  # DingTalk notifies only when the text holds the @
    assert "due in 3 days" in text and "escalated to Bob" in text and "¥1,200.50" in text
    assert "[→](https://contracts.example.com/contracts/C-1.html)" in text


def test_wecom_markdown_mentions_user_ids_and_a_text_message_mentions_mobiles() -> None:
    batch, context = _batch(_mixed())
    bodies = wecom.render(batch, context).bodies
    assert bodies[0]["msgtype"] == "markdown" and "<@ann.w>" in bodies[0]["markdown"]["content"]  # type: ignore[index]
    assert '<font color="warning">' in bodies[0]["markdown"]["content"]  # type: ignore[index]
    assert bodies[1] == {"msgtype": "text", "text": {"content": bodies[1]["text"]["content"], "mentioned_mobile_list": ["13800000002"]}}  # type: ignore[index]


def test_feishu_card_mentions_open_ids() -> None:
    batch, context = _batch(_mixed())
    body = feishu.render(batch, context).bodies[0]
    card = body["card"]
    assert body["msg_type"] == "interactive" and card["header"]["template"] == "red"  # type: ignore[index]
    content = card["elements"][0]["text"]  # type: ignore[index]
    assert content["tag"] == "lark_md" and "<at id=ou_ann></at>" in content["content"]


def test_slack_blocks_mention_member_ids_and_name_the_others() -> None:
    batch, context = _batch(_mixed())
    body = slack.render(batch, context).bodies[0]
    blocks = body["blocks"]
    assert body["text"] == "Contract reminders · 2026-11-27" and blocks[0]["type"] == "header"  # type: ignore[index]
    sections = [b["text"]["text"] for b in blocks[1:]]  # type: ignore[index]
    assert len(sections) == 3 and all(b["type"] == "section" for b in blocks[1:])  # type: ignore[index]
    assert any("<@U0ANN>" in s and "Bob" in s for s in sections) and any(
        s.endswith("Cy <https://contracts.example.com/contracts/C-1.html|→>") for s in sections
    )


@pytest.mark.parametrize("platform", sorted(FORMATS))
def test_contract_text_cannot_mention_link_or_format(platform: str) -> None:
    p = _portfolio(milestone("M1", "2026-11-30", title=HOSTILE), title=HOSTILE, counterparty=Counterparty(HOSTILE))
    batch, context = _batch(p)
    raw = json.dumps(FORMATS[platform].render(batch, context).bodies, ensure_ascii=False)
    markup = ("<@all>", "<!channel>", "<at id=all>", "*bold*") + (() if platform == "slack" else ("[click](",))  # not a link in Slack
    for dangerous in markup:
        assert dangerous not in raw
    if platform == "slack":
        assert "&lt;!channel&gt;" in raw  # Slack's documented escaping
    else:
        assert "＜@all＞" in raw  # neutralised with full-width look-alikes


@pytest.mark.parametrize("platform", sorted(FORMATS))
def test_confidential_contracts_show_no_amount_title_or_counterparty_in_groups(platform: str) -> None:
    p = _portfolio(
        milestone("M1", "2026-11-30", amount=Decimal("999999")),
        confidential=True,
        title="Secret merger",
        counterparty=Counterparty("Target Corp"),
    )
    batch, context = _batch(p)
    raw = json.dumps(FORMATS[platform].render(batch, context).bodies, ensure_ascii=False)
    assert "999" not in raw and "Secret merger" not in raw and "Target Corp" not in raw
    assert "(confidential contract)" in raw and "C-1" in raw


@pytest.mark.parametrize("platform", sorted(FORMATS))
def test_long_days_are_cut_with_a_count_of_the_rest(platform: str) -> None:
    many = [milestone(f"M{i}", "2026-11-30", title="Very long milestone title " * 8) for i in range(MAX_LINES + 12)]
    batch, context = _batch(_portfolio(*many))
    rendered = FORMATS[platform].render(batch, context)
    raw = json.dumps(rendered.bodies, ensure_ascii=False)
    assert "... and " in raw and "more: see the site" in raw
    if platform == "wecom":
        assert len(rendered.bodies[0]["markdown"]["content"].encode()) <= wecom.MARKDOWN_LIMIT  # type: ignore[index]
    if platform == "slack":
        assert len(rendered.bodies[0]["blocks"]) <= 50  # type: ignore[arg-type]


def test_chinese_portfolio_words() -> None:
    p = replace(_mixed(), settings=Settings(language="zh"))
    batch, context = _batch(p)
    text = dingtalk.render(batch, context).bodies[0]["markdown"]["text"]  # type: ignore[index]
    assert "合同履约提醒 · 2026年11月27日" in text and "3 天后到期" in text and "今天到期" in text and "升级至 Bob" in text


def test_dingtalk_signature_is_the_documented_one() -> None:
    url, body = dingtalk.sign(
        "https://oapi.dingtalk.com/robot/send?access_token=abc", {"msgtype": "markdown"}, "SECsecret", 1_700_000_000_123
    )
    query = parse_qs(urlsplit(url).query)
    assert query["access_token"] == ["abc"] and query["timestamp"] == ["1700000000123"]
    mac = hmac.new(b"SECsecret", b"1700000000123\nSECsecret", hashlib.sha256).digest()
    assert query["sign"] == [base64.b64encode(mac).decode()]
    assert body == {"msgtype": "markdown"}


def test_feishu_signature_is_the_documented_one() -> None:
    url, body = feishu.sign("https://open.feishu.cn/open-apis/bot/v2/hook/x", {"msg_type": "interactive"}, "s3cret", 1_700_000_000_999)
    mac = hmac.new(b"1700000000\ns3cret", b"", hashlib.sha256).digest()
    assert body == {"timestamp": "1700000000", "sign": base64.b64encode(mac).decode(), "msg_type": "interactive"}
    assert url.endswith("/hook/x")


@given(secret=st.text(min_size=1, max_size=60), timestamp=st.integers(min_value=0, max_value=2**45))
def test_dingtalk_sign_is_url_safe_and_decodes_to_the_mac(secret: str, timestamp: int) -> None:
    sign = signing.dingtalk(secret, timestamp)
    assert all(ch.isalnum() or ch in "%-._" for ch in sign)
    mac = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    assert base64.b64decode(unquote_plus(sign)) == mac


@pytest.mark.parametrize(
    ("platform", "status", "answer", "ok"),
    [
        ("dingtalk", 200, b'{"errcode":0,"errmsg":"ok"}', True),
        ("dingtalk", 200, b'{"errcode":310000,"errmsg":"sign not match"}', False),
        ("wecom", 200, b'{"errcode":0,"errmsg":"ok"}', True),
        ("wecom", 200, b'{"errcode":93000,"errmsg":"invalid webhook url"}', False),
        ("feishu", 200, b'{"code":0,"msg":"success","data":{}}', True),
        ("feishu", 200, b'{"StatusCode":0,"StatusMessage":"success"}', True),
        ("feishu", 200, b'{"code":19021,"msg":"sign match fail"}', False),
        ("slack", 200, b"ok", True),
        ("slack", 404, b"no_service", False),
        ("dingtalk", 502, b"<html>bad gateway</html>", False),
    ],
)
def test_platform_answers(platform: str, status: int, answer: bytes, ok: bool) -> None:
    assert (FORMATS[platform].check(status, answer) is None) is ok


def test_plain_mobile() -> None:
    assert signing.plain_mobile("+86 138-0000-0001") == "+8613800000001"
    assert signing.plain_mobile("13800000001") == "13800000001"
