"""Feeds, reminders (every channel), alert issues and the report speak one language each (issue #13).

The example portfolio (language: zh) and the same portfolio in en produce each output in process; what
is left after removing user data (every string of the portfolio's YAML files), codes, ids, links, markup
and code spans (YAML the reader types) must hold no English word of ours in zh and no Chinese in en.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from pactwatch.engine import Evaluation, evaluate
from pactwatch.github.alerts_plan import plan
from pactwatch.github.render import Links, Renderer, search_path
from pactwatch.ical import build_feeds
from pactwatch.load.portfolio import load_portfolio
from pactwatch.notify import config as notify_config
from pactwatch.notify import delivery_log, email, outbox
from pactwatch.notify import plan as notify_plan
from pactwatch.notify.github_digest import DigestUpdate
from pactwatch.notify.messages.base import ChatMessage
from pactwatch.report import build as build_report
from pactwatch.report import render_markdown
from pactwatch.resources import data_dir
from tests.conftest import PORTFOLIO_FILES, REPO_ROOT, TODAY
from tests.notify.portfolios import example_settings_without_notify, notify_block
from tests.voice.scan import foreign_words, user_strings, visible_text

LANGUAGES = ("zh", "en")
_MARKUP = [
    re.compile(p)
    for p in (
        r"(?s)<!--.*?-->",  # hidden markers
        r"`[^`\n]*`",  # code spans: YAML keys and commands the reader types
        r"<[^>\n]*>",  # tags and chat mentions (<sub>, <font color=...>, <at id=...>, <@U1>, <url|→>)
        r":[a-z_]+:",  # Slack emoji codes
        r"[\w./-]+\.ya?ml\b",  # contract files, before their ids are taken out as user data
    )
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("voice13") / "portfolio"
    folder.mkdir()
    for name in PORTFOLIO_FILES:
        source = REPO_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
    (folder / "pactwatch.yml").write_text(example_settings_without_notify() + notify_block(2525), encoding="utf-8")
    return folder


def _evaluated(root: Path, language: str, today: object = TODAY) -> Evaluation:
    loaded = load_portfolio(root, TODAY, use_cache=False)
    settings = replace(loaded.portfolio.settings, language=language)
    return evaluate(replace(loaded.portfolio, settings=settings), today)  # type: ignore[arg-type]


def _ics_text(data: bytes) -> Iterator[str]:
    unfolded = data.decode().replace("\r\n ", "")
    for match in re.finditer(r"^(?:SUMMARY|DESCRIPTION|X-WR-CALNAME|NAME|CATEGORIES)[^:\r\n]*:(.*)$", unfolded, re.M):
        yield match[1].replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def _message_text(payload: object, preview: str) -> str:
    if isinstance(payload, EmailMessage):
        parts = [str(payload["Subject"])]
        for part in payload.walk():
            if part.get_content_type() == "text/plain":
                parts.append(part.get_content())
            elif part.get_content_type() == "text/html":
                parts.append(visible_text(part.get_content()))
        return "\n".join(parts)
    if isinstance(payload, DigestUpdate):
        return "\n".join((payload.title, payload.body, payload.comment or ""))
    assert isinstance(payload, ChatMessage)
    return preview


def outputs(root: Path, language: str) -> dict[str, str]:
    ev = _evaluated(root, language)
    out = {"feeds": "\n".join(t for data in build_feeds(ev, public=False).values() for t in _ics_text(data))}
    for period in ("week", "month"):
        out[f"report {period}"] = render_markdown(build_report(ev, period), root)
    config = notify_config.parse(ev.portfolio.settings.notify)
    days = tuple(TODAY + timedelta(days=n) for n in range(0, 30, 3))
    for day in days:  # reminders before, on and after due days, and escalations
        current = _evaluated(root, language, day)
        box = outbox.build(notify_plan.notices_for(current, (day,)), current, config, delivery_log.DeliveryLog(), email.environment(root))
        for m in box.messages:
            out[f"remind {day} {m.channel} {m.recipient}"] = _message_text(m.payload, m.preview)
    renderer = Renderer(search_path(root, data_dir("templates")), language)
    the_plan = plan(ev, [], [], renderer, Links("example-co/contracts", site_url="https://contracts.example.com/"))
    for a in the_plan.actions:
        out[f"alerts {a.op} {a.ref}"] = "\n".join(filter(None, (a.title, a.body, a.comment, a.description, a.why)))
    out["alerts notes"] = "\n".join(the_plan.skipped)
    return out


@pytest.fixture(scope="module")
def produced(root: Path) -> dict[str, dict[str, str]]:
    return {language: outputs(root, language) for language in LANGUAGES}


def _ours(text: str) -> str:
    for pattern in _MARKUP:
        text = pattern.sub(" ", text)
    return text


@pytest.mark.parametrize("language", LANGUAGES)
def test_feeds_reminders_issues_and_report_hold_no_word_of_the_other_language(
    root: Path, produced: dict[str, dict[str, str]], language: str
) -> None:
    user = user_strings(root)
    texts = produced[language]
    assert any(k.startswith("remind") and " email " in k for k in texts) and any(k.startswith("alerts create") for k in texts)
    channels = {k.split()[2] for k in texts if k.startswith("remind")}
    assert channels >= {"email", "dingtalk", "wecom", "feishu", "slack", "github"}, channels
    leaks = {name: found[:12] for name, text in texts.items() if (found := foreign_words(_ours(text), language, user))}
    assert not leaks, json.dumps(leaks, ensure_ascii=False, indent=1)


def test_people_are_named_not_shown_by_id(produced: dict[str, dict[str, str]]) -> None:
    for language in LANGUAGES:
        texts = produced[language]
        report = texts["report week"]
        assert "| 李娜 |" in report and "| li.na |" not in report and "李娜 (li.na)" in report
        alerts = "\n".join(v for k, v in texts.items() if k.startswith("alerts"))
        assert "李娜" in alerts and "孙浩" in alerts
        reminders = _ours("\n".join(v for k, v in texts.items() if k.startswith("remind")))  # markers hold ids, by design
        assert "升级至 赵敏" in reminders if language == "zh" else "escalated to 赵敏" in reminders
        assert not re.search(r"(?<![\w.@-])(?:li\.na|sun\.hao)(?![\w.@-])", reminders)


def test_english_counts_are_singular_for_one(produced: dict[str, dict[str, str]]) -> None:
    every = "\n".join(produced["en"].values())
    assert not re.search(r"\b1 (?:days|milestones|items|notices|reminders)\b", every)
    assert "(s)" not in every
