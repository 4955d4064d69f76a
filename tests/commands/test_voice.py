"""Issue #13 for the command line: status, check, report and export speak the run's language, with English plurals.

The example portfolio (language: zh) runs as it is and with --lang en; ``scan.foreign_words`` removes the
portfolio's own text, codes, ids and dates, and whatever is left in the other language is a word of ours.
"""

from __future__ import annotations

import csv
import io
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pactwatch.catalogue import CATALOGUE, text
from tests.conftest import REPO_ROOT, CliResult
from tests.voice.scan import foreign_words, user_strings

Run = Callable[..., CliResult]
LANGUAGES = ("zh", "en")


def _outputs(run_cli: Run, root: Path, language: str) -> dict[str, str]:
    """What a person reads from each command (stdout and stderr), and the export's sheet names and headers."""
    said: dict[str, str] = {}
    for name, args in {
        "status": ("status",),
        "status --all": ("status", "--all"),
        "check": ("check", "--fail-on", "due-soon"),
        "report": ("report", "-o", root.parent / f"report-{language}.md"),
        "export xlsx": ("export", "-o", root.parent / f"ledger-{language}.xlsx"),
        "export csv": ("export", "-o", root.parent / f"ledger-{language}.csv"),
    }.items():
        result = run_cli(*args, "--root", root, "--lang", language)
        assert result.code in (0, 1), (name, result.err)
        said[name] = result.out + result.err
    book = load_workbook(root.parent / f"ledger-{language}.xlsx")
    said["xlsx headers"] = "\n".join(f"{ws.title}: " + " | ".join(str(c.value) for c in ws[1]) for ws in book.worksheets)
    said["kpi labels"] = "\n".join(str(row[0].value) for row in book.worksheets[2].iter_rows(min_row=2))
    with open(root.parent / f"ledger-{language}.csv", encoding="utf-8-sig") as handle:
        said["csv headers"] = " | ".join(next(csv.reader(io.StringIO(handle.readline()))))
    return said


def _without_paths(output: str, root: Path) -> str:
    """File paths and milestone refs go first: user words inside them (sales, zh) would otherwise split them."""
    output = output.replace(str(root.parent), " ")
    return re.sub(r"[\w./-]+\.(?:yaml|md|xlsx|csv)(?::\d+)*|[\w.-]+/[\w.@-]+", " ", output)


@pytest.mark.parametrize("language", LANGUAGES)
def test_command_output_has_no_word_of_the_other_language(run_cli: Run, copy_portfolio: Callable[[Path], Path], language: str) -> None:
    root = copy_portfolio(REPO_ROOT)
    user = user_strings(root)
    outputs = {name: _without_paths(out, root) for name, out in _outputs(run_cli, root, language).items()}
    found = {name: foreign_words(out, language, user) for name, out in outputs.items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_status_and_check_name_people_by_name(run_cli: Run, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(REPO_ROOT)
    status = run_cli("status", "--root", root).out
    assert "李娜 (li.na)" in status and "\nli.na\n" not in status
    check = run_cli("check", "--root", root).out
    assert "负责人 李娜" in check and "负责人 li.na" not in check
    assert "owner 李娜" in run_cli("check", "--root", root, "--lang", "en").out


@pytest.mark.parametrize("message_id", sorted(i for i, t in CATALOGUE.items() if i.startswith(("cli.", "ledger.")) and t.en_one))
def test_english_counts_are_singular_for_one_and_plural_for_two(message_id: str) -> None:
    entry = CATALOGUE[message_id]
    facts = {name: "x" for _, name, _, _ in string.Formatter().parse(entry.en + (entry.en_one or "")) if name and name != "count"}
    one, two = text(message_id, "en", count=1, **facts), text(message_id, "en", count=2, **facts)
    assert "1 " in one and "2 " in two and one != two.replace("2 ", "1 ")
    assert "(s)" not in one + two


def test_counts_in_the_commands_read_right_for_one_and_two(run_cli: Run, write_portfolio: Callable[..., Path]) -> None:
    people = "people:\n  - {id: li.na, name: Li Na}\n"
    milestone = "  - {{id: M{n}, title: Step {n}, kind: delivery, due: 2026-11-0{n}, owner: li.na}}\n"
    contract = "id: C-{n}\ntitle: Contract {n}\ntype: sales\nstatus: active\nowner: li.na\ncounterparty: {{name: ACME}}\nmilestones:\n"
    for count in (1, 2):
        files = {"pactwatch.yml": "language: en\n", "people.yaml": people}
        for n in range(1, count + 1):
            files[f"contracts/C-{n}.yaml"] = contract.format(n=n) + "".join(milestone.format(n=m) for m in range(1, count + 1))
        root = write_portfolio(files, Path(str(write_portfolio({})) + f"-{count}"))
        check = run_cli("check", "--root", root)
        assert f"0 data errors, {text('cli.check.failing', 'en', count=count * count)}" in check.err
        assert text("cli.check.late", "en", count=26) in check.out  # 2026-11-01 is 26 days before 2026-11-27
        export = run_cli("export", "--root", root, "-o", root / "x.csv")
        noun = "contract" if count == 1 else "contracts"
        assert f"({count} {noun}, {count * count} {'row' if count == 1 else 'rows'})" in export.err


def test_nothing_matches_in_the_language(run_cli: Run) -> None:
    """The heading is ours; the reasons under it are engine.selection's (still English there)."""
    for language in LANGUAGES:
        result = run_cli("status", "--root", REPO_ROOT, "--contract", "NO-SUCH", "--lang", language)
        assert result.out.startswith(text("cli.status.nothing", language, today="2026-11-27")), result.out


_ONE_ERROR = "id: broken\ntitle: x\ntype: sales\nstatus: active\nowner: li.na\ncounterparty: {name: X}\n"  # no milestones: PW


def test_one_data_error_in_one_file(run_cli: Run, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(REPO_ROOT)
    (root / "contracts" / "broken.yaml").write_text(_ONE_ERROR, encoding="utf-8")
    err = run_cli("status", "--root", root, "--lang", "en").err
    assert "1 data error in 1 file (contracts/broken.yaml)" in err, err
    assert "1 个文件中有 1 个数据错误" in run_cli("status", "--root", root).err


def test_not_a_portfolio_and_a_bad_today_speak_the_language(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACTWATCH_LANG", "zh")
    result = run_cli("status", "--root", tmp_path)
    assert result.code == 2 and "不是 pactwatch 合同库" in result.err
    monkeypatch.setenv("PACTWATCH_LANG", "en")
    assert "is not a pactwatch portfolio" in run_cli("status", "--root", tmp_path).err
    monkeypatch.delenv("PACTWATCH_LANG")
    bad = run_cli("status", "--root", REPO_ROOT, "--today", "2026-13-01")
    assert bad.code == 2 and text("cli.not_a_date", "zh", source="--today", text="2026-13-01") in bad.err
