"""Document links use http, https or mailto, so that no javascript: URL ever becomes a link."""

from __future__ import annotations

from collections.abc import Iterator

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site

SAFE_SCHEMES = ("http://", "https://", "mailto:")


def is_safe_url(url: str) -> bool:
    lowered = url.strip().lower()
    return lowered.startswith(SAFE_SCHEMES) and not any(ch.isspace() or ord(ch) < 32 for ch in url.strip())


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    for index, document in enumerate(contract.documents):
        if not is_safe_url(document.url):
            yield site.finding(
                "PW317",
                f"/documents/{index}/url",
                msg("finding.unsafe_url", url=repr(document.url[:60])),  # repr: a control character shows as an escape
                msg("finding.hint.https_address"),
            )
