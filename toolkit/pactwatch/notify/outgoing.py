"""A message ready to go out, and what a channel's transport promises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from pactwatch.catalogue import Msg
from pactwatch.errors import Worded
from pactwatch.notify.plan import Notice


@dataclass(frozen=True, slots=True)
class Outgoing:
    channel: str  # "email", a robot's name, "github"
    recipient: str  # a person id, or "group" for a chat robot
    notices: tuple[Notice, ...]  # what it delivers (empty for a GitHub digest that only refreshes)
    preview: str  # what the reader sees, for --dry-run and --format json
    payload: object  # EmailMessage | ChatMessage | DigestUpdate: the transport of the channel knows which
    announced: tuple[str, ...] = ()  # keys of the changes it announces (pactwatch announce), which are not notices

    @property
    def keys(self) -> tuple[str, ...]:
        return (*(n.key for n in self.notices), *self.announced)

    @property
    def earliest(self) -> date | None:
        """The first day one of its notices fired (a failed message keeps that day open in the log)."""
        return min((n.fired_on for n in self.notices), default=None)


@dataclass(frozen=True, slots=True)
class Unbuilt:
    """The payload of a message that could not be built (an address the mail library refuses, a bug):
    it fails alone, with ``reason``, and its notices stay pending for the next run."""

    reason: str


class DeliveryError(Worded):
    """A message did not go out. ``retryable``: trying again in a moment may work."""

    def __init__(self, message: str | Msg, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


class Transport(Protocol):
    def deliver(self, message: Outgoing) -> None:
        """Send the message; raise DeliveryError when it did not go out."""
        ...
