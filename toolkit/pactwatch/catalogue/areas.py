"""Every area's table of the catalogue, in one list (``CATALOGUE`` merges them; the tests check no id is in two)."""

from __future__ import annotations

from collections.abc import Mapping

from pactwatch.catalogue import (
    Text,
    announce,
    changes,
    chatops,
    cli,
    errors,
    feeds,
    findings_load,
    findings_rules,
    followup,
    github,
    history,
    ledger,
    money,
    notify,
    report,
    risks,
    scale,
    site,
    terms,
    words,
)

TABLES: tuple[Mapping[str, Text], ...] = (
    words.TEXTS,
    chatops.TEXTS,
    terms.TEXTS,
    findings_load.TEXTS,
    findings_rules.TEXTS,
    cli.TEXTS,
    errors.TEXTS,
    site.TEXTS,
    feeds.TEXTS,
    notify.TEXTS,
    github.TEXTS,
    report.TEXTS,
    risks.TEXTS,
    ledger.TEXTS,
    money.TEXTS,
    history.TEXTS,
    changes.TEXTS,
    announce.TEXTS,
    followup.TEXTS,
    scale.TEXTS,
)
