"""Issue #13's "one concept, one word" over the outputs: the closed choices and the shared field names read as
the catalogue's value.* and field.* words in every zh (and en) output of the example portfolio, never as one
of the synonyms the ledger importer accepts from other people's spreadsheets (执行中, 里程碑, 类别...).

The catalogue half (one en label is one zh label and back) is tests/foundation/test_catalogue.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pactwatch.catalogue import CATALOGUE, word
from tests.conftest import REPO_ROOT
from tests.notify.portfolios import example_settings_without_notify, notify_block
from tests.voice.scan import user_strings

LEDGER = REPO_ROOT / "toolkit" / "pactwatch" / "ledger"
# Words a ledger may use and the importer reads (ledger/words.py, ledger/headers.py), which pactwatch never writes.
SYNONYMS = {
    "zh": ("执行中", "执行完毕", "执行状态", "里程碑", "类别", "已过期", "已失效", "拟稿", "处理中"),
    "en": ("ongoing", "category", "canceled", "not started", "non-disclosure", "milestone type"),
}
# What the example portfolio shows of each closed choice, in the catalogue's words.
EXPECTED = ("value.active", "value.overdue", "value.done", "value.payment", "field.kind", "field.status", "field.owner", "field.due")
_WEBHOOK_ENV = {"DINGTALK_WEBHOOK": "http://127.0.0.1:9/dingtalk", "DINGTALK_SECRET": "s", "SMTP_USER": "u", "SMTP_PASSWORD": "p"}
_BROKEN = "id: X-2026-900\ntitle: 有错误的合同\ntype: sales\nstatus: active\ncounterparty: {name: 测试客户}\nowner: li.nax\n"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    from tests.voice.outputs import collect

    root = tmp_path_factory.mktemp("one-word") / "portfolio"
    return collect(root, ("zh", "en"), _BROKEN, notify_block(2525), example_settings_without_notify(), _WEBHOOK_ENV)


def _ours(output: str, user: list[str]) -> str:
    """The output without what people wrote (a contract title may well say 执行中)."""
    for written in user:
        output = output.replace(written, " ")
    return output


def test_the_synonyms_are_the_importers_and_never_the_catalogues() -> None:
    importer = (LEDGER / "words.py").read_text(encoding="utf-8") + (LEDGER / "headers.py").read_text(encoding="utf-8")
    for language, synonyms in SYNONYMS.items():
        for synonym in synonyms:
            assert f'"{synonym}"' in importer, f"{synonym!r} is no synonym the ledger importer reads"
            found = [i for i, entry in CATALOGUE.items() if re.search(rf"(?i)\b{synonym}\b", getattr(entry, language))]
            assert not found, f"the catalogue writes the synonym {synonym!r}: {found}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_output_names_the_closed_choices_with_the_catalogue_words(outputs: dict[str, dict[str, str]], language: str) -> None:
    user = sorted(set(user_strings(REPO_ROOT) + user_strings(Path(outputs["_root"]["path"]))), key=len, reverse=True)
    user = [u for u in user if len(u) > 1]
    ours = {name: _ours(output, user) for name, output in outputs[language].items()}
    said = {
        name: [s for s in SYNONYMS[language] if re.search(rf"(?i)\b{s}\b" if language == "en" else s, output)]
        for name, output in ours.items()
    }
    assert not {name: found for name, found in said.items() if found}, json.dumps(said, ensure_ascii=False)
    everything = "\n".join(outputs[language].values())  # as written: the format's own values (active, payment) are user text too
    missing = [i for i in EXPECTED if word(i, language) not in everything]
    assert not missing, f"the catalogue's words for {missing} appear in no {language} output"
