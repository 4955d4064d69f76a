"""The one runtime every command starts from (in the spirit of Django's BaseCommand).

A command declares what it needs (``Needs``): whether it loads the portfolio,
evaluates it, and what happens when contract files have data errors. ``start``
and ``prepare`` then do, in one place and one order, what v1 wrote eight times
in five ways: find the portfolio's root, read its settings, fix today, load and
validate, apply the error policy, evaluate.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pactwatch.catalogue import language_of, text, word
from pactwatch.commands.common import early_language, lang_override, remember_run_language, resolve_today, use_colour, verbose
from pactwatch.errors import PactwatchError, UsageError
from pactwatch.escape.terminal import terminal_text
from pactwatch.load.files import CONTRACTS_DIR
from pactwatch.settings import SETTINGS_FILE

if TYPE_CHECKING:
    from pactwatch.engine.records import Evaluation
    from pactwatch.history.records import PlanHistory
    from pactwatch.load.portfolio import Loaded
    from pactwatch.model import Settings


class OnErrors(enum.Enum):
    """What a command does when contract files have data errors."""

    REFUSE = "refuse"  # write nothing: an output that must be complete (CODEOWNERS, alert issues, feeds, the ledger)
    WARN = "warn"  # go on without the invalid files, and say on stderr which were left out (status, report, remind)
    REPORT = "report"  # the findings are the command's own output (validate, check, build's data-problems page)


@dataclass(frozen=True, slots=True)
class Needs:
    on_errors: OnErrors
    refusal: str = ""  # with REFUSE: the catalogue id of what stays as it is, e.g. cli.refusal.codeowners
    evaluate: bool = False
    history: bool = False  # with evaluate: baselines and re-plans from git (pactwatch.history)


@dataclass(frozen=True, slots=True)
class Start:
    """What every command knows before it loads contracts."""

    root: Path
    settings: Settings
    today: date
    written_language: str = "zh"  # pactwatch.yml's own language:, before --lang: what committed files are worded in


@dataclass(frozen=True, slots=True)
class Prepared:
    root: Path
    settings: Settings
    today: date
    loaded: Loaded
    evaluation: Evaluation | None  # when Needs.evaluate
    written_language: str = "zh"  # see Start

    @property
    def evaluated(self) -> Evaluation:
        assert self.evaluation is not None, "declare Needs(evaluate=True)"
        return self.evaluation


def find_root(option: Path | None, cwd: Path) -> Path:
    """--root as given, else like git: the nearest folder upward holding pactwatch.yml, else one holding contracts/."""
    if option is not None:
        if not option.is_dir():
            raise UsageError(text("cli.not_a_directory", early_language(), path=option))
        if not _is_portfolio(option):
            raise UsageError(text("cli.not_a_portfolio", early_language(), path=option.resolve()))
        return option
    here = cwd.resolve()
    for marker in (SETTINGS_FILE, CONTRACTS_DIR):
        for folder in (here, *here.parents):
            if (folder / marker).exists():
                return folder if folder != here else Path(".")
    raise UsageError(text("cli.not_in_portfolio", early_language(), path=here))


def _is_portfolio(folder: Path) -> bool:
    return (folder / CONTRACTS_DIR).is_dir() or (folder / SETTINGS_FILE).exists()


def start(
    root_option: Path | None,
    today_text: str | None,
    *,
    remember_settings: bool = False,
    environ: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Start:
    """The portfolio's root, its settings and the day to evaluate (--today, $PACTWATCH_TODAY, else today there)."""
    from pactwatch.settings import load_settings

    root = find_root(root_option, Path.cwd())
    settings = load_settings(root, remember=remember_settings)
    env = os.environ if environ is None else environ
    written = settings.language
    language = language_of(written, lang_override(), env)
    if language != settings.language:
        settings = replace(settings, language=language)
    remember_run_language(language)
    today = resolve_today(today_text, settings, os.environ if environ is None else environ, now or datetime.now(UTC))
    return Start(root, settings, today, written)


def prepare(
    root_option: Path | None,
    today_text: str | None,
    needs: Needs,
    *,
    use_cache: bool = True,
    only: Sequence[str] | None = None,
    findings_only: bool = False,
) -> Prepared:
    """``start``, then load and validate the portfolio, apply the command's error policy, and evaluate if asked.

    ``only`` checks just those contract files; ``findings_only`` may skip building the records (see load_portfolio).
    """
    from pactwatch.load.portfolio import load_portfolio

    begun = start(root_option, today_text, remember_settings=use_cache)
    loaded = load_portfolio(begun.root, begun.today, settings=begun.settings, use_cache=use_cache, only=only, findings_only=findings_only)
    if loaded.errors:
        _apply(needs, loaded, begun.settings.language)
    evaluation = None
    if needs.evaluate:
        from pactwatch.engine import evaluate

        evaluation = evaluate(
            loaded.portfolio, begun.today, history=read_history(begun.root, begun.settings.language) if needs.history else None
        )
    return Prepared(begun.root, begun.settings, begun.today, loaded, evaluation, begun.written_language)


def read_history(root: Path, language: str) -> PlanHistory | None:
    """The portfolio's plan history from git; why there is none is said under -v, a shallow clone always."""
    from pactwatch.history.read import read_plan_history

    found = read_plan_history(root, os.environ)
    if found.notice is not None and (found.shallow or verbose()):
        click.echo(f"pactwatch: {terminal_text(found.notice.render(language))}", err=True)
    return found.history


def _apply(needs: Needs, loaded: Loaded, language: str) -> None:
    errors = loaded.errors
    counted = text("cli.count.data_errors", language, count=len(errors))
    if needs.on_errors is OnErrors.REFUSE:
        from pactwatch import reporters

        click.echo(reporters.text(errors, colour=use_colour(), language=language), err=True)
        raise PactwatchError(text("cli.refuse", language, errors=counted, refusal=word(needs.refusal, language)))
    if needs.on_errors is OnErrors.WARN:
        files = sorted({f.file for f in errors})
        shown = ", ".join(files[:5]) + (" " + text("cli.and_more", language, count=len(files) - 5) if len(files) > 5 else "")
        files_counted = text("cli.count.files", language, count=len(files))
        click.echo(terminal_text(text("cli.warn_errors", language, errors=counted, files=files_counted, shown=shown)), err=True)
