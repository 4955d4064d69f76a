"""Issue #21: a rebuild renders only the contract, person and counterparty pages whose inputs changed
(site.page_keys), and the generated tree is then the same as a clean build's, whatever was edited: a contract,
a person's name, the settings, the day, a milestone whose change moves a risk shown on another contract's
page, a milestone given to another person, a contract moved to another counterparty."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from pactwatch.site import counterparties, page_keys, people, tree
from pactwatch.site.build import BUILD_DIR, build_site
from pactwatch.site.common import Page
from pactwatch.site.context import SiteInput
from tests.conftest import REPO_ROOT, TODAY

Edit = Callable[[Path], None]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _title(root: Path) -> None:
    _replace(root / "contracts/sales/C-2026-001.yaml", "年度智能分拣设备销售合同", "年度智能分拣设备销售合同（改）")


def _person(root: Path) -> None:
    _replace(root / "people.yaml", "name: 刘洋", "name: 刘洋洋")  # owns C-2026-007


def _settings(root: Path) -> None:
    _replace(root / "pactwatch.yml", "due_soon_days: 7", "due_soon_days: 30")


def _payment_done(root: Path) -> None:
    """The long-overdue payment of C-2026-007 is paid: risks about its counterparty and owner move too."""
    done = "status: done\n    completed_on: 2026-11-20   # 已逾期"
    _replace(root / "contracts/sales/C-2026-007.yaml", "status: pending   # 已逾期", done)


def _milestone_owner(root: Path) -> None:
    """M1 of C-2026-001 (li.na's) goes to liu.yang: both people's pages change, not only the contract owner's."""
    paid = "    amount: 360000.00"
    _replace(root / "contracts/sales/C-2026-001.yaml", f"    owner: li.na\n{paid}", f"    owner: liu.yang\n{paid}")


def _counterparty(root: Path) -> None:
    """C-2026-001 moves to the counterparty of two other contracts: the page it leaves and the one it joins change."""
    _replace(
        root / "contracts/sales/C-2026-001.yaml",
        "counterparty: {id: xinghan-tech, name: 上海星瀚智能科技有限公司}",
        "counterparty: {id: yunfan-logistics, name: 杭州云帆物流有限公司}",
    )


def _docs(root: Path) -> dict[str, bytes]:
    """The generated tree and the calendar feeds (whose events a rebuild reuses too: ical.reuse)."""
    out = {}
    for folder in (root / BUILD_DIR / "docs", root / "site" / "calendar"):
        out.update({p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()})
    return out


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the contract pages rendered (builds run in this process: jobs=1)."""
    ids: list[str] = []
    real = tree.contract_pages

    def spy(data: SiteInput, wanted: Iterable[str], made: object = None) -> Iterator[Page]:
        wanted = list(wanted)
        ids.extend(wanted)
        return real(data, wanted, made)  # type: ignore[arg-type]

    monkeypatch.setattr(tree, "contract_pages", spy)
    return ids


def test_a_rebuild_renders_only_the_edited_contract(copy_portfolio: Callable[[Path], Path], rendered: list[str]) -> None:
    root = copy_portfolio(REPO_ROOT)
    build_site(root, TODAY, jobs=1, run=False)
    assert len(rendered) == 13
    rendered.clear()
    build_site(root, TODAY, jobs=1, run=False)
    assert rendered == []  # nothing changed
    _title(root)
    build_site(root, TODAY, jobs=1, run=False)
    assert rendered == ["C-2026-001"]


@pytest.mark.parametrize(
    ("edit", "day"),
    [(_title, 0), (_person, 0), (_settings, 0), (_payment_done, 0), (None, 1), (_milestone_owner, 0), (_counterparty, 0)],
    ids=["title", "person", "settings", "payment-done", "next-day", "milestone-owner", "counterparty"],
)
def test_a_rebuild_writes_what_a_clean_build_writes(
    copy_portfolio: Callable[[Path], Path], tmp_path: Path, edit: Edit | None, day: int
) -> None:
    root = copy_portfolio(REPO_ROOT)
    build_site(root, TODAY, jobs=1, run=False)
    if edit is not None:
        edit(root)
    build_site(root, TODAY + timedelta(days=day), jobs=1, run=False)
    clean = tmp_path / "clean"  # the edited portfolio, without the build folder
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(BUILD_DIR, "site"))
    build_site(clean, TODAY + timedelta(days=day), jobs=1, run=False)
    assert _docs(root) == _docs(clean)


@pytest.fixture
def rendered_entities(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The person and counterparty pages rendered (builds run in this process: jobs=1)."""
    paths: list[str] = []
    for module in (people, counterparties):
        real = module.render_page

        def spy(env: object, site: object, path: str, *args: object, _real: Callable[..., Page] = real, **kwargs: object) -> Page:
            paths.append(path)
            return _real(env, site, path, *args, **kwargs)

        monkeypatch.setattr(module, "render_page", spy)
    return paths


def test_a_rebuild_renders_only_the_people_and_counterparty_pages_of_the_edited_contract(
    copy_portfolio: Callable[[Path], Path], rendered_entities: list[str]
) -> None:
    root = copy_portfolio(REPO_ROOT)
    build_site(root, TODAY, jobs=1, run=False)
    assert len(rendered_entities) > 15  # every person's and counterparty's page, and the two indexes
    rendered_entities.clear()
    build_site(root, TODAY, jobs=1, run=False)
    assert rendered_entities == ["people/index.md", "counterparties/index.md"]  # nothing changed: the indexes only
    rendered_entities.clear()
    _title(root)  # C-2026-001: zhang.wei's, with milestones of li.na and liu.yang; 上海星瀚智能科技有限公司
    build_site(root, TODAY, jobs=1, run=False)
    assert sorted(rendered_entities) == [
        "counterparties/index.md",
        "counterparties/xinghan-tech.md",
        "people/index.md",
        "people/li.na.md",
        "people/liu.yang.md",
        "people/zhang.wei.md",
    ]


def test_a_page_removed_from_the_tree_is_written_again(copy_portfolio: Callable[[Path], Path], rendered: list[str]) -> None:
    root = copy_portfolio(REPO_ROOT)
    build_site(root, TODAY, jobs=1, run=False)
    (root / BUILD_DIR / "docs" / "contracts" / "C-2026-007.md").unlink()
    rendered.clear()
    build_site(root, TODAY, jobs=1, run=False)
    assert rendered == ["C-2026-007"]


def test_unreadable_digests_mean_a_full_render(copy_portfolio: Callable[[Path], Path], rendered: list[str]) -> None:
    root = copy_portfolio(REPO_ROOT)
    build_site(root, TODAY, jobs=1, run=False)
    (root / BUILD_DIR / page_keys.KEYS_FILE).write_text("{not json", encoding="utf-8")
    rendered.clear()
    build_site(root, TODAY, jobs=1, run=False)
    assert len(rendered) == 13


def _plain(raw: bytes) -> bytes:
    """The digests' JSON, whether or not a seal precedes it."""
    try:
        json.loads(raw)
    except ValueError:
        return raw[32:]
    return raw


def test_digests_not_sealed_by_this_user_are_not_trusted(copy_portfolio: Callable[[Path], Path], rendered: list[str]) -> None:
    """A pull request can commit .pactwatch-build (git add -f): digests it brings vouch for nothing."""
    root = copy_portfolio(REPO_ROOT)
    build_site(root, TODAY, jobs=1, run=False)
    keys = root / BUILD_DIR / page_keys.KEYS_FILE
    page = root / BUILD_DIR / "docs" / "contracts" / "C-2026-007.md"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", "</h1><p>FORGED</p>", 1), encoding="utf-8")
    keys.write_bytes(_plain(keys.read_bytes()))  # the right digests as plain JSON, as a pull request can write them
    rendered.clear()
    build_site(root, TODAY, jobs=1, run=False)
    assert len(rendered) == 13
    assert "FORGED" not in page.read_text(encoding="utf-8")
