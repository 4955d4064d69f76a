"""pactwatch init [DIR]: scaffold a contracts repository that validates and builds at once."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pactwatch.catalogue import msg, text, word
from pactwatch.commands.common import early_language, value_problem
from pactwatch.errors import PactwatchError, UsageError
from pactwatch.escape.terminal import terminal_text

if TYPE_CHECKING:
    from pactwatch.scaffold import Answers

LOCALTIME = Path("/etc/localtime")


def machine_timezone(environ: Mapping[str, str], localtime: Path = LOCALTIME) -> tuple[str, str] | None:
    """This machine's IANA time zone and where it was read ($TZ, else the /etc/localtime link), or None."""
    from pactwatch.scaffold import known_timezone, zone_from_path

    value = environ.get("TZ", "").lstrip(":")
    if value:
        name = value if known_timezone(value) else zone_from_path(value)
        if name:
            return name, "$TZ"
    try:
        name = zone_from_path(os.readlink(localtime))
    except OSError:  # no link (a copied file, or not a Unix machine): nothing to name the zone by
        return None
    return (name, str(localtime)) if name else None


def default_language(environ: Mapping[str, str]) -> str:
    from pactwatch.commands.common import locale_language

    return locale_language(environ)


def default_timezone(language: str, environ: Mapping[str, str], localtime: Path = LOCALTIME) -> tuple[str, str] | None:
    """The zone to suggest and why: the language's (zh -> Asia/Shanghai), else the machine's; never a silent UTC."""
    from pactwatch.settings import DEFAULT_TIMEZONE  # the one table: settings without a timezone use it too

    if language in DEFAULT_TIMEZONE:
        return DEFAULT_TIMEZONE[language], text("cli.init.source_language", language, language=language)
    return machine_timezone(environ, localtime)


def _checked_timezone(given: str) -> str:
    from pactwatch.scaffold import known_timezone

    name = given.strip()
    if not known_timezone(name):
        raise click.BadParameter(text("error.init.timezone", early_language(), value=given))
    return name


def _checked_currency(text: str) -> str:
    from pactwatch.ledger.fields import currency
    from pactwatch.ledger.values import ValueProblem

    try:
        return currency(text)
    except ValueProblem as exc:
        raise click.BadParameter(value_problem(exc, early_language())) from None


def _checked_source(given: str) -> str:
    from pactwatch.scaffold import is_repository_url

    url = given.strip().rstrip("/")
    if not is_repository_url(url):
        raise click.BadParameter(text("error.init.source", early_language(), value=given))
    return url


NAME_LIMIT = 100  # characters of --name: a title, not a paragraph


def _checked_name(text: str) -> str:
    name = text.strip()
    if not name or len(name) > NAME_LIMIT or not name.isprintable():  # a line break would end a YAML comment and the README's heading
        raise UsageError(msg("error.init.name", limit=NAME_LIMIT))
    return name


def _answers(
    language: str | None, timezone: str | None, currency: str | None, ask: bool, environ: Mapping[str, str]
) -> tuple[str, str, str, str]:
    """Language, time zone, currency and where the zone came from: flags first, then questions on a terminal, then defaults."""
    from pactwatch.scaffold import DEFAULT_CURRENCY, LANGUAGES

    if language is None:
        suggested = default_language(environ)
        language = click.prompt("Language / 语言", type=click.Choice(LANGUAGES), default=suggested) if ask else suggested
    source = "--timezone"
    if timezone is None:
        found = default_timezone(language, environ)
        if ask:
            timezone = click.prompt("Time zone / 时区", default=found[0] if found else None, value_proc=_checked_timezone)
            source = word("cli.init.source_answer", language)
        elif found is None:
            raise UsageError(word("cli.init.no_timezone", language))
        else:
            timezone, source = found
    if currency is None:
        suggested = DEFAULT_CURRENCY[language]
        currency = click.prompt("Currency / 币种", default=suggested, value_proc=_checked_currency) if ask else suggested
    return language, timezone, currency, source


def _refuse_existing(folder: Path, targets: tuple[str, ...], language: str) -> None:
    """Refuse before writing anything: a target that exists, or a folder on its way that is a file."""
    taken = [t for t in targets if (folder / t).exists() or (folder / t).is_symlink()]
    taken += sorted({p.relative_to(folder).as_posix() for t in targets for p in (folder / t).parents if p.exists() and not p.is_dir()})
    if taken:
        shown = ", ".join(taken[:6]) + (" " + text("cli.and_more", language, count=len(taken) - 6) if len(taken) > 6 else "")
        raise PactwatchError(text("cli.init.exists", language, folder=terminal_text(str(folder)), shown=shown))


def _write_all(folder: Path, files: dict[str, str], language: str) -> None:
    """Every file or none: a write that fails (a name taken meanwhile, a full disk) takes back the ones before it."""
    from pactwatch.fileio import write_atomic_text

    new_folders = sorted({p for t in files for p in (folder / t).parents if not p.exists()}, key=lambda p: -len(p.parts))
    written: list[Path] = []
    for target, content in files.items():
        try:
            write_atomic_text(folder / target, content, exclusive=True)
        except OSError as exc:
            for path in written:
                path.unlink(missing_ok=True)  # ours: each was created new, never replacing a file
            for made in new_folders:  # deepest first; one that holds anything else stays
                with contextlib.suppress(OSError):
                    made.rmdir()
            reason = word("cli.init.appeared", language) if isinstance(exc, FileExistsError) else exc.strerror
            raise PactwatchError(text("cli.init.cannot_write", language, path=terminal_text(str(folder / target)), reason=reason)) from None
        written.append(folder / target)


@click.command("init")
@click.argument("folder", metavar="[DIR]", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--language", type=click.Choice(["zh", "en"]), help="zh or en: settings comments, README, reports, site. Default: from $LANG."
)
@click.option("--timezone", callback=lambda _c, _p, v: _checked_timezone(v) if v else None, help="IANA name, e.g. Asia/Shanghai.")
@click.option("--currency", callback=lambda _c, _p, v: _checked_currency(v) if v else None, help="ISO 4217 default currency, e.g. CNY.")
@click.option("--name", help="The company's name, for the site and the README. Default: the folder's name.")
@click.option(
    "--pactwatch-from",
    "mirror",
    metavar="URL",
    callback=lambda _c, _p, v: _checked_source(v) if v is not None else None,
    help="The git repository the workflows and the pre-commit hook install pactwatch from (your mirror). Default: pactwatch's own.",
)
def init(folder: Path, language: str | None, timezone: str | None, currency: str | None, name: str | None, mirror: str | None) -> int:
    """Start a contracts repository in DIR (default: here): settings, people, an example contract, workflows, README."""
    from pactwatch import scaffold
    from pactwatch.commands.common import resolve_today
    from pactwatch.model import Settings

    _refuse_existing(folder, scaffold.TARGETS, language or default_language(os.environ))  # before any question: none for nothing
    ask = sys.stdin.isatty() and None in (language, timezone, currency)
    language, timezone, currency, source = _answers(language, timezone, currency, ask, os.environ)
    company = _checked_name(name if name is not None else (folder.resolve().name or "pactwatch"))
    today = resolve_today(None, Settings(timezone=timezone), os.environ, datetime.now(UTC))
    answers = scaffold.Answers(language, timezone, currency, company, today, mirror or scaffold.REPOSITORY_URL)
    files = scaffold.render(answers)
    files[scaffold.CODEOWNERS] = scaffold.codeowners(files, today)
    _refuse_existing(folder, scaffold.TARGETS, language)  # again: the questions took time
    _write_all(folder, {target: files[target] for target in scaffold.TARGETS}, language)
    _summary(folder, answers, source, len(scaffold.TARGETS))
    return 0


def _summary(folder: Path, answers: Answers, source: str, count: int) -> None:
    from pactwatch.scaffold import EXAMPLE_PERSON

    language = answers.language
    person = EXAMPLE_PERSON[language].id
    shown = terminal_text(str(folder))
    settings = {"language": language, "timezone": answers.timezone, "source": source, "currency": answers.currency}
    click.echo(text("cli.init.wrote", language, count=count, folder=shown, **settings))
    click.echo(word("cli.init.next", language))
    if folder != Path("."):
        click.echo(f"  cd {shown}")
    click.echo(text("cli.init.edit_people", language, person=person))
    click.echo(f"  pactwatch new sales --id C-2026-001 --owner {person}")
