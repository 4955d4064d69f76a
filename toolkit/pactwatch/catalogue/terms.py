"""Catalogue entries: the labels of common ``terms:`` keys, with their unit ("付款期限（天）" / "Payment terms (days)").

A key not here shows as written; a company adds or overrides labels in pactwatch.yml (``term_labels:``).
The contract schema documents the same keys with the same titles (a test holds them together).
"""

from __future__ import annotations

from collections.abc import Mapping

from pactwatch.catalogue import Text

TERM_PREFIX = "term."

TEXTS: dict[str, Text] = {
    # payment and delivery
    "term.payment_days": Text("付款期限（天）", "Payment terms (days)"),
    "term.delivery_days": Text("交付期限（天）", "Delivery time (days)"),
    "term.acceptance_days": Text("验收期限（天）", "Acceptance period (days)"),
    "term.delivery_place": Text("交付地点", "Place of delivery"),
    "term.annual_cap": Text("年度金额上限", "Annual cap"),
    "term.price_per_person": Text("人均单价", "Price per person"),
    "term.headcount": Text("人数", "Headcount"),
    # guarantees and remedies
    "term.warranty_months": Text("质保期（月）", "Warranty (months)"),
    "term.retention_percent": Text("质保金比例（%）", "Warranty retention (%)"),
    "term.penalty_rate_per_day": Text("逾期违约金（日）", "Late penalty (per day)"),
    "term.late_interest_rate": Text("逾期利率", "Late interest rate"),
    "term.late_fee": Text("逾期违约金", "Late fee"),
    "term.late_interest": Text("逾期利息", "Late interest"),
    # service levels
    "term.sla_response_hours": Text("响应时限（小时）", "Response time (hours)"),
    "term.sla_uptime": Text("可用性承诺", "Uptime commitment"),
    # leases
    "term.monthly_rent": Text("月租金", "Monthly rent"),
    "term.deposit_months": Text("押金（月租金月数）", "Deposit (months of rent)"),
    "term.rent_free_days": Text("免租期（天）", "Rent-free period (days)"),
    "term.area_sqm": Text("面积（平方米）", "Area (m²)"),
    # confidentiality and law
    "term.confidentiality_years": Text("保密期限（年）", "Confidentiality (years)"),
    "term.confidentiality_years_after_end": Text("终止后保密期限（年）", "Confidentiality after the end (years)"),
    "term.governing_law": Text("适用法律", "Governing law"),
    # events and sponsorship
    "term.booth_sqm": Text("展位面积（平方米）", "Booth area (m²)"),
    "term.sponsor_level": Text("赞助级别", "Sponsorship level"),
}


def term_label(key: str, language: str, custom: Mapping[str, Mapping[str, str]]) -> str:
    """A ``terms:`` key's label: the company's own (pactwatch.yml ``term_labels:``), else the catalogue's, else the key as written."""
    own = custom.get(key, {}).get(language)
    if own:
        return own
    entry = TEXTS.get(TERM_PREFIX + key)
    return key if entry is None else entry.pick(language)
