"""GitHub as the workflow: overdue alerts as issues, CODEOWNERS from the data, approvals from a diff.

client.py      the only module that speaks HTTP: retries, rate limits, pagination, permission messages
issues.py      GitHub issue JSON -> ExistingIssue records (what the planner reads)
render.py      issue titles, bodies and comments from Jinja2 templates (escaped by pactwatch.escape.github_markdown)
alerts_plan.py PURE: (evaluation, existing issues, repository labels) -> Plan of actions
apply.py       executes a Plan through the client, finishing what it can
codeowners.py  PURE: portfolio + approval policy -> CODEOWNERS text
approvals.py   contract changes between a git ref and the working tree -> required approvals
"""
