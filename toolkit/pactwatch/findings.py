"""Findings: problems in user data, as values with a location.

The CODES table is the single source for the codes' meaning; the README's
findings table is generated from it (and checked for drift in the tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pactwatch.catalogue import Msg

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    file: str
    line: int
    column: int
    pointer: str
    message: Msg | str  # a catalogue id and its facts, put in words at output time (str: not yet moved to the catalogue)
    hint: Msg | str = ""
    source: str = ""  # the offending source line, for the caret display

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, str(self.message))

    def message_text(self, language: str) -> str:
        return _words(self.message, language)

    def hint_text(self, language: str) -> str:
        return _words(self.hint, language)

    def as_json(self, language: str = "en") -> dict[str, object]:
        """The stable JSON shape; only the message and hint texts follow the language."""
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "message": self.message_text(language),
            "hint": self.hint_text(language),
        }


def _words(text: Msg | str, language: str) -> str:
    return text if isinstance(text, str) else text.render(language)


CODES: dict[str, tuple[Severity, str]] = {
    # Reading files
    "PW001": ("error", "A file or directory cannot be read."),
    "PW101": ("error", "The file is not UTF-8 (a UTF-8 byte-order mark is fine)."),
    "PW102": ("error", "The file is larger than 1 MiB."),
    "PW103": ("error", "The file is empty."),
    "PW104": ("error", "YAML syntax error (tabs used for indentation, unclosed quotes, bad indentation...)."),
    "PW105": ("error", "A key appears twice in the same mapping."),
    "PW106": ("error", "Anchors, aliases and merge keys are not allowed."),
    "PW107": ("error", "Explicit YAML tags (!!int, !custom) are not allowed."),
    "PW108": ("error", "The file is not a YAML mapping."),
    "PW109": ("error", "The file holds more than one YAML document."),
    "PW110": ("error", "A key is a list or mapping instead of text."),
    "PW111": ("error", "Text holds a control character (an escape such as \\x0b or \\e; tab and line breaks are fine)."),
    "PW112": ("error", "The file is a symbolic link, lies in a linked folder, or is not a regular file (pactwatch reads none of them)."),
    # Schema
    "PW201": ("error", "A required key is missing."),
    "PW202": ("error", "A key is not part of the format (often a typo)."),
    "PW203": ("error", "A value has the wrong type (text, number, list, mapping, true/false)."),
    "PW204": ("error", "A value is not one of the allowed choices."),
    "PW205": ("error", "A value does not have the required form (id, date, currency code...)."),
    "PW206": ("error", "A value is out of range, too long or too short."),
    "PW207": ("error", "Another schema rule is broken."),
    # Meaning
    "PW301": ("error", "The contract id differs from the file name."),
    "PW302": ("error", "Two contracts share an id."),
    "PW303": ("error", "Two milestones of a contract share an id."),
    "PW304": ("error", "An owner is not a person in people.yaml."),
    "PW305": ("error", "A manager is not a person in people.yaml."),
    "PW306": ("error", "Managers form a cycle."),
    "PW307": ("error", "depends_on names a milestone the contract does not have."),
    "PW308": ("error", "Milestone dependencies form a cycle."),
    "PW309": ("error", "A done milestone has no completed_on date."),
    "PW310": ("error", "completed_on is given but the milestone is not done."),
    "PW311": ("error", "A completion date is after today."),
    "PW312": ("error", "A date does not exist (2026-02-30)."),
    "PW313": ("error", "The term starts after it ends."),
    "PW314": ("warning", "A milestone is due outside the contract term."),
    "PW315": ("error", "Payment amounts add up to more than the contract value."),
    "PW316": ("error", "A milestone's currency differs from the contract's."),
    "PW317": ("error", "A document URL is not http, https or mailto."),
    "PW318": ("error", "Two people share an id."),
    "PW319": ("error", "The settings name a time zone that does not exist."),
    "PW320": (
        "error",
        "A recurring milestone's record is inconsistent (completed without repeat, a date that is not an occurrence, status done).",
    ),
    "PW321": ("warning", "An acknowledgement (ack) on a milestone that is not open."),
    "PW322": (
        "error",
        "Two notification channels share a name (a robot is named after its type unless given a name; email and github are reserved).",
    ),
    "PW323": ("error", "secret_env is set for a chat robot that is not signed (only DingTalk and Feishu sign)."),
    "PW324": ("error", "The SMTP password would be sent unencrypted (starttls: false and no ssl)."),
    "PW335": (
        "error",
        "Too many occurrences: a repeat cut at 1,000 or past 2200-12-31, or a contract (5,000) or the portfolio (1,000,000) over budget.",
    ),
    "PW336": ("warning", "A date is more than 50 years from today (a typo in the year?)."),
    "PW337": ("warning", "A counterparty's name differs from another contract's only by spaces, full-width characters or case."),
    "PW350": ("error", "A milestone has both due and due_after, or repeats while due after another milestone."),
    "PW351": ("error", "due_after names a milestone or occurrence the contract does not have (R1@2026-05-31 for a recurring one)."),
    "PW352": ("error", "Relative deadlines (due_after) form a cycle."),
    "PW353": ("error", "Working days (working_days, reminders in working days, business_day) are used but the settings have no calendar."),
    "PW354": ("error", "The settings' calendar names a country or subdivision the holidays package does not know."),
    "PW355": ("warning", "No time zone in the settings: today is taken in UTC (language: zh alone means Asia/Shanghai)."),
    "PW356": ("error", "A service, lease, framework or other contract with payments does not state side: sell or buy."),
}


def make(
    code: str,
    file: str,
    position: tuple[int, int],
    pointer: str,
    message: Msg | str,
    hint: Msg | str = "",
    source: str = "",
) -> Finding:
    """A finding whose severity comes from the CODES table."""
    severity, _ = CODES[code]
    return Finding(code, severity, file, position[0], position[1], pointer, message, hint, source)
