"""User text for chat robots: Slack's mrkdwn, and the markdown of DingTalk, WeCom and Feishu (lark_md).

Every value is put on one line first (YAML block scalars may hold newlines). Slack documents an
escape for ``& < >`` only; DingTalk, WeCom and Feishu document none, so there markup characters
become their full-width look-alikes: a title can form no link, image, HTML tag nor mention
(``<!channel>``, ``<@userid>``, ``<at>``).
"""

from __future__ import annotations

_SLACK_FORMATTING = str.maketrans({"*": "＊", "_": "＿", "~": "～", "`": "｀"})
_LOOKALIKES = str.maketrans({"<": "＜", ">": "＞", "[": "［", "]": "］", "*": "＊", "_": "＿", "`": "｀", "#": "＃", "|": "｜", "\\": "＼"})


def one_line(text: str) -> str:
    """User text on one line."""
    return " ".join(text.split())


def slack_text(text: str) -> str:
    """Slack's documented escaping of ``& < >``; its mrkdwn has no escape for ``* _ ~ `````, so those become look-alikes."""
    return one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").translate(_SLACK_FORMATTING)


def lookalikes(text: str) -> str:
    """For the markdown dialects without a documented escape: DingTalk, WeCom, Feishu lark_md."""
    return one_line(text).translate(_LOOKALIKES)
