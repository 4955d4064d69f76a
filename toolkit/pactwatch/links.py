"""Every link pactwatch prints: site pages, contract files on GitHub, calendar feeds.

One home, because v1 had four builders and only one quoted. Every path segment is percent-encoded
(``/`` too, inside an id), and a segment that would move the link (empty, ``.`` or ``..``; browsers
also read ``%2e%2e`` as ``..``) gives no link at all: ``segment`` raises ValueError, and the builders
of absolute links return None. Site pages are named by pactwatch.naming, so a link always points at
the file the build wrote.

Site pages are files, not folders (mkdocs ``use_directory_urls: false``): ``contracts/C-1.html``,
``contracts/index.html``, so every link opens a page from a web server and from a copy of the site
opened on disk (``file://``, where a link to a folder shows a directory listing) alike.

Relative links (``contracts/C-1.html``) are relative to the site root; pages prefix them with their own
depth. Absolute ones need ``site_url`` to be a plain http(s) URL (``is_site_url``; settings.py refuses
any other at load, since mkdocs-material writes site_url into pages unescaped).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from pactwatch import naming
from pactwatch.model import Contract, Settings

GITHUB = "https://github.com"
DEFAULT_BRANCH = "main"
_DOT_SEGMENTS = frozenset({"", ".", ".."})


_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")  # what quote(safe="") leaves as it is


def segment(text: str) -> str:
    """One path segment, percent-encoded; ValueError when it would not stay one segment."""
    if text in _DOT_SEGMENTS:
        raise ValueError(f"not a path segment: {text!r}")
    if _UNRESERVED.fullmatch(text):
        return text  # the usual id or file name: quote would return it unchanged, at ten times the cost
    return quote(text, safe="")


def path(text: str) -> str:
    """A relative ``a/b/c`` path, each segment encoded; ValueError for a leading ``/`` or a dot segment."""
    return "/".join(segment(part) for part in text.split("/"))


# ---- site pages, relative to the site root ----


def page(docs_path: str) -> str:
    """The address of the page mkdocs builds from ``docs_path``: ``contracts/C-1.md`` -> ``contracts/C-1.html``."""
    return path(docs_path.removesuffix(".md") + ".html")


def section(folder: str) -> str:
    """A section's index page (``contracts/index.html``); ``""`` is the dashboard (``index.html``)."""
    return page(f"{folder}/index.md" if folder else "index.md")


def contract_page(contract_id: str) -> str:
    return page(naming.contract_page(contract_id))


def person_page(person_id: str) -> str:
    return page(naming.person_page(person_id))


def counterparty_page(slug: str) -> str:
    return page(naming.counterparty_page(slug))


def feed(feed_path: str) -> str:
    """A feed (``people/x.ics``, relative to the feeds folder) relative to the site root."""
    return f"calendar/{path(feed_path)}"


# ---- absolute links ----


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_SITE_URL = re.compile(  # scheme, a host of DNS labels (IDN hosts in their xn-- form), a port, a path of RFC 3986 characters
    rf"https?://(?:{_LABEL}\.)*{_LABEL}(?::[0-9]{{1,5}})?(?:/[A-Za-z0-9._~!$&()*+,;=:@%/-]*)?", re.IGNORECASE
)


def is_site_url(url: str) -> bool:
    """An absolute http(s) address with a host and nothing that needs escaping: no spaces, quotes, ``<>``,
    backslashes, control characters, query or fragment."""
    return _SITE_URL.fullmatch(url) is not None


def on_site(site_url: str | None, relative: str) -> str | None:
    """``relative`` (a link from this module) under the site's address; None without a plain http(s) site_url."""
    if not site_url or not is_site_url(site_url):
        return None
    return f"{site_url.rstrip('/')}/{relative}"


def contract_url(site_url: str | None, contract_id: str) -> str | None:
    return on_site(site_url, contract_page(contract_id))


def feed_urls(site_url: str | None, feed_path: str) -> tuple[str, str] | None:
    """The https (or http) and webcal addresses of a feed."""
    absolute = on_site(site_url, feed(feed_path))
    if absolute is None:
        return None
    return absolute, "webcal://" + absolute.split("://", 1)[1]


def repository_file(
    repository: str | None,
    file: str,
    *,
    action: str = "blob",
    branch: str = DEFAULT_BRANCH,
    line: int = 0,
    server: str = GITHUB,
) -> str | None:
    """A file of the repository on GitHub (``blob`` shows, ``edit`` edits), at line ``line`` when above 0."""
    if not repository or not is_site_url(server):
        return None
    try:
        where = f"{path(repository)}/{segment(action)}/{path(branch)}/{path(file)}"
    except ValueError:
        return None
    anchor = f"#L{line}" if line > 0 else ""
    return f"{server.rstrip('/')}/{where}{anchor}"


def pull_request(repository: str | None, number: int, server: str = GITHUB) -> str | None:
    if not repository or not is_site_url(server):
        return None
    try:
        return f"{server.rstrip('/')}/{path(repository)}/pull/{number}"
    except ValueError:
        return None


def new_issue_page(repository: str | None, server: str = GITHUB) -> str | None:
    """GitHub's new-issue page, which takes ``title`` and ``body`` from its query (a link's, or a GET form's)."""
    if not repository or not is_site_url(server):
        return None
    try:
        return f"{server.rstrip('/')}/{path(repository)}/issues/new"
    except ValueError:
        return None


def new_issue(repository: str | None, title: str, body: str, server: str = GITHUB) -> str | None:
    """GitHub's new-issue page with the title and body filled in (the site's "Mark done" and "Report a delay")."""
    page = new_issue_page(repository, server)
    if page is None:
        return None
    return f"{page}?title={quote(title, safe='')}&body={quote(body, safe='')}"


def mailto(email: str) -> str:
    """A mailto: link to one address (people.yaml checks its shape), every other character encoded."""
    return f"mailto:{quote(email, safe='@.+')}"


def contract_link(settings: Settings, contract: Contract) -> str | None:
    """Where a message sends a reader: the contract's site page, else its file in the repository.

    Confidential contracts have no page on a public site: they link to the (access-controlled) repository.
    """
    page_url = None if contract.confidential else contract_url(settings.site_url, contract.id)
    return page_url or repository_file(settings.repository, contract.source)
