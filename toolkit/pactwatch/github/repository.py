"""Which GitHub repository and API a run talks to: options, then the environment, then pactwatch.yml.

Shared by ``pactwatch alerts`` and the reminders' GitHub digest; the environment is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pactwatch.errors import UsageError
from pactwatch.github.client import DEFAULT_API_URL

_REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z")


def resolve_repository(option: str | None, environ: Mapping[str, str], configured: str | None) -> str:
    """--repo, else $GITHUB_REPOSITORY, else `repository` in pactwatch.yml."""
    for value, source in (
        (option, "--repo"),
        (environ.get("GITHUB_REPOSITORY"), "GITHUB_REPOSITORY"),
        (configured, "pactwatch.yml repository"),
    ):
        if value:
            if not _REPO.match(value):
                raise UsageError(f"{source} {value!r} is not OWNER/NAME")
            return value
    raise UsageError("no repository: pass --repo OWNER/NAME, set GITHUB_REPOSITORY, or set `repository` in pactwatch.yml")


def api_url(environ: Mapping[str, str]) -> str:
    """$GITHUB_API_URL (GitHub Enterprise), else the public API."""
    return environ.get("GITHUB_API_URL") or DEFAULT_API_URL
