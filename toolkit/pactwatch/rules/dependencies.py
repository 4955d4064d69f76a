"""depends_on names existing milestones and forms no cycle."""

from __future__ import annotations

from collections.abc import Iterator

from pactwatch.catalogue import msg
from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    ids = {m.id for m in contract.milestones}
    graph: dict[str, tuple[str, ...]] = {}
    for m in contract.milestones:
        for position, dependency in enumerate(m.depends_on):
            if dependency not in ids:
                yield site.finding(
                    "PW307",
                    f"/milestones/{m.index}/depends_on/{position}",
                    msg("finding.depends_on_unknown", milestone=m.id, dependency=dependency),
                    msg("finding.hint.known_milestones", milestones=", ".join(sorted(ids))),
                )
        graph.setdefault(m.id, tuple(d for d in m.depends_on if d in ids))
    cycle = find_cycle(graph)
    if cycle:
        first = next(m for m in contract.milestones if m.id == cycle[0])
        yield site.finding("PW308", f"/milestones/{first.index}/depends_on", msg("finding.dependency_cycle", cycle=cycle_text(cycle)))


def cycle_text(cycle: list[str]) -> str:
    """A cycle as findings show it: a -> b -> a."""
    return " -> ".join([*cycle, cycle[0]])


def find_cycle(graph: dict[str, tuple[str, ...]]) -> list[str]:
    """A cycle in the graph as a list of nodes, or [] (iterative DFS, no recursion limit)."""
    colour: dict[str, int] = {}
    for start in sorted(graph):
        if colour.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, edge = stack.pop()
            if edge == 0:
                colour[node] = 1
                path.append(node)
            children = graph.get(node, ())
            if edge < len(children):
                stack.append((node, edge + 1))
                child = children[edge]
                if colour.get(child) == 1:
                    return path[path.index(child) :]
                if not colour.get(child):
                    stack.append((child, 0))
            else:
                colour[node] = 2
                path.pop()
    return []
