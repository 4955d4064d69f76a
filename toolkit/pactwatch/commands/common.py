"""Options and helpers shared by the subcommands (the effects edge: clock, env, terminal)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pactwatch.catalogue import text
from pactwatch.dates import today_in
from pactwatch.errors import UsageError
from pactwatch.model import Settings

if TYPE_CHECKING:
    from pactwatch.ledger.values import ValueProblem

F = TypeVar("F", bound=Callable[..., Any])
TODAY_ENV = "PACTWATCH_TODAY"


LANG_META = "pactwatch.lang"


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta[LANG_META] = value


_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def locale_language(environ: Mapping[str, str]) -> str:
    """zh when the user's locale is Chinese, else en: the language before any portfolio is known (init, "not a portfolio")."""
    locale = next((environ[v] for v in _LOCALE_VARIABLES if environ.get(v)), "")
    return "zh" if locale.lower().startswith("zh") else "en"


def early_language(environ: Mapping[str, str] | None = None) -> str:
    """The language to speak before the portfolio's settings are read: --lang, $PACTWATCH_LANG, else the locale."""
    from pactwatch.catalogue import language_of

    env = os.environ if environ is None else environ
    return language_of(locale_language(env), lang_override(), env)


def value_problem(problem: ValueProblem, language: str) -> str:
    """What a value parser (``ledger.values``) found wrong with an option's value, and its hint, in ``language``."""
    hint = text("finding.hint_inline", language, hint=problem.hint.render(language)) if problem.hint else ""
    return problem.message.render(language) + hint


RUN_LANG_META = "pactwatch.run_lang"


def remember_run_language(language: str) -> None:
    """The runtime has read the settings: from now on, the run's one-line errors are in ``language``."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[RUN_LANG_META] = language


def message_language() -> str:
    """The language of a one-line error: the run's once the runtime has read the settings, else ``early_language``."""
    ctx = click.get_current_context(silent=True)
    language = ctx.meta.get(RUN_LANG_META) if ctx is not None else None
    return language if isinstance(language, str) else early_language()


def lang_override() -> str | None:
    """--lang of the running command, read by the runtime (so no command passes it on by hand)."""
    ctx = click.get_current_context(silent=True)
    value = ctx.meta.get(LANG_META) if ctx is not None else None
    return value if isinstance(value, str) else None


VERBOSE_META = "pactwatch.verbose"


def _remember_verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta[VERBOSE_META] = True


def verbose_option(func: F) -> F:
    """-v: say what the runtime noticed (no git history here, a cache file ignored), read by the runtime like --lang."""
    return click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_remember_verbose,
        help="Say what was noticed on the way (e.g. no git history).",
    )(func)


def verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get(VERBOSE_META))


def root_option(func: F) -> F:
    """--root, and --lang with it: every command that reads a portfolio speaks in its language unless told otherwise."""
    func = click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default=None,
        expose_value=False,
        callback=_remember_lang,
        help="The language of this run's output; default $PACTWATCH_LANG, else the portfolio's language: setting.",
    )(func)
    return click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The portfolio directory (holding pactwatch.yml, people.yaml and contracts/); "
        "default: the nearest folder, here or above, with pactwatch.yml (else with contracts/).",
    )(func)


def today_option(func: F) -> F:
    return click.option(
        "--today",
        "today_text",
        metavar="YYYY-MM-DD",
        help=f"The day to evaluate; default ${TODAY_ENV}, else today in the portfolio's time zone.",
    )(func)


def resolve_today(option: str | None, settings: Settings, environ: Mapping[str, str], now: datetime) -> date:
    """--today, else $PACTWATCH_TODAY, else the date at ``now`` in the portfolio's time zone."""
    for given, source in ((option, "--today"), (environ.get(TODAY_ENV), TODAY_ENV)):
        if given:
            try:
                return date.fromisoformat(given.strip())
            except ValueError:
                raise UsageError(text("cli.not_a_date", settings.language, source=source, text=given)) from None
    return today_in(settings.timezone, now)


def echo_parts(parts: Iterable[bytes]) -> None:
    """Write UTF-8 output piece by piece, then a newline: a large JSON document is never held twice."""
    sys.stdout.flush()  # anything echoed as text comes first
    out = sys.stdout.buffer
    for part in parts:
        out.write(part)
    out.write(b"\n")
    out.flush()


def use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
