"""The messages still to send: the plan's notices minus what the delivery log has, per channel. Pure.

- e-mail: one message per owner (their pending notices), copying managers on escalations;
- each chat robot: one message for the group (its pending notices, optionally only some teams);
- GitHub: one digest update per owner with something upcoming; its comment lists their pending notices.
People who cannot be reached on a channel (no e-mail address, no GitHub login) are reported, not failed.
A message that cannot be built (an address the mail library refuses) fails alone; a channel whose
building breaks fails alone: each becomes a failed message (``Unbuilt``), never a crash of the run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from jinja2 import Environment

from pactwatch.catalogue import text, word
from pactwatch.engine import Evaluation
from pactwatch.model import Person
from pactwatch.naming import person_name
from pactwatch.notify import email, github_digest, plan
from pactwatch.notify.config import EMAIL_CHANNEL, GITHUB_CHANNEL, NotifyConfig, WebhookConfig
from pactwatch.notify.delivery_log import DeliveryLog
from pactwatch.notify.messages import FORMATS, Context
from pactwatch.notify.outgoing import Outgoing, Unbuilt
from pactwatch.notify.plan import Notice

GROUP = "group"
EVERYONE = "all"  # the recipient of a channel that could not be built at all
_RECIPIENT_WORDS = {GROUP: "notify.recipient.group", EVERYONE: "notify.recipient.everyone"}
Built = tuple[list[Outgoing], list[str]]  # messages, and notes on people a channel cannot reach


@dataclass(frozen=True, slots=True)
class Outbox:
    messages: tuple[Outgoing, ...]  # by channel (configuration order), then recipient
    skipped: tuple[str, ...]  # people a channel cannot reach, owners missing from people.yaml (in the run's language)


def recipient_name(recipient: str, people: Mapping[str, Person], language: str) -> str:
    """Who a message goes to, as a person reads it: 群 / group, or the person by name (李娜 (li.na)).

    ``Outgoing.recipient`` stays the id: the delivery log and ``--format json`` key on it.
    """
    if recipient in _RECIPIENT_WORDS:
        return word(_RECIPIENT_WORDS[recipient], language)
    return person_name(recipient, people, with_id=True)


def _unbuilt(channel: str, recipient: str, notices: Sequence[Notice], exc: Exception, language: str) -> Outgoing:
    reason = text("finding.outbox.unbuilt", language, channel=channel, error=f"{type(exc).__name__}: {exc}")
    return Outgoing(channel, recipient, tuple(notices), reason, Unbuilt(reason))


def _isolated(channel: str, notices: Sequence[Notice], make: Callable[[], Built], language: str) -> Built:
    """A channel's messages; when building them breaks, one failed message for the channel instead."""
    try:
        return make()
    except Exception as exc:  # noqa: BLE001 - a name or a template that breaks one channel must not stop the others
        return [_unbuilt(channel, EVERYONE, notices, exc, language)], []


def _unreachable(message_id: str, person_id: str, count: int, context: Context) -> str:
    """The note on a person a channel cannot reach, naming them (李娜 (li.na))."""
    return text(message_id, context.language, person=person_name(person_id, context.people, with_id=True), count=count)


def _said(label: str, context: Context, **facts: str) -> str:
    """A line of a preview, labelled in the run's language (收件人：…, To: …)."""
    return text(f"notify.preview.{label}", context.language, **facts)


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
            skipped.append(_unreachable("finding.outbox.no_email", digest.person.id, len(digest.notices), context))
            continue
        try:
            message = email.build(digest, context, config.email.sender, env)
        except ValueError as exc:  # an address that cannot be one mailbox: this person's message fails, not the others'
            out.append(_unbuilt(EMAIL_CHANNEL, digest.person.id, digest.notices, exc, context.language))
            continue
        headers = [_said("to", context, to=str(message["To"]))]
        headers += [_said("cc", context, cc=str(message["Cc"]))] if message["Cc"] else []
        body = message.get_body(("plain",))
        preview = "\n".join([*headers, _said("subject", context, subject=str(message["Subject"]))]) + "\n\n"
        preview += body.get_content() if body is not None else ""
        out.append(Outgoing(EMAIL_CHANNEL, digest.person.id, digest.notices, preview, message))
    return out, skipped


def _chat(hook: WebhookConfig, notices: Sequence[Notice], log: DeliveryLog, context: Context) -> Built:
    batch = plan.group_batch(_pending(notices, log, hook.name, GROUP), context.people, hook.teams)
    if batch is None:
        return [], []
    chat = FORMATS[hook.type].render(batch, context)
    return [Outgoing(hook.name, GROUP, batch.notices, chat.preview, chat)], []


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
                skipped.append(_unreachable("finding.outbox.no_github", person_id, len(new), context))
            continue
        items = github_digest.standing(standing.get(person_id, ()), context.day)
        update = github_digest.build(person, items, new, context, env)
        preview = _said("issue", context, title=update.title) + f"\n\n{update.body}"
        preview += "\n" + _said("comment", context, comment=update.comment) if update.comment else ""
        out.append(Outgoing(GITHUB_CHANNEL, person_id, tuple(new), preview, update))
    return out, skipped


def build(notices: Sequence[Notice], current: Evaluation, config: NotifyConfig, log: DeliveryLog, env: Environment) -> Outbox:
    """Every message to send now, for every configured channel."""
    context = Context(current.today, current.portfolio.settings, current.portfolio.people)
    _, problems = plan.digests(notices, context.people)
    messages: list[Outgoing] = []
    skipped = [problem.render(context.language) for problem in problems]
    builders: list[tuple[str, Callable[[], Built]]] = []
    if config.email is not None:
        builders.append((EMAIL_CHANNEL, partial(_email, notices, config, log, context, env)))
    builders += [(hook.name, partial(_chat, hook, notices, log, context)) for hook in config.webhooks]
    if config.github is not None:
        builders.append((GITHUB_CHANNEL, partial(_github, notices, current, log, context, env)))
    for channel, make in builders:
        built, missing = _isolated(channel, notices, make, context.language)
        messages += built
        skipped += missing
    return Outbox(tuple(messages), tuple(skipped))
