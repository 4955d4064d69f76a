#!/usr/bin/env python3
"""Write the generated pages of the documentation site (docs/content/<lang>/reference/) and the outputs
shown in the tutorial; ``--check`` writes nothing and exits 1 naming each page that is out of date.

    .venv/bin/python scripts/gen_docs.py            # after changing a command, schema, code or output
    .venv/bin/python scripts/gen_docs.py --check    # CI: the committed pages match the code
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: `scripts.docgen` from the checkout

from scripts.docgen import commands, findings, formats, ledger, outputs, tutorial  # noqa: E402 - after the path
from scripts.docgen.page import LANGUAGES, Page  # noqa: E402

CONTENT = ROOT / "docs" / "content"
GENERATED_DIRS = ("reference/commands", "reference/formats", "reference/findings")


def reference() -> list[Page]:
    out: list[Page] = []
    for language in LANGUAGES:
        out += [*commands.pages(language), *formats.pages(language), *findings.pages(language), *outputs.pages(language)]
    return out + ledger.pages(CONTENT)


def stale(pages: list[Page]) -> list[str]:
    """Pages whose file differs, and generated files no generator writes any more."""
    wanted = {page.path: page.text for page in pages}
    out = [path for path, text in wanted.items() if not (CONTENT / path).is_file() or (CONTENT / path).read_text(encoding="utf-8") != text]
    for language in LANGUAGES:
        for folder in GENERATED_DIRS:
            for path in sorted((CONTENT / language / folder).glob("*.md")):
                if path.relative_to(CONTENT).as_posix() not in wanted:
                    out.append(path.relative_to(CONTENT).as_posix() + " (no longer generated)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a page is out of date")
    parser.add_argument("--no-tutorial", action="store_true", help="leave the tutorial's outputs as they are")
    args = parser.parse_args(argv)
    pages = reference()
    if not args.no_tutorial:
        pages += tutorial.pages(CONTENT)
    if args.check:
        bad = stale(pages)
        for path in bad:
            print(f"docs/content/{path} is out of date: run .venv/bin/python scripts/gen_docs.py", file=sys.stderr)
        return 1 if bad else 0
    for path in stale(pages):
        if path.endswith("(no longer generated)"):
            (CONTENT / path.removesuffix(" (no longer generated)")).unlink()
    for page in pages:
        target = CONTENT / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_text(encoding="utf-8") != page.text:
            target.write_text(page.text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
