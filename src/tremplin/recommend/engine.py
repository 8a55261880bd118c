"""Scoring and explanation: recommend(profile) -> explained job suggestions.

base      = coverage * (1 - a + a * interest)   (a = INTEREST_WEIGHT when interests are given)
relevance = base + t * (best base - base)     (t = min(PATH_CAP, PATH_PULL * confidence *
            path): ROME career paths from the fiches closest to the profile pull a job up, see
            paths.py); when the paths are sure, the CLOSEST_KEPT fiches closest by coverage
            stay above every lifted job,
then a diversity step re-ranks the list so that one ROME domain does not fill it.
Every part is documented in docs/scoring.md with the sentence a helper can say aloud.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tremplin.catalog.read import Catalog
from tremplin.recommend.centres import centre_fit, centre_links, check_centres
from tremplin.recommend.domains import check_domains
from tremplin.recommend.errors import ProfileError
from tremplin.recommend.index import F32, JobInfo, RecommendIndex, get_index
from tremplin.recommend.levels import entry_levels
from tremplin.recommend.memo import remembered
from tremplin.recommend.own_jobs import own_jobs_in, own_jobs_said
from tremplin.recommend.paths import Paths, career_paths
from tremplin.recommend.profile import Profile
from tremplin.recommend.riasec import LETTERS, no_preference
from tremplin.recommend.suggest import (
    fiche_title_similarity,
    item_scores,
    prefetch_vectors,
    prepare,
    text_vector,
)
from tremplin.recommend.wording import check_lang

Mask = np.ndarray[Any, np.dtype[np.bool_]]  # per job, True or False

# --- parameters (docs/scoring.md explains each) -----------------------------------------
SEM_LOW = 0.84            # cosine below this: not a near-match
SEM_HIGH = 0.96           # cosine at or above this: counts as SEM_CAP of an exact match
SEM_CAP = 0.8
# A sentence about what one did sits further from a job title than two ROME labels sit from
# each other, so the text-to-title scale starts lower (measured on the labelled experiences:
# success@10 0.896 with the label scale, 0.915 at 0.82-0.94, 0.925 at 0.80-0.92).
TITLE_SEM_LOW = 0.80
TITLE_SEM_HIGH = 0.92
GROUP_MATCH = 0.5         # same macro-competence group counts half
NAMED_TITLE_MATCH = 1.0   # a job title written word for word in a text: as good as a chosen code
EXPERIENCE_SUGGESTIONS = 5
# A text naming the person's own job ("j'étais caissière", "2 ans en intérim chez Amazon
# préparateur de commandes") is read as holding that job's key competences (ROME's
# « Principale » items), guessed with this confidence: jobs close to it and the moves ROME
# lists from it come next, rather than jobs that only share the sentence's words (a mason
# got architects; blind counsellor judgements of 116 such texts: absurd jobs in the top 10
# 1.12 -> 0.87, sensible 4.64 -> 5.00, docs/scoring.md).
OWN_JOB_ITEMS_CONFIDENCE = 0.5
EXPERIENCE_TEXT_WEIGHT = 1.0
EXPERIENCE_TEXT_IMPORTANCE = 3.0  # weight of the free text itself among the profile items
INTEREST_WEIGHT = 0.3
# Career paths pull a job a share t of the way up to the best fiche, never past it, so the
# job a profile fits best stays first. Tuned on the 1,184 fiches outside the evaluation
# sample (transitions recall@20 0.421 without paths; see docs/scoring.md).
PATH_PULL = 3.0
PATH_CAP = 0.95
# Paths are only as sure as the fiches they start from: the pull is multiplied by
# min(1, best coverage / PATH_FULL_COVERAGE) ** PATH_CONFIDENCE, which is about 1 for a profile
# that covers its closest fiche as someone who has done that job does (0.54-0.70 for ROME's
# own fiches) and fades fast for a profile made of one sentence (0.34-0.54: 0.05-0.5).
PATH_FULL_COVERAGE = 0.6
PATH_CONFIDENCE = 6.0
# When the paths are sure (confidence >= KEEP_CONFIDENCE: a profile that covers its closest
# fiche as someone who did that job does), the fiches closest to it by coverage stay above
# every job a path lifted and the diversity step does not push them back: without this, a
# baker's whole profile showed mostly ROME moves and no Pâtissier (on the 1,184 tuning
# fiches: transitions recall@20 0.6069 -> 0.6067, so the paths keep their gain). A sentence
# (confidence 0.05-0.5) keeps the plain diversity step.
CLOSEST_KEPT = 3
KEEP_CONFIDENCE = 0.5
# A sentence's closest fiches are a guess, so when the paths are unsure (confidence below
# KEEP_CONFIDENCE), or the profile is words alone (nothing chosen or confirmed, no job of the
# person's own named), they only lift jobs the profile already fits: a coverage of at least
# PATH_SENTENCE_SHARE of the best one. Without it "je livre des pizzas" got Formateur 5th (423
# of the 1,584 fiches lead there), and 12 of the 136 labelled and blind top-10 lists had it;
# success@10 and the sensible jobs per list stay as they were (docs/scoring.md, §4).
PATH_SENTENCE_SHARE = 0.6
RECALL_EXPONENT = 0.5     # coverage = recall^e * precision^(1-e)
# The diversity step: at most MAX_PER_DOMAIN jobs of one ROME domain (e.g. K13) in the first
# DIVERSE_TOP places; a job of a full domain comes right after them (the list then follows
# relevance), so none disappears from a long list. DIVERSITY_STEP, a share of relevance taken
# off per job of the same domain already shown, is 0: blind counsellor judgements of the top
# 10 of 145 teenagers' texts (docs/scoring.md, Diversity) found 2.49 absurd jobs per list
# with the former 5 % step and a cap of 3 (7.0 domains), 1.70 with no step and a cap of 5
# (4.8 domains), 1.34 with no diversity at all, where 76 of the 145 lists held 6 or more jobs
# of one domain. The step brought in the best job of domains the text barely touches (a
# basket weaver for someone who bakes cakes). The cap went from 5 to 7 on 2026-11-30, after 99
# texts written and judged blind out of sample: absurd jobs per list 1.60 -> 1.43, sensible
# 3.21 -> 3.28 (no cap: 1.41 / 3.31); 7 still leaves 3 places to other domains.
DIVERSITY_STEP = 0.0
MAX_PER_DOMAIN = 7
FIRST_BY_SCORE = 3
DIVERSE_TOP = 10
MAX_LIMIT = 100


@dataclass(frozen=True, slots=True)
class ScorePart:
    value: float
    text: str
    french: tuple[str, ...] = ()  # ROME labels quoted in `text`: French in every language

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "french": list(self.french)}


@dataclass(frozen=True, slots=True)
class Why:
    matched: list[dict[str, Any]]
    missing: list[dict[str, Any]]
    interest: str
    parts: dict[str, ScorePart]
    trainings: list[dict[str, Any]]
    certifications: list[str]
    close_jobs: list[dict[str, str]]
    notes: list[str] = field(default_factory=list)
    # the fiches closest to the profile from which ROME says one moves to this job
    path_from: list[dict[str, Any]] = field(default_factory=list)
    # the ROME interest centres the person chose that this job belongs to (code, label,
    # principal: a main centre of the job)
    interest_centres: list[dict[str, Any]] = field(default_factory=list)
    # trainings left out because they are above the chosen study level (a note says so too)
    trainings_hidden: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched, "missing": self.missing, "interest": self.interest,
            "parts": {k: v.to_dict() for k, v in self.parts.items()},
            "trainings": self.trainings, "certifications": self.certifications,
            "close_jobs": self.close_jobs, "notes": self.notes, "path_from": self.path_from,
            "interest_centres": self.interest_centres, "trainings_hidden": self.trainings_hidden,
        }


@dataclass(frozen=True, slots=True)
class Recommendation:
    code: str
    title: str
    score: float
    rank: int
    why: Why

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "score": self.score, "rank": self.rank,
                "why": self.why.to_dict()}


@dataclass(slots=True)
class _ProfileItems:
    item: list[int]           # index position, -1 for a free-text pseudo-item
    vectors: list[F32]
    conf: list[float]         # how sure we are the person has it (1 = chosen/confirmed)
    weight: list[float]       # informativeness (idf-based)
    source: list[int]         # -1 chosen, else the experience number
    mentions: list[dict[int, int]]  # free texts: fiche -> the job title they name of it
    blocked: list[tuple[int, ...]]  # items it may not match: those removed from its experience
    prepared: dict[int, str] = field(default_factory=dict)  # free-text column -> its text


def _profile_items(index: RecommendIndex, profile: Profile) -> _ProfileItems:
    lists = [("competences", profile.competences)]
    for n, e in enumerate(profile.experiences):
        lists += [(f"experiences[{n}].confirmed_competences", e.confirmed_competences),
                  (f"experiences[{n}].removed_competences", e.removed_competences)]
    for where, codes in lists:  # the first list holding an unknown code is named
        unknown = sorted({c for c in codes if c not in index.pos})
        if unknown:
            raise ProfileError(
                f"Unknown ROME competence or savoir codes in {where}: "
                f"{', '.join(map(str, unknown))}.", field=where,
                fr=f"Codes inconnus dans {where} : {', '.join(map(str, unknown))}.")
    out = _ProfileItems([], [], [], [], [], [], [])
    seen: dict[int, int] = {}
    mean_w = float(np.mean(index.item_base_weight)) * EXPERIENCE_TEXT_IMPORTANCE
    # "that is not me": what the person took away from an experience is matched by nothing
    # that comes from that experience, not even its words
    blocked = [tuple(index.pos[c] for c in e.removed_competences if c in index.pos)
               for e in profile.experiences]

    def add(i: int, conf: float, source: int) -> None:
        if i in seen:
            k = seen[i]
            if conf > out.conf[k]:
                out.conf[k], out.source[k] = conf, source
                out.blocked[k] = () if source < 0 else blocked[source]
            return
        seen[i] = len(out.item)
        out.item.append(i)
        out.vectors.append(index.vectors[i])
        out.conf.append(conf)
        out.weight.append(float(index.item_base_weight[i]))
        out.source.append(source)
        out.mentions.append({})
        out.blocked.append(() if source < 0 else blocked[source])

    for c in profile.competences:
        add(index.pos[c], 1.0, -1)
    prefetch_vectors([prepare(index, e.text) for e in profile.experiences])
    for n, e in enumerate(profile.experiences):
        if not e.guessed:
            for c in e.confirmed_competences:
                add(index.pos[c], 1.0, n)
        else:
            for i, conf in experience_items(index, e.text, e.removed_competences):
                add(i, conf, n)
        prepared = prepare(index, e.text)
        out.prepared[len(out.item)] = prepared
        out.item.append(-1)
        out.vectors.append(text_vector(prepared))
        out.conf.append(EXPERIENCE_TEXT_WEIGHT)
        out.weight.append(mean_w)
        out.source.append(n)
        out.mentions.append(index.named_titles(prepared, said=e.text))
        out.blocked.append(blocked[n])
    return out


@dataclass(slots=True)
class Scored:
    relevance: F32            # per job, before diversity
    coverage: F32
    recall: F32
    precision: F32
    interest: F32 | None
    item_match: F32           # per index item: best match with the profile (0..1)
    item_from: Any            # per index item: which profile item gave the match
    items: _ProfileItems
    paths: Paths | None = None  # ROME career paths from the fiches closest to the profile
    path_bonus: F32 | None = None  # per job, what the paths added to its relevance
    kept: tuple[int, ...] = ()     # the closest fiches, kept first when the paths are sure
    too_far: Mask | None = None    # per job, True where the paths may not lift it (a guess)


_EXPERIENCE_MEMO = 2048  # texts and what was removed of them


def experience_items(index: RecommendIndex, text: str, removed: tuple[int, ...] = (),
                     ) -> list[tuple[int, float]]:
    """The engine's own top suggestions for an unreviewed experience, with a confidence
    (0.32..0.8) that falls with the distance to the best one; memoised per text."""
    return remembered(index.experience_memo, (text, tuple(sorted(removed))), _EXPERIENCE_MEMO,
                      lambda: _experience_items(index, text, removed))


def _experience_items(index: RecommendIndex, text: str, removed: tuple[int, ...],
                      ) -> list[tuple[int, float]]:
    scores = item_scores(index, text).copy()  # the memoised scores are shared, read-only
    for c in removed:
        if c in index.pos:
            scores[index.pos[c]] = -np.inf
    k = EXPERIENCE_SUGGESTIONS
    part = np.argpartition(-scores, k)[:k]
    top = part[np.lexsort((part, -scores[part]))]
    best = float(scores[top[0]])
    out = [(int(i), float(np.clip(1.0 - 4.0 * (best - float(scores[i])), 0.4, 1.0)) * 0.8)
           for i in top.tolist()]
    out += own_job_items(index, text, {i for i, _ in out} | {index.pos[c] for c in removed
                                                              if c in index.pos})
    return out


def own_job_items(index: RecommendIndex, text: str, skip: set[int]) -> list[tuple[int, float]]:
    """The key items of the jobs a text names as the person's own (see own_jobs_said), with
    OWN_JOB_ITEMS_CONFIDENCE, in the fiche's order, but those in `skip` (already suggested,
    or removed by the person) and those never suggested (diplomas, work contexts)."""
    out: list[tuple[int, float]] = []
    if OWN_JOB_ITEMS_CONFIDENCE <= 0:  # switched off (bench/job_names_bench.py's baseline)
        return out
    for job in own_jobs_said(index, text):
        for i in index.key_items(job):
            if i not in skip:
                out.append((i, OWN_JOB_ITEMS_CONFIDENCE))
                skip.add(i)
    return out


def match_matrix(index: RecommendIndex, p: _ProfileItems) -> F32:
    """(n_items, m) match of each index item with each profile item, in [0, 1]."""
    P = np.vstack(p.vectors).astype(np.float32)
    match = index.vectors @ P.T  # cosine similarities, turned into matches in place (a
    match -= SEM_LOW             # profile of 40 items makes a 15,000 x 40 matrix)
    match *= SEM_CAP / (SEM_HIGH - SEM_LOW)
    np.clip(match, 0.0, SEM_CAP, out=match)
    items = np.asarray(p.item, dtype=np.int64)
    real = items >= 0
    if real.any():
        for col in np.nonzero(real)[0].tolist():
            g = int(index.item_group[items[col]])
            if g >= 0:
                rows = index.group_members[g]
                match[rows, col] = np.maximum(match[rows, col], GROUP_MATCH)
            match[items[col], col] = 1.0
    for col, removed in enumerate(p.blocked):
        if removed:
            match[list(removed), col] = 0.0
    match *= np.asarray(p.conf, dtype=np.float32)[None, :]
    out: F32 = match
    return out


def _title_match(index: RecommendIndex, p: _ProfileItems) -> F32 | None:
    """(n_jobs, free texts): how much each experience text resembles one of the fiche's job
    titles (same semantic scale as items, times the text's weight)."""
    cols = [k for k, i in enumerate(p.item) if i < 0]
    if not cols or not len(index.title_job):
        return None
    # per fiche, its closest title; the scale is monotone, so it may come after the maximum
    sims = np.column_stack([fiche_title_similarity(index, p.prepared[k]) for k in cols])
    out: F32 = np.clip((sims - TITLE_SEM_LOW) / (TITLE_SEM_HIGH - TITLE_SEM_LOW), 0.0, 1.0) * SEM_CAP
    out *= np.asarray([p.conf[k] for k in cols], dtype=np.float32)[None, :]
    for col, k in enumerate(cols):  # a job named in the text counts as an exact title
        for job in p.mentions[k]:
            out[job, col] = max(float(out[job, col]), NAMED_TITLE_MATCH * p.conf[k])
    return out


def has_tastes(profile: Profile) -> bool:
    """Whether the questionnaire's answers prefer some jobs to others (not all zero, not all
    the same)."""
    return any(v > 0 for v in profile.riasec.values()) and not no_preference(profile.riasec)


def riasec_fit_of(scores: Mapping[str, float], major: str, minor: str) -> float:
    """Fit of a job's ROME RIASEC code with the letter scores: (2 major + minor) / 3."""
    if major and minor:
        return (2 * scores.get(major, 0.0) + scores.get(minor, 0.0)) / 3
    return scores.get(major, 0.0) if major else 0.0


def interest_fit(index: RecommendIndex, profile: Profile) -> F32 | None:
    has_riasec = has_tastes(profile)
    centres = set(profile.interest_centres)
    links = centre_links(index)
    check_centres(links.labels, profile.interest_centres)
    if not has_riasec and not centres:
        return None
    n = len(index.jobs)
    parts = []
    if has_riasec:
        r = {k: float(profile.riasec.get(k, 0.0)) for k in LETTERS}
        fit = np.asarray([riasec_fit_of(r, j.riasec_major, j.riasec_minor) for j in index.jobs],
                         dtype=np.float32)
        parts.append(fit)
    if centres:
        fit = np.zeros(n, dtype=np.float32)
        centre_fit(links, centres, fit)
        parts.append(fit)
    total: F32 = np.sum(np.vstack(parts), axis=0).astype(np.float32) / len(parts)
    return total


def blend(coverage: F32, interest: F32 | None) -> F32:
    """The base score of every fiche from its coverage and, when given, its interest fit."""
    if interest is None:
        return coverage
    # Interests scale what the person can do rather than add to it: a RIASEC letter is shared
    # by a sixth of all jobs, so an added term lifted every job of the person's letter over
    # the ones their experience points to (bench/interest_bench.py measures both forms).
    out: F32 = (coverage * (1 - INTEREST_WEIGHT + INTEREST_WEIGHT * interest)).astype(np.float32)
    return out


def score_jobs(index: RecommendIndex, profile: Profile, hidden: int | None = None) -> Scored:
    """Relevance, coverage, recall and precision of every fiche for a profile. `hidden`: a
    fiche whose mobility links are left out of the career paths (for evaluation)."""
    n = len(index.jobs)
    interest = interest_fit(index, profile)
    if profile.competences or profile.experiences:
        p = _profile_items(index, profile)
        M = match_matrix(index, p)
        item_from = M.argmax(axis=1)
        item_match = M[np.arange(len(M)), item_from]  # the maximum, without a second pass
        recall = (np.bincount(index.entry_job, weights=index.entry_weight * item_match[index.entry_item],
                              minlength=n) / np.maximum(index.job_weight, 1e-9)).astype(np.float32)
        w = np.asarray(p.weight, dtype=np.float32)
        best = index.entry_max(M)  # (n_jobs, m): each fiche's best item per profile item
        title_match = _title_match(index, p)
        if title_match is not None:
            cols = np.asarray([k for k, i in enumerate(p.item) if i < 0], dtype=np.int64)
            best[:, cols] = np.maximum(best[:, cols], title_match)
        precision = (best @ w / float(w.sum())).astype(np.float32)
        coverage = (recall ** RECALL_EXPONENT * precision ** (1 - RECALL_EXPONENT)).astype(np.float32)
        base = blend(coverage, interest)
        paths = career_paths(index.mobility_graph, coverage, hidden)
        top = float(base[closest_fiches(base, hidden)[0]])
        confidence = min(1.0, paths.best / PATH_FULL_COVERAGE) ** PATH_CONFIDENCE
        pull = np.minimum(PATH_CAP, PATH_PULL * confidence * paths.score)
        own_jobs = own_jobs_in(index, profile) - {hidden}
        too_far = None
        if confidence < KEEP_CONFIDENCE or (_words_only(profile) and not own_jobs):
            too_far = coverage < PATH_SENTENCE_SHARE * paths.best
            pull = np.where(too_far, 0.0, pull)
        lifted = (base + pull * np.maximum(top - base, 0.0)).astype(np.float32)
        # the fiches closest to what the person can do (coverage, not tastes: someone who
        # was a waitress and prefers helping others still sees Serveur), in the order of
        # their score with tastes
        closest = sorted(closest_fiches(coverage, hidden), key=lambda k: (-float(base[k]), k))
        kept = tuple(closest) if confidence >= KEEP_CONFIDENCE else ()
        with_paths = keep_closest_first(lifted, kept, hidden)
        # a job the person says they do or did comes first of all ("j'étais serveuse"); that
        # lift is not the paths' (their part of the explanation would claim it)
        own = tuple(sorted(own_jobs, key=lambda k: (-float(base[k]), k)))
        relevance = keep_closest_first(with_paths, own, hidden)
        return Scored(relevance, coverage, recall, precision, interest, item_match, item_from,
                      p, paths, (with_paths - base).astype(np.float32), kept, too_far)
    else:
        if interest is None and profile.riasec and no_preference(profile.riasec):
            raise ProfileError(
                "The interest scores are the same for all six letters: they prefer no job to "
                "another. Add a competence, an experience or an interest centre.",
                field="riasec",
                fr="Les goûts ont la même valeur pour les six lettres : ils ne préfèrent aucun "
                "métier. Ajoutez une compétence, une expérience ou un centre d'intérêt.")
        if interest is None:
            raise ProfileError(
                "The profile is empty: add a competence, an experience or answer the interest "
                "questionnaire.", field="profile",
                fr="Le profil est vide : ajoutez une compétence, une expérience ou répondez au "
                "questionnaire sur vos goûts.")
        zeros = np.zeros(n, dtype=np.float32)
        p = _ProfileItems([], [], [], [], [], [], [])
        recall = precision = coverage = zeros
        item_match = np.zeros(len(index.item_ogr), dtype=np.float32)
        item_from = np.zeros(len(index.item_ogr), dtype=np.int64)
        relevance = interest
    return Scored(relevance.astype(np.float32), coverage, recall, precision, interest,
                  item_match, item_from, p)


def _words_only(profile: Profile) -> bool:
    """Whether all the profile says of what the person can do is free text, none of it
    chosen or confirmed: its closest fiches are a guess, however well one of them fits."""
    return not profile.competences and not any(e.confirmed_competences
                                               for e in profile.experiences)


def closest_fiches(base: F32, hidden: int | None) -> tuple[int, ...]:
    """The CLOSEST_KEPT fiches with the best base score, best first (ties by position)."""
    values = base.astype(np.float64)
    if hidden is not None:
        values = values.copy()
        values[hidden] = -np.inf
    order = np.lexsort((np.arange(len(values)), -values))
    return tuple(int(k) for k in order[:CLOSEST_KEPT] if np.isfinite(values[k]))


def keep_closest_first(lifted: F32, kept: tuple[int, ...], hidden: int | None) -> F32:
    """`lifted`, with the kept fiches raised just above every other job where a path lifted
    one past them (in their own order), so they stay at the top of the list."""
    if not kept:
        return lifted
    out = lifted.astype(np.float32)      # astype copies: `lifted` is left as it was
    others = lifted.astype(np.float64)
    others[list(kept)] = -np.inf
    if hidden is not None:
        others[hidden] = -np.inf
    ceiling = float(np.max(others)) if len(others) else 0.0
    step = max(abs(ceiling), 1.0) * 1e-6
    for rank, k in enumerate(kept):
        out[k] = max(float(out[k]), ceiling + (len(kept) - rank) * step)
    return out


def _allowed(index: RecommendIndex, profile: Profile) -> np.ndarray[Any, np.dtype[np.bool_]]:
    allowed = np.ones(len(index.jobs), dtype=bool)
    avoided = set(profile.constraints.avoided_domains)
    if avoided:
        check_domains(index, profile.constraints.avoided_domains)
        for k, j in enumerate(index.jobs):
            if in_avoided_domain(j, avoided):
                allowed[k] = False
    level = profile.constraints.max_study_level
    if level is not None:
        for code, min_level in entry_levels(index).items():
            if min_level > level:
                allowed[index.job_pos[code]] = False
        # a job the person already does needs no more study: "je suis aide-soignante" with
        # "up to CAP" lost the aide-soignant (a level-4 diploma she holds)
        for k in own_jobs_in(index, profile):
            allowed[k] = allowed[k] or not in_avoided_domain(index.jobs[k], avoided)
    if not allowed.any():
        raise ProfileError(
            "The constraints exclude every job (all domains avoided or study level too low "
            "for all of them): remove some constraints.", field="constraints",
            fr="Vos contraintes excluent tous les métiers : retirez-en quelques-unes.")
    return allowed


def in_avoided_domain(job: JobInfo, avoided: set[str]) -> bool:
    return job.grand_domain in avoided or job.domain_code in avoided


def candidates(index: RecommendIndex, relevance: F32, allowed: np.ndarray[Any, Any],
               centres_met: np.ndarray[Any, Any] | None = None) -> list[int]:
    """The jobs the constraints allow and the profile fits at all (relevance above 0), best
    first. Taken among the allowed jobs only, so that strict constraints still get the best
    of what they leave rather than what is left of the overall best. Ties (a profile of
    tastes alone fits hundreds of jobs equally) go to the jobs that meet more of the interest
    centres chosen (`centres_met`, per job), then to the jobs one can enter with the shortest
    studies, then by ROME code: a young person who only played the interest game saw
    agriculture first, by code, and a job of both chosen centres after one of a single one."""
    positive = relevance[relevance > 0]
    if np.unique(positive).size == positive.size:  # no tie: the levels are not read
        order = np.lexsort((np.arange(len(relevance)), -relevance))
    else:
        met = np.zeros(len(relevance), dtype=np.int64) if centres_met is None else centres_met
        order = np.lexsort((np.arange(len(relevance)), entry_level_order(index), -met,
                            -relevance))
    keep = allowed[order] & (relevance[order] > 0)
    out: list[int] = order[keep].tolist()
    return out


def centres_met(index: RecommendIndex, profile: Profile) -> np.ndarray[Any, Any] | None:
    """Per job, how many of the profile's chosen interest centres it belongs to."""
    if not profile.interest_centres:
        return None
    links = centre_links(index)
    met = np.zeros(len(index.jobs), dtype=np.int64)
    for code in set(profile.interest_centres):
        for pos in links.jobs.get(code, {}):
            met[pos] += 1
    return met


UNKNOWN_LEVEL = 9  # after every known level (3..8)


def entry_level_order(index: RecommendIndex) -> np.ndarray[Any, Any]:
    """Per job, the lowest study level the open data says it can be entered from (computed
    once per index)."""
    if index.entry_level_order is None:
        levels = entry_levels(index)
        index.entry_level_order = np.asarray([levels.get(j.code, UNKNOWN_LEVEL)
                                              for j in index.jobs], dtype=np.int64)
    return index.entry_level_order


@dataclass(frozen=True, slots=True)
class Pick:
    """One place of the list: the job, its final score, what the diversity step took off,
    and why it sits there (the explanation says it in words):
    'best'     one of the FIRST_BY_SCORE best, never pushed back;
    'first'    the first job of its domain in the list;
    'lowered'  lowered because jobs of its domain are already higher;
    'kept'     its score lowered for the same reason, but not its place;
    'passed'   after the DIVERSE_TOP places although more relevant than some of them;
    'after'    after the DIVERSE_TOP places, in order of relevance."""

    job: int
    score: float
    penalty: float
    placement: str
    same_domain: int = 0  # jobs of its domain placed above it in the first DIVERSE_TOP


def diversify(index: RecommendIndex, relevance: F32, allowed: np.ndarray[Any, Any],
              limit: int, centres: np.ndarray[Any, Any] | None = None) -> list[Pick]:
    """Greedy re-rank of the first DIVERSE_TOP places, ties as `candidates` breaks them: the
    FIRST_BY_SCORE best jobs first as they are, then each pick loses DIVERSITY_STEP of its
    relevance per job of its domain already shown, at most MAX_PER_DOMAIN a domain (unless
    nothing else is left). The rest follows relevance."""
    ordered = candidates(index, relevance, allowed, centres)
    head = ordered[: max(DIVERSE_TOP * 8, 80)]
    place = {k: n for n, k in enumerate(head)}  # the place by relevance alone
    chosen: list[Pick] = []
    per_domain: dict[str, int] = {}
    while head and len(chosen) < min(limit, DIVERSE_TOP):
        best = len(chosen) < FIRST_BY_SCORE
        if best:
            k, score, penalty = head[0], float(relevance[head[0]]), 0.0
        else:  # when every remaining job is in a full domain, the cap is relaxed
            found = (_best_penalised(index, relevance, head, per_domain, MAX_PER_DOMAIN)
                     or _best_penalised(index, relevance, head, per_domain, None))
            assert found is not None  # `head` is never empty here
            k, score, penalty = found
        d = index.jobs[k].domain_code
        above = per_domain.get(d, 0)
        placement = ("first" if not above else "best" if best
                     else "lowered" if len(chosen) > place[k] else "kept")
        chosen.append(Pick(k, score, penalty, placement, above))
        head.remove(k)
        per_domain[d] = above + 1
    shown = {p.job for p in chosen}
    floor = min((p.score for p in chosen), default=np.inf)
    rest = [k for k in ordered if k not in shown][: limit - len(chosen)]
    return chosen + [_after(index, relevance, k, floor, per_domain) for k in rest]


def _after(index: RecommendIndex, relevance: F32, k: int, floor: float,
           per_domain: dict[str, int]) -> Pick:
    """A job after the first DIVERSE_TOP places: 'passed' when it would have scored above
    one of them and jobs of its domain are there (its score is brought down to the lowest
    of theirs, and the penalty says by how much, so scores never rise down the list), else
    'after', with its relevance as score."""
    rel = float(relevance[k])
    above = per_domain.get(index.jobs[k].domain_code, 0)
    if rel > floor + 1e-9 and above > 0:
        return Pick(k, floor, rel - floor, "passed", above)
    return Pick(k, rel, 0.0, "after", above)


def _best_penalised(index: RecommendIndex, relevance: F32, pool: list[int],
                    per_domain: dict[str, int], cap: int | None,
                    ) -> tuple[int, float, float] | None:
    """The job of `pool` with the best relevance less its penalty (job, score, penalty),
    among the domains shown fewer than `cap` times (any domain when `cap` is None)."""
    best: tuple[int, float, float] | None = None
    for k in pool:
        shown = per_domain.get(index.jobs[k].domain_code, 0)
        if cap is not None and shown >= cap:
            continue
        rel = float(relevance[k])
        pen = rel * DIVERSITY_STEP * shown
        if best is None or rel - pen > best[1] + 1e-12:
            best = (k, rel - pen, pen)
    return best


def rank_all(index: RecommendIndex, profile: Profile, exclude: frozenset[str] = frozenset(),
             ) -> list[str]:
    """Every job code by relevance (no diversity step, no constraints): for evaluation."""
    scored = score_jobs(index, profile)
    order = np.lexsort((np.arange(len(index.jobs)), -scored.relevance))
    return [index.jobs[k].code for k in order.tolist() if index.jobs[k].code not in exclude]


def recommend(profile: Profile, limit: int = 10, catalog: Catalog | None = None,
              *, diversity: bool = True, lang: str = "fr") -> list[Recommendation]:
    """Explained job suggestions for a profile, best first (reproducible). `lang` ('fr' or
    'en') is the language of the explanation sentences; the ranking does not depend on it."""
    if not isinstance(profile, Profile):
        raise ProfileError("recommend() needs a Profile (use Profile.from_dict for JSON).",
                           field="profile", fr="recommend() attend un Profile (pour du JSON : "
                           "Profile.from_dict).")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ProfileError(f"limit must be between 1 and {MAX_LIMIT}.", field="limit",
                           fr=f"Le nombre de suggestions doit être entre 1 et {MAX_LIMIT}.")
    check_lang(lang)
    index = get_index(catalog)
    scored = score_jobs(index, profile)
    allowed = _allowed(index, profile)
    met = centres_met(index, profile)
    if diversity:
        picks = diversify(index, scored.relevance, allowed, limit, met)
    else:
        picks = [Pick(k, float(scored.relevance[k]), 0.0, "plain")
                 for k in candidates(index, scored.relevance, allowed, met)[:limit]]
    from tremplin.recommend.explain import explain

    return [
        Recommendation(index.jobs[p.job].code, index.jobs[p.job].title, round(p.score, 4), rank,
                       explain(index, profile, scored, p.job, p.penalty, lang, p.placement,
                               p.same_domain, allowed))
        for rank, p in enumerate(picks, start=1)
    ]
