"""Career paths: the jobs that ROME says people in the fiches closest to a profile can move to.

The fiches a profile covers best are its "neighbours" (the PATH_NEIGHBOURS best by coverage,
weighted by a softmax of their coverage, so the closest count most). ROME lists, for each
fiche, the jobs one can move to from it (its mobilities). A job gets

    path = sum_C w_C [C -> job] + TWO_STEP * sum_C w_C sum_D [C -> D] [D -> job] / out(C)

i.e. the share of the neighbours that lead to it, directly or through one intermediate job.
For evaluation, one fiche can be hidden: its own links are removed from the graph and it is
never a neighbour, so the figure measures how well the links of *other* fiches predict it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tremplin.catalog.read import Catalog

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]

PATH_NEIGHBOURS = 30      # fiches whose mobilities are read
PATH_TEMPERATURE = 0.087  # softmax temperature, relative to the best coverage
TWO_STEP = 0.6            # weight of a path through one intermediate job
MAX_PATH_SOURCES = 3      # fiches named in the explanation


class MobilityGraph:
    """ROME mobilities as a dense (jobs, jobs) 0/1 matrix: links[a, b] = 1 when ROME lists b
    as a job one can move to from a (about 15,000 links over 1,584 fiches: 10 MB)."""

    def __init__(self, links: F32) -> None:
        self.links = links
        self.out_degree = links.sum(axis=1)

    @classmethod
    def from_catalog(cls, catalog: Catalog, job_pos: dict[str, int]) -> MobilityGraph:
        links = np.zeros((len(job_pos), len(job_pos)), dtype=np.float32)
        for src, dst in catalog.query("SELECT job_code, target_code FROM mobilities"):
            a, b = job_pos.get(str(src)), job_pos.get(str(dst))
            if a is not None and b is not None and a != b:
                links[a, b] = 1.0
        return cls(links)


@dataclass(frozen=True, slots=True)
class Paths:
    score: F32           # per job: share of the neighbours leading there (0..~1)
    neighbours: I64      # the fiches read, closest first
    weights: F32         # their softmax weights (sum 1)
    graph: MobilityGraph
    best: float          # coverage of the closest neighbour (how sure the neighbours are)
    hidden: int | None = None  # the fiche whose links were left out (evaluation)

    def sources(self, job: int) -> list[tuple[int, float]]:
        """The neighbours that lead directly to `job`, with their share, largest first."""
        if job == self.hidden:
            return []
        direct = self.weights * self.graph.links[self.neighbours, job]
        order = np.lexsort((self.neighbours, -direct))
        return [(int(self.neighbours[k]), float(direct[k])) for k in order[:MAX_PATH_SOURCES]
                if direct[k] > 0]


def career_paths(graph: MobilityGraph, coverage: F32, hidden: int | None = None) -> Paths:
    """Path scores of every job for a profile whose coverage of each fiche is `coverage`."""
    candidates = coverage.astype(np.float64).copy()
    if hidden is not None:
        candidates[hidden] = -np.inf
    k = min(PATH_NEIGHBOURS, len(candidates) - (hidden is not None))
    part = np.argpartition(-candidates, k - 1)[:k]
    neighbours = part[np.lexsort((part, -candidates[part]))]
    top = candidates[neighbours]
    best = float(top[0])
    if best <= 0:
        empty = np.zeros(len(coverage), dtype=np.float32)
        return Paths(empty, neighbours[:0], np.zeros(0, dtype=np.float32), graph, 0.0, hidden)
    weights = np.exp((top - best) / (PATH_TEMPERATURE * best))
    weights = (weights / weights.sum()).astype(np.float32)
    rows = graph.links[neighbours]  # a copy: the shared graph is never written
    out_degree = graph.out_degree[neighbours]
    if hidden is not None:
        # as if every link from or to the hidden fiche were gone: it is never a neighbour,
        # so only the links into it are left to remove (and it is then no intermediate job)
        out_degree = out_degree - rows[:, hidden]
        rows[:, hidden] = 0.0
    direct = weights @ rows
    two_steps = (weights @ (rows / np.maximum(out_degree, 1.0)[:, None])) @ graph.links
    if hidden is not None:
        two_steps[hidden] = 0.0
    score = (direct + TWO_STEP * two_steps).astype(np.float32)
    return Paths(score, neighbours.astype(np.int64), weights, graph, best, hidden)
