"""A reminder run as text (in the run's language, catalogue ``notify.run.*``) or JSON (two reporters of one Report). Pure."""

from __future__ import annotations

from collections import Counter

from pactwatch.catalogue import text as said
from pactwatch.catalogue import word
from pactwatch.notify.outbox import recipient_name
from pactwatch.notify.outgoing import Outgoing
from pactwatch.notify.run import Report
from pactwatch.notify.send import Result


def _status(result: Result | None) -> str:
    if result is None:
        return "planned"
    if result.ok:
        return "sent" if result.message.notices else "refreshed"  # a GitHub digest brought up to date, nothing new to tell
    return "failed" if result.attempts else "not_tried"


def as_json(report: Report) -> dict[str, object]:
    results = {id(r.message): r for r in report.results}
    messages = []
    for m in report.messages:
        result = results.get(id(m))
        item: dict[str, object] = {"channel": m.channel, "recipient": m.recipient, "notices": list(m.keys), "status": _status(result)}
        if result is not None:
            item |= {"attempts": result.attempts, "error": result.error}
        if report.dry_run:
            item["preview"] = m.preview
        messages.append(item)
    return {
        "today": report.today.isoformat(),
        "days": [d.isoformat() for d in report.days],
        "dry_run": report.dry_run,
        "channels": list(report.channels),
        "messages": messages,
        "skipped": list(report.skipped),
        "errors": list(report.errors),
        "ok": report.ok,
    }


def _to(message: Outgoing, report: Report) -> str:
    return recipient_name(message.recipient, report.people, report.language)


def dry_run_text(report: Report) -> str:
    lang = report.language
    days = ", ".join(d.isoformat() for d in report.days)
    out = [said("notify.run.dry_head", lang, today=report.today.isoformat(), days=days)]
    if not report.messages:
        out.append(word("notify.run.nothing", lang))
    for m in report.messages:
        out += ["", said("notify.run.message", lang, channel=m.channel, recipient=_to(m, report), count=len(m.keys)), m.preview.rstrip()]
    out += [said("notify.run.note", lang, note=s) for s in report.skipped]
    return "\n".join(out)


def text(report: Report) -> str:
    """One line per channel, then every failure and note."""
    per: dict[str, Counter[str]] = {c: Counter() for c in report.channels}
    for r in report.results:
        per.setdefault(r.message.channel, Counter())[_status(r)] += 1
    lang = report.language
    out = [said("notify.run.head", lang, today=report.today.isoformat())]
    for channel, counts in per.items():
        parts = [said(f"notify.run.{s}", lang, count=counts[s]) for s in ("sent", "failed", "not_tried") if counts[s]]
        parts = parts or [word("notify.run.nothing_new", lang)]
        if counts["refreshed"]:
            parts.append(said("notify.run.refreshed", lang, count=counts["refreshed"]))
        out.append("  " + said("notify.run.channel", lang, channel=channel, counts=word("notify.joiner", lang).join(parts)))
    for r in report.failed:
        out.append(
            "  " + said("notify.run.failed_message", lang, channel=r.message.channel, recipient=_to(r.message, report), error=r.error)
        )
    out += ["  " + said("notify.run.failure", lang, what=e) for e in report.errors]
    out += ["  " + said("notify.run.note", lang, note=s) for s in report.skipped]
    return "\n".join(out)
