"""The command line: a lazy click group and the one top-level handler of outcomes.

Subcommands live in ``pactwatch.commands.<module>`` and are imported only when
called, so ``pactwatch validate`` in a pre-commit hook starts fast.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from pactwatch import __version__, reporters
from pactwatch.catalogue import word
from pactwatch.errors import PactwatchError
from pactwatch.escape.terminal import terminal_text
from pactwatch.gcpause import exit_process
from pactwatch.settings import SettingsError

# name -> (module, attribute, one-line help). Keep alphabetical within each group.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("build", "build", "Build the progress site (mkdocs-material) with its calendar feeds."),
    "serve": ("serve", "serve", "Preview the site locally; rebuilds when contracts change."),
    "feeds": ("feeds", "feeds", "Write the calendar feeds (.ics) owners subscribe to."),
    "validate": ("validate", "validate", "Check contracts, people.yaml and pactwatch.yml."),
    "status": ("status", "status", "Show each milestone's state today."),
    "check": ("check", "check", "CI gate: validate and fail on overdue milestones."),
    "report": ("report", "report", "Write the weekly or monthly status report."),
    "alerts": ("alerts", "alerts", "Keep one GitHub issue open per overdue milestone."),
    "codeowners": ("codeowners", "codeowners", "Write .github/CODEOWNERS from owners and the approval policy."),
    "approvals": ("approvals", "approvals", "List contract changes since a git ref and the approvals they need."),
    "diff": ("diff", "diff", "What changed in meaning between two revisions (Markdown or JSON)."),
    "pr-comment": ("pr_comment", "pr_comment", "Post or update the one pull-request comment: changes, approvals, new findings."),
    "announce": ("announce", "announce", "Tell owners and watchers of each change merged since a git ref."),
    "remind": ("remind", "remind", "Send 7/3/0-day reminders by e-mail, chat robots and GitHub."),
    "import": ("import_ledger", "import_ledger", "Import a contract ledger (.xlsx/.csv) into contract files."),
    "export": ("export", "export", "Export the ledger finance uses (.xlsx or .csv)."),
    "done": ("update", "done", "Mark a milestone done (prints the diff; --dry-run writes nothing)."),
    "ack": ("update", "ack", "Acknowledge an overdue milestone until a date."),
    "reschedule": ("update", "reschedule", "Move a milestone's due date; the reason becomes an amendment."),
    "waive": ("update", "waive", "Waive a milestone; the reason becomes an amendment."),
    "chatops": ("chatops", "chatops", "Apply a /done, /ack, /reschedule or /waive comment as a pull request (GitHub Actions)."),
    "new": ("new", "new", "Start a contract from a template."),
    "init": ("init", "init", "Start a contracts repository: settings, people, an example contract, workflows."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(f"pactwatch.commands.{entry[0]}")
        command = getattr(module, entry[1])
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PactwatchError as exc:
            raise _Said(exc, _language()) from exc  # worded here: the run's language lives in the context

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, entry[2]) for name, entry in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pactwatch")
def group() -> None:
    """pactwatch: contracts as code, with execution tracking (合同履约跟踪)."""


def _language() -> str:
    """The language of a message: the run's once the settings are read, else --lang, $PACTWATCH_LANG, the locale."""
    from pactwatch.commands.common import message_language

    return message_language()


class _Said(PactwatchError):
    """A PactwatchError put in words while the command's context, and so the run's language, is still there."""

    def __init__(self, cause: PactwatchError, language: str) -> None:
        super().__init__(cause.said(language))
        self.exit_code = cause.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command and map every outcome to an exit code: 0 ok, 1 problem found, 2 usage, 3 bug."""
    try:
        result = group.main(args=list(argv) if argv is not None else None, prog_name="pactwatch", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        click.echo(word("cli.aborted", _language()), err=True)
        return 130
    except SettingsError as exc:
        language = _language()
        click.echo(word("cli.bad_settings", language), err=True)
        click.echo(reporters.text(exc.findings, language=language), err=True)
        return 2
    except PactwatchError as exc:
        click.echo(f"pactwatch: {terminal_text(exc.said(_language()))}", err=True)  # messages name files and values from the portfolio
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo(word("cli.interrupted", _language()), err=True)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # e.g. `pactwatch status | head`
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no raw traceback for users
        import traceback

        traceback.print_exc()
        click.echo(
            f"pactwatch {__version__}: unexpected error ({type(exc).__name__}). This is a bug; please report it with the lines above.",
            err=True,
        )
        return 3
    return int(result or 0)


def run() -> NoReturn:
    """The ``pactwatch`` executable (and ``python -m pactwatch``): ``main``, then the process ends (gcpause)."""
    exit_process(main())
