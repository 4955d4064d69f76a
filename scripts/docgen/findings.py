"""One page per finding code: its meaning, then each example of tests/examples/invalid/pwNNN-*: the file,
and what `pactwatch validate` prints for it in the page's language (message and hint from the catalogue)."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from scripts.docgen.codes_zh import SUMMARY_ZH
from scripts.docgen.page import Page, cell, fence, heading, table, words
from scripts.docgen.run import in_process

EXAMPLES = Path(__file__).resolve().parents[2] / "tests" / "examples" / "invalid"
TODAY = "2026-11-27"
MAX_LINES = 40
_HIDDEN = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]")


def summary(code: str, language: str) -> str:
    from pactwatch.findings import CODES

    return SUMMARY_ZH[code] if language == "zh" else CODES[code][1]


def examples(code: str) -> list[Path]:
    return sorted(p for p in EXAMPLES.glob(f"{code.lower()}-*") if p.is_dir())


def _escape(match: re.Match[str]) -> str:
    point = ord(match[0])
    return f"\\x{point:02x}" if point < 256 else f"\\u{point:04x}"


def _visible(line: str) -> str:
    """Control and format characters (NUL of UTF-16, bidi overrides) as escapes: the page shows them, never obeys."""
    return _HIDDEN.sub(_escape, line)


def _shown(path: Path) -> str:
    """The file as text; broken bytes (the cases are about them) as escapes, long files cut."""
    if path.is_symlink():
        return f"(a symbolic link to {path.readlink().as_posix()})"
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # shown decoded, or every other character is a NUL
        decoded = "# (saved as UTF-16; shown decoded)\n" + data.decode("utf-16")
    else:
        decoded = data.decode("utf-8", errors="backslashreplace")
    lines = [_visible(line) for line in decoded.splitlines()]
    cut = ["# …"] if len(lines) > MAX_LINES else []
    return "\n".join([*(line[:200] for line in lines[:MAX_LINES]), *cut])


def _today(case: Path) -> str:
    expected = (case / "expected.yaml").read_text(encoding="utf-8")
    return next((line.split(":", 1)[1].strip() for line in expected.splitlines() if line.startswith("today:")), TODAY)


def _validate(case: Path, language: str, work: Path) -> tuple[str, list[dict[str, object]]]:
    """(the text output, the JSON findings) of validating a copy of the case."""
    root = work / case.name
    if not root.exists():
        shutil.copytree(case, root, symlinks=True)
    args = ["validate", "--root", str(root), "--today", _today(case), "--lang", language]
    shown = in_process(args, work / "cache").out
    found = json.loads(in_process([*args, "--format", "json"], work / "cache").out)["findings"]
    return shown, found


def _example(code: str, case: Path, language: str, work: Path) -> str:
    shown, found = _validate(case, language, work)
    mine = [f for f in found if f["code"] == code]
    files = sorted({str(f["file"]) for f in mine if f["file"]})
    text = f"### `{case.name}`\n\n"
    for name in files:
        target = case / name
        if target.is_file() or target.is_symlink():
            text += f"`{name}`:\n\n" + fence(_shown(target), "yaml") + "\n"
    text += "`pactwatch validate`:\n\n" + fence(shown or "(no output)", "text") + "\n"
    hints = list(dict.fromkeys(str(f["hint"]) for f in mine if f["hint"]))
    if hints:
        text += f"**{words(language, 'The fix', '改法')}**: " + words(language, "; ", "；").join(cell(h) for h in hints) + "\n\n"
    return text


def code_page(code: str, language: str, work: Path) -> Page:
    from pactwatch.findings import CODES

    severity = CODES[code][0]
    level = words(language, severity, "错误" if severity == "error" else "警告")
    text = heading(f"{code}") + f"**{level}** · {cell(summary(code, language))}\n\n"
    cases = examples(code)
    if cases:
        text += f"## {words(language, 'Examples', '示例')}\n\n"
        text += words(
            language,
            "Each example is a portfolio of the test corpus (`tests/examples/invalid/`), validated with `--today 2026-11-27`.",
            "每个示例都是测试样例库（`tests/examples/invalid/`）中的组合，以 `--today 2026-11-27` 检查。",
        )
        text += "\n\n" + "".join(_example(code, case, language, work) for case in cases)
    else:
        text += words(
            language,
            "No example portfolio can hold this case (a file over 1 MiB); `tests/foundation/test_cli_validate.py` produces it.\n",
            "示例组合放不下这种情况（大于 1 MiB 的文件）；由 `tests/foundation/test_cli_validate.py` 生成并检查。\n",
        )
    return Page(f"{language}/reference/findings/{code.lower()}.md", text)


def index_page(language: str) -> Page:
    from pactwatch.findings import CODES

    rows = [
        (f"[{code}]({code.lower()}.md)", words(language, sev, "错误" if sev == "error" else "警告"), cell(summary(code, language)))
        for code, (sev, _) in CODES.items()
    ]
    intro = words(
        language,
        "Every finding `pactwatch validate` and `check` can report, with its severity. A warning fails only with `--strict`.",
        "`pactwatch validate` 和 `check` 可能报告的全部问题及其级别。警告只在 `--strict` 时导致失败。",
    )
    text = heading(f"{words(language, 'Finding codes', '检查问题代码')}") + f"{intro}\n\n"
    text += table((words(language, "code", "代码"), words(language, "severity", "级别"), words(language, "meaning", "含义")), rows)
    return Page(f"{language}/reference/findings/index.md", text)


def pages(language: str) -> list[Page]:
    from pactwatch.findings import CODES

    with tempfile.TemporaryDirectory(prefix="pactwatch-docs-") as folder:
        work = Path(folder)
        return [index_page(language), *(code_page(code, language, work) for code in CODES)]
