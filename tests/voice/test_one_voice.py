"""Issue #13's test over every output: with language zh no English of pactwatch's own, with en no Chinese.

The example portfolio (language: zh) and the same portfolio run with --lang en produce each output a
person reads (site pages, reports, feeds, issue titles and bodies, reminders on every channel, export
headers, status/check/validate text); ``scan.foreign_words`` removes user data, codes, ids and links,
and whatever is left in the other language is a word of ours that missed the catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.notify.portfolios import example_settings_without_notify, notify_block
from tests.voice.scan import foreign_words, user_strings

LANGUAGES = ("zh", "en")
_WEBHOOK_ENV = {
    "DINGTALK_WEBHOOK": "http://127.0.0.1:9/dingtalk",
    "DINGTALK_SECRET": "s",
    "WECOM_WEBHOOK": "http://127.0.0.1:9/wecom",
    "FEISHU_WEBHOOK": "http://127.0.0.1:9/feishu",
    "FEISHU_SECRET": "s",
    "SLACK_WEBHOOK": "http://127.0.0.1:9/slack",
    "SMTP_USER": "u",
    "SMTP_PASSWORD": "p",
}
# A contract with mistakes, so validate and the data-problems page have findings to word.
_BROKEN = """\
id: X-2026-900
title: 有错误的合同
type: sales
status: active
counterparty: {name: 测试客户有限公司}
owner: li.nax
value: {amount: 1000, currency: CNY}
titel: typo
milestones:
  - {id: M1, title: 首付款, kind: paymnt, due: 2026-12-01, owner: li.na, amount: 100}
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Every output of the example portfolio, by language and name."""
    from tests.voice.outputs import collect

    root = tmp_path_factory.mktemp("voice") / "portfolio"
    return collect(root, LANGUAGES, _BROKEN, notify_block(2525), example_settings_without_notify(), _WEBHOOK_ENV)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_of_ours_in_the_other_language(outputs: dict[str, dict[str, str]], language: str) -> None:
    user = user_strings(REPO_ROOT) + user_strings(Path(outputs["_root"]["path"]))
    leaks = {}
    for name, text in outputs[language].items():
        found = foreign_words(text, language, user)
        if found:
            leaks[name] = found[:15]
    assert not leaks, json.dumps(leaks, ensure_ascii=False, indent=1)
