"""pactwatch.yml -> Settings, with every default in one place (the model's field defaults)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pactwatch.findings import Finding, make
from pactwatch.load.store import remember_parse, remembered_parse
from pactwatch.model import ApprovalRule, RiskSettings, Settings

if TYPE_CHECKING:
    from pactwatch.load.yaml import Document

SETTINGS_FILE = "pactwatch.yml"


class SettingsError(Exception):
    """The settings file cannot be used; the CLI prints the findings and exits 2."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message if findings else "bad settings")
        self.findings = findings


def load_settings(root: Path, *, remember: bool = False) -> Settings:
    """The portfolio's settings; with ``remember``, reused from the cache while pactwatch.yml's bytes are unchanged."""
    from pactwatch.load.files import read  # regular files inside the portfolio only, at most MAX_BYTES

    if not os.path.lexists(root / SETTINGS_FILE):
        return Settings()
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
    if findings:
        raise SettingsError(findings)
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
                f"unknown time zone {name!r}",
                "use an IANA name such as Asia/Shanghai or UTC",
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
    message = f"site_url {url[:60]!r} is not a plain http(s) address"
    hint = "e.g. https://contracts.example.com/ (a host, then a path; no spaces, quotes, <>, query or fragment)"
    return [make("PW205", doc.path, where, "/site_url", message, hint, doc.source_line(where[0]))]


def _check_notify(doc: Document) -> list[Finding]:
    """The notify block's own rules (notify/config.py), located: `validate` and `remind` both stop here."""
    from pactwatch.notify.config import problems

    block = doc.data.get("notify")
    if not isinstance(block, dict):
        return []
    located = [(p, doc.locate(p.pointer)) for p in problems(block)]
    return [make(p.code, doc.path, where, p.pointer, p.message, p.hint, doc.source_line(where[0])) for p, where in located]


def settings_from(data: dict[str, Any]) -> Settings:
    defaults = Settings()
    risk = data.get("risk", {})
    rd = RiskSettings()
    return Settings(
        timezone=data.get("timezone", defaults.timezone),
        language=data.get("language", defaults.language),
        currency=data.get("currency", defaults.currency),
        reminders=tuple(sorted(set(data.get("reminders", defaults.reminders)), reverse=True)),
        due_soon_days=data.get("due_soon_days", defaults.due_soon_days),
        escalate_after_days=data.get("escalate_after_days", defaults.escalate_after_days),
        site_url=data.get("site_url"),
        repository=data.get("repository"),
        risk=RiskSettings(
            consecutive_delays=risk.get("consecutive_delays", rd.consecutive_delays),
            slow_payment_factor=Decimal(risk.get("slow_payment_factor", rd.slow_payment_factor)),
            slow_payment_min_days=risk.get("slow_payment_min_days", rd.slow_payment_min_days),
            notice_window_days=risk.get("notice_window_days", rd.notice_window_days),
            concentration_share=Decimal(risk.get("concentration_share", rd.concentration_share)),
        ),
        reminder_events=data.get("feeds", {}).get("reminder_events", False),
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
    )
