"""Request signatures, exactly as the platforms document them. Pure: the timestamp is an argument.

- DingTalk custom robot "加签" (open.dingtalk.com/document/robots/customize-robot-security-settings):
  ``sign = urlencode(base64(HmacSHA256(key=secret, msg=f"{timestamp_ms}\\n{secret}")))``, sent in the query string.
- Feishu custom bot "签名校验" (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
  ``sign = base64(HmacSHA256(key=f"{timestamp_s}\\n{secret}", msg=b""))`` (the string to sign is the *key*,
  the message is empty), sent in the JSON body with ``timestamp`` in seconds, within an hour of Feishu's clock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import quote_plus


def dingtalk(secret: str, timestamp_ms: int) -> str:
    """The URL-encoded ``sign`` query value."""
    string_to_sign = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), string_to_sign, hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode("ascii"))


def feishu(secret: str, timestamp_s: int) -> str:
    """The ``sign`` body field (plain base64)."""
    key = f"{timestamp_s}\n{secret}".encode()
    digest = hmac.new(key, b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def plain_mobile(mobile: str) -> str:
    """people.yaml allows "+86 138-0000-0001"; robots want the digits (and a leading +)."""
    return "".join(ch for ch in mobile if ch.isdigit() or ch == "+")
