"""Issue #21: a rebuild takes the rendered events of unchanged contracts from the last build (ical.reuse),
and its feeds are the same bytes as a build that renders everything."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from pactwatch.digests import Seal
from pactwatch.engine import Evaluation, evaluate
from pactwatch.ical import feeds as feeds_module
from pactwatch.ical import reuse, workers
from pactwatch.ical.feeds import build_feeds, build_feeds_reusing
from pactwatch.load.portfolio import load_portfolio
from tests.conftest import REPO_ROOT, TODAY


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The contract ids of the occurrences rendered (not reused)."""
    ids: list[str] = []
    real = feeds_module.render_variants

    def spy(*args: object) -> feeds_module.Rendered:
        ids.append(args[1].contract.id)  # type: ignore[attr-defined]
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "render_variants", spy)
    return ids


def _evaluation(root: Path = REPO_ROOT, day: int = 0) -> Evaluation:
    return evaluate(load_portfolio(root, TODAY, use_cache=False).portfolio, TODAY + timedelta(days=day))


def test_an_unchanged_portfolio_renders_nothing_and_gives_the_same_bytes(rendered: list[str]) -> None:
    ev = _evaluation()
    first, cache = build_feeds_reusing(ev, reuse.RenderCache(), public=False)
    assert first == build_feeds(ev, public=False)
    rendered.clear()
    again, _ = build_feeds_reusing(ev, cache, public=False)
    assert rendered == []
    assert again == first


def test_only_the_edited_contract_is_rendered_again(copy_portfolio: Callable[[Path], Path], rendered: list[str]) -> None:
    root = copy_portfolio(REPO_ROOT)
    _, cache = build_feeds_reusing(_evaluation(root), reuse.RenderCache(), public=False)
    path = root / "contracts/sales/C-2026-001.yaml"
    title = "年度智能分拣设备销售合同"
    path.write_text(path.read_text(encoding="utf-8").replace(title, title + "（改）", 1), encoding="utf-8")
    ev = _evaluation(root)
    rendered.clear()
    again, _ = build_feeds_reusing(ev, cache, public=False)
    assert set(rendered) == {"C-2026-001"}
    assert again == build_feeds(ev, public=False)
    assert "（改）" in again["contracts/C-2026-001.ics"].decode()


@pytest.mark.parametrize("change", ["next-day", "public", "person", "settings"])
def test_what_every_event_depends_on_renders_everything_again(change: str, rendered: list[str]) -> None:
    ev = _evaluation()
    _, cache = build_feeds_reusing(ev, reuse.RenderCache(), public=False)
    everything = set(rendered)  # the contracts with an event
    public = change == "public"
    if change == "next-day":
        ev = _evaluation(day=1)
    elif change == "person":
        people = {**ev.portfolio.people, "li.na": replace(ev.portfolio.people["li.na"], name="李娜娜")}
        ev = evaluate(replace(ev.portfolio, people=people), TODAY)
    elif change == "settings":
        ev = evaluate(replace(ev.portfolio, settings=replace(ev.portfolio.settings, site_url="https://other.example/")), TODAY)
    rendered.clear()
    again, _ = build_feeds_reusing(ev, cache, public=public)
    assert set(rendered) == everything - {c.id for c in ev.portfolio.contracts if public and c.confidential}
    assert again == build_feeds(ev, public=public)


def test_a_cache_that_cannot_be_read_or_is_not_sealed_is_ignored(tmp_path: Path) -> None:
    seal = Seal(b"k" * 32)
    _write_every_shard(tmp_path, b"\x93not msgpack of ours")
    assert reuse.load(tmp_path, seal) == reuse.RenderCache()
    _write_every_shard(tmp_path, b"cos\nsystem\n(S'echo pwned'\ntR.")  # a pickle: never unpickled
    assert reuse.load(tmp_path, seal) == reuse.RenderCache()
    ev = _evaluation()
    _, cache = build_feeds_reusing(ev, reuse.RenderCache(), public=False)
    reuse.save(tmp_path, cache, seal)
    assert reuse.load(tmp_path, seal) == cache
    assert reuse.load(tmp_path, Seal(b"x" * 32)) == reuse.RenderCache()  # made with another user's key


def test_a_forged_cache_in_the_checkout_cannot_put_events_in_the_feeds(rendered: list[str], tmp_path: Path) -> None:
    """A pull request can commit a build folder (git add -f): its events must not reach the feeds."""
    ev = _evaluation()
    _, cache = build_feeds_reusing(ev, reuse.RenderCache(), public=False)
    forged = {
        cid: {key: [(k, own.replace(b"SUMMARY:", b"SUMMARY:FORGED "), *rest) for k, own, *rest in events] for key, events in each.items()}
        for cid, each in cache.events.items()
    }
    data = msgspec.msgpack.encode(reuse._Stored(reuse.FORMAT, cache.digests, forged))
    _write_every_shard(tmp_path, data)  # the right digests, as a pull request can write them: no seal
    seal = Seal(b"k" * 32)
    rendered.clear()
    feeds, _ = build_feeds_reusing(ev, reuse.load(tmp_path, seal), public=False)
    assert not any(b"FORGED" in data for data in feeds.values())
    assert rendered  # everything rendered afresh


def test_events_rendered_by_another_version_are_rendered_again(
    rendered: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change of what an event holds (this wave: no URL, the aggregate feeds' three variants) must not let a
    rebuild keep the last version's bytes: the digests hold the code's (every module of pactwatch, ical's too),
    and a cache of the old shape (four bytes per event, format 1) is not read at all."""
    from pactwatch import digests

    assert Path(feeds_module.__file__).resolve().parent.parent == digests._PACKAGE  # ical/*.py are in the code digest
    ev = _evaluation()
    _, cache = build_feeds_reusing(ev, reuse.RenderCache(), public=False)
    monkeypatch.setattr(reuse, "code_digest", lambda: b"another version")
    rendered.clear()
    again, _ = build_feeds_reusing(ev, cache, public=False)
    assert rendered and again == build_feeds(ev, public=False)
    seal = Seal(b"k" * 32)
    old = {cid: {key: [(*r[:3], b"") for r in events] for key, events in each.items()} for cid, each in cache.events.items()}
    _write_every_shard(tmp_path, seal.sign(msgspec.msgpack.encode({"format": 1, "digests": cache.digests, "events": old})))
    assert reuse.load(tmp_path, seal) == reuse.RenderCache()


def _write_every_shard(build_dir: Path, data: bytes) -> None:
    for shard in range(reuse.SHARDS):
        path = reuse.shard_file(build_dir, shard)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_a_rebuild_rewrites_only_the_shard_of_the_contract_that_changed(tmp_path: Path) -> None:
    """The cache is cut by contract: after one edit, one shard file is written again (and every file a clean
    build made is read back whole); a contract gone from the portfolio leaves its shard too."""
    seal = Seal(b"k" * 32)
    ev = _evaluation()
    _, cache = build_feeds_reusing(ev, reuse.RenderCache(), public=False)
    reuse.save(tmp_path, cache, seal)
    files = {path.name: path.stat().st_mtime_ns for path in (tmp_path / reuse.CACHE_DIR).iterdir()}
    assert len(files) == reuse.SHARDS and reuse.load(tmp_path, seal) == cache
    for path in (tmp_path / reuse.CACHE_DIR).iterdir():
        os.utime(path, ns=(1, 1))  # so that a file written again is seen, however quick the machine
    edited = ev.portfolio.contracts[0]
    changed = replace(ev.portfolio, contracts=(replace(edited, title="改了"), *ev.portfolio.contracts[1:]))
    _, again = build_feeds_reusing(evaluate(changed, TODAY), reuse.load(tmp_path, seal), public=False)
    reuse.save(tmp_path, again, seal)
    written = sorted(p.name for p in (tmp_path / reuse.CACHE_DIR).iterdir() if p.stat().st_mtime_ns != 1)
    assert written == [reuse.shard_file(tmp_path, reuse.shard_of(edited.id)).name]
    assert reuse.load(tmp_path, seal) == again
    fewer = replace(ev.portfolio, contracts=ev.portfolio.contracts[1:])
    for path in (tmp_path / reuse.CACHE_DIR).iterdir():
        os.utime(path, ns=(1, 1))
    _, gone = build_feeds_reusing(evaluate(fewer, TODAY), reuse.load(tmp_path, seal), public=False)
    reuse.save(tmp_path, gone, seal)
    assert edited.id not in reuse.load(tmp_path, seal).digests
