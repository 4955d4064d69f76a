"""Portfolios and built sites shared by the site tests.

Full builds (pages + feeds + mkdocs) take seconds, so each kind of site is built
once per session: the example portfolio (zh, in a git repository with pull
request history), its public edition, and a portfolio whose text is full of
injection payloads.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from pactwatch.site.build import BuildResult, build_site
from pactwatch.site.context import SiteInput
from pactwatch.site.pages import contract_pages, generate_pages

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 27)
PORTFOLIO_FILES = ("pactwatch.yml", "people.yaml", "contracts")


def all_pages(data: SiteInput) -> dict[str, str]:
    """The whole generated tree in one process (docs path -> text): what the builder writes in pieces."""
    out = {page.path: page.text for page in generate_pages(data)}
    out.update((page.path, page.text) for page in contract_pages(data, [c.id for c in data.evaluation.portfolio.contracts]))
    return dict(sorted(out.items()))


# Each payload would run script, add an element or pull in a file if any layer interpreted it.
PAYLOADS = (
    "<script>alert('script')</script>",
    "<img src=x onerror=\"alert('img')\">",
    "javascript:alert('js')",
    "{ onclick=\"alert('attr')\" }",
    "Title { #pwned .evil onmouseover=\"alert('attr2')\" }",
    '--8<-- "/etc/passwd"',
    "<div onmouseover=\"alert('div')\">raw</div>",
    "</div>\n\n<script>alert('breakout')</script>\n\n<div>",
    "[click](javascript:alert('mdlink'))",
    "</title><script>alert('title')</script>",
    "&lt;script&gt;alert('entity')&lt;/script&gt;",
    "{{ config.site_name }} {% raw %}",
    "<!-- unclosed comment",
    "<svg onload=alert('svg')>",
    "    indented <b>code</b>\n\n    <script>alert('indent')</script>",
    "*[HTML]: <script>alert('abbr')</script>",
    "line\u2028separator\u2029<iframe src=\"javascript:alert('iframe')\"></iframe>",
    '"><img src=x onerror=alert("quote")>',
)


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PORTFOLIO_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Zhang Wei", "-c", "user.email=zw@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def make_history(root: Path) -> None:
    """A repository whose main line has a squash merge "(#12)" and a merge commit of pull request #15."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Import the contract portfolio (#12)")
    git(root, "checkout", "-q", "-b", "feature")
    path = root / "contracts" / "sales" / "C-2026-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("质保期中期回访", "质保期中期回访（客户现场）"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "M5: visit on site")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "feature", "-m", "Merge pull request #15 from zhangwei/visit", "-m", "质保回访改为客户现场")


def hostile_contract(index: int, payload: str) -> dict[str, Any]:
    return {
        "id": f"X-{index:03d}",
        "title": f"{payload} title",
        "type": "sales",
        "status": "active",
        "owner": "evil.person",
        "counterparty": {"id": f"evil{index}", "name": f"{payload} Corp"},
        "value": {"amount": 1000, "currency": "CNY"},
        "term": {"start": "2026-01-01", "end": "2027-12-31", "auto_renew": True, "renewal_months": 12, "notice_days": 30},
        "terms": {"note": payload, "payment_days": 30},
        "milestones": [
            {
                "id": "M1",
                "title": payload,
                "kind": "payment",
                "due": "2026-03-01",
                "owner": "evil.person",
                "amount": 500,
                "status": "done",
                "completed_on": "2026-03-10",
                "evidence": payload,
            },
            {
                "id": "M2",
                "title": f"{payload} 2",
                "kind": "delivery",
                "due": "2026-10-01",
                "owner": "evil.person",
                "ack": {"until": "2026-12-31", "note": payload},
            },
            {"id": "M3", "title": f"{payload} 3", "kind": "report", "due": "2026-12-01", "owner": "evil.person"},
        ],
        "amendments": [{"id": "A1", "date": "2026-02-01", "summary": payload}],
        "documents": [{"title": payload, "url": "javascript:alert('doc')"}, {"title": f"{payload} ok", "url": "https://example.com/doc"}],
        "tags": [payload[:64]],
    }


def write_hostile(root: Path) -> Path:
    root.mkdir(parents=True)
    settings = {"language": "en", "timezone": "UTC", "currency": "CNY", "repository": "evil/repo", "site_url": "https://example.com/pw/"}
    (root / "pactwatch.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    people = {"people": [{"id": "evil.person", "name": "<script>alert('name')</script> {: onclick=x }", "team": PAYLOADS[1]}]}
    (root / "people.yaml").write_text(yaml.safe_dump(people, allow_unicode=True), encoding="utf-8")
    (root / "contracts").mkdir()
    for index, payload in enumerate(PAYLOADS):
        text = yaml.safe_dump(hostile_contract(index, payload), allow_unicode=True, sort_keys=False)
        (root / "contracts" / f"X-{index:03d}.yaml").write_text(text, encoding="utf-8")
    return root


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path
    result: BuildResult


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = copy_example(tmp_path_factory.mktemp("example") / "portfolio")
    make_history(root)
    result = build_site(root, TODAY, public=False)
    return Built(root, root / "site", result)


@pytest.fixture(scope="session")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = copy_example(tmp_path_factory.mktemp("public") / "portfolio")
    secret = root / "contracts" / "sales" / "C-2026-007.yaml"
    secret.write_text(secret.read_text(encoding="utf-8").replace("confidential: false", "confidential: true"), encoding="utf-8")
    if "confidential: true" not in secret.read_text(encoding="utf-8"):
        secret.write_text(secret.read_text(encoding="utf-8") + "confidential: true\n", encoding="utf-8")
    result = build_site(root, TODAY, public=True)
    return Built(root, root / "site", result)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = write_hostile(tmp_path_factory.mktemp("hostile") / "portfolio")
    result = build_site(root, TODAY, public=False)
    return Built(root, root / "site", result)
