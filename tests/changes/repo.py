"""A contracts repository built by a test: a contract with key terms, owners in people.yaml, branches merged like GitHub."""

from __future__ import annotations

from pathlib import Path

from tests.history.gitrepo import GitRepo

PEOPLE = (
    "people:\n"
    "  - {id: ann, name: Ann Lee, email: ann@example.com, team: sales}\n"
    "  - {id: bo, name: 王博, email: bo@example.com, team: ops}\n"
    "  - {id: cy, name: Cy Ho, email: cy@example.com, team: finance}\n"
    "  - {id: di, name: Di Wu, email: di@example.com, team: finance}\n"
)

BASE = """\
# a sales contract
id: C-1
title: Widgets for ACME
type: sales
status: active
owner: ann
counterparty: {name: ACME Ltd}
value: {amount: 120000, currency: CNY}
watchers: [finance]
terms:
  payment_days: 30
  warranty_months: 12
milestones:
  - id: M1
    title: Deliver widgets
    kind: delivery
    owner: bo
    due: 2026-03-01
  - id: M2
    title: First payment
    kind: payment
    owner: ann
    amount: 60000
    due: 2026-04-01
"""

# the same contract, reformatted: comments, key order, flow style, quoting and the spelling of numbers
REFORMATTED = """\
id: C-1
type: sales   # reordered
title: "Widgets for ACME"
status: active
counterparty:
  name: ACME Ltd
owner: ann
value:
  currency: CNY
  amount: 120000.00
watchers:
  - finance
terms: {warranty_months: 12, payment_days: 30}
milestones:
- {id: M1, title: Deliver widgets, kind: delivery, owner: bo, due: '2026-03-01'}
-   id: M2
    kind: payment
    title: First payment
    due: 2026-04-01
    owner: ann
    amount: 60000.0
"""


def changed(text: str) -> str:
    """The PR of the issue: M1 moves 14 days, payment_days 30 -> 45, a milestone M3 is added."""
    text = text.replace("due: 2026-03-01", "due: 2026-03-15").replace("payment_days: 30", "payment_days: 45")
    return text + "  - id: M3\n    title: Acceptance\n    kind: acceptance\n    owner: bo\n    due: 2026-05-01\n"


def make_repo(root: Path, language: str = "en") -> GitRepo:
    repo = GitRepo(root)
    repo.commit(
        {
            "pactwatch.yml": f"timezone: Asia/Shanghai\nlanguage: {language}\ncurrency: CNY\n",
            "people.yaml": PEOPLE,
            "contracts/C-1.yaml": BASE,
        },
        "start",
        "2026-01-05",
    )
    return repo
