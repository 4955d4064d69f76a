"""Plan versus actual from git history: baselines, re-plans, slippage and month-end trends.

    found = read.read_plan_history(root, environ)     # the effects edge: git, cache, workers
    found.history.milestone("contracts/C-1.yaml", "M2")  # MilestoneHistory(baseline, replans)

``gitlog`` parses one ``git log --raw -M`` and one ``git cat-file --batch``; ``snapshot`` reads a
version of a contract file; ``replay`` (pure) turns the versions, oldest first, into baselines and
re-plans; ``trends`` evaluates the portfolio as it stood at each month-end. The engine reads the
result (``records``) as plain data: it never runs git.
"""

from __future__ import annotations
