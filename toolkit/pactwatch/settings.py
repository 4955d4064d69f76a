"""pactwatch.yml -> Settings, with every default in one place (the model's field defaults)."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pactwatch.catalogue import Msg, msg
from pactwatch.findings import Finding, make
from pactwatch.load.store import remember_parse, remembered_parse
from pactwatch.model import ApprovalRule, CalendarSettings, FeedWindow, RiskSettings, Settings

if TYPE_CHECKING:
    from pactwatch.load.yaml import Document

SETTINGS_FILE = "pactwatch.yml"
# the zone a language implies when pactwatch.yml names none; other languages are spoken in many zones: UTC, with a warning
DEFAULT_TIMEZONE = {"zh": "Asia/Shanghai"}


class SettingsError(Exception):
    """The settings file cannot be used; the CLI prints the findings and exits 2."""

    def __init__(self, findings: list[Finding], language: str = "") -> None:
        super().__init__(findings[0].message_text("en") if findings else "bad settings")
        self.findings = findings
        self.language = language  # what pactwatch.yml's language: says, when it could be read ("" when not)


def load_settings(root: Path, *, remember: bool = False) -> Settings:
    """The portfolio's settings; with ``remember``, reused from the cache while pactwatch.yml's bytes are unchanged."""
    from pactwatch.load.files import read  # regular files inside the portfolio only, at most MAX_BYTES

    if not os.path.lexists(root / SETTINGS_FILE):
        return Settings(timezone_assumed=True)
    raw = read(root, SETTINGS_FILE)
    if isinstance(raw, Finding):
        raise SettingsError([raw])
    if remember:
        known = remembered_parse(root, SETTINGS_FILE, raw, Settings)
        if known is not None:
            return known
    from pactwatch.load import schema  # here, not at the top: a remembered run never needs the parser or the schemas
    from pactwatch.load.yaml import load_bytes

    loaded = load_bytes(SETTINGS_FILE, raw)
    if isinstance(loaded, Finding):
        raise SettingsError([loaded])
    findings = schema.check(loaded, "settings")
    findings += _check_timezone(loaded)
    findings += _check_site_url(loaded)
    findings += _check_notify(loaded)
    findings += _check_calendar(loaded)
    if findings:
        language = loaded.data.get("language")
        raise SettingsError(findings, language if isinstance(language, str) else "")
    settings = settings_from(loaded.data)
    if remember:
        remember_parse(root, SETTINGS_FILE, raw, settings)
    return settings


def _check_timezone(doc: Document) -> list[Finding]:
    name = doc.data.get("timezone")
    if not isinstance(name, str):
        return []
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a directory of zones: IsADirectoryError
        where = doc.locate("/timezone")
        return [
            make(
                "PW319",
                doc.path,
                where,
                "/timezone",
                msg("finding.settings.timezone", name=name),
                msg("finding.settings.timezone_hint"),
                doc.source_line(where[0]),
            )
        ]
    return []


def _check_site_url(doc: Document) -> list[Finding]:
    """site_url goes into mkdocs' configuration and, unescaped, into every page: only a plain http(s) address is used."""
    from pactwatch.links import is_site_url

    url = doc.data.get("site_url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or is_site_url(url):
        return []  # not text, or not http(s) at all: the schema's finding says so
    where = doc.locate("/site_url")
    message = msg("finding.settings.site_url", url=url[:60])
    return [make("PW205", doc.path, where, "/site_url", message, msg("finding.settings.site_url_hint"), doc.source_line(where[0]))]


def _check_calendar(doc: Document) -> list[Finding]:
    """A country the holidays package knows (PW354), real extra dates (PW312), and working days only with a calendar (PW353)."""
    from pactwatch.workdays import known_calendar

    found: list[tuple[str, str, Msg, Msg]] = []  # code, pointer, message, hint
    block = doc.data.get("calendar")
    if isinstance(block, dict) and isinstance(block.get("country"), str):
        problem = known_calendar(block["country"], block.get("subdivision"))
        if problem is not None:
            found.append(("PW354", f"/calendar/{problem[0]}", _calendar_problem(block, problem[0]), msg("finding.settings.calendar_hint")))
        for key in ("extra_holidays", "extra_workdays"):
            for i, text in enumerate(block.get(key, ())):
                try:
                    date.fromisoformat(text)
                except (TypeError, ValueError):
                    found.append(
                        (
                            "PW312",
                            f"/calendar/{key}/{i}",
                            msg("finding.settings.no_date", text=str(text)),
                            msg("finding.settings.no_date_hint"),
                        )
                    )
    elif block is None:
        hint = msg("finding.settings.calendar_needed_hint")
        if doc.data.get("business_day") not in (None, "none"):
            found.append(("PW353", "/business_day", msg("finding.settings.business_day"), hint))
        if isinstance(doc.data.get("reminders"), dict):
            found.append(("PW353", "/reminders", msg("finding.settings.working_reminders"), hint))
    located = [(code, pointer, message, hint, doc.locate(pointer)) for code, pointer, message, hint in found]
    return [
        make(code, doc.path, where, pointer, message, hint, doc.source_line(where[0])) for code, pointer, message, hint, where in located
    ]


def _calendar_problem(block: dict[str, Any], key: str) -> Msg:
    """PW354's sentence: the country is unknown, or it has no such subdivision (naming the first ones it has)."""
    import holidays

    country = str(block["country"])
    if key == "country":
        return msg("finding.settings.country", country=country)
    known = ", ".join(holidays.list_supported_countries()[country][:12]) or "-"
    return msg("finding.settings.subdivision", country=country, subdivision=str(block.get("subdivision")), known=known)


def _check_notify(doc: Document) -> list[Finding]:
    """The notify block's own rules (notify/config.py), located: `validate` and `remind` both stop here."""
    from pactwatch.notify.config import problems

    block = doc.data.get("notify")
    if not isinstance(block, dict):
        return []
    located = [(p, doc.locate(p.pointer)) for p in problems(block)]
    return [make(p.code, doc.path, where, p.pointer, p.message, p.hint, doc.source_line(where[0])) for p, where in located]


def timezone_warning(settings: Settings, exists: bool) -> list[Finding]:
    """PW355 when "today" is taken in UTC only because nothing names a zone: a Shanghai office would get yesterday before 08:00."""
    if not settings.timezone_assumed:
        return []
    if exists:
        message, hint = msg("finding.settings.no_timezone"), msg("finding.settings.no_timezone_hint")
    else:
        message, hint = msg("finding.settings.no_file", file=SETTINGS_FILE), msg("finding.settings.no_file_hint", file=SETTINGS_FILE)
    return [make("PW355", SETTINGS_FILE, (1, 1), "", message, hint)]


def settings_from(data: dict[str, Any]) -> Settings:
    defaults = Settings()
    risk = data.get("risk", {})
    rd = RiskSettings()
    language = data.get("language", defaults.language)
    timezone = data.get("timezone", DEFAULT_TIMEZONE.get(language))
    return Settings(
        timezone=timezone or defaults.timezone,
        timezone_assumed=timezone is None,
        language=language,
        currency=data.get("currency", defaults.currency),
        reminders=tuple(sorted(set(_reminder_days(data.get("reminders", defaults.reminders))), reverse=True)),
        reminders_in_working_days=isinstance(data.get("reminders"), dict),
        due_soon_days=data.get("due_soon_days", defaults.due_soon_days),
        escalate_after_days=data.get("escalate_after_days", defaults.escalate_after_days),
        overdue_every_days=data.get("overdue_every_days", defaults.overdue_every_days),
        site_url=data.get("site_url"),
        repository=data.get("repository"),
        risk=RiskSettings(
            consecutive_delays=risk.get("consecutive_delays", rd.consecutive_delays),
            slow_payment_factor=Decimal(risk.get("slow_payment_factor", rd.slow_payment_factor)),
            slow_payment_min_days=risk.get("slow_payment_min_days", rd.slow_payment_min_days),
            notice_window_days=risk.get("notice_window_days", rd.notice_window_days),
            concentration_share=Decimal(risk.get("concentration_share", rd.concentration_share)),
            replans=risk.get("replans", rd.replans),
            slip_days=risk.get("slip_days", rd.slip_days),
        ),
        reminder_events=data.get("feeds", {}).get("reminder_events", False),
        feed_window=FeedWindow(**data.get("feeds", {}).get("window", {})),
        feed_max_mb=data.get("feeds", {}).get("max_mb", defaults.feed_max_mb),
        site_max_mb=data.get("site", {}).get("max_size_mb"),
        approvals=tuple(
            ApprovalRule(
                require=tuple(rule["require"]),
                min_value=Decimal(rule["when"]["min_value"]) if "min_value" in rule["when"] else None,
                types=tuple(rule["when"].get("type", ())),
                tags=tuple(rule["when"].get("tags", ())),
            )
            for rule in data.get("approvals", ())
        ),
        notify=data.get("notify", {}),
        calendar=_calendar(data.get("calendar")),
        business_day=data.get("business_day", defaults.business_day),
        term_labels=data.get("term_labels", {}),
    )


def _reminder_days(value: list[int] | tuple[int, ...] | dict[str, list[int]]) -> list[int] | tuple[int, ...]:
    """``[7, 3, 0]`` (calendar days) or ``{working_days: [5, 2, 0]}``."""
    return value["working_days"] if isinstance(value, dict) else value


def _calendar(block: dict[str, Any] | None) -> CalendarSettings | None:
    if block is None:
        return None
    return CalendarSettings(
        country=block["country"],
        subdivision=block.get("subdivision"),
        extra_holidays=tuple(sorted({date.fromisoformat(d) for d in block.get("extra_holidays", ())})),
        extra_workdays=tuple(sorted({date.fromisoformat(d) for d in block.get("extra_workdays", ())})),
    )
