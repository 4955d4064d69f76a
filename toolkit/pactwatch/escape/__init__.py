"""One module per place user text is printed, each holding the only escaper for that target.

- ``html``: site pages (HTML handed to Python-Markdown) and page titles;
- ``github_markdown``: GitHub issue titles, bodies and comments (no mentions, references or autolinks);
- ``report_markdown``: the Markdown report (a different dialect from GitHub's: see that module);
- ``chat``: chat robots (Slack mrkdwn; DingTalk, WeCom and Feishu markdown);
- ``ical``: RFC 5545 TEXT values;
- ``email_header``: e-mail Subject text and the display names of To and Cc (one line, one mailbox each);
- ``annotations``: GitHub Actions workflow commands (``::error file=...::message``);
- ``codeowners``: paths as CODEOWNERS patterns;
- ``yaml``: double-quoted YAML scalars for files pactwatch writes;
- ``spreadsheet``: cells of the exported ledger (.xlsx string cells, CSV text that cannot run as a formula);
- ``terminal``: everything printed to a terminal or a log (no control sequence: window titles, screen clears, OSC 8 links).

Nothing is imported here, so a caller pays only for the target it uses (the feed writer never loads markupsafe).
"""
