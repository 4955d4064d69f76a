"""Replaying the main line's changes, oldest first, into each milestone's baseline and re-plans (pure).

- A contract's baseline is its plan in the first version that is not a draft (its first version, when it
  never was one); a milestone added later has its first plan as its baseline. Changes before that are
  drafting, not re-plans.
- A renamed file keeps its history (git pairs the two paths); a copied file starts its own.
- A milestone whose id changes keeps its history when, in that commit, exactly one vanished milestone
  and one new milestone share its title and kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pactwatch.history.gitlog import Commit
from pactwatch.history.records import ContractHistory, MilestoneHistory, PlanHistory, Planned, Replan, Snapshot

DRAFT = "draft"


@dataclass(slots=True)
class _Milestone:
    title: str
    kind: str
    plan: str
    baseline: str | None
    replans: list[Replan] = field(default_factory=list)


@dataclass(slots=True)
class _Contract:
    active: bool = False  # a version that is not a draft has been seen
    milestones: dict[str, _Milestone] = field(default_factory=dict)


def _renamed(old: dict[str, _Milestone], new: tuple[Planned, ...]) -> dict[str, str]:
    """New id -> old id for milestones whose id changed (same title and kind, one of each on both sides)."""
    new_ids = {ident for ident, _, _, _ in new}
    gone: dict[tuple[str, str], list[str]] = {}
    for ident, m in old.items():
        if ident not in new_ids:
            gone.setdefault((m.title, m.kind), []).append(ident)
    added: dict[tuple[str, str], list[str]] = {}
    for ident, title, kind, _ in new:
        if ident not in old:
            added.setdefault((title, kind), []).append(ident)
    return {ids[0]: gone[key][0] for key, ids in added.items() if len(ids) == 1 and len(gone.get(key, ())) == 1}


def _apply(track: _Contract, snapshot: Snapshot, commit: Commit) -> None:
    status, planned = snapshot
    was_active = track.active
    track.active = was_active or status != DRAFT
    renames = _renamed(track.milestones, planned)
    milestones: dict[str, _Milestone] = {}
    for ident, title, kind, plan in planned:
        m = track.milestones.get(renames.get(ident, ident))
        if m is None:
            m = _Milestone(title, kind, plan, plan if track.active else None)
        elif m.plan != plan:
            if was_active:
                m.replans.append(Replan(commit.commit, commit.day, commit.author, commit.pull_request, m.plan, plan))
            m.plan = plan
        m.title, m.kind = title, kind
        if track.active and m.baseline is None:
            m.baseline = plan  # activated in this commit: the plan as it stands now
        milestones[ident] = m
    track.milestones = milestones


def replay(head: str, commits: list[Commit], snapshots: Mapping[str, Snapshot | None]) -> PlanHistory:
    """``commits`` oldest first; ``snapshots`` by object name (a version missing there is skipped)."""
    tracks: dict[str, _Contract] = {}
    for commit in commits:
        for change in commit.changes:
            if change.status == "D":
                tracks.pop(change.path, None)
                continue
            track = None
            if change.status == "R" and change.old_path is not None:
                track = tracks.pop(change.old_path, None)
            elif change.status != "C":  # a copy is a new contract that starts from the copied text
                track = tracks.get(change.path)
            track = tracks[change.path] = track or _Contract()
            snapshot = snapshots.get(change.blob) if change.blob else None
            if snapshot is not None:
                _apply(track, snapshot, commit)
    return PlanHistory(
        head,
        {
            path: ContractHistory({ident: MilestoneHistory(m.baseline, tuple(m.replans)) for ident, m in track.milestones.items()})
            for path, track in sorted(tracks.items())
        },
    )
