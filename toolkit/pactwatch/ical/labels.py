"""Feed-only words (zh/en); field names come from pactwatch.vocabulary, states, kinds and money from
pactwatch.i18n, so they read as everywhere else."""

from __future__ import annotations

from pactwatch.vocabulary import FIELD_WORDS

_OWN: dict[str, tuple[str, str]] = {
    "calendar": ("合同里程碑", "Contract milestones"),
    "all": ("全部", "all"),
    "page": ("合同页面", "Contract page"),
    "source": ("YAML 文件", "YAML file"),
    "documents": ("文档", "Documents"),
    "reminder": ("提醒", "reminder"),
    "blocked": ("受阻（前置节点未完成）", "blocked (a prerequisite is not done)"),
    "acknowledged": ("已确认延期", "delay acknowledged"),
}
_LABELS: dict[str, tuple[str, str]] = {**_OWN}
_LABELS.update(FIELD_WORDS.items())  # the shared field names, one word in every output
_COLON = {"zh": "：", "en": ": "}


def label(key: str, language: str) -> str:
    pair = _LABELS[key]
    return pair[0] if language == "zh" else pair[1]


def field(key: str, value: str, language: str) -> str:
    """``金额：¥1.00 CNY`` / ``Amount: ¥1.00 CNY``."""
    return f"{label(key, language)}{_COLON.get(language, ': ')}{value}"


def reminder_marker(days: int, language: str) -> str:
    """``[提醒 · 7天后到期]`` / ``[reminder · due in 7 days]``."""
    if language == "zh":
        return f"[提醒 · {days}天后到期]"
    return f"[reminder · due in {days} day{'s' if days != 1 else ''}]"


def alarm_text(days: int, language: str) -> str:
    """What an alarm says (clients show it with the event's own title): ``7天后到期`` / ``Due in 7 days``."""
    if days == 0:
        return "今天到期" if language == "zh" else "Due today"
    if language == "zh":
        return f"{days}天后到期"
    return f"Due in {days} day{'s' if days != 1 else ''}"
