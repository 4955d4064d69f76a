"""Links: every path segment quoted, round-tripping through unquote, never leaving the base."""

from __future__ import annotations

from urllib.parse import unquote, urljoin, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch import links, naming

SITE = "https://contracts.example.com/docs/"
TOKENS = [*"ab.-_ #?%/\\:@&=+;,~", "..", "合同", "é", "\u200b", "%2e", "\n"]
HOSTILE = st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)


def _segments(url: str, base: str) -> list[str]:
    """The path segments a link adds below ``base`` (raw, still quoted)."""
    path = urlsplit(url).path
    base_path = urlsplit(base).path
    assert path.startswith(base_path), f"{url} left {base}"
    return [s for s in path[len(base_path) :].split("/") if s]


def _stays_below(url: str, base: str) -> None:
    parts = urlsplit(url)
    assert not parts.query and not parts.fragment, url
    assert parts.netloc == urlsplit(base).netloc
    resolved = urljoin(base, url)
    assert urlsplit(resolved).path.startswith(urlsplit(base).path), f"{url} resolves to {resolved}"
    for segment in _segments(url, base):
        assert unquote(segment).lower() not in (".", ".."), url  # browsers read %2e%2e as ..


@given(HOSTILE)
def test_a_segment_round_trips_or_is_refused(text: str) -> None:
    try:
        quoted = links.segment(text)
    except ValueError:
        assert text in ("", ".", "..")
        return
    assert unquote(quoted) == text
    assert "/" not in quoted and "?" not in quoted and "#" not in quoted and " " not in quoted


@given(HOSTILE)
def test_page_links_use_the_page_file_name_and_stay_on_the_site(identifier: str) -> None:
    for page, docs in (
        (links.contract_page(identifier), naming.contract_page(identifier)),
        (links.person_page(identifier), naming.person_page(identifier)),
    ):
        url = links.on_site(SITE, page)
        assert url is not None
        _stays_below(url, SITE)
        assert "/".join(unquote(s) for s in _segments(url, SITE)) == docs.removesuffix(".md") + ".html"  # the file mkdocs writes


@given(st.lists(HOSTILE.filter(lambda s: "/" not in s), min_size=1, max_size=4))
def test_repository_files_round_trip_and_stay_in_the_repository(parts: list[str]) -> None:
    file = "/".join(parts)
    url = links.repository_file("acme/contracts", file, line=7)
    if any(p in ("", ".", "..") for p in parts):
        assert url is None  # a dot segment would move the link: no link at all
        return
    assert url is not None
    base = "https://github.com/acme/contracts/blob/main/"
    assert url.startswith(base) and url.endswith("#L7")
    _stays_below(url.removesuffix("#L7"), base)
    assert [unquote(s) for s in _segments(url.removesuffix("#L7"), base)] == parts


@given(HOSTILE)
def test_feed_links_round_trip(stem: str) -> None:
    path = naming.counterparty_feed(naming.slugify(stem))
    found = links.feed_urls(SITE, path)
    assert found is not None
    https, webcal = found
    _stays_below(https, SITE)
    assert webcal == "webcal://" + https.removeprefix("https://")
    assert unquote(links.feed(path)) == f"calendar/{path}"


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://x.example/", "https://x.example/contracts/C-1.html"),
        ("https://x.example//", "https://x.example/contracts/C-1.html"),
        ("http://x.example/docs", "http://x.example/docs/contracts/C-1.html"),
        ("javascript:alert(1)//", None),
        ("https://x.example/a b", None),
        ("https://x.example/\n", None),
        (None, None),
    ],
)
def test_only_a_plain_http_site_url_makes_absolute_links(site_url: str | None, expected: str | None) -> None:
    assert links.contract_url(site_url, "C-1") == expected


def test_repository_links() -> None:
    assert links.repository_file("acme/c", "contracts/a b#1?.yaml") == "https://github.com/acme/c/blob/main/contracts/a%20b%231%3F.yaml"
    assert links.repository_file("acme/c", "x.yaml", action="edit", branch="release/1") == "https://github.com/acme/c/edit/release/1/x.yaml"
    assert links.repository_file("../..", "x.yaml") is None and links.repository_file(None, "x.yaml") is None
    assert links.pull_request("acme/c", 12) == "https://github.com/acme/c/pull/12"
    assert links.mailto("a+b@example.com") == "mailto:a+b@example.com"
