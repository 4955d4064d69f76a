"""Terminal escape injection: no control sequence from a portfolio reaches the terminal or a log.

Titles cannot hold one any more (the loader refuses them, PW111), so the output paths are tested
directly: reporters and tables given such text, and whole commands on a portfolio whose contract
file NAME holds the sequences (a file name is not YAML: nothing refuses it before printing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pactwatch import reporters
from pactwatch.escape.annotations import workflow_command
from pactwatch.escape.terminal import first_control, terminal_text
from pactwatch.findings import Finding
from pactwatch.terminal import table

if TYPE_CHECKING:
    from tests.conftest import CliResult

TITLE_SET = "\x1b]0;pwned\x07"  # OSC 0: sets the window title
CLEAR = "\x1b[2J"  # CSI: clears the screen
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"  # OSC 8 hyperlink
C1_CSI = "\x9b31m"  # the 8-bit CSI
HOSTILE = f"A{TITLE_SET}B{CLEAR}C{LINK}D{C1_CSI}E\x7f\r"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_terminal_text_removes_every_introducer_and_keeps_the_rest() -> None:
    assert terminal_text(HOSTILE) == "A]0;pwnedB[2JC]8;;https://evil.example/\\click]8;;\\D31mE"
    assert terminal_text("合同\t一\n二 · ¥1,200") == "合同\t一\n二 · ¥1,200"
    assert first_control(HOSTILE) == "\x1b" and first_control("plain 文本\t\n") is None


def test_text_reporter_shows_no_control_from_file_message_source_or_hint() -> None:
    finding = Finding("PW301", "error", f"contracts/{TITLE_SET}.yaml", 2, 9, "/id", HOSTILE, HOSTILE, f"id: {CLEAR}x")  # column 9: x
    for colour in (False, True):
        out = reporters.text([finding], colour=colour)
        ours = re.sub(r"\x1b\[(?:0|2|31|33)m", "", out) if colour else out  # the reporter's own colours only
        assert not CONTROLS.search(ours.replace("\n", "")), repr(out)
    lines = reporters.text([finding]).splitlines()
    assert lines[1].index("x") == lines[2].index("^")  # the caret still stands under the column once controls are gone


def test_table_cells_are_cleaned_and_still_line_up() -> None:
    lines = table([("2026-12-01", HOSTILE, "end"), ("2026-12-02", "plain", "end")])
    assert not any(CONTROLS.search(line) for line in lines)
    assert lines[0].index("end") == lines[1].index("end")


def test_annotations_carry_no_control_into_the_runner_log() -> None:
    line = workflow_command("error", (("file", f"c/{CLEAR}.yaml"), ("line", 1)), HOSTILE)
    assert not CONTROLS.search(line) and "%0D" in line  # the line break is still escaped, the rest removed


@pytest.fixture
def hostile_name(write_portfolio: Callable[..., Path]) -> Path:
    name = f"C-1{TITLE_SET}{CLEAR}"
    contract = (
        "id: C-1\ntitle: Supply\ntype: sales\nstatus: active\nowner: ann\ncounterparty: {name: ACME}\n"
        "milestones:\n  - {id: M1, title: Delivery, kind: delivery, due: 2026-11-01, owner: ann}\n"
    )
    return write_portfolio(
        {
            "people.yaml": "people:\n  - {id: ann, name: Ann Lee}\n",
            f"contracts/{name}.yaml": contract,  # PW301: the id differs from the file name, which is printed
        }
    )


@pytest.mark.parametrize(
    "command",
    [("validate",), ("check",), ("status",), ("check", "--format", "github"), ("validate", "--format", "github")],
)
def test_a_file_name_with_escape_sequences_never_reaches_the_terminal(
    hostile_name: Path, run_cli: Callable[..., CliResult], command: tuple[str, ...]
) -> None:
    result = run_cli(*command, "--root", hostile_name)
    assert "PW301" in result.out + result.err or command[0] == "status"
    assert "C-1]0;pwned[2J" in result.out + result.err  # the name is shown, without its introducers
    assert not CONTROLS.search((result.out + result.err).replace("\n", ""))
