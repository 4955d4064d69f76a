"""Reminders that reach people: e-mail, chat robots (DingTalk, WeCom, Feishu, Slack) and a GitHub digest.

plan.py          pure: evaluations + day -> notices, per-person digests, per-group batches
texts.py         notices as words in the portfolio's language
messages/        one module per chat platform (render, sign, check), registered in FORMATS
email.py         per-person e-mail (HTML + text, Jinja2 templates) and SMTP with STARTTLS
github_digest.py per-owner "upcoming" issue, updated in place, with a mention comment
delivery_log.py  what was sent to whom, per channel and day (--state)
outbox.py        pending messages per channel, from the plan and the delivery log
send.py          effects: deliver with retries, one channel's failure never stops another
"""
