"""Options and helpers shared by the subcommands (the effects edge: clock, env, terminal)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pactwatch.dates import today_in
from pactwatch.errors import UsageError
from pactwatch.model import Settings

if TYPE_CHECKING:
    from pactwatch.engine.records import Evaluation
    from pactwatch.load.portfolio import Loaded

F = TypeVar("F", bound=Callable[..., Any])
TODAY_ENV = "PACTWATCH_TODAY"


def root_option(func: F) -> F:
    return click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("."),
        show_default=True,
        help="The portfolio directory (holding pactwatch.yml, people.yaml and contracts/).",
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
    for text, source in ((option, "--today"), (environ.get(TODAY_ENV), TODAY_ENV)):
        if text:
            try:
                return date.fromisoformat(text.strip())
            except ValueError:
                raise UsageError(f"{source} {text!r} is not a date (YYYY-MM-DD)") from None
    return today_in(settings.timezone, now)


def today_for(option: str | None, settings: Settings) -> date:
    return resolve_today(option, settings, os.environ, datetime.now(UTC))


def check_root(root: Path) -> Path:
    if not root.is_dir():
        raise UsageError(f"{root} is not a directory")
    if not (root / "contracts").is_dir() and not (root / "pactwatch.yml").exists():
        raise UsageError(f"{root.resolve()} is not a pactwatch portfolio (no contracts/ folder or pactwatch.yml); use --root DIR")
    return root


def evaluate_root(root: Path, today_text: str | None, *, use_cache: bool = True) -> tuple[Loaded, Evaluation]:
    """Load, validate and evaluate the portfolio under ``root`` for the requested day."""
    from pactwatch.engine import evaluate
    from pactwatch.load.portfolio import load_portfolio
    from pactwatch.settings import load_settings

    check_root(root)
    settings = load_settings(root, remember=use_cache)
    today = today_for(today_text, settings)
    loaded = load_portfolio(root, today, settings=settings, use_cache=use_cache)
    return loaded, evaluate(loaded.portfolio, today)


def warn_about_errors(loaded: Loaded) -> None:
    """Say on stderr that invalid files were left out, so nothing is dropped silently."""
    errors = loaded.errors
    if errors:
        files = sorted({f.file for f in errors})
        shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
        click.echo(f"pactwatch: {len(errors)} data errors in {len(files)} files ({shown}); run `pactwatch validate` to see them.", err=True)


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
