"""The tutorial's shown outputs, from real runs: each ``<!-- run DIR: COMMAND -->`` block of
docs/content/<lang>/tutorial.md is replaced by ``$ COMMAND`` and what it printed, and each
``<!-- exec DIR -->`` block (a file edit the reader types) is run as shown. All run in order in one
fresh folder per language, with the day pinned; the folder's path reads ``~`` in the page."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from pactwatch.catalogue import CATALOGUE
from scripts.docgen.page import LANGUAGES, Page, fence
from scripts.docgen.run import command

ROOT = Path(__file__).resolve().parents[2]
LEDGER = ROOT / "tests" / "ledger" / "data" / "contract-ledger-2026.xlsx"  # a real-looking company ledger
TODAY = "2026-11-27"
BLOCK = re.compile(
    r"<!-- run (?P<rdir>\S+): (?P<line>.+?) -->\n.*?<!-- /run -->\n|<!-- exec (?P<edir>\S+) -->\n```sh\n(?P<code>.*?)```\n<!-- /exec -->\n",
    re.DOTALL,
)


def _duration_pattern() -> re.Pattern[str]:
    """The build line's duration in either language, found from the catalogue's own sentence:
    durations differ run to run, so the pages show one stand-in."""
    sentence = CATALOGUE["cli.build.site"]
    around = []
    for language in LANGUAGES:
        before, _, after = getattr(sentence, language).partition("{seconds}")
        around.append(f"(?<={re.escape(before[-3:])})\\d+(?:\\.\\d+)?(?={re.escape(after[:2])})")
    return re.compile("|".join(around))


_SECONDS = _duration_pattern()
# commit ids change with every template pactwatch init writes: shown as one stand-in
_COMMIT = re.compile(r"(?<![-/.\w])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}\b")
STAND_IN = "a1b2c3d4e5f6" * 4


def _env(work: Path) -> dict[str, str]:
    stamp = f"{TODAY}T09:00:00+08:00"
    return {
        "HOME": str(work),
        "PACTWATCH_TODAY": TODAY,
        "PACTWATCH_CACHE_DIR": str(work / ".cache"),
        "PYTHONUNBUFFERED": "1",  # stdout and stderr interleave as on a terminal
        "GIT_AUTHOR_NAME": "Jane Doe",
        "GIT_AUTHOR_EMAIL": "jane.doe@acme.example",
        "GIT_COMMITTER_NAME": "Jane Doe",
        "GIT_COMMITTER_EMAIL": "jane.doe@acme.example",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": "/dev/null",
    }


def _shown(output: str, work: Path) -> str:
    shown = _SECONDS.sub("3.0", output.replace(str(work), "~"))
    return _COMMIT.sub(lambda match: STAND_IN[: len(match[0])], shown).rstrip()


def render(text: str, work: Path) -> str:
    """The page with every run block's output taken from running it now."""
    env = _env(work)

    def replace(match: re.Match[str]) -> str:
        folder = work / (match["rdir"] or match["edir"])
        folder.mkdir(parents=True, exist_ok=True)
        if match["code"] is not None:
            done = command(match["code"], folder, env)
            assert done.code == 0, f"{match['code']}\n{done.out}{done.err}"
            return match[0]
        done = command(match["line"] + " 2>&1", folder, env)
        output = _shown(done.out, work) + (f"\n(exit {done.code})" if done.code else "")
        body = fence(f"$ {match['line']}\n{output}".rstrip(), "console")
        return f"<!-- run {match['rdir']}: {match['line']} -->\n{body}<!-- /run -->\n"

    return BLOCK.sub(replace, text)


def pages(content: Path) -> list[Page]:
    out = []
    for language in LANGUAGES:
        source = content / language / "tutorial.md"
        with tempfile.TemporaryDirectory(prefix="pactwatch-tutorial-") as folder:
            work = Path(folder).resolve()
            shutil.copy2(LEDGER, work / LEDGER.name)
            out.append(Page(f"{language}/tutorial.md", render(source.read_text(encoding="utf-8"), work)))
    return out
