"""After a merge: tell the people each change concerns, through the channels of pactwatch.notify, once per change.

    found = plan(merged, settings, people)                 # pure: one Announcement per change, with its recipients
    box = outbox(found, config, log, context)              # pure: per person an e-mail, per chat robot one message
    results = deliver(root, portfolio, box, state, log, ...)  # effects: notify.run.wire, notify.send, the delivery log

Who hears of a change: the owners of the contract and of the milestone (before and after), and the
contract's ``watchers:`` (a person id, or a team of people.yaml: everyone in it). A change's key
(``announce|<commit>|<contract>|<milestone>|<field>``) goes into the delivery log per channel and
recipient, so a rerun sends nothing, and a failed channel sends what it owes on the next run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import parseaddr

from pactwatch.catalogue import text, word
from pactwatch.changes.merged import Merged
from pactwatch.changes.words import summary
from pactwatch.escape.email_header import header_text, mailbox
from pactwatch.model import Person, Settings
from pactwatch.naming import name_key, person_name
from pactwatch.notify.config import EMAIL_CHANNEL, NotifyConfig
from pactwatch.notify.delivery_log import DeliveryLog
from pactwatch.notify.messages import FORMATS, Context
from pactwatch.notify.outgoing import Outgoing, Unbuilt

GROUP = "group"


@dataclass(frozen=True, slots=True)
class Announcement:
    key: str
    sentence: str  # "合同 C-2026-007 的付款期限（天）由 30 改为 45（PR #42，李娜批准）"
    recipients: tuple[str, ...]  # people ids, sorted


def _approver(given: str, people: Mapping[str, Person]) -> str:
    """The approver named as people.yaml names them (by id, GitHub login or name), else as the commit wrote it."""
    wanted = name_key(given.removeprefix("@"))
    for person in people.values():
        if wanted in {name_key(person.id), name_key(person.github or ""), name_key(person.name)}:
            return person_name(person.id, people)
    return given


def _via(merged: Merged, language: str, people: Mapping[str, Person]) -> str:
    if merged.pull_request is not None and merged.approver:
        return text("changes.via_pr_approved", language, pr=merged.pull_request, approver=_approver(merged.approver, people))
    if merged.pull_request is not None:
        return text("changes.via_pr", language, pr=merged.pull_request)
    return text("changes.via_commit", language, commit=merged.commit[:12])


def _team_members(people: Mapping[str, Person]) -> dict[str, list[str]]:
    teams: dict[str, list[str]] = {}
    for person in people.values():
        if person.team:
            teams.setdefault(person.team, []).append(person.id)
    return teams


def plan(merged: Sequence[Merged], settings: Settings, people: Mapping[str, Person]) -> list[Announcement]:
    language, teams = settings.language, _team_members(people)
    found = []
    for one in merged:
        suffix = _via(one, language, people)
        for change in one.changes:
            watching = {pid for w in change.watchers for pid in ([w] if w in people else teams.get(w, []))}
            recipients = tuple(sorted({p for p in change.concerns if p in people} | watching))
            key = f"announce|{one.commit[:12]}|{change.contract}|{change.milestone or ''}|{change.field}"
            found.append(Announcement(key, summary(change, language, settings, people) + suffix, recipients))
    return found


def _email(person: Person, items: Sequence[Announcement], sender: str, context: Context) -> EmailMessage:
    language, name = context.language, person_name(person.id, context.people)
    message = EmailMessage()
    message["Subject"] = header_text(text("changes.announce.subject", language, name=name, count=len(items)))
    message["From"] = sender
    message["To"] = mailbox(person.name, person.email or "")
    fingerprint = hashlib.sha256("\n".join(a.key for a in items).encode()).hexdigest()[:16]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "pactwatch.invalid"
    message["Message-ID"] = f"<pactwatch.announce.{person.id}.{fingerprint}@{domain}>"
    lines = [text("changes.announce.greeting", language, name=name), "", word("changes.announce.intro", language), ""]
    lines += [f"- {a.sentence}" for a in items] + ["", word("changes.announce.footer", language)]
    message.set_content("\n".join(lines) + "\n")
    return message


def _emails(found: Sequence[Announcement], config: NotifyConfig, log: DeliveryLog, context: Context) -> list[Outgoing]:
    assert config.email is not None
    out = []
    for pid in sorted({p for a in found for p in a.recipients}):
        person = context.people[pid]
        items = [a for a in found if pid in a.recipients and not log.delivered(EMAIL_CHANNEL, pid, a.key)]
        if not items or not person.email:
            continue
        keys = tuple(a.key for a in items)
        try:
            message = _email(person, items, config.email.sender, context)
        except ValueError as exc:  # an address that cannot be one mailbox fails alone
            reason = text("finding.outbox.unbuilt", context.language, channel=EMAIL_CHANNEL, error=str(exc))
            out.append(Outgoing(EMAIL_CHANNEL, pid, (), reason, Unbuilt(reason), keys))
            continue
        body = message.get_body(("plain",))
        preview = f"{message['To']}\n{message['Subject']}\n\n" + (body.get_content() if body is not None else "")
        out.append(Outgoing(EMAIL_CHANNEL, pid, (), preview, message, keys))
    return out


def outbox(found: Sequence[Announcement], config: NotifyConfig, log: DeliveryLog, context: Context) -> list[Outgoing]:
    """Per person an e-mail of their changes; per chat robot one message for the changes its teams are concerned by."""
    out = _emails(found, config, log, context) if config.email is not None else []
    heading = word("changes.announce.title", context.language)
    for hook in config.webhooks:

        def heard(pid: str, teams: tuple[str, ...] = hook.teams) -> bool:
            return not teams or context.people[pid].team in teams

        items = [a for a in found if any(heard(p) for p in a.recipients) and not log.delivered(hook.name, GROUP, a.key)]
        if not items:
            continue
        people = tuple(context.people[p] for p in sorted({p for a in items for p in a.recipients if heard(p)}))
        chat = FORMATS[hook.type].plain(heading, [a.sentence for a in items], people, context)
        out.append(Outgoing(hook.name, GROUP, (), chat.preview, chat, tuple(a.key for a in items)))
    return out
