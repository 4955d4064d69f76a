"""Counterparty slugs: stable, URL-safe and unique, also for Chinese names."""

from __future__ import annotations

import re
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from pactwatch.model import Counterparty
from pactwatch.naming import assign_slugs, counterparty_slug, group_key

URL_SAFE = re.compile(r"[a-z0-9][a-z0-9-]*")


def test_known_slugs_never_change() -> None:
    # Fixed values: a change here breaks every existing subscription to these feeds.
    assert counterparty_slug(Counterparty("上海星瀚智能科技有限公司")) == "cp-5c70e3029e"
    assert counterparty_slug(Counterparty("Pacific Compute Inc.")) == "pacific-compute-inc-716765147b"
    assert counterparty_slug(Counterparty("Société Générale")) == "societe-generale-04131ff868"


def test_a_slug_like_id_is_used_as_it_is_and_other_ids_are_hashed() -> None:
    assert counterparty_slug(Counterparty("上海星瀚", "xinghan-tech")) == "xinghan-tech"
    assert counterparty_slug(Counterparty("上海星瀚", "91310000MA1FL3XX1X")) == "91310000ma1fl3xx1x-3190e684f1"
    assert counterparty_slug(Counterparty("上海星瀚", "a/../b")).startswith("a-b-")


def test_similar_chinese_names_get_different_slugs() -> None:
    names = ["上海星瀚智能科技有限公司", "上海星瀚智能科技有限公司（苏州分公司）", "上海星翰智能科技有限公司", "北京星瀚"]
    assert len({counterparty_slug(Counterparty(n)) for n in names}) == len(names)


def test_nfc_and_nfd_spellings_share_a_slug() -> None:
    assert counterparty_slug(Counterparty("Caf\u00e9")) == counterparty_slug(Counterparty("Cafe\u0301"))


@given(st.text(min_size=1, max_size=200))
def test_slugs_are_url_safe_short_and_stable(name: str) -> None:
    slug = counterparty_slug(Counterparty(name))
    assert URL_SAFE.fullmatch(slug)
    assert quote(slug) == slug
    assert len(slug) <= 64
    assert counterparty_slug(Counterparty(name)) == slug


@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=30, unique=True))
def test_assigned_slugs_are_unique_per_counterparty(names: list[str]) -> None:
    parties = [Counterparty(n) for n in names]
    slugs = assign_slugs(parties)
    assert len(set(slugs.values())) == len(parties)


def test_clashing_slugs_are_made_unique_deterministically() -> None:
    by_id = Counterparty("A", "cp-5c70e3029e")  # an id that happens to equal another name's slug
    by_name = Counterparty("上海星瀚智能科技有限公司")
    first = assign_slugs([by_id, by_name])
    assert len(set(first.values())) == 2
    assert first == assign_slugs([by_name, by_id])
    assert all(URL_SAFE.fullmatch(s) for s in first.values())


def test_contracts_share_a_feed_by_id_else_by_name() -> None:
    assert group_key(Counterparty("星瀚", "x1")) == group_key(Counterparty("上海星瀚（新名）", "x1"))
    assert group_key(Counterparty("星瀚")) != group_key(Counterparty("星瀚", "x1"))


def test_two_spellings_of_one_name_are_one_counterparty() -> None:
    composed, combining = Counterparty("Caf\u00e9 Ltd"), Counterparty("Cafe\u0301 Ltd")
    assert group_key(composed) == group_key(combining)
    assert len(set(assign_slugs([composed, combining]).values())) == 1


@given(st.lists(st.text(max_size=12), max_size=8))
def test_different_group_keys_never_share_a_slug(names: list[str]) -> None:
    slugs = assign_slugs([Counterparty(n) for n in names])
    assert len(set(slugs.values())) == len(slugs)
