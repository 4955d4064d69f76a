"""pactwatch validate: check the portfolio, or the files pre-commit passes, plus what they reference."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pactwatch import reporters
from pactwatch.catalogue import language_of, text
from pactwatch.commands.common import lang_override, root_option, today_option, use_colour
from pactwatch.commands.runtime import Needs, OnErrors, find_root, prepare
from pactwatch.escape.terminal import terminal_text
from pactwatch.findings import Finding
from pactwatch.load.files import CONTRACTS_DIR, PEOPLE_FILE, discover
from pactwatch.settings import SETTINGS_FILE, SettingsError

NEEDS = Needs(OnErrors.REPORT)


def _contract_sources(root: Path, paths: tuple[Path, ...]) -> list[str] | None:
    """The given contract files (folders: the contracts in them) as root-relative POSIX paths; None means the whole portfolio."""
    if not paths:
        return None
    base = root.resolve()
    sources: list[str] = []
    everything: list[str] = []
    for path in paths:
        try:
            rel = path.resolve().relative_to(base).as_posix()
        except ValueError:
            continue  # outside the portfolio: nothing of ours
        if rel in (".", CONTRACTS_DIR, PEOPLE_FILE, SETTINGS_FILE):
            return None  # every contract refers to people and settings: re-check them all (cheap with the cache)
        if path.is_dir():
            everything = everything or discover(root)
            sources.extend(source for source in everything if source.startswith(f"{rel}/"))
        elif rel.startswith(f"{CONTRACTS_DIR}/") and rel.endswith((".yaml", ".yml")):
            sources.append(rel)
    return sources


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@root_option
@today_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache (in $PACTWATCH_CACHE_DIR, else the user's cache folder).")
@click.option("-v", "--verbose", is_flag=True, help="Say what was checked even when all is well.")
def validate(
    paths: tuple[Path, ...], root: Path | None, today_text: str | None, fmt: str, strict: bool, no_cache: bool, verbose: bool
) -> int:
    """Check contracts, people.yaml and pactwatch.yml; exit 1 on an error."""
    root = find_root(root, Path.cwd())
    try:
        run = prepare(root, today_text, NEEDS, only=_contract_sources(root, paths), use_cache=not no_cache, findings_only=True)
    except SettingsError as exc:  # in the language pactwatch.yml names when it says so, else --lang, $PACTWATCH_LANG, English
        language = language_of(exc.language, lang_override())
        if fmt == "text":
            click.echo(text("validate.settings_unusable", language), err=True)
            click.echo(reporters.text(exc.findings, colour=use_colour(), language=language), err=True)
        else:
            _show(exc.findings, fmt, root, language)  # machines and pull requests get it in their format
        return 2
    loaded = run.loaded
    findings: list[Finding] = list(loaded.findings)
    files = loaded.files
    if verbose:
        for notice in loaded.notices:
            click.echo(f"pactwatch: {terminal_text(notice)}", err=True)
    language = run.settings.language
    _show(findings, fmt, root, language)
    if fmt == "text" and (verbose or findings):
        click.echo(summary(findings, files, language), err=True)
    return 1 if any(f.severity == "error" or strict for f in findings) else 0


def summary(findings: list[Finding], files: int, language: str) -> str:
    """'3 contract files checked: 1 error, 2 warnings.' (an English singular where the count is 1)."""
    errors = sum(f.severity == "error" for f in findings)
    return text(
        "validate.summary",
        language,
        files=text("validate.files", language, count=files),
        errors=text("validate.errors", language, count=errors),
        warnings=text("validate.warnings", language, count=len(findings) - errors),
    )


def _show(findings: list[Finding], fmt: str, root: Path, language: str) -> None:
    if fmt == "json":
        click.echo(reporters.as_json(findings, language))
    elif fmt == "github":
        if findings:
            click.echo(reporters.github(findings, prefix=_repository_prefix(root), language=language))
    elif findings:
        click.echo(reporters.text(findings, colour=use_colour(), language=language))


def _repository_prefix(root: Path) -> str:
    """Annotations name files from the repository root (the working directory in CI), findings from the portfolio root."""
    relative = os.path.relpath(root.resolve(), Path.cwd().resolve())
    return "" if relative == "." or relative.startswith("..") else Path(relative).as_posix() + "/"
