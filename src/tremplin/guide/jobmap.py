"""A map of jobs: a 2-D t-SNE layout of the job embeddings, computed at build time, drawn as
a small accessible SVG where the person's suggestions and profile are placed.

Each fiche is embedded as "label. first sentence of its definition" with the project's
offline encoder. t-SNE (written here in numpy, started from the PCA layout, no randomness)
keeps neighbourhoods: on the real catalog 41 % of each job's 10 nearest jobs stay among its
10 nearest on the map, against 5 % for the two principal axes, which keep only about 8 % of
the variance. The layout, the job vectors (float16, to place new vectors near their closest
jobs) and that neighbourhood figure are written atomically to `index_dir / "jobmap.json"`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tremplin.catalog.titles import split_gendered

JOBMAP_FILE = "jobmap.json"
JOBMAP_VERSION = 2
METHOD = "t-SNE"          # written into the map; a map built another way is not loaded
PERPLEXITY = 30.0         # t-SNE: about how many neighbours each job "sees"
TSNE_ITERATIONS = 750
EXAGGERATION_ITERATIONS = 250
EXAGGERATION = 12.0       # attraction multiplier during the first iterations
PLACE_NEIGHBOURS = 10     # a new vector lands among its closest jobs
KEPT_K = 10               # neighbourhood figure: k nearest jobs kept on the map

# One colour per ROME grand domain (A..N): distinct hues, readable on white.
PALETTE: dict[str, str] = {
    "A": "#2e7d32", "B": "#ad1457", "C": "#5d4037", "D": "#ef6c00", "E": "#6a1b9a",
    "F": "#795548", "G": "#c62828", "H": "#37474f", "I": "#0277bd", "J": "#00897b",
    "K": "#d81b60", "L": "#8e24aa", "M": "#1565c0", "N": "#9e9d24",
}
OTHER_COLOUR = "#757575"


class JobMapMissing(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class JobPoint:
    code: str
    label: str
    grand_domain: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class JobMap:
    points: list[JobPoint]
    grand_domains: dict[str, str]
    vectors: npt.NDArray[np.float32]  # (jobs, dim), same order as points
    neighbours_kept: float            # share of each job's KEPT_K nearest jobs kept on the map
    rome_version: str
    xy: npt.NDArray[np.float32] = field(init=False)  # (jobs, 2), derived from points
    row: dict[str, int] = field(init=False)          # fiche code -> position in points

    def __post_init__(self) -> None:
        object.__setattr__(self, "xy", np.array([[p.x, p.y] for p in self.points], dtype=np.float32)
                           .reshape(len(self.points), 2))
        object.__setattr__(self, "row", {p.code: n for n, p in enumerate(self.points)})

    def point(self, code: str) -> JobPoint | None:
        n = self.row.get(code)
        return None if n is None else self.points[n]

    def project(self, vectors: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Place vectors (n, dim) on the map, (n, 2): among their closest jobs, each of the
        PLACE_NEIGHBOURS nearest weighing its cosine similarity to the fourth power."""
        v = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
        sims = v @ self.vectors.T
        k = min(PLACE_NEIGHBOURS, sims.shape[1])
        near = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        w = np.clip(np.take_along_axis(sims, near, axis=1), 1e-6, None).astype(np.float64) ** 4
        out: npt.NDArray[np.float64] = ((w[:, :, None] * self.xy[near]).sum(axis=1)
                                        / w.sum(axis=1)[:, None])
        return out


# --- build ----------------------------------------------------------------------------------

def job_text(label: str, definition: str) -> str:
    """The text embedded for a fiche: its label and the first sentence of its definition."""
    first = re.split(r"(?<=[.!?])\s|\n", definition.strip(), maxsplit=1)[0].strip()
    return f"{label}. {first}" if first else label


def pca_2d(vectors: npt.ArrayLike) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64],
                                            npt.NDArray[np.float64], tuple[float, float]]:
    """(coordinates (n, 2), mean (dim,), axes (2, dim), explained variance ratios).
    Each axis is signed so that its largest loading is positive: same data, same map."""
    x = np.asarray(vectors, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 3:
        raise ValueError("PCA needs at least 3 vectors")
    mean = x.mean(axis=0)
    centred = x - mean
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:2].copy()
    for i in range(2):
        if axes[i, int(np.argmax(np.abs(axes[i])))] < 0:
            axes[i] = -axes[i]
    total = float((s**2).sum()) or 1.0
    explained = (float(s[0] ** 2 / total), float(s[1] ** 2 / total))
    return centred @ axes.T, mean, axes, explained


def _affinities(x: npt.NDArray[np.float64], perplexity: float) -> npt.NDArray[np.float64]:
    """Symmetric t-SNE input affinities: a Gaussian per job whose width gives it
    `perplexity` effective neighbours (bisection on the precision, all rows at once)."""
    n = x.shape[0]
    sq = (x * x).sum(axis=1)
    d = np.maximum(sq[:, None] + sq[None, :] - 2 * x @ x.T, 0.0)
    off = ~np.eye(n, dtype=bool)
    d = np.where(off, d - np.where(off, d, np.inf).min(axis=1, keepdims=True), 0.0)
    target = np.log(min(perplexity, (n - 1) / 3))
    lo, hi, beta = np.zeros(n), np.full(n, np.inf), np.ones(n)
    for _ in range(100):
        p = np.exp(-d * beta[:, None]) * off
        total = p.sum(axis=1)
        entropy = np.log(total) + beta * (d * p).sum(axis=1) / total
        wide = entropy > target
        lo, hi = np.where(wide, beta, lo), np.where(wide, hi, beta)
        beta = np.where(np.isinf(hi), beta * 2, (lo + hi) / 2)
    p = p / p.sum(axis=1, keepdims=True)
    out: npt.NDArray[np.float64] = np.maximum((p + p.T) / (2 * n), 1e-12)
    return out


def tsne_2d(vectors: npt.ArrayLike, perplexity: float = PERPLEXITY,
            iterations: int = TSNE_ITERATIONS) -> npt.NDArray[np.float64]:
    """2-D t-SNE layout (n, 2), deterministic: started from the PCA layout, plain gradient
    descent with momentum, gains and early exaggeration (the usual recipe)."""
    x = np.asarray(vectors, dtype=np.float64)
    n = x.shape[0]
    p = _affinities(x, perplexity)
    y, *_ = pca_2d(x)
    y = y / (np.std(y[:, 0]) or 1.0) * 1e-4
    rate = max(n / EXAGGERATION / 4.0, 50.0)
    step, gains = np.zeros_like(y), np.ones_like(y)
    for it in range(iterations):
        early = it < EXAGGERATION_ITERATIONS
        sq = (y * y).sum(axis=1)
        num = 1.0 / (1.0 + sq[:, None] + sq[None, :] - 2 * y @ y.T)
        np.fill_diagonal(num, 0.0)
        q = np.maximum(num / num.sum(), 1e-12)
        w = ((EXAGGERATION if early else 1.0) * p - q) * num
        grad = 4.0 * (w.sum(axis=1)[:, None] * y - w @ y)
        gains = np.maximum(np.where(np.sign(grad) != np.sign(step), gains + 0.2, gains * 0.8), 0.01)
        step = (0.5 if early else 0.8) * step - rate * gains * grad
        y = y + step
        y = y - y.mean(axis=0)
    return y


def neighbours_kept(vectors: npt.ArrayLike, coords: npt.ArrayLike, k: int = KEPT_K) -> float:
    """Share of each job's k nearest jobs (cosine) that are among its k nearest on the map."""
    v = np.asarray(vectors, dtype=np.float64)
    xy = np.asarray(coords, dtype=np.float64)
    sims = v @ v.T
    np.fill_diagonal(sims, -np.inf)
    dist = ((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=-1)
    np.fill_diagonal(dist, np.inf)
    true = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    mapped = np.argsort(dist, axis=1, kind="stable")[:, :k]
    kept = [len(set(a.tolist()) & set(b.tolist())) for a, b in zip(true, mapped, strict=True)]
    return float(np.mean(kept)) / k


def _fingerprint(jobs: Sequence[Any], texts: Sequence[str], model: str) -> str:
    method = (JOBMAP_VERSION, PERPLEXITY, TSNE_ITERATIONS, EXAGGERATION_ITERATIONS, EXAGGERATION,
              KEPT_K, model)
    h = hashlib.sha256(repr(method).encode())
    for job, text in zip(jobs, texts, strict=True):
        h.update(f"\0{job.code}\0{job.grand_domain_code}\0{job.grand_domain_label}\0{text}".encode())
    return h.hexdigest()


def _built_from(path: Path, inputs: str) -> bool:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(doc, dict) and doc.get("version") == JOBMAP_VERSION and doc.get("inputs") == inputs


def build_jobmap(settings: Any, catalog: Any, *, encode: Any = None) -> Path:
    """Compute the job map and write it atomically to settings.index_dir / jobmap.json.
    `encode(texts) -> vectors` defaults to the cached offline encoder (one-time cost)."""
    from tremplin.embeddings import MODEL_ID, encode_cached

    jobs = catalog.all_jobs()
    texts = [job_text(j.label, j.definition) for j in jobs]
    out = Path(settings.index_dir) / JOBMAP_FILE
    inputs = _fingerprint(jobs, texts, MODEL_ID)
    if encode is None and _built_from(out, inputs):
        return out  # same jobs, texts, model and method: nothing to redo
    vectors = encode(texts) if encode is not None else encode_cached(texts, settings.cache_dir)
    vectors = np.asarray(vectors, dtype=np.float32)
    coords = tsne_2d(vectors)
    rome = next((s.version for s in catalog.sources() if s.dataset == "rome"), "")
    doc = {
        "version": JOBMAP_VERSION,
        "model": MODEL_ID,
        "rome_version": rome,
        "method": METHOD,
        "inputs": inputs,
        "neighbours_kept": round(neighbours_kept(vectors, coords), 4),
        "grand_domains": dict(sorted({j.grand_domain_code: j.grand_domain_label for j in jobs}.items())),
        "vectors_f16": base64.b64encode(vectors.astype("<f2").tobytes()).decode("ascii"),
        "dim": int(vectors.shape[1]),
        "points": [
            [j.code, j.label, j.grand_domain_code, round(float(c[0]), 5), round(float(c[1]), 5)]
            for j, c in zip(jobs, coords, strict=True)
        ],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".jobmap-", suffix=".json", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        os.chmod(tmp, 0o644)  # public data, readable like the other indexes
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


_cache: dict[Path, tuple[float, JobMap]] = {}
_cache_lock = threading.Lock()


def load_jobmap(settings: Any) -> JobMap:
    """The built job map (re-read when the file changes)."""
    path = Path(settings.index_dir) / JOBMAP_FILE
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        raise JobMapMissing(
            f"No job map at {path}: build it with `tremplin catalog build`."
        ) from None
    with _cache_lock:
        hit = _cache.get(path)
        if hit and hit[0] == mtime:
            return hit[1]
        doc = json.loads(path.read_text(encoding="utf-8"))
        # the page explains METHOD (method_paragraphs): a map built another way is stale
        if doc.get("version") != JOBMAP_VERSION or doc.get("method", METHOD) != METHOD:
            raise JobMapMissing(f"The job map at {path} is stale: rebuild the catalog.")
        points = [JobPoint(str(c), str(lb), str(g), float(x), float(y))
                  for c, lb, g, x, y in doc["points"]]
        raw = np.frombuffer(base64.b64decode(doc["vectors_f16"]), dtype="<f2")
        jm = JobMap(
            points=points,
            grand_domains={str(k): str(v) for k, v in doc["grand_domains"].items()},
            vectors=raw.astype(np.float32).reshape(len(points), int(doc["dim"])),
            neighbours_kept=float(doc["neighbours_kept"]),
            rome_version=str(doc["rome_version"]),
        )
        _cache[path] = (mtime, jm)
        return jm


def profile_point(
    jobmap: JobMap,
    suggestion_codes: Sequence[str] = (),
    competence_vectors: npt.ArrayLike | None = None,
) -> tuple[float, float] | None:
    """Where the person stands: the mean meaning (vector) of their suggestions, or without
    suggestions of their competences, placed among its closest jobs. (The mean of 2-D points
    would fall in the empty space between two clusters of a t-SNE map.)"""
    picked = [jobmap.row[c] for c in suggestion_codes if c in jobmap.row]
    if picked:
        xy = jobmap.project(jobmap.vectors[picked].astype(np.float64).mean(axis=0))[0]
        return float(xy[0]), float(xy[1])
    if competence_vectors is not None:
        v = np.atleast_2d(np.asarray(competence_vectors, dtype=np.float64))
        if v.shape[0] and v.shape[1] == jobmap.vectors.shape[1]:
            xy = jobmap.project(v.mean(axis=0))[0]
            return float(xy[0]), float(xy[1])
    return None


# --- SVG ------------------------------------------------------------------------------------

_TEXT = {
    "fr": {
        "title": "Carte des métiers",
        "desc": (
            "Chaque point est un des {n} métiers du ROME {rome}, placé selon le sens de son "
            "intitulé et de sa définition : deux métiers proches sur la carte sont décrits avec "
            "des mots proches. Seuls les voisinages comptent : les axes et les grandes distances "
            "n'ont pas de sens précis.{kept} Les couleurs indiquent les grands domaines."
        ),
        "kept": " Sur {n} voisins les plus proches d'un métier, {k} le restent en moyenne sur la carte.",
        "sugg": " Tes pistes : {names}.",
        "you": "Toi",
        "you_desc": (" Le point « Toi » est placé près des métiers dont le sens est le plus "
                     "proche de l'ensemble de tes pistes."),
        "legend": "Grands domaines",
    },
    "en": {
        "title": "Map of jobs",
        "desc": (
            "Each dot is one of the {n} jobs of ROME {rome}, placed by the meaning of its title "
            "and definition: two jobs close on the map are described with close words. Only "
            "neighbourhoods matter: the axes and long distances have no precise meaning.{kept} "
            "Colours show the broad domains."
        ),
        "kept": " Of a job's {n} closest jobs, {k} stay among its closest on the map on average.",
        "sugg": " Your ideas: {names}.",
        "you": "You",
        "you_desc": (" The 'You' point sits near the jobs closest in meaning to all your "
                     "ideas together."),
        "legend": "Broad domains",
    },
}


# How the map is drawn, for the explanation page ({method}: METHOD).
_METHOD_TEXT: dict[str, list[str]] = {
    "fr": [
        "Chaque métier du répertoire a un plongement de 384 nombres. Pour dessiner les métiers "
        "sur une feuille, Tremplin utilise une méthode appelée {method}. Elle place près l'un "
        "de l'autre les métiers décrits avec des mots proches.",
        "Aplatir 384 dimensions en 2 perd beaucoup d'information. Seuls les voisinages "
        "comptent : les axes n'ont pas de nom, et les grandes distances n'ont pas de sens "
        "précis. Deux groupes loin l'un de l'autre ne sont pas forcément très différents.",
    ],
    "en": [
        "Every job in the directory has an embedding of 384 numbers. To draw the jobs on a "
        "page, Tremplin uses a method called {method}. It places jobs described with close "
        "words near each other.",
        "Flattening 384 dimensions into 2 loses a lot of information. Only neighbourhoods "
        "matter: the axes have no name, and long distances have no precise meaning. Two "
        "groups far apart on the map are not necessarily very different.",
    ],
}


def method_paragraphs(lang: str = "fr") -> list[str]:
    """How the map is drawn, in plain words, for the explanation page: the method every map
    this code loads was built with (METHOD)."""
    return [p.format(method=METHOD) for p in _METHOD_TEXT["en" if lang == "en" else "fr"]]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _short(label: str, n: int = 30) -> str:
    """A map label: the masculine form of a gendered ROME title, whole ("Vendeur / Vendeuse en
    boulangerie" -> "Vendeur en boulangerie"; cut at " / " two sellers both read "Vendeur"),
    shortened with "…" past n characters."""
    label = split_gendered(label)[0]
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


# A label's box at font-size 11, as wide as the widest common sans-serif draws it (DejaVu
# Sans; Arial, Roboto or Liberation Sans are narrower), with its white halo: boxes that do
# not meet on the map are texts that do not touch on any screen, the map being scaled as one.
_NARROW = frozenset("fijlrtI.,:;!|'’()[]/- ")
_WIDE = frozenset("mwMW…—%@")
LABEL_ABOVE, LABEL_BELOW = 11.0, 3.0  # from the baseline, the halo included


def _label_width(text: str, bold: bool = False) -> float:
    em = sum(0.34 if c in _NARROW else 0.98 if c in _WIDE
             else 0.74 if c.isupper() else 0.64 for c in text)
    return em * 11 * (1.08 if bold else 1.0) + 3


def _fitted(text: str, width: float) -> str:
    """`text`, cut with "…" until its label is at most `width` wide."""
    while len(text) > 2 and _label_width(text) > width:
        text = text[:-2].rstrip() + "…"
    return text


def render_jobmap_svg(
    points: Sequence[JobPoint],
    highlights: Sequence[str] | Mapping[str, str] = (),
    profile_point: tuple[float, float] | None = None,
    lang: str = "fr",
    *,
    grand_domains: Mapping[str, str] | None = None,
    rome_version: str = "",
    id_prefix: str = "jobmap",
    kept: float | None = None,
) -> str:
    """An accessible SVG of the map: title and description, one path of dots per grand
    domain with a legend, suggestions ringed and labelled, the profile point marked.
    `highlights` are fiche codes (or code -> label to show)."""
    t = _TEXT["en" if lang == "en" else "fr"]
    # ROME labels (domains, suggestions) exist in French only: marked so on other pages
    fr = "" if lang == "fr" else ' lang="fr"'
    w, h, pad = 640, 420, 16
    by_code = {p.code: p for p in points}
    labels = dict(highlights) if isinstance(highlights, Mapping) else {c: "" for c in highlights}
    marked = [(by_code[c], lb or by_code[c].label) for c, lb in labels.items() if c in by_code]
    xs = [p.x for p in points] or [0.0]
    ys = [p.y for p in points] or [0.0]
    if profile_point is not None:
        xs.append(profile_point[0])
        ys.append(profile_point[1])
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx = (w - 2 * pad) / ((x1 - x0) or 1.0)
    sy = (h - 2 * pad) / ((y1 - y0) or 1.0)

    def px(x: float, y: float) -> tuple[int, int]:
        return round(pad + (x - x0) * sx), round(h - pad - (y - y0) * sy)

    domains = dict(grand_domains or {})
    for p in points:
        domains.setdefault(p.grand_domain, p.grand_domain)
    codes = sorted(domains)
    legend_rows = (len(codes) + 1) // 2
    total_h = h + 24 + legend_rows * 16 + 8
    pid = re.sub(r"[^A-Za-z0-9_-]", "", id_prefix) or "jobmap"

    kept_text = "" if kept is None else t["kept"].format(n=KEPT_K, k=f"{kept * KEPT_K:.1f}".replace(
        ".", "," if lang != "en" else "."))
    desc = t["desc"].format(n=len(points), rome=rome_version, kept=kept_text).replace("ROME  ", "ROME ")
    if marked:
        desc += t["sugg"].format(names=", ".join(lb for _, lb in marked))
    if profile_point is not None:
        desc += t["you_desc"]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {total_h}" role="img" '
        f'aria-labelledby="{pid}-t {pid}-d" class="jobmap" font-family="sans-serif" font-size="11">',
        f'<title id="{pid}-t">{_esc(t["title"])}</title>',
        f'<desc id="{pid}-d">{_esc(desc)}</desc>',
        f'<rect width="{w}" height="{h}" fill="#fff" stroke="#999"/>',
        '<g stroke-width="4" stroke-linecap="round" stroke-opacity=".75" fill="none" aria-hidden="true">',
    ]
    for g in codes:
        pts = [px(p.x, p.y) for p in points if p.grand_domain == g]
        if not pts:
            continue
        d = "".join(f"M{a} {b}h0" for a, b in dict.fromkeys(pts))
        colour = PALETTE.get(g, OTHER_COLOUR)
        out.append(f'<path stroke="{colour}" d="{d}"><title{fr}>{_esc(domains[g])}</title></path>')
    out.append("</g>")

    # Suggestions: a ring and a label. Each label goes to the closest spot where it covers
    # no other label, no ring and no edge: first right beside its ring, else farther away
    # with a thin line back to it (ideas close in meaning sit close together on the map).
    rings = [px(p.x, p.y) for p, _ in marked]
    you = px(*profile_point) if profile_point is not None else None
    taken: list[tuple[float, float, float, float]] = [
        (a - 7.0, b - 7.0, a + 7.0, b + 7.0) for a, b in rings]
    if you is not None:
        taken.append((you[0] - 9.0, you[1] - 9.0, you[0] + 9.0, you[1] + 9.0))
    near = ((8, 4, "start"), (-8, 4, "end"), (0, -10, "middle"), (0, 18, "middle"),
            (8, -10, "start"), (8, 18, "start"), (-8, -10, "end"), (-8, 18, "end"))

    def spots(ax: int, ay: int) -> Iterator[tuple[float, float, str, bool]]:
        for dx, dy, anchor in near:
            yield ax + dx, ay + dy, anchor, False
        for r in range(20, w + h, 8):  # farther and farther, 24 directions a round
            for k in range(24):
                cos, sin = math.cos(math.pi * k / 12), math.sin(math.pi * k / 12)
                anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
                yield ax + r * cos, ay + r * sin + 4, anchor, True

    def place(ax: int, ay: int, text: str, bold: bool = False) -> tuple[float, float, str, str]:
        """Where the label goes (x, baseline, text-anchor) and the line back to its ring."""
        tw = _label_width(text, bold)
        for x, y, anchor, far in spots(ax, ay):
            left = x - (tw if anchor == "end" else tw / 2 if anchor == "middle" else 0)
            box = (left, y - LABEL_ABOVE, left + tw, y + LABEL_BELOW)
            if not (box[0] >= 1 and box[2] <= w - 1 and box[1] >= 1 and box[3] <= h - 1) or any(
                    box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                    for b in taken):
                continue
            taken.append(box)
            line = ""
            if far:  # from the ring's edge to the closest point of the label's box
                tx, ty = min(max(ax, box[0]), box[2]), min(max(ay, box[1]), box[3])
                d = math.hypot(tx - ax, ty - ay) or 1.0
                line = (f'<path d="M{ax + (tx - ax) * 8 / d:.0f} {ay + (ty - ay) * 8 / d:.0f}'
                        f'L{tx:.0f} {ty:.0f}" stroke="#000" stroke-width="1"/>')
            return x, y, anchor, line
        return ax + 8, ay + 4, "start", ""  # no room left at all (never with a dozen labels)

    lines: list[str] = []
    texts: list[str] = []
    for n, ((_, label), (a, b)) in enumerate(zip(marked, rings, strict=True), start=1):
        text = f"{n}. {_short(label)}"
        tx, ty, anchor, line = place(a, b, text)
        lines.append(line)
        texts.append(
            f'<text x="{tx:.0f}" y="{ty:.0f}" text-anchor="{anchor}" stroke="#fff" stroke-width="3" '
            f'paint-order="stroke" fill="#000"{fr}>{_esc(text)}</text>')
    if you is not None:
        a, b = you
        tx, ty, anchor, line = place(a, b, t["you"], bold=True)
        lines.append(line)
        texts.append(
            f'<text x="{tx:.0f}" y="{ty:.0f}" text-anchor="{anchor}" font-weight="bold" '
            f'stroke="#fff" stroke-width="3" paint-order="stroke" fill="#000">'
            f'{_esc(t["you"])}</text>')
    if marked or you is not None:  # rings, then lines, then labels: no label under a ring
        out.append('<g class="jobmap-marks">')
        out += [f'<circle cx="{a}" cy="{b}" r="6" fill="none" stroke="#000" stroke-width="2"/>'
                for a, b in rings]
        if you is not None:
            a, b = you
            out.append(f'<path class="jobmap-you" d="M{a} {b - 8}L{a + 8} {b}L{a} {b + 8}'
                       f'L{a - 8} {b}Z" fill="#000" stroke="#fff" stroke-width="1.5"/>')
        out += [line for line in lines if line] + texts
        out.append("</g>")

    out.append(f'<g class="jobmap-legend"><text x="4" y="{h + 18}" font-weight="bold">'
               f'{_esc(t["legend"])}</text>')
    for i, g in enumerate(codes):
        col, row = divmod(i, legend_rows)
        lx, ly = 4 + col * (w // 2), h + 24 + row * 16 + 10
        out.append(
            f'<circle cx="{lx + 5}" cy="{ly - 4}" r="4.5" fill="{PALETTE.get(g, OTHER_COLOUR)}"/>'
            f'<text x="{lx + 14}" y="{ly}"{fr}>'
            f'{_esc(_fitted(f"{g} — {_short(domains[g], 48)}", w // 2 - 20))}</text>'
        )
    out.append("</g></svg>")
    return "".join(out)


def render_for(
    jobmap: JobMap, suggestion_codes: Sequence[str] = (), lang: str = "fr",
    competence_vectors: npt.ArrayLike | None = None,
) -> str:
    """Convenience for the pages: the map with these suggestions and the profile point."""
    return render_jobmap_svg(
        jobmap.points, list(suggestion_codes),
        profile_point(jobmap, suggestion_codes, competence_vectors), lang,
        grand_domains=jobmap.grand_domains, rome_version=jobmap.rome_version,
        kept=jobmap.neighbours_kept,
    )
