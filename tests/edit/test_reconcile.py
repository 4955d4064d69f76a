"""The surgical editor: only the intended lines change, everything else stays byte for byte (golden texts)."""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import Any

import pytest

from pactwatch.edit.reconcile import EditError, reconcile
from pactwatch.load.yaml import parse_text
from tests.conftest import EXAMPLES, REPO_ROOT

CONTRACTS = sorted(
    p
    for p in [*REPO_ROOT.glob("contracts/**/*.yaml"), *EXAMPLES.glob("valid/*/contracts/**/*.yaml")]
    if not any(part.startswith(".") for part in p.parts)  # hidden files are not contracts
)


def _data(text: str) -> dict[str, Any]:
    data = parse_text("", text.lstrip("\ufeff")).data
    assert isinstance(data, dict)
    return data


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_every_example_contract_reads_back_unchanged_and_takes_a_change(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    data = _data(text)
    assert reconcile(text, data) == text  # the same data: not a byte moves
    changed = copy.deepcopy(data)
    milestones = changed.get("milestones") or []
    assert milestones, "every example contract has milestones"
    milestone = next((m for m in milestones if "repeat" not in m), milestones[0])  # a one-off one, else a recurring one
    old_lines = str(milestone.get("evidence", "")).count("\n") + 2 if "evidence" in milestone else 0  # a block scalar: its lines
    milestone["evidence"] = "回单 #20261203: 已付"
    after = reconcile(text, changed)
    assert _data(after) == changed
    lines = _changed_lines(text, after)
    added, removed = [ln for ln in lines if ln[0] == "+"], [ln for ln in lines if ln[0] == "-"]
    assert len(added) == 1 and "evidence" in added[0], lines
    assert len(removed) <= old_lines and all(ln.strip("- ").startswith("evidence") for ln in removed[:1]), lines
    assert after.startswith("\ufeff") == text.startswith("\ufeff")
    assert ("\r\n" in after) == ("\r\n" in text)


HOSTILE = (
    "\ufeff# yaml-language-server: $schema=../schema/contract.schema.json\r\n"
    "# 注释：保留\r\n"
    'id: "C-1"   # quoted value\r\n'
    "'title': 中文标题\r\n"
    "type: sales\r\n"
    "status: active\r\n"
    "owner: li.na\r\n"
    "counterparty: { name: 客户 }\r\n"
    "value: {amount: 100, currency: CNY}\r\n"
    "milestones:\r\n"
    "  - {id: M1, title: 首付, kind: payment, due: 2026-12-01, owner: li.na}   # flow item\r\n"
    "\r\n"
    "  -   id: M2\r\n"
    '      "title": "尾款"\r\n'
    "      kind: payment\r\n"
    "      due: 2027-01-10      # 原计划\r\n"
    "      owner: li.na\r\n"
    "      ack:\r\n"
    "        until: 2026-12-31\r\n"
    "        note: 'it''s late'\r\n"
    "tags: [a,  b]   # spacing kept\r\n"
)


def test_hostile_layout_changes_only_what_differs() -> None:
    data = _data(HOSTILE)
    assert reconcile(HOSTILE, data) == HOSTILE
    changed = copy.deepcopy(data)
    changed["milestones"][0].update(status="done", completed_on="2026-11-20")
    changed["milestones"][1]["due"] = "2027-02-10"
    changed["milestones"][1]["ack"]["note"] = "客户's 要求"
    changed["amendments"] = [{"id": "A1", "date": "2026-11-27", "summary": "M2: 改期"}]
    after = reconcile(HOSTILE, changed)
    expected = (
        HOSTILE.replace(
            "{id: M1, title: 首付, kind: payment, due: 2026-12-01, owner: li.na}",
            "{id: M1, title: 首付, kind: payment, due: 2026-12-01, owner: li.na, status: done, completed_on: 2026-11-20}",
        )
        .replace("due: 2027-01-10      # 原计划", "due: 2027-02-10      # 原计划")
        .replace("note: 'it''s late'", "note: '客户''s 要求'")
        .replace("tags: [a,  b]", 'amendments:\r\n  - id: A1\r\n    date: 2026-11-27\r\n    summary: "M2: 改期"\r\ntags: [a,  b]')
    )
    assert after == expected
    assert _data(after) == changed


def test_a_removed_key_takes_its_lines_and_a_block_ack_goes_whole() -> None:
    data = _data(HOSTILE)
    changed = copy.deepcopy(data)
    del changed["milestones"][1]["ack"]
    after = reconcile(HOSTILE, changed)
    assert after == HOSTILE.replace("      ack:\r\n        until: 2026-12-31\r\n        note: 'it''s late'\r\n", "")


def test_first_key_of_an_item_and_a_new_key_before_it() -> None:
    text = "id: C-1\nmilestones:\n  - title: x\n    id: M1\n"
    data = _data(text)
    changed = copy.deepcopy(data)
    del changed["milestones"][0]["title"]
    assert reconcile(text, changed) == "id: C-1\nmilestones:\n  - id: M1\n"


def test_a_file_without_a_final_line_break_and_a_list_that_shrinks() -> None:
    text = "id: C-1\ntags:\n  - a   # first\n  - b\n  - c"
    changed = {"id": "C-1", "tags": ["a"], "confidential": True}
    after = reconcile(text, changed)
    assert _data(after) == changed
    assert after.startswith("id: C-1\n")


def test_text_that_does_not_load_is_an_edit_error() -> None:
    with pytest.raises(EditError):
        reconcile("id: [unclosed\n", {"id": "C-1"})


def test_types_are_kept_apart() -> None:
    text = "id: C-1\nterms:\n  code: '007'\n  flag: true\n"
    changed = {"id": "C-1", "terms": {"code": "007", "flag": 1}}
    after = reconcile(text, changed)
    assert after == "id: C-1\nterms:\n  code: '007'\n  flag: 1\n"
