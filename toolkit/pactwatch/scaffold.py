"""The files of a new contracts repository (``pactwatch init``), rendered from templates/init/.

``render`` is pure: the answers (language, time zone, currency, name, today) in, ``{path: text}`` out.
``codeowners`` loads those files from a temporary folder as a portfolio (so a scaffold that does not
validate is caught before anything is written) and renders .github/CODEOWNERS with the one
CODEOWNERS writer. The workflows are this repository's own, with two changes: they install the
pactwatch that wrote them, from its git repository at the version tag (the name ``pactwatch`` on
PyPI belongs to another project), and their schedules keep their local hour in the chosen time zone.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2

from pactwatch import __version__
from pactwatch.catalogue import text, word
from pactwatch.escape.report_markdown import escape_text as markdown_text
from pactwatch.escape.yaml import scalar_text
from pactwatch.model import Person
from pactwatch.resources import data_dir

# Where pactwatch itself lives: installs, the pre-commit hook and the README name it (scripts/check-version.py keeps them in step).
# The one place to change when pactwatch is published elsewhere; `pactwatch init --pactwatch-from URL` points one repository at a mirror.
REPOSITORY_URL = "https://github.com/example-co/pactwatch"
_NAME = r"[A-Za-z0-9._~+-]+"  # a host label or path segment: nothing a shell, YAML or Markdown would read (no quotes, spaces, $, #, @, :)
_MIRROR = re.compile(
    rf"(?:https|ssh)://(?:{_NAME}@)?{_NAME}(?::[0-9]{{1,5}})?(?:/{_NAME})+|file://(?:/{_NAME})+"  # what pip's git+ and pre-commit take
)
LANGUAGES = ("zh", "en")
EXAMPLE_PERSON = {"zh": Person("zhang.san", "张三"), "en": Person("jane.doe", "Jane Doe")}
DEFAULT_CURRENCY = {"zh": "CNY", "en": "USD"}
EXAMPLE_CONTRACT = "contracts/sales/EXAMPLE-001.yaml"
CODEOWNERS = ".github/CODEOWNERS"
# target -> template under templates/init/ ({language}: the chosen one), in the order they are listed
FILES: tuple[tuple[str, str], ...] = (
    ("pactwatch.yml", "pactwatch.yml.{language}.j2"),
    ("people.yaml", "people.yaml.j2"),
    (EXAMPLE_CONTRACT, "contract.yaml.j2"),
    ("mkdocs.yml", "mkdocs.yml.j2"),
    ("README.md", "README.{language}.md.j2"),
    (".gitignore", "gitignore.j2"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml.j2"),
    (".github/workflows/validate.yml", "workflows/validate.yml.j2"),
    (".github/workflows/pages.yml", "workflows/pages.yml.j2"),
    (".github/workflows/alerts.yml", "workflows/alerts.yml.j2"),
    (".github/workflows/remind.yml", "workflows/remind.yml.j2"),
    (".github/workflows/chatops.yml", "workflows/chatops.yml.j2"),
)
TARGETS = (*(target for target, _ in FILES), CODEOWNERS)
# local time of day each scheduled workflow runs (this repository's Asia/Shanghai schedules, off the full hour)
SCHEDULES = {"alerts": time(8, 17), "pages": time(6, 7), "remind": time(8, 30)}


@dataclass(frozen=True, slots=True)
class Answers:
    language: str  # zh | en
    timezone: str  # an IANA name
    currency: str  # ISO 4217
    name: str  # the company, one line
    today: date  # the example contract's dates count from it
    pactwatch_from: str = REPOSITORY_URL  # the git repository the workflows and the pre-commit hook install pactwatch from


def requirement(version: str = __version__, repository: str = REPOSITORY_URL) -> str:
    """What pip installs: this pactwatch, from its git repository at the version's tag."""
    return f"pactwatch @ git+{repository}@v{version}"


def is_repository_url(url: str) -> bool:
    """A git address the generated workflows (a shell line), pre-commit config (YAML) and README (Markdown) can carry as it is."""
    return _MIRROR.fullmatch(url) is not None


def wheel(version: str = __version__) -> str:
    return f"pactwatch-{version}-py3-none-any.whl"


def known_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a folder of zones: IsADirectoryError
        return False
    return bool(name)


def zone_from_path(path: str) -> str | None:
    """The IANA name in a tz database path (/etc/localtime's link target, $TZ as a file), e.g. .../zoneinfo/Europe/Berlin."""
    name = path.lstrip(":").rpartition("zoneinfo/")[2]
    return name if known_timezone(name) else None


def utc_offset(timezone: str, year: int) -> tuple[timedelta, timedelta]:
    """The zone's standard offset and its summer-time offset (equal where there is none), from Jan 1 and Jul 1 of ``year``."""
    zone = ZoneInfo(timezone)
    offsets = sorted(datetime(year, month, 1, 12, tzinfo=zone).utcoffset() or timedelta(0) for month in (1, 7))
    return offsets[0], offsets[1]


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def offset_label(timezone: str, year: int) -> str:
    standard, summer = utc_offset(timezone, year)
    if standard == summer:
        return _offset_text(standard)
    return f"{_offset_text(standard)}, {_offset_text(summer)} in summer time: an hour later then, cron is UTC"


def cron(local: time, timezone: str, year: int) -> str:
    """A daily cron line (GitHub schedules are UTC) for ``local`` in the zone's standard time."""
    standard, _ = utc_offset(timezone, year)
    minutes = (local.hour * 60 + local.minute - int(standard.total_seconds()) // 60) % (24 * 60)
    return f"{minutes % 60} {minutes // 60} * * *"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)  # YAML and Markdown
    env.filters["yaml"] = scalar_text
    env.filters["md"] = markdown_text
    return env


def _context(answers: Answers) -> dict[str, object]:
    from pactwatch.load.schema import load_schema

    year = answers.today.year
    return {
        "language": answers.language,
        "timezone": answers.timezone,
        "currency": answers.currency,
        "name": answers.name,
        "site_name": text("cli.init.site_name", answers.language, name=answers.name),
        "person": EXAMPLE_PERSON[answers.language],
        "version": __version__,
        "requirement": requirement(repository=answers.pactwatch_from),
        "repository_url": answers.pactwatch_from,
        "schemas": {name: load_schema(name)["$id"] for name in ("settings", "people")},
        "cron": {workflow: cron(local, answers.timezone, year) for workflow, local in SCHEDULES.items()},
        "utc_offset": offset_label(answers.timezone, year),
    }


def _example_contract(path: Path, answers: Answers, schema: str) -> str:
    """Rendered like every contract template (pactwatch new), so the example and `new` agree on the helpers."""
    from pactwatch.ledger.templates import Inputs, Template, render

    owner = EXAMPLE_PERSON[answers.language].id
    title = word("cli.init.example_title", answers.language)
    counterparty = word("cli.init.example_counterparty", answers.language)
    inputs = Inputs("EXAMPLE-001", title, counterparty, owner, answers.today, Decimal(100000), answers.currency, answers.language, schema)
    return render(Template("example", path, False), inputs)


def render(answers: Answers) -> dict[str, str]:
    """Every file of the new repository but CODEOWNERS (see ``codeowners``), by path relative to its root."""
    from pactwatch.load.schema import load_schema

    folder = data_dir("templates") / "init"
    env = _environment()
    context = _context(answers)
    contract_schema = str(load_schema("contract")["$id"])
    files: dict[str, str] = {}
    for target, template in FILES:
        path = folder / template.format(language=answers.language)
        if target == EXAMPLE_CONTRACT:
            files[target] = _example_contract(path, answers, contract_schema)
            continue
        try:
            files[target] = env.from_string(path.read_text(encoding="utf-8")).render(context)
        except jinja2.TemplateError as exc:
            from pactwatch.errors import PactwatchError

            raise PactwatchError(f"{path}: template error: {exc}") from None
    return files


def codeowners(files: Mapping[str, str], today: date) -> str:
    """.github/CODEOWNERS for the scaffold, from the data as pactwatch reads it; raises if the scaffold has any finding."""
    from pactwatch.errors import PactwatchError
    from pactwatch.fileio import write_atomic_text
    from pactwatch.github.codeowners import render as render_codeowners
    from pactwatch.load.portfolio import load_portfolio

    data = ("pactwatch.yml", "people.yaml", EXAMPLE_CONTRACT)
    with tempfile.TemporaryDirectory(prefix="pactwatch-init-") as temp:
        stage = Path(temp)
        for name in data:
            write_atomic_text(stage / name, files[name])
        loaded = load_portfolio(stage, today, use_cache=False)
    if loaded.findings:
        found = "; ".join(f"{f.file}:{f.line}: {f.code} {f.message_text('en')}" for f in loaded.findings)  # a bug report: in English
        raise PactwatchError(f"the new portfolio would not validate (nothing written; this is a bug in templates/init): {found}")
    return render_codeowners(loaded.portfolio)
