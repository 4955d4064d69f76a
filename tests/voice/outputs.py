"""Runs every command of the example portfolio whose output a person reads, in each language."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from tests.conftest import PORTFOLIO_FILES, REPO_ROOT, TODAY
from tests.voice.scan import visible_text

_ICS_TEXT = re.compile(r"^(SUMMARY|DESCRIPTION|X-WR-CALNAME|X-WR-CALDESC|CATEGORIES|LOCATION|COMMENT)[^:]*:(.*)$", re.M)


def collect(
    root: Path, languages: Iterable[str], broken: str, notify: str, settings: str, webhook_env: Mapping[str, str]
) -> dict[str, dict[str, str]]:
    root.mkdir(parents=True)
    for name in PORTFOLIO_FILES:
        source = REPO_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    (root / "pactwatch.yml").write_text(settings + notify, encoding="utf-8")
    broken_root = root.parent / "broken"
    shutil.copytree(root, broken_root)
    (broken_root / "contracts" / "X-2026-900.yaml").write_text(broken, encoding="utf-8")
    env = {**os.environ, **webhook_env, "PACTWATCH_TODAY": TODAY.isoformat(), "NO_COLOR": "1"}
    env["PACTWATCH_CACHE_DIR"] = str(root.parent / "cache")
    found: dict[str, dict[str, str]] = {"_root": {"path": str(broken_root)}}
    for language in languages:
        found[language] = _outputs(root, broken_root, language, env)
    return found


def _run(env: Mapping[str, str], *args: str | Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pactwatch", *map(str, args)], capture_output=True, text=True, env=dict(env), check=False, timeout=600
    )
    if done.returncode not in (0, 1):
        raise AssertionError(f"pactwatch {args} exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout + "\n" + done.stderr


def _outputs(root: Path, broken: Path, language: str, env: Mapping[str, str]) -> dict[str, str]:
    lang = ("--lang", language)
    out: dict[str, str] = {}
    out["validate"] = _run(env, "validate", "--root", broken, *lang)
    out["check"] = _run(env, "check", "--root", root, *lang)
    out["status"] = _run(env, "status", "--root", root, "--all", *lang)
    for period in ("week", "month"):
        out[f"report {period}"] = _run(env, "report", "--root", root, "--period", period, *lang)
    out["statement"] = _run(env, "report", "--root", root, "--counterparty", "yunfan-logistics", *lang)  # to the counterparty
    out["remind"] = _run(env, "remind", "--root", root, "--dry-run", *lang)
    plan = json.loads(_run(env, "alerts", "--root", root, "--dry-run", "--offline", "--format", "json", *lang).split("\n\n")[0])
    out["alerts"] = "\n".join(
        f"{a.get('title', '')}\n{a.get('body', '')}\n{a.get('description', '')}\n{a.get('why', '')}" for a in plan["plan"]["actions"]
    )
    out["alerts text"] = _run(env, "alerts", "--root", root, "--dry-run", "--offline", *lang)
    out.update(_exports(root, language, env))
    out.update(_feeds(root, language, env))
    out.update(_site(broken, language, env))
    out.update(_changes(root, language, env))
    return out


def _changes(root: Path, language: str, env: Mapping[str, str]) -> dict[str, str]:
    """pactwatch diff, approvals and the pull-request comment, on a git copy of the portfolio with a term, a date and an owner changed."""
    repo = root.parent / f"changes-{language}"
    shutil.copytree(root, repo)
    git = {
        **env,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "start")):
        subprocess.run(["git", *args], cwd=repo, env=git, check=True, capture_output=True)
    path = repo / "contracts" / "sales" / "C-2026-007.yaml"
    source = path.read_text(encoding="utf-8").replace("payment_days: 10", "payment_days: 45")
    path.write_text(re.sub(r"due: (\d{4})-", lambda m: f"due: {int(m[1]) + 1}-", source, count=1), encoding="utf-8")
    lang = ("--lang", language)
    return {
        "diff": _run(env, "diff", "--root", repo, "main", *lang),
        "diff json": "\n".join(
            c["summary"] for c in json.loads(_run(env, "diff", "--root", repo, "main", "--format", "json", *lang))["changes"]
        ),
        "pr-comment": _run(env, "pr-comment", "--root", repo, "--base", "main", "--pr", "1", "--dry-run", *lang),
        "approvals": _run(env, "approvals", "--root", repo, "--base", "main", *lang),
        "approvals github": _run(  # printed, not appended to a job summary of the run's own
            {k: v for k, v in env.items() if k != "GITHUB_STEP_SUMMARY"},
            "approvals",
            "--root",
            repo,
            "--base",
            "main",
            "--format",
            "github",
            *lang,
        ),
    }


def _exports(root: Path, language: str, env: Mapping[str, str]) -> dict[str, str]:
    from openpyxl import load_workbook

    folder = root.parent / f"export-{language}"
    folder.mkdir(exist_ok=True)
    _run(env, "export", "--root", root, "--lang", language, "-o", folder / "ledger.csv")
    _run(env, "export", "--root", root, "--lang", language, "-o", folder / "ledger.xlsx")
    rows = list(csv.reader(io.StringIO((folder / "ledger.csv").read_text(encoding="utf-8-sig"))))
    book = load_workbook(folder / "ledger.xlsx", read_only=True)
    cells = []
    for sheet in book.worksheets:
        cells.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(v) for v in row if isinstance(v, str))
    return {"export csv": "\n".join(" ".join(r) for r in rows), "export xlsx": "\n".join(cells)}


def _feeds(root: Path, language: str, env: Mapping[str, str]) -> dict[str, str]:
    folder = root.parent / f"feeds-{language}"
    said = _run(env, "feeds", "--root", root, "--lang", language, "-o", folder)  # its summary line too
    texts = [said.replace(str(folder), "")]  # the folder is the reader's own path
    for path in sorted(folder.rglob("*.ics")):
        unfolded = path.read_bytes().decode("utf-8").replace("\r\n ", "").replace("\r\n", "\n")
        texts += [m.group(2).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";") for m in _ICS_TEXT.finditer(unfolded)]
    return {"feeds": "\n".join(texts)}


def _site(root: Path, language: str, env: Mapping[str, str]) -> dict[str, str]:
    folder = root.parent / f"site-{language}"
    _run(env, "build", "--root", root, "--lang", language, "-o", folder)
    pages: dict[str, str] = {}
    for path in sorted(folder.rglob("*.html")):
        if "assets" in path.relative_to(folder).parts:
            continue
        pages[f"site {path.relative_to(folder)}"] = visible_text(path.read_text(encoding="utf-8"))
    return pages
