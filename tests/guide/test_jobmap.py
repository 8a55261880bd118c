from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from tremplin.catalog.read import Catalog
from tremplin.guide.jobmap import (
    JOBMAP_FILE,
    JobMap,
    JobPoint,
    build_jobmap,
    job_text,
    neighbours_kept,
    pca_2d,
    profile_point,
    render_for,
    render_jobmap_svg,
    tsne_2d,
)

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_job_text_uses_the_first_sentence() -> None:
    assert job_text("Boulanger", "Prépare le pain. Vend aussi.\nAutre.") == "Boulanger. Prépare le pain."
    assert job_text("Boulanger", "Prépare le pain\nVend aussi.") == "Boulanger. Prépare le pain"
    assert job_text("Boulanger", "") == "Boulanger"


def test_pca_is_deterministic_and_sign_fixed() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(50, 8)) * np.array([5, 3, 1, 1, 1, 1, 1, 1])
    c1, mean, axes, explained = pca_2d(x)
    c2, *_ = pca_2d(x.copy())
    assert np.array_equal(c1, c2)
    perm = rng.permutation(50)
    c3, *_ = pca_2d(x[perm])
    assert np.allclose(c3, c1[perm])  # same map whatever the order of the jobs
    for row in axes:
        assert row[np.argmax(np.abs(row))] > 0
    assert explained[0] >= explained[1] > 0
    assert np.allclose((x - mean) @ axes.T, c1)
    with pytest.raises(ValueError):
        pca_2d(x[:2])


def test_tsne_keeps_clusters_and_is_deterministic() -> None:
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(4, 16)) * 6
    x = np.vstack([c + rng.normal(size=(40, 16)) for c in centres])
    labels = np.repeat(np.arange(4), 40)
    y1, y2 = tsne_2d(x, perplexity=10, iterations=400), tsne_2d(x, perplexity=10, iterations=400)
    assert np.array_equal(y1, y2)
    dist = ((y1[:, None] - y1[None]) ** 2).sum(-1)
    np.fill_diagonal(dist, np.inf)
    assert np.mean(labels[dist.argmin(axis=1)] == labels) > 0.95  # nearest on the map: same cluster
    pca, *_ = pca_2d(x)
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    assert neighbours_kept(unit, y1) > neighbours_kept(unit, pca)


def test_built_map_covers_every_job(jobmap: JobMap, catalog: Catalog, jobmap_settings: object) -> None:
    codes = {p.code for p in jobmap.points}
    assert codes == set(catalog.iter_job_codes())
    assert set(jobmap.grand_domains) == {j.grand_domain_code for j in catalog.all_jobs()}
    assert jobmap.vectors.shape == (len(codes), 384) and jobmap.rome_version == "60"
    index_dir = jobmap_settings.index_dir  # type: ignore[attr-defined]
    assert [p.name for p in index_dir.iterdir()] == [JOBMAP_FILE]  # no temporary file left
    doc = json.loads((index_dir / JOBMAP_FILE).read_text())
    assert doc["version"] == 2 and doc["method"] == "t-SNE" and len(doc["points"]) == len(codes)


def test_rebuild_with_the_same_inputs_is_skipped(jobmap_settings: object, catalog: Catalog) -> None:
    path = jobmap_settings.index_dir / JOBMAP_FILE  # type: ignore[attr-defined]
    before = path.stat().st_mtime_ns
    assert build_jobmap(jobmap_settings, catalog) == path
    assert path.stat().st_mtime_ns == before


def test_map_has_meaningful_neighbourhoods(jobmap: JobMap) -> None:
    """Jobs of the same grand domain sit closer together than jobs drawn at random."""
    pts = jobmap.points
    xy = np.array([[p.x, p.y] for p in pts])
    groups = np.array([p.grand_domain for p in pts])
    within = np.mean([
        np.linalg.norm(xy[groups == g] - xy[groups == g].mean(axis=0), axis=1).mean()
        for g in set(groups)
    ])
    overall = np.linalg.norm(xy - xy.mean(axis=0), axis=1).mean()
    assert within < 0.9 * overall
    # measured at build time: PCA kept 5 % of the 10 nearest neighbours, t-SNE about 41 %
    assert jobmap.neighbours_kept > 0.3


def test_profile_point(jobmap: JobMap) -> None:
    a, b = jobmap.point("D1102"), jobmap.point("D1104")  # Boulanger, Pâtissier
    assert a is not None and b is not None
    xy = np.array([[p.x, p.y] for p in jobmap.points])
    spread = float(np.linalg.norm(xy.max(axis=0) - xy.min(axis=0)))
    both = profile_point(jobmap, ["D1102", "D1104", "nope"])
    assert both is not None  # the mean meaning of two close jobs lands next to them
    assert min(np.hypot(both[0] - p.x, both[1] - p.y) for p in (a, b)) < 0.05 * spread
    assert profile_point(jobmap, ["D1102", "D1104"]) == both  # reproducible
    assert profile_point(jobmap, []) is None
    assert profile_point(jobmap, [], np.zeros((0, 384))) is None
    # a vector is placed among its closest jobs: a fiche's own vector lands next to its dot
    k = next(i for i, p in enumerate(jobmap.points) if p.code == "D1102")
    placed = profile_point(jobmap, [], jobmap.vectors[k][None, :])
    assert placed is not None
    assert float(np.hypot(placed[0] - a.x, placed[1] - a.y)) < 0.05 * spread


def test_svg_is_small_accessible_and_labelled(jobmap: JobMap, catalog: Catalog) -> None:
    codes = ["D1102", "G1602", "M1805", "J1506", "F1703"]
    svg = render_for(jobmap, codes, "fr")
    assert len(svg.encode()) < 60_000
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
    assert title is not None and title.text == "Carte des métiers"
    assert desc is not None and desc.text and "1584 métiers" in desc.text and "ROME 60" in desc.text
    assert "le restent en moyenne" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")]
    for n, code in enumerate(codes, start=1):
        job = catalog.get_job(code)
        assert job is not None
        assert any(t.startswith(f"{n}. {job.label.split(' / ')[0][:20]}") for t in texts)
        assert job.label in desc.text
    assert "Toi" in texts
    gd = {j.grand_domain_code: j.grand_domain_label for j in catalog.all_jobs()}
    legend = [t for t in texts if " — " in t]
    assert len(legend) == len(gd)
    dots = root.find(f"{SVG_NS}g")
    assert dots is not None and dots.get("aria-hidden") == "true"
    assert len(dots.findall(f"{SVG_NS}path")) == len(gd)  # one path of dots per domain
    assert "Map of jobs" in render_for(jobmap, codes, "en")


def test_svg_escapes_labels_and_ids() -> None:
    pts = [JobPoint("A0001", "<script>x</script> & co", "A", 0.0, 0.0),
           JobPoint("A0002", "l'autre \"métier\"", "A", 1.0, 1.0),
           JobPoint("B0001", "b", "B", 0.5, 0.2)]
    svg = render_jobmap_svg(pts, {"A0001": "<b>moi</b>", "ZZZ": "absent"}, (0.5, 0.5), "fr",
                            grand_domains={"A": "Dom <A>", "B": "Dom B"}, id_prefix='x" onload="y')
    root = ET.fromstring(svg)
    assert "<script>" not in svg and "<b>" not in svg and ' onload=' not in svg
    assert any("<b>moi</b>" in "".join(t.itertext()) for t in root.iter(f"{SVG_NS}text"))
    assert "absent" not in svg


def test_svg_without_highlights_or_points() -> None:
    ET.fromstring(render_jobmap_svg([], [], None, "en"))
    svg = render_jobmap_svg([JobPoint("A0001", "x", "A", 0.0, 0.0)], [], None, "fr")
    assert "Toi" not in svg and "jobmap-marks" not in svg


def test_two_sellers_are_not_both_labelled_seller() -> None:
    pts = [JobPoint("D1106", "Vendeur / Vendeuse en alimentation générale", "D", 0.1, 0.1),
           JobPoint("D1214", "Vendeur / Vendeuse en prêt-à-porter", "D", 0.9, 0.9)]
    root = ET.fromstring(render_jobmap_svg(pts, ["D1106", "D1214"], None, "fr"))
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")]
    assert "1. Vendeur en alimentation génér…" in texts, texts
    assert "2. Vendeur en prêt-à-porter" in texts, texts
