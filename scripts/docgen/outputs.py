"""The JSON output shapes of status, check, report and diff, read off real runs on the example portfolio,
and the feed layout as `pactwatch feeds` writes it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from scripts.docgen.page import Page, cell, fence, heading, table, words
from scripts.docgen.run import in_process

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-27"
PORTFOLIO = ("pactwatch.yml", "people.yaml", "contracts")
_COMMIT = re.compile("[0-9a-f]{40}")  # a commit of the run's own repository: differs every run
_KIND = {dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _data_keys() -> dict[str, str]:
    """Keys that are data, not names of the format: the example portfolio's people and contract ids."""
    people = yaml.safe_load((ROOT / "people.yaml").read_text(encoding="utf-8"))["people"]
    out = {str(person["id"]): "<person>" for person in people}
    out.update((path.stem, "<contract>") for path in (ROOT / "contracts").rglob("*.yaml"))
    return out


def _key(key: str, data_keys: dict[str, str]) -> str:
    return "<currency>" if re.fullmatch("[A-Z]{3}", key) else data_keys.get(key, key)


def shape(value: Any, data_keys: dict[str, str], path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, JSON type, an example) for every value; list items are ``path[]``, merged over all items;
    maps keyed by people, contracts or currencies are ``path.<person>``..."""
    yield path or "(top)", _KIND[type(value)], value
    if isinstance(value, dict):
        for key, child in value.items():
            name = _key(str(key), data_keys)
            yield from shape(child, data_keys, f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for item in value:
            yield from shape(item, data_keys, f"{path}[]")


def merged(value: Any) -> list[tuple[str, str, str]]:
    """One row per path: every type seen there, and the first example that is not null."""
    types: dict[str, list[str]] = {}
    example: dict[str, str] = {}
    for path, kind, sample in shape(value, _data_keys()):
        seen = types.setdefault(path, [])
        if kind not in seen:
            seen.append(kind)
        if path not in example and kind not in ("object", "array", "null"):
            example[path] = _COMMIT.sub("<commit>", json.dumps(sample, ensure_ascii=False)[:60])
    return [(path, " | ".join(kinds), example.get(path, "")) for path, kinds in types.items()]


def _copy(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PORTFOLIO:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


def _git(root: Path, *args: str) -> None:
    env = ["-c", "user.name=docs", "-c", "user.email=docs@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *env, *args], cwd=root, check=True, capture_output=True)


def _diff_json(work: Path, language: str) -> Any:
    """`pactwatch diff --format json HEAD` after marking a milestone done and moving a due date."""
    root = _copy(work / "diff")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    cache = work / "cache"
    in_process(["done", "C-2026-007", "M4", "--on", TODAY, "--today", TODAY, "--root", str(root)], cache)
    in_process(
        ["reschedule", "P-2026-003", "M2", "--to", "2026-12-04", "--reason", "late shipment", "--today", TODAY, "--root", str(root)], cache
    )
    return json.loads(in_process(["diff", "HEAD", "--format", "json", "--root", str(root), "--lang", language], cache).out)


def runs(work: Path, language: str) -> dict[str, tuple[str, Any]]:
    root, cache = _copy(work / "example"), work / "cache"
    base = ["--root", str(root), "--today", TODAY, "--lang", language]

    def json_of(*args: str) -> Any:
        return json.loads(in_process([*args, *base], cache).out)

    return {
        "status": ("pactwatch status --format json", json_of("status", "--format", "json")),
        "check": ("pactwatch check --format json", json_of("check", "--format", "json")),
        "report": ("pactwatch report --period month --format json", json_of("report", "--period", "month", "--format", "json")),
        "diff": ("pactwatch diff HEAD --format json", _diff_json(work, language)),
    }


def json_page(language: str, work: Path) -> Page:
    intro = words(
        language,
        "What `--format json` prints, read off real runs on the example portfolio (`--today 2026-11-27`). "
        "`a[]` is an item of the list `a`; keys and values that are ids or states never change with the language, "
        "titles and sentences do.",
        "`--format json` 的输出，取自对示例组合（`--today 2026-11-27`）的真实运行。`a[]` 表示列表 `a` 的一项；"
        "键以及编号、状态等值不随语言变化，标题和句子随语言变化。",
    )
    text = heading(f"{words(language, 'JSON output', 'JSON 输出')}") + f"{intro}\n\n"
    header = (words(language, "path", "路径"), words(language, "type", "类型"), words(language, "example", "示例"))
    for name, (line, data) in runs(work, language).items():
        rows = [(f"`{path}`", cell(kinds), cell(sample)) for path, kinds, sample in merged(data)]
        text += f"## {name}\n\n" + fence(line, "sh") + "\n" + table(header, rows) + "\n"
    return Page(f"{language}/reference/json.md", text)


def feeds_page(language: str, work: Path) -> Page:
    root = _copy(work / "feeds")
    out = root / "site" / "calendar"
    in_process(["feeds", "--root", str(root), "--today", TODAY, "--jobs", "1"], work / "cache")
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.ics"))
    folders: dict[str, list[str]] = {}
    for name in files:
        folders.setdefault(name.rsplit("/", 1)[0] if "/" in name else ".", []).append(name)
    listing = "\n".join(
        f"{folder}/  ({len(names)}: {', '.join(n.rsplit('/', 1)[-1] for n in names[:3])}{', …' if len(names) > 3 else ''})"
        for folder, names in folders.items()
    )
    sample = (out / "contracts" / "C-2026-001.ics").read_text(encoding="utf-8")
    event = sample[sample.index("BEGIN:VEVENT") : sample.index("END:VEVENT") + len("END:VEVENT")]
    intro = words(
        language,
        "`pactwatch feeds` (and `pactwatch build`) write these files under `site/calendar/`: one feed for everything, "
        "one per person, per contract and per counterparty. Read off a real run on the example portfolio.",
        "`pactwatch feeds`（以及 `pactwatch build`）在 `site/calendar/` 下写出这些文件：一个汇总订阅，每人、每份合同、"
        "每个相对方各一个。取自对示例组合的真实运行。",
    )
    text = heading(f"{words(language, 'Calendar feeds', '日历订阅')}") + f"{intro}\n\n" + fence(listing, "text") + "\n"
    text += f"## {words(language, 'One event', '一个事件')}\n\n`contracts/C-2026-001.ics`:\n\n" + fence(event.replace("\r\n", "\n"), "text")
    return Page(f"{language}/reference/feeds.md", text)


def pages(language: str) -> list[Page]:
    with tempfile.TemporaryDirectory(prefix="pactwatch-docs-") as folder:
        work = Path(folder)
        return [json_page(language, work / "json"), feeds_page(language, work / "feeds")]
