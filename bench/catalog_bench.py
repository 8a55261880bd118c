"""Catalog build benchmark: full build time, peak memory and size, against the no-op check.

Run: .venv/bin/python bench/catalog_bench.py  (builds into a temporary TREMPLIN_HOME)
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tremplin.catalog.build import build_catalog
from tremplin.catalog.read import Catalog
from tremplin.config import load_settings


def main(runs: int = 3) -> None:
    with tempfile.TemporaryDirectory() as home:
        settings = load_settings(home=Path(home))
        full = []
        for _ in range(runs):
            started = time.perf_counter()
            result = build_catalog(settings, force=True)
            full.append(time.perf_counter() - started)
        noop = []
        for _ in range(runs):
            started = time.perf_counter()
            assert not build_catalog(settings).rebuilt
            noop.append(time.perf_counter() - started)
        catalog = Catalog(settings.catalog_path)
        counts = catalog.table_counts()
        catalog.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"data dir            {settings.data_dir.name}")
    print(f"full build          median {statistics.median(full):.2f} s  (runs: "
          + ", ".join(f"{t:.2f}" for t in full) + ")")
    print(f"up-to-date check    median {statistics.median(noop) * 1000:.0f} ms (baseline: hashing"
          " inputs only)")
    print(f"catalog size        {result.size_bytes / 1e6:.1f} MB")
    print(f"peak RSS            {peak_mb:.0f} MB")
    for table in ("jobs", "job_titles", "competences", "knowledge", "job_items", "mobilities",
                  "onisep_jobs", "trainings", "places"):
        print(f"  {table:<18} {counts[table]:>8}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
