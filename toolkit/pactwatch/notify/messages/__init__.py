"""Chat-robot formats, one module per platform, registered here (like pre-commit's all_languages)."""

from __future__ import annotations

from pactwatch.notify.messages import dingtalk, feishu, slack, wecom
from pactwatch.notify.messages.base import ChatFormat, ChatMessage, Context, JsonBody

FORMATS: dict[str, ChatFormat] = {
    "dingtalk": dingtalk,
    "feishu": feishu,
    "slack": slack,
    "wecom": wecom,
}

__all__ = ["FORMATS", "ChatFormat", "ChatMessage", "Context", "JsonBody"]
