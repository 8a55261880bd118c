"""The recommendation index: every ROME item a fiche lists (competences, macro-competences,
savoirs, work contexts) with its sentence vector, and the fiche -> item weights.

Vectors are built once from the embedding cache and written atomically to
`<index_dir>/recommend-vectors.npz`; the rest is read from the catalog when loading.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tremplin.catalog.read import Catalog
from tremplin.longlived import settle_long_lived

if TYPE_CHECKING:  # centres.py and explain.py import this module
    from tremplin.recommend.centres import CentreLinks
    from tremplin.recommend.explain import JobFacts
from tremplin.recommend.diplomas import DIPLOMA_WORDS, DiplomaNames
from tremplin.recommend.paths import MobilityGraph
from tremplin.recommend.segments import SegmentMax
from tremplin.recommend.text import (
    Neutraliser,
    employer_words,
    expand,
    fold,
    negated,
    only_self_words,
    tokens,
    without_elsewhere,
    words_key,
    written_out,
)
from tremplin.search.normalize import ABBREVIATIONS

INDEX_VERSION = "1"
VECTORS_FILE = "recommend-vectors.npz"

# How much one item of a fiche weighs, by kind, and by coeur de métier (see docs/scoring.md).
KIND_WEIGHT = {
    "competence": 1.0,       # savoir-faire
    "soft": 0.5,             # savoir-être professionnel
    "macro": 1.0,
    "knowledge": 0.6,        # savoirs
    "certification": 0.4,    # diplomas and licences
    "context": 0.3,          # work contexts
}
CORE_WEIGHT = {"Principale": 2.0, "Émergente": 1.5, "": 1.0}
# Labels about managing, planning or designing: rarely what an everyday experience shows.
MANAGING = re.compile(
    r"^(superviser|planifier|diriger|manager|recruter|piloter|coordonner|concevoir|elaborer|"
    r"definir|negocier|analyser|evaluer|organiser le travail)|gestion financiere|"
    r"encadrer (une|l') equipe|gerer (l'|les|une|un) (equipe|personnel|budget)")
# a subject right before a job's name makes it a verb, not a job: "I cook for my family"
BARE_SUBJECTS = frozenset({"i", "je", "j"})
MAX_TITLE_WORDS = 6       # longest job title looked for, word for word, in a text
MIN_TITLE_CHARS = 4       # shorter titles ("DJ") are too ambiguous to spot in a sentence
SUGGESTABLE = ("competence", "soft", "macro", "knowledge", "certification")

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class JobInfo:
    code: str
    title: str
    domain_code: str
    grand_domain: str
    riasec_major: str
    riasec_minor: str
    domain_label: str = ""  # the ROME domain's name, which explanations say


class RecommendIndex:
    """Read-only arrays shared by all requests (safe to use from several threads)."""

    def __init__(self, catalog: Catalog, vectors: F32, item_ogr: list[int],
                 item_kind: list[str], item_label: list[str], item_macro: list[int],
                 jobs: list[JobInfo], entries: list[tuple[int, int, str]]) -> None:
        self.catalog = catalog
        self.vectors = vectors
        self.item_ogr = np.asarray(item_ogr, dtype=np.int64)
        self.item_kind = item_kind
        self.item_label = item_label
        self.pos = {ogr: i for i, ogr in enumerate(item_ogr)}
        n_items = len(item_ogr)
        # group = the macro-competence an item belongs to (its own index for a macro), else -1
        group = np.full(n_items, -1, dtype=np.int64)
        for i, macro in enumerate(item_macro):
            if item_kind[i] == "macro":
                group[i] = i
            elif macro and macro in self.pos:
                group[i] = self.pos[macro]
        self.item_group = group
        members: dict[int, list[int]] = {}
        for i, g in enumerate(group.tolist()):
            if g >= 0:
                members.setdefault(g, []).append(i)
        self.group_members = {g: np.asarray(v, dtype=np.int64) for g, v in members.items()}
        self.jobs = jobs
        self.job_pos = {j.code: k for k, j in enumerate(jobs)}
        entries = sorted(entries)
        self.entry_job = np.asarray([e[0] for e in entries], dtype=np.int64)
        self.entry_item = np.asarray([e[1] for e in entries], dtype=np.int64)
        self.entry_core = [e[2] for e in entries]
        df = np.bincount(self.entry_item, minlength=n_items).astype(np.float64)
        self.idf = np.log1p(len(jobs) / np.maximum(df, 1.0)).astype(np.float32)
        kind_w = np.asarray([KIND_WEIGHT[k] for k in item_kind], dtype=np.float32)
        self.item_base_weight = kind_w * self.idf
        core_w = np.asarray([CORE_WEIGHT.get(c, 1.0) for c in self.entry_core], dtype=np.float32)
        self.entry_weight = core_w * self.item_base_weight[self.entry_item]
        self.job_weight = np.bincount(self.entry_job, weights=self.entry_weight,
                                      minlength=len(jobs)).astype(np.float32)
        starts = np.searchsorted(self.entry_job, np.arange(len(jobs)))
        self.job_start = starts.astype(np.int64)
        self.entry_max = SegmentMax.build(self.entry_item, self.job_start)  # per fiche
        self.job_items: dict[str, set[int]] = {}
        for j, i in zip(self.entry_job.tolist(), self.entry_item.tolist(), strict=True):
            self.job_items.setdefault(jobs[j].code, set()).add(i)
        self.suggestable = np.asarray([k in SUGGESTABLE for k in item_kind], dtype=bool)
        self.is_certification = np.asarray([k == "certification" for k in item_kind], dtype=bool)
        expert = {int(str(r[0])) for r in catalog.query(
            "SELECT ogr FROM competences WHERE subcategory = 'Technique expert'")}
        self.is_expert = np.asarray([o in expert for o in item_ogr], dtype=bool)
        self.is_managing = np.asarray([bool(MANAGING.search(fold(lb))) for lb in item_label],
                                      dtype=bool)
        self.neutralise = Neutraliser(_gender_pairs(catalog))
        # Memos that live and die with this index, so that a rebuilt index never reads
        # positions computed for another: experience -> suggestions, word -> fixed spelling,
        # fiche -> lowest training level (filled on first use).
        self.experience_memo: OrderedDict[tuple[str, tuple[int, ...]], list[tuple[int, float]]] = (
            OrderedDict())
        self.fuzzy_memo: dict[str, str | None] = {}
        self.entry_levels: dict[str, int] | None = None  # see levels.entry_levels
        # speciality -> ONISEP training level, for MC and CS (see levels.certification_level_in)
        self.certification_twins: dict[frozenset[str], int] | None = None
        self.entry_level_order: np.ndarray[Any, Any] | None = None  # see engine.entry_level_order
        self.said_words_memo: OrderedDict[tuple[str, ...], frozenset[str]] = OrderedDict()  # explain
        self.own_jobs_memo: OrderedDict[str, dict[int, int]] = OrderedDict()  # see own_jobs
        self.sense_masks: dict[str, npt.NDArray[np.bool_]] = {}  # see suggest.item_scores
        self.item_scores_memo: OrderedDict[str, F32] = OrderedDict()  # see suggest.item_scores
        self.title_sims_memo: OrderedDict[str, F32] = OrderedDict()  # fiche_title_similarity
        self.prepared_memo: OrderedDict[str, str] = OrderedDict()  # see suggest.prepare
        self.centre_links: CentreLinks | None = None  # interest centres and their jobs
        self.job_facts_memo: dict[str, JobFacts] = {}  # see explain.job_facts
        self.mobility_graph = MobilityGraph.from_catalog(catalog, self.job_pos)
        self._build_lexical()
        self.title_job = np.zeros(0, dtype=np.int64)
        self.title_label: list[str] = []
        self.title_shown: list[str] = []  # as ROME publishes it: "Serveur / Serveuse"
        self.title_vectors: F32 = np.zeros((0, vectors.shape[1]), dtype=np.float32)
        self.title_start = np.zeros(len(jobs), dtype=np.int64)
        self.title_max = SegmentMax.build(self.title_job, self.title_start)  # per fiche

    @cached_property
    def diplomas(self) -> DiplomaNames:
        """The certifications' names, read on first use (70 ms: not at start-up)."""
        return DiplomaNames(self.item_label, self.is_certification.tolist())

    def set_titles(self, titles: list[tuple[int, str]], vectors: F32,
                   shown: list[str] | None = None) -> None:
        """Job titles (masculine form) per fiche, sorted by fiche: what an experience's own
        words can resemble directly ("hôtesse d'accueil" -> "Hôte d'accueil en salon");
        `shown`: the same titles as ROME publishes them, both genders."""
        self.title_job = np.asarray([t[0] for t in titles], dtype=np.int64)
        self.title_label = [t[1] for t in titles]
        self.title_shown = shown if shown is not None else list(self.title_label)
        self.title_vectors = vectors
        self.title_start = np.searchsorted(self.title_job, np.arange(len(self.jobs))).astype(np.int64)
        self.title_max = SegmentMax.build(np.arange(len(titles), dtype=np.int64), self.title_start)
        self.title_sims_memo.clear()  # per-fiche similarities of the titles replaced
        self.title_lookup: dict[tuple[str, ...], dict[int, int]] = {}
        # name -> the longer names that begin with it ("vendeur" -> "vendeur en cycles"…)
        self.title_longer: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for pos, (job, label) in enumerate(titles):
            self._add_name(label, job, pos)

    def add_names(self, names: list[tuple[str, int, int]]) -> None:
        """Other names of job titles, each (name, fiche, position of the title it stands for):
        feminine titles ("Assistante maternelle"), and the everyday and foreign names of the
        search bar's alias tables ("nurse", "mécano", "ممرضة"). Written in a text, they name
        that title as the title itself would."""
        for name, job, pos in names:
            # the closing acronym goes before lower-casing: "Agente … (ATE)" as "Agente …"
            for form in dict.fromkeys((name, CLOSING_ACRONYM.sub("", name))):
                self._add_name(self.neutralise(form), job, pos)

    def _add_name(self, name: str, job: int, title_pos: int) -> None:
        # a title's closing acronym is often left out: "Agent de service hospitalier (ASH)"
        bare = CLOSING_ACRONYM.sub("", name)
        for form in (name, bare) if bare != name else (name,):
            key = tuple(name_words(form))
            if key and len(key) <= MAX_TITLE_WORDS and len(" ".join(key)) >= MIN_TITLE_CHARS:
                if key not in self.title_lookup:
                    for n in range(1, len(key)):
                        self.title_longer.setdefault(key[:n], []).append(key)
                self.title_lookup.setdefault(key, {}).setdefault(job, title_pos)

    def named_titles(self, text: str, said: str | None = None) -> dict[int, int]:
        """Fiches one of whose job titles (or their everyday names) is written in the text
        ("mon oncle qui est plombier", "I was a nurse"): fiche -> the title it names. `said`:
        the text as written, when `text` is it once read (an internship's frame left out)."""
        words = name_words(text)
        work = speaks_of_work(name_words(said) if said is not None else words)
        return titles_named(span for span in self._name_spans(words)
                             if not negated(words[:span[0]])  # "je ne suis pas boulanger"
                             and (work or not after_chez(words, span[0])))

    def own_jobs(self, text: str) -> dict[int, int]:
        """The fiches a text names as the person's own job, each with the title it names: the
        text is only a job's name and words such as "je suis", "I was a" ("nurse",
        "j'étais serveuse", "كنت ممرضة"), how long, for whom or with which licence
        ("serveuse 2 ans", "téléconseiller SFR", "cariste avec CACES 1 3 5")."""
        return titles_named(self.own_job_spans(text)[1])

    def own_job_spans(self, text: str) -> tuple[list[str], list[tuple[int, int, dict[int, int]]]]:
        """`own_jobs` as the text's words (`name_words`) and the spans of the names it found
        there (none when the text says more than the person's own job)."""
        # "apprenti boulanger", "jsuis mécano"; an internship's frame stays ("stage infirmière")
        read = written_out(without_elsewhere(text))
        words, framed = _framed_words(fold(self.neutralise(read)))  # the frame words are folded
        # a diploma's name is no job done ("BAFA", an alias of the youth worker, "CACES"), nor
        # a job's name right after a bare subject, which is a verb ("I cook", "je cuisine"),
        # nor one inside a frame ("chez Boulanger" is a shop)
        spans = [span for span in self._name_spans(words)
                 if not set(words[span[0]:span[1]]) <= DIPLOMA_WORDS
                 and not (span[0] == 1 and words[0] in BARE_SUBJECTS)
                 and not framed.intersection(range(span[0], span[1]))]
        if not spans:
            return words, []
        spans = [self._with_speciality(words, span, spans) for span in spans]
        inside = {n for a, b, _ in spans for n in range(a, b)}
        employers = employer_words(read)
        rest = [w for n, w in enumerate(words)
                if n not in inside and n not in framed and w not in employers]
        if not spans or not only_self_words(rest):
            return words, []
        return words, spans

    def longer_title(self, name: tuple[str, ...], rest: str,
                     ) -> tuple[dict[int, int], frozenset[str]] | None:
        """The job a name (`name_words`) and the words after it name together: "vendeuse | en
        boulangerie" is « Vendeur en boulangerie-pâtisserie », "vendeur | chez Decathlon au
        rayon vélo" « Vendeur en articles de sport », not the « Vendeur en prêt-à-porter »
        "vendeur" alone stands for. Among the longer titles that begin with the name, those
        whose other words the rest writes or says through the glossary (a chain's name says
        what it sells; a compound's first part is enough: "boulangerie" for
        "boulangerie-pâtisserie", not "service" for "station-service"), the most words written
        first, then the most words; through the glossary alone, only another fiche than the
        name's ("caissière chez Lidl" keeps « Caissier » as written). Returns fiche -> title
        and the stems of the rest that were used; None when no title fits."""
        longer = self.title_longer.get(name)
        if not longer or not rest.strip():
            return None
        written = set(tokens(rest))
        said = written | set(tokens(expand(rest)))
        best = (0, 0, 0)
        found: dict[int, int] = {}
        used: set[str] = set()
        for key in longer:
            groups = [g for g in map(_first_part_stems, key[len(name):]) if g]
            # the goods and the shop are mostly left unsaid: "vendeuse dans un magasin de
            # sport" is « Vendeur en articles de sport » (`_GENERIC_TITLE_WORDS`)
            specific = [g for g in groups if not g <= _GENERIC_TITLE_WORDS]
            if not groups or not all(g & said for g in specific or groups):
                continue
            # the specific words written first: a sport wins over the shop (« Vendeur en
            # magasin », which "vendeur" alone stands for)
            score = (sum(bool(g & written) for g in specific),
                     sum(bool(g & written) for g in groups), len(groups))
            if score > best:
                best, found, used = score, {}, set()
            if score == best:
                for job, pos in self.title_lookup[key].items():
                    found.setdefault(job, pos)
                used.update(*(g & written for g in groups))
        if not best[1] and set(found) & set(self.title_lookup.get(name, {})):
            return None  # the glossary alone agrees with the name: its title, as written
        return (found, frozenset(used)) if found else None

    def _with_speciality(self, words: list[str], span: tuple[int, int, dict[int, int]],
                         spans: list[tuple[int, int, dict[int, int]]],
                         ) -> tuple[int, int, dict[int, int]]:
        """A name's span, widened over the words after it that make a longer title with it
        ("vendeuse en boulangerie": `longer_title`), up to the next name."""
        a, b, _ = span
        end = min((s for s, _e, _h in spans if s >= b), default=len(words))
        longer = self.longer_title(tuple(words[a:b]), " ".join(words[b:end]))
        if longer is None:
            return span
        hit, used = longer
        last = b
        for n in range(b, end):  # the title's words and the small words of titles between them
            stems = set(tokens(words[n]))
            if stems & used:
                last = n + 1
            elif stems or words[n] not in _TITLE_LINKS:  # "serveuse | dans un resto"
                break
        return a, last, hit

    def forget_texts(self) -> None:
        """Forget what was worked out per text (suggestions, item scores, jobs said as one's
        own, prepared forms, title similarities, words said): for a benchmark or a test that
        switches a reading rule off and on."""
        self.experience_memo.clear()
        self.item_scores_memo.clear()
        self.own_jobs_memo.clear()
        self.title_sims_memo.clear()
        self.prepared_memo.clear()
        self.said_words_memo.clear()

    def entries_of(self, job: int) -> range:
        """Positions of a fiche's entries in the entry_* arrays (they are sorted by fiche)."""
        end = int(self.job_start[job + 1]) if job + 1 < len(self.jobs) else len(self.entry_job)
        return range(int(self.job_start[job]), end)

    def key_items(self, job: int) -> list[int]:
        """The fiche's key competences that can be suggested (ROME's « Principale » items,
        not diplomas or work contexts), in the fiche's order."""
        return [int(self.entry_item[e]) for e in self.entries_of(job)
                if self.entry_core[e] == "Principale" and self.suggestable[self.entry_item[e]]]

    def weight_in(self, jobs: Iterable[int]) -> F32:
        """Per item, the most it weighs in one of these fiches (0 for items they do not list):
        key competences of the job first, then its other know-how, savoirs, soft skills."""
        keep = np.isin(self.entry_job, list(jobs))
        out = np.zeros(len(self.item_ogr), dtype=np.float32)
        np.maximum.at(out, self.entry_item[keep], self.entry_weight[keep])
        return out

    def _name_spans(self, words: list[str]) -> list[tuple[int, int, dict[int, int]]]:
        """(start, end, fiche -> title) of each job name written in the words, longest first:
        a name inside a longer one is not named ("surveillant de baignade")."""
        spans: list[tuple[int, int, dict[int, int]]] = []
        for n in range(MAX_TITLE_WORDS, 0, -1):
            for start in range(len(words) - n + 1):
                hit = self.title_lookup.get(tuple(words[start:start + n]))
                if hit is not None and not any(a <= start and start + n <= b
                                               for a, b, _ in spans):
                    spans.append((start, start + n, hit))
        return spans

    # --- lexical (BM25 over folded, stemmed labels) --------------------------------
    def _build_lexical(self) -> None:
        postings: dict[str, list[int]] = {}
        lengths = np.zeros(len(self.item_label), dtype=np.float32)
        for i, label in enumerate(self.item_label):
            toks = tokens(self.neutralise(label))
            lengths[i] = len(toks)
            for t in set(toks):
                postings.setdefault(t, []).append(i)
        self.postings = {t: np.asarray(v, dtype=np.int64) for t, v in postings.items()}
        self.label_len = np.maximum(lengths, 1.0)
        self.avg_len = float(self.label_len.mean())
        n = len(self.item_label)
        self.term_idf = {t: math.log(1 + (n - len(v) + 0.5) / (len(v) + 0.5))
                         for t, v in self.postings.items()}
        self.vocabulary = sorted(self.postings)

    def bm25(self, query_tokens: list[str], k1: float = 1.2, b: float = 0.5) -> F32:
        scores = np.zeros(len(self.item_label), dtype=np.float32)
        for t in dict.fromkeys(query_tokens):
            docs = self.postings.get(t)
            if docs is None:
                continue
            norm = k1 * (1 - b + b * self.label_len[docs] / self.avg_len)
            scores[docs] += self.term_idf[t] * (1 + k1) / (1 + norm)
        return scores


def _gender_pairs(catalog: Catalog) -> list[tuple[str, str]]:
    rows = catalog.query("SELECT masculine, feminine FROM job_titles")
    rows += catalog.query("SELECT label_masculine, label_feminine FROM jobs")
    rows += catalog.query("SELECT masculine, feminine FROM onisep_jobs")
    return [(str(m), str(f)) for m, f in rows]


def _load_items(catalog: Catalog) -> tuple[list[int], list[str], list[str], list[int]]:
    ogr: list[int] = []
    kind: list[str] = []
    label: list[str] = []
    macro: list[int] = []
    for r in catalog.query(
        "SELECT ogr, is_macro, label, COALESCE(macro_ogr, 0), category FROM competences"
        " WHERE is_macro = 1 OR ogr IN (SELECT ogr FROM job_items WHERE kind = 'competence')"
        " ORDER BY ogr"
    ):
        ogr.append(int(str(r[0])))
        kind.append("macro" if r[1] else ("soft" if str(r[4]).startswith("Savoir-être")
                                           else "competence"))
        label.append(str(r[2]))
        macro.append(int(str(r[3])))
    for r in catalog.query(
        "SELECT ogr, label, category FROM knowledge"
        " WHERE ogr IN (SELECT ogr FROM job_items WHERE kind = 'knowledge') ORDER BY ogr"
    ):
        ogr.append(int(str(r[0])))
        kind.append("certification" if r[2] == "Certifications et habilitations" else "knowledge")
        label.append(str(r[1]))
        macro.append(0)
    for r in catalog.query(
        "SELECT ogr, label FROM work_contexts"
        " WHERE ogr IN (SELECT ogr FROM job_items WHERE kind = 'context') ORDER BY ogr"
    ):
        ogr.append(int(str(r[0])))
        kind.append("context")
        label.append(str(r[1]))
        macro.append(0)
    return ogr, kind, label, macro


def _fingerprint(catalog: Catalog) -> str:
    """What the stored vectors depend on: this code's version, the model, the catalog's inputs."""
    from tremplin.embeddings import MODEL_ID

    return f"{INDEX_VERSION}:{MODEL_ID}:{catalog.meta().get('input_fingerprint', '')}"


def build_vectors(catalog: Catalog, index_dir: Path, cache_dir: Path,
                  progress: Callable[[int, int], Any] | None = None) -> Path:
    """Embed every item label (through the vector cache) and write the vector file atomically."""
    from tremplin.embeddings import encode_cached

    ogr, _kind, label, _macro = _load_items(catalog)
    vectors = encode_cached(label, cache_dir, progress=progress)
    index_dir.mkdir(parents=True, exist_ok=True)
    target = index_dir / VECTORS_FILE
    fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".recommend-", suffix=".npz")
    os.close(fd)
    try:
        with open(tmp, "wb") as fh:
            np.savez(fh, vectors=vectors, ogr=np.asarray(ogr, dtype=np.int64),
                     fingerprint=np.asarray(_fingerprint(catalog)))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def ensure_vectors(catalog: Catalog, index_dir: Path, cache_dir: Path) -> Path:
    """Build the vector file unless it already matches this catalog."""
    target = index_dir / VECTORS_FILE
    if target.exists():
        with np.load(target) as data:
            if str(data["fingerprint"]) == _fingerprint(catalog):
                return target
    return build_vectors(catalog, index_dir, cache_dir)


def load_index(catalog: Catalog, index_dir: Path, cache_dir: Path) -> RecommendIndex:
    """Load the vector file, building it first when missing or made from another catalog."""
    ogr, kind, label, macro = _load_items(catalog)
    target = index_dir / VECTORS_FILE
    vectors: F32 | None = None
    if target.exists():
        with np.load(target) as data:
            if str(data["fingerprint"]) == _fingerprint(catalog) and data["ogr"].tolist() == ogr:
                vectors = np.asarray(data["vectors"], dtype=np.float32)
    if vectors is None:
        build_vectors(catalog, index_dir, cache_dir)
        with np.load(target) as data:
            vectors = np.asarray(data["vectors"], dtype=np.float32)
    jobs = [
        JobInfo(str(r[0]), str(r[1]), str(r[2] or ""), str(r[2] or "")[:1], str(r[3] or ""),
                str(r[4] or ""), str(r[5] or r[2] or ""))
        for r in catalog.query(
            "SELECT j.code, j.label, j.domain_code, j.riasec_major, j.riasec_minor, d.label"
            " FROM jobs j LEFT JOIN domains d ON d.code = j.domain_code ORDER BY j.code")
    ]
    job_pos = {j.code: k for k, j in enumerate(jobs)}
    pos = {o: i for i, o in enumerate(ogr)}
    entries = [
        (job_pos[str(r[0])], pos[int(str(r[1]))], str(r[2] or ""))
        for r in catalog.query("SELECT job_code, ogr, core FROM job_items")
        if str(r[0]) in job_pos and int(str(r[1])) in pos
    ]
    index = RecommendIndex(catalog, vectors, ogr, kind, label, macro, jobs, entries)
    from tremplin.embeddings import encode_cached

    published: dict[tuple[int, str], str] = {}
    for r in catalog.query("SELECT code, label_masculine, label FROM jobs"
                           " UNION ALL SELECT job_code, masculine, label FROM job_titles"):
        if str(r[0]) in job_pos:
            published.setdefault((job_pos[str(r[0])], str(r[1])), str(r[2]))
    titles = sorted(published)
    index.set_titles(titles, encode_cached([t[1] for t in titles], cache_dir),
                     [published[t] for t in titles])
    index.add_names(_feminine_titles(catalog, index) + _aliases(catalog, index))
    return index


# The small words inside job titles ("vendeur en articles de sport").
_TITLE_LINKS = frozenset(("en", "de", "du", "des", "d", "a", "au", "aux", "la", "le", "l", "et"))
# A title's closing acronym: "Agent de service hospitalier (ASH)", "Infirmier en soins
# généraux (IDE)".
CLOSING_ACRONYM = re.compile(r"\s*\([A-Z0-9]{2,6}\)\s*$")
# French determiners (articles, possessives, demonstratives), folded: the one list for "chez
# un fleuriste" (a job's place, not an employer's name), "avec mon CACES" and "chez ma
# coiffeuse" (a place one goes to).
DETERMINERS = ("le", "la", "les", "l", "un", "une", "des", "du", "mon", "ma", "mes", "ton", "ta",
               "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "ce",
               "cet", "cette", "ces")
_DETERMINER = "|".join(DETERMINERS)
# … and after "chez", the pronouns and English determiners that say the same ("chez moi",
# "chez quelqu'un", "at my uncle's")
_NOT_A_NAME = "|".join((*DETERMINERS, "moi", "toi", "lui", "elle", "eux", "elles", "nous", "vous",
                        "soi", "quelqu\\w*", "my", "his", "her", "their", "our", "a", "an", "the"))
# What may stand around a job's name and leave it the person's own (an adults' QA pass found
# "serveuse 2 ans", "2 ans en intérim chez Amazon préparateur de commandes", "cariste avec
# CACES 1 3 5" read as no job of theirs): how long or when ("2 ans", "depuis 3 ans", "pendant
# six mois", "de 2019 à 2021"), for whom when it is a name ("chez Amazon", not "chez un
# fleuriste", whose job it is) and a licence held ("avec le CACES", "avec mon permis C").
_JOB_FRAME = re.compile(
    r"\b(?:(?:depuis|pendant|durant|pour|sur|en|for|since|during)\s+)?"
    r"(?:\d+(?:[.,]\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze"
    r"|vingt|quelques|plusieurs|one|two|three|four|five|several|a\s+few)\s*"
    r"(?:ans?|ann[ée]es?|mois|semaines?|jours?|saisons?|[ée]t[ée]s?|years?|months?|weeks?"
    r"|summers?)\b(?:\s+et\s+demie?)?(?:\s+d['’]\s*(?:exp[ée]rience|xp))?"
    r"|\b(?:(?:depuis|en|de|from|since|in)\s+)?(?:19|20)\d\d(?:\s*(?:-|à|a|au|to)\s*(?:19|20)\d\d)?\b"
    r"|\bchez\s+(?!(?:" + _NOT_A_NAME + r")\b)[^\W\d_][\w&'’-]*"
    r"|\bavec\s+(?:(?:" + _DETERMINER + r")\b['’]?\s*)?(?:"
    + "|".join(sorted(DIPLOMA_WORDS)) + r")\b(?:(?!\s(?:et|puis|mais|and|then)\s)[^.,;!?\n])*",
    re.IGNORECASE)


def _framed_words(text: str) -> tuple[list[str], set[int]]:
    """`name_words` of a text, and the positions of those inside a frame (`_JOB_FRAME`)."""
    words: list[str] = []
    framed: set[int] = set()
    last = 0
    for m in _JOB_FRAME.finditer(text):
        words += name_words(text[last:m.start()])
        inside = name_words(m.group(0))
        framed.update(range(len(words), len(words) + len(inside)))
        words += inside
        last = m.end()
    words += name_words(text[last:])
    return words, framed


# Words of job titles that say only "goods" or "shop" ("Vendeur en articles de sport",
# "Vendeur en équipement de sport", "Vendeur en magasin"): people name the goods or the shop's
# kind, rarely these ("vendeuse dans un magasin de sport" named « Vendeur en prêt-à-porter »
# through « Vendeur en magasin » before a fourth QA pass).
_GENERIC_TITLE_WORDS = frozenset(tokens(
    "article articles produit produits équipement équipements matériel matériels fourniture "
    "fournitures magasin magasins boutique boutiques rayon rayons"))


@cache
def _first_part_stems(word: str) -> frozenset[str]:
    """The stems of a title word's first part ("boulangerie" for "boulangerie-pâtisserie"):
    read for hundreds of titles at each name a text writes, the same few thousand words."""
    return frozenset(tokens(word.split("-")[0]))


def name_words(text: str) -> list[str]:
    """The words a job's name is looked for with: `words_key`, short forms written in full as
    the search bar reads them ("mécanicien auto", "éducateur spé", "prof de maths"), for the
    titles and the texts alike."""
    out: list[str] = []
    for word in words_key(text):
        full = ABBREVIATIONS.get(word)
        out.extend(words_key(full) if full else (word,))
    return out


# "chez le médecin", "chez ma coiffeuse": a place one goes to, unless the text speaks of work
# done there ("stage chez un fleuriste", "je bosse chez un boulanger"). Without this rule
# "je traduis pour mes parents à la CAF et chez le médecin" got Médecin généraliste 2nd.
_WORK_STEMS = ("stag", "travail", "boss", "taf", "job", "boulot", "apprenti", "alternan",
               "employ", "emploi", "intern", "work", "sais", "remplac")


def after_chez(words: list[str], start: int) -> bool:
    """Whether the job name starting at `start` follows "chez" (and a determiner)."""
    before = words[max(0, start - 2):start]
    return (before[-1:] == ["chez"]
            or (len(before) == 2 and before[0] == "chez" and before[1] in DETERMINERS))


def speaks_of_work(words: list[str]) -> bool:
    """Whether a text says work was done ("stage", "je bosse", "job")."""
    return any(w.startswith(_WORK_STEMS) for w in words)


def titles_named(spans: Iterable[tuple[int, int, dict[int, int]]]) -> dict[int, int]:
    """Fiche -> title of the job names found, the longest name first (`_name_spans` order)."""
    found: dict[int, int] = {}
    for _, _, hit in spans:
        for job, pos in hit.items():
            found.setdefault(job, pos)
    return found


def _feminine_titles(catalog: Catalog, index: RecommendIndex) -> list[tuple[str, int, int]]:
    """Each title's feminine form, standing for it ("serveuse" names "Serveur"). A feminine
    form shorter than its masculine is a cut in the data ("Responsable plate-forme
    expédition" / "Livraison", "Responsable Commercial" / "Commerciale"): left out."""
    pos_of = {(j, t): n for n, (j, t) in enumerate(zip(index.title_job.tolist(),
                                                        index.title_label, strict=True))}
    out = []
    for code, masculine, feminine in catalog.query(
            "SELECT job_code, masculine, feminine FROM job_titles"
            " UNION SELECT code, label_masculine, label_feminine FROM jobs"):
        pos = pos_of.get((index.job_pos.get(str(code), -1), str(masculine)))
        if (pos is not None and feminine and feminine != masculine
                and len(words_key(str(feminine))) >= len(words_key(str(masculine)))):
            out.append((str(feminine), index.job_pos[str(code)], pos))
    return out


def _aliases(catalog: Catalog, index: RecommendIndex) -> list[tuple[str, int, int]]:
    """The search bar's aliases as (alias, fiche, title position). An alias of an appellation
    stands for that appellation's title. One of a whole fiche stands for the fiche's own
    title, unless only another of its titles shares a word with it ("motorista de táxi" ->
    "Chauffeur de taxi", not "Chauffeur VTC"; "nurse" -> "Infirmier en soins généraux")."""
    from tremplin.search.aliases import load_aliases

    pos_of = {(j, t): n for n, (j, t) in enumerate(zip(index.title_job.tolist(),
                                                        index.title_label, strict=True))}
    fiche_title = {str(r[0]): str(r[1]) for r in catalog.query(
        "SELECT code, label_masculine FROM jobs")}
    appellation = {str(r[0]): (str(r[1]), str(r[2])) for r in catalog.query(
        "SELECT ogr, job_code, masculine FROM job_titles")}
    out = []
    for a in load_aliases():
        if a.target in index.job_pos:
            job = index.job_pos[a.target]
            pos = _title_sharing_a_word(index, job, a.alias, pos_of.get((job, fiche_title[a.target])))
        else:
            code, title = appellation.get(a.target, ("", ""))
            job = index.job_pos.get(code, -1)
            pos = pos_of.get((job, title))
        if pos is not None:  # a target unknown to this catalog is left out (tested in search)
            out.append((a.alias, job, pos))
    return out


def _title_sharing_a_word(index: RecommendIndex, job: int, alias: str,
                          own_title: int | None) -> int | None:
    """The fiche's own title if it shares a word with the alias (or none does), else the
    first of its other titles that does."""
    def shares(pos: int) -> bool:
        return bool(words & {w for w in words_key(index.title_label[pos]) if len(w) >= 4})

    words = {w for w in words_key(index.neutralise(alias)) if len(w) >= 4}
    lo = int(index.title_start[job])
    hi = int(index.title_start[job + 1]) if job + 1 < len(index.jobs) else len(index.title_job)
    if own_title is not None and shares(own_title):
        return own_title
    return next((pos for pos in range(lo, hi) if shares(pos)), own_title)


_lock = threading.Lock()
_indexes: dict[Path, RecommendIndex] = {}


def get_index(catalog: Catalog | None = None) -> RecommendIndex:
    """The shared index for a catalog (default: the one under TREMPLIN_HOME); built once."""
    from tremplin.catalog.read import open_catalog
    from tremplin.config import load_settings

    settings = load_settings()
    cat = catalog if catalog is not None else open_catalog(settings.catalog_path)
    with _lock:
        idx = _indexes.get(cat.path)
        if idx is None or (idx.catalog is not cat and idx.catalog.meta() != cat.meta()):
            idx = load_index(cat, settings.index_dir, settings.cache_dir)
            _indexes[cat.path] = idx
            settle_long_lived()
        return idx
