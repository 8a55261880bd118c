"""Build and load the job search index stored next to the catalog.

Layout of `settings.index_dir / "search"` (its own folder: other features keep their
artefacts in settings.index_dir; written to a temporary folder, then renamed):

- `entries.tsv`  one searchable text per line: text, fiche code, appellation ogr (0 if
  none), source, gender (m/f/n), prior, note
- `vectors.npy`  float16 e5 vectors, one per distinct text, in order of first appearance
- `labels.json`  display forms: appellations {ogr: [code, masculine, feminine]} and
  fiches {code: [label, masculine, feminine]}
- `meta.json`    model id, input fingerprint, counts, build time

Vectors come from the user-level cache (`tremplin.embeddings.encode_cached`), so a rebuild
with unchanged inputs, or a fresh clone on the same machine, costs no encoding.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tremplin.catalog.errors import CatalogMissing
from tremplin.catalog.read import Catalog
from tremplin.config import Settings
from tremplin.embeddings import MODEL_ID, Vectors, encode_cached
from tremplin.search.aliases import ALIAS_FILES, load_aliases, resolve_aliases
from tremplin.search.corpus import SOURCE_PRIOR, Entry, onisep_links, onisep_names, rome_entries

INDEX_VERSION = "2"
RARELY_USED_PRIOR = 0.96
SYNONYM_PRIOR = 0.99  # an appellation that is not the principal one
ONISEP_MARGIN = 0.02  # keep linked fiches whose titles are this close to the best one
ONISEP_MAX_LINKS = 2

Progress = Callable[[int, int], None] | None


@dataclass(frozen=True, slots=True)
class IndexData:
    entries: list[Entry]
    priors: np.ndarray[Any, np.dtype[np.float32]]
    vectors: Vectors  # float32, one per distinct text (first-appearance order)
    titles: dict[int, tuple[str, str, str]]  # ogr -> (code, masculine, feminine)
    fiches: dict[str, tuple[str, str, str]]  # code -> (label, masculine, feminine)
    meta: dict[str, Any]


def _fingerprint(catalog: Catalog) -> str:
    h = hashlib.sha256()
    h.update(f"{INDEX_VERSION}\x00{MODEL_ID}\x00".encode())
    h.update(catalog.meta().get("input_fingerprint", catalog.meta().get("built_at", "")).encode())
    for path in ALIAS_FILES:
        h.update(path.read_bytes())
    for name in ("corpus.py", "index.py", "aliases.py", "normalize.py"):
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()


def _onisep_entries(catalog: Catalog, rome: list[Entry], rome_vecs: Vectors,
                    cache_dir: Path) -> list[Entry]:
    """ONISEP names and synonyms, each pointed at the linked fiche(s) whose titles fit best.

    ONISEP links a métier to ROME v3 codes that split into up to 30 ROME 4.0 fiches; we keep
    the fiches whose closest title is within ONISEP_MARGIN of the best one (at most 2).
    """
    names = onisep_names(catalog)
    links = onisep_links(catalog)
    main = {oid: m for oid, m, _f, src in names if src == "onisep"}
    if not main:
        return []
    by_code: dict[str, list[int]] = {}
    for i, e in enumerate(rome):
        by_code.setdefault(e.code, []).append(i)
    ids = sorted(main)
    qv = encode_cached([main[o] for o in ids], cache_dir)
    chosen: dict[str, list[str]] = {}
    for oid, vec in zip(ids, qv, strict=True):
        codes = [c for c in links.get(oid, []) if c in by_code]
        if not codes:
            continue
        best = [float(np.max(rome_vecs[by_code[c]] @ vec)) for c in codes]
        top = max(best)
        ranked = sorted(zip(best, codes, strict=True), reverse=True)
        chosen[oid] = [c for b, c in ranked if b >= top - ONISEP_MARGIN][:ONISEP_MAX_LINKS]
    out: list[Entry] = []
    for row, (oid, m, f, src) in enumerate(names):
        for code in chosen.get(oid, []):
            forms = [(m, "n")] if m == f or not f else [(m, "m"), (f, "f")]
            for text, g in forms:
                if text:  # note "MET.12#40": the métier and the name row (pairs m/f forms)
                    out.append(Entry(text, code, 0, src, g, note=f"{oid}#{row}"))
    return out


def _collect(catalog: Catalog, settings: Settings, progress: Progress) -> IndexData:
    rome = rome_entries(catalog)
    texts = [e.text for e in rome]
    rome_vecs = encode_cached(texts, settings.cache_dir, progress=progress)
    entries = list(rome)
    entries += _onisep_entries(catalog, rome, rome_vecs, settings.cache_dir)
    titles = {t.ogr: (t.job_code, t.masculine, t.feminine) for t in catalog.job_titles()}
    fiches = {j.code: (j.label, j.label_masculine, j.label_feminine) for j in catalog.all_jobs()}
    for alias in resolve_aliases(load_aliases(), titles, fiches):
        entries.append(Entry(alias.alias, alias.code, alias.ogr, "alias", "n", note=alias.note))
    principal = {t.ogr: (t.is_principal, t.rarely_used) for t in catalog.job_titles()}
    priors = np.ones(len(entries), dtype=np.float32)
    for i, e in enumerate(entries):
        p = SOURCE_PRIOR[e.source]
        if e.source == "appellation":
            is_principal, rarely = principal[e.ogr]
            p *= 1.0 if is_principal else SYNONYM_PRIOR
            p *= RARELY_USED_PRIOR if rarely else 1.0
        priors[i] = p
    unique = list(dict.fromkeys(e.text for e in entries))
    vectors = encode_cached(unique, settings.cache_dir, progress=progress)
    return IndexData(entries, priors, vectors, titles, fiches, {})


def search_index_dir(settings: Settings) -> Path:
    return settings.index_dir / "search"


def build_index(settings: Settings, catalog: Catalog, progress: Progress = None,
                force: bool = False) -> Path:
    """Build the search index into settings.index_dir/search; a no-op when inputs are unchanged.

    Returns the folder. Atomic: readers see the old index or the new one, never a mix.
    """
    target = search_index_dir(settings)
    fingerprint = _fingerprint(catalog)
    meta_path = target / "meta.json"
    if not force and meta_path.exists():
        try:
            if json.loads(meta_path.read_text())["fingerprint"] == fingerprint:
                return target
        except (ValueError, KeyError):
            pass
    started = time.perf_counter()
    data = _collect(catalog, settings, progress)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".search-", dir=target.parent))
    tmp.chmod(0o755)
    try:
        with (tmp / "entries.tsv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                escapechar="\\")
            for e, p in zip(data.entries, data.priors, strict=True):
                writer.writerow([e.text, e.code, e.ogr, e.source, e.gender, f"{p:.4f}", e.note])
        np.save(tmp / "vectors.npy", data.vectors.astype(np.float16))
        labels = {"titles": {str(k): list(v) for k, v in data.titles.items()},
                  "fiches": {k: list(v) for k, v in data.fiches.items()}}
        (tmp / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
        meta = {
            "index_version": INDEX_VERSION, "model": MODEL_ID, "fingerprint": fingerprint,
            "entries": len(data.entries), "vectors": int(data.vectors.shape[0]),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "seconds": round(time.perf_counter() - started, 2),
        }
        (tmp / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        old = None
        if target.exists():
            old = target.with_name(f".search-old-{os.getpid()}")
            target.rename(old)
        tmp.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


class IndexMissing(CatalogMissing, FileNotFoundError):
    """No search index has been built yet (also a FileNotFoundError for callers that expect one).
    The message is in English, `fr` the same in French."""

    fr: str = ""


def load_index(index_dir: Path) -> IndexData:
    meta_path = index_dir / "meta.json"
    if not meta_path.exists():
        missing = IndexMissing(
            f"No search index at {index_dir}. Build it with `tremplin catalog build`."
        )
        missing.fr = (f"Pas d'index de recherche dans {index_dir} : construisez-le avec "
                      "`tremplin catalog build`.")
        raise missing
    entries: list[Entry] = []
    priors: list[float] = []
    with (index_dir / "entries.tsv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in reader:
            text, code, ogr, source, gender, prior, note = row
            entries.append(Entry(text, code, int(ogr), source, gender, note))
            priors.append(float(prior))
    vectors = np.load(index_dir / "vectors.npy").astype(np.float32)
    labels = json.loads((index_dir / "labels.json").read_text(encoding="utf-8"))
    titles = {int(k): (v[0], v[1], v[2]) for k, v in labels["titles"].items()}
    fiches = {k: (v[0], v[1], v[2]) for k, v in labels["fiches"].items()}
    meta = json.loads(meta_path.read_text())
    return IndexData(entries, np.array(priors, dtype=np.float32), vectors, titles, fiches, meta)
