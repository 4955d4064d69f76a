"""The messages still to send: the plan's notices minus what the delivery log has, per channel. Pure.

- e-mail: one message per owner (their pending notices), copying managers on escalations;
- each chat robot: one message for the group (its pending notices, optionally only some teams);
- GitHub: one digest update per owner with something upcoming; its comment lists their pending notices.
People who cannot be reached on a channel (no e-mail address, no GitHub login) are reported, not failed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment

from pactwatch.engine import Evaluation
from pactwatch.notify import email, github_digest, plan
from pactwatch.notify.config import EMAIL_CHANNEL, GITHUB_CHANNEL, NotifyConfig
from pactwatch.notify.delivery_log import DeliveryLog
from pactwatch.notify.messages import FORMATS, Context
from pactwatch.notify.outgoing import Outgoing
from pactwatch.notify.plan import Notice

GROUP = "group"


@dataclass(frozen=True, slots=True)
class Outbox:
    messages: tuple[Outgoing, ...]  # by channel (configuration order), then recipient
    skipped: tuple[str, ...]  # people a channel cannot reach, owners missing from people.yaml


def _pending(notices: Sequence[Notice], log: DeliveryLog, channel: str, recipient: str) -> list[Notice]:
    return [n for n in notices if not log.delivered(channel, recipient, n.key)]


def _email(
    notices: Sequence[Notice], config: NotifyConfig, log: DeliveryLog, context: Context, env: Environment
) -> tuple[list[Outgoing], list[str]]:
    assert config.email is not None
    out: list[Outgoing] = []
    skipped: list[str] = []
    pending = [n for n in notices if not log.delivered(EMAIL_CHANNEL, n.owner, n.key)]
    digests, _ = plan.digests(pending, context.people)
    for digest in digests:
        if not digest.person.email:
            skipped.append(f"email: {digest.person.id} has no e-mail address in people.yaml ({len(digest.notices)} notices)")
            continue
        message = email.build(digest, context, config.email.sender, env)
        preview = f"To: {message['To']}" + (f"\nCc: {message['Cc']}" if message["Cc"] else "") + f"\nSubject: {message['Subject']}\n\n"
        body = message.get_body(("plain",))
        preview += body.get_content() if body is not None else ""
        out.append(Outgoing(EMAIL_CHANNEL, digest.person.id, digest.notices, preview, message))
    return out, skipped


def _chats(notices: Sequence[Notice], config: NotifyConfig, log: DeliveryLog, context: Context) -> list[Outgoing]:
    out = []
    for hook in config.webhooks:
        batch = plan.group_batch(_pending(notices, log, hook.name, GROUP), context.people, hook.teams)
        if batch is not None:
            chat = FORMATS[hook.type].render(batch, context)
            out.append(Outgoing(hook.name, GROUP, batch.notices, chat.preview, chat))
    return out


def _github(
    notices: Sequence[Notice], current: Evaluation, log: DeliveryLog, context: Context, env: Environment
) -> tuple[list[Outgoing], list[str]]:
    out: list[Outgoing] = []
    skipped: list[str] = []
    standing = plan.upcoming(current)
    by_owner: dict[str, list[Notice]] = {}
    for notice in notices:
        by_owner.setdefault(notice.owner, []).append(notice)
    for person_id in sorted(standing.keys() | by_owner.keys()):
        person = context.people.get(person_id)
        new = _pending(by_owner.get(person_id, []), log, GITHUB_CHANNEL, person_id)
        if person is None:
            continue
        if not person.github:
            if new:
                skipped.append(f"github: {person_id} has no github login in people.yaml ({len(new)} notices)")
            continue
        items = github_digest.standing(standing.get(person_id, ()), context.day)
        update = github_digest.build(person, items, new, context, env)
        preview = f"Issue: {update.title}\n\n{update.body}" + (f"\nComment:\n{update.comment}" if update.comment else "")
        out.append(Outgoing(GITHUB_CHANNEL, person_id, tuple(new), preview, update))
    return out, skipped


def build(notices: Sequence[Notice], current: Evaluation, config: NotifyConfig, log: DeliveryLog, env: Environment) -> Outbox:
    """Every message to send now, for every configured channel."""
    context = Context(current.today, current.portfolio.settings, current.portfolio.people)
    _, problems = plan.digests(notices, context.people)
    messages: list[Outgoing] = []
    skipped = list(problems)
    if config.email is not None:
        mails, missing = _email(notices, config, log, context, env)
        messages += mails
        skipped += missing
    messages += _chats(notices, config, log, context)
    if config.github is not None:
        digests, missing = _github(notices, current, log, context, env)
        messages += digests
        skipped += missing
    return Outbox(tuple(messages), tuple(skipped))
