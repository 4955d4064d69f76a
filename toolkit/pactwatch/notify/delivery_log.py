"""The delivery log (``--state FILE``): what was sent to whom, per channel, and on which day.

    {"version": 1, "complete_through": "2026-11-27",
     "sent": {"email": {"zhang.wei": {"C-2026-001/M5|2026-12-10|r7": "2026-12-03"}}, "dingtalk": {"group": {...}}}}

- ``sent[channel][recipient][notice key]`` is the day it was delivered: a rerun finds every
  notice there and sends nothing new; a channel that failed has no entry, so the next run sends it.
- ``complete_through`` is the last day whose notices all went out; the next run plans the days
  after it again (see plan.plan_days), which is how missed notices are found.
- Written atomically and synced to disk (``fileio.write_atomic``), so a killed run or a crash
  never leaves half a file. It holds no secrets: channel names, person ids and notice keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from pactwatch.catalogue import msg
from pactwatch.errors import PactwatchError
from pactwatch.fileio import write_atomic_text

VERSION = 1
KEEP_DAYS = 90  # entries older than this can no longer be planned again (catch_up_days <= 31)


@dataclass(slots=True)
class DeliveryLog:
    complete_through: date | None = None
    sent: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def delivered(self, channel: str, recipient: str, key: str) -> bool:
        return key in self.sent.get(channel, {}).get(recipient, {})

    def record(self, channel: str, recipient: str, keys: Iterable[str], day: date) -> None:
        entries = self.sent.setdefault(channel, {}).setdefault(recipient, {})
        for key in keys:
            entries.setdefault(key, day.isoformat())

    def prune(self, today: date) -> None:
        oldest = (today - timedelta(days=KEEP_DAYS)).isoformat()
        for recipients in self.sent.values():
            for entries in recipients.values():
                for key in [k for k, day in entries.items() if day < oldest]:
                    del entries[key]
        self.sent = {c: {r: e for r, e in rs.items() if e} for c, rs in self.sent.items()}
        self.sent = {c: rs for c, rs in self.sent.items() if rs}

    def as_json(self) -> dict[str, object]:
        return {
            "version": VERSION,
            "complete_through": self.complete_through.isoformat() if self.complete_through else None,
            "sent": self.sent,
        }


def load(path: Path) -> DeliveryLog:
    """The log at ``path``; an empty one when the file does not exist yet."""
    if not path.exists():
        return DeliveryLog()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise PactwatchError(msg("notify.log.not_a_log", path=str(path), version=VERSION))
        through = data.get("complete_through")
        sent = data.get("sent", {})
        if not _valid_sent(sent):
            raise PactwatchError(msg("notify.log.bad_sent", path=str(path)))
        return DeliveryLog(date.fromisoformat(through) if through else None, sent)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PactwatchError(msg("notify.log.unusable", path=str(path), reason=str(exc))) from None


def _valid_sent(sent: object) -> bool:
    if not isinstance(sent, dict):
        return False
    for recipients in sent.values():
        if not isinstance(recipients, dict):
            return False
        for entries in recipients.values():
            if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
                return False
    return True


def save(path: Path, log: DeliveryLog) -> None:
    """Write atomically: readers see the old file or the new one, never a mix."""
    text = json.dumps(log.as_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    try:
        write_atomic_text(path, text, fsync=True)
    except OSError as exc:
        raise PactwatchError(msg("notify.log.cannot_write", path=str(path), reason=exc.strerror or str(exc))) from None
