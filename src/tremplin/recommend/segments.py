"""Per-segment maximum of the rows of a matrix, the scoring's hottest step.

A fiche's best match with each profile item is the maximum over the rows of its ~65 items:
`np.maximum.reduceat(M[rows], starts, axis=0)` does that, but walks each column of every
segment with a stride, and took 36 ms of a 100 ms recommendation. Here the segments are
laid out once as a padded (segments x width) table of row numbers, in a few buckets of
similar lengths, so that one gather and a few element-wise maxima per bucket reduce
contiguous rows (8 ms for the same work; bench/latency_bench.py measures both ways).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

I64 = np.ndarray[Any, np.dtype[np.int64]]
F32 = np.ndarray[Any, np.dtype[np.float32]]

# Few buckets keep the padding small (7 % more rows than the fiches' items, with 8) without
# paying numpy's per-call cost many times.
BUCKETS = 8


@dataclass(frozen=True, slots=True)
class SegmentMax:
    """The maximum, per segment, of the rows `rows[starts[k]:starts[k + 1]]` of a matrix."""

    buckets: tuple[tuple[I64, I64], ...]  # (segment numbers, (segments, width) row numbers)
    empty: I64                            # segments without a row: their maximum is 0
    n_segments: int

    @classmethod
    def build(cls, rows: I64, starts: I64, buckets: int = BUCKETS) -> SegmentMax:
        """`starts`: where each segment begins in `rows`, non-decreasing; a segment ends where
        the next begins (the last at the end of `rows`)."""
        rows = np.asarray(rows, dtype=np.int64)
        starts = np.asarray(starts, dtype=np.int64)
        if len(starts) and (starts[0] < 0 or np.any(np.diff(starts) < 0)
                            or starts[-1] > len(rows)):
            raise ValueError("segment starts must be non-decreasing positions in rows")
        ends = np.append(starts[1:], len(rows)).astype(np.int64)
        lengths = ends - starts
        filled = np.nonzero(lengths > 0)[0]
        order = filled[np.argsort(lengths[filled], kind="stable")]
        parts = []
        for part in np.array_split(order, min(buckets, len(order))) if len(order) else []:
            width = int(lengths[part].max())
            # a short segment is padded with its own first row: repeating a row leaves its
            # maximum as it was, whatever the sign of the values
            offsets = np.minimum(np.arange(width)[None, :], lengths[part][:, None] - 1)
            table = rows[starts[part][:, None] + offsets]
            parts.append((part.astype(np.int64), np.ascontiguousarray(table, dtype=np.int64)))
        return cls(tuple(parts), np.nonzero(lengths == 0)[0].astype(np.int64), len(starts))

    def __call__(self, matrix: F32) -> F32:
        """(segments, columns): each segment's maximum of the matrix's rows, column by column
        (or (segments,) for a vector)."""
        out: F32 = np.empty((self.n_segments, *matrix.shape[1:]), dtype=matrix.dtype)
        for part, table in self.buckets:
            out[part] = _max_of_rows(np.take(matrix, table, axis=0))
        out[self.empty] = 0
        return out


def _max_of_rows(gathered: F32) -> F32:
    """The maximum over axis 1, by halving it in place: log2(width) element-wise maxima of
    contiguous blocks run faster than numpy's reduction over a middle axis (9 ms against
    12 ms for a profile of 33 items)."""
    width = gathered.shape[1]
    while width > 1:
        half = width // 2
        # with an odd width, the middle row is left as it is and stays in the first part
        np.maximum(gathered[:, :half], gathered[:, width - half:width], out=gathered[:, :half])
        width -= half
    out: F32 = gathered[:, 0]
    return out
