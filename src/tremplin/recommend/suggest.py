"""Experience text -> suggested ROME competences and savoirs (embeddings + lexical)."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from tremplin.recommend.errors import ProfileError
from tremplin.recommend.index import F32, RecommendIndex, get_index
from tremplin.recommend.memo import remembered
from tremplin.recommend.own_jobs import own_jobs_said
from tremplin.recommend.profile import check_experience_text
from tremplin.recommend.text import (
    expand,
    expansion,
    fold,
    looks_english,
    other_senses,
    tokens,
    without_dislikes,
    without_frame,
    without_setting,
    without_status,
    word_by_word,
    written_out,
)

LEXICAL_WEIGHT = 0.01     # one BM25 point is worth this much cosine similarity
CERTIFICATION_PENALTY = 0.04  # diplomas and licences only when the text names them
EXPERT_PENALTY = 0.02         # ROME 'Technique expert' competences come after everyday ones
MANAGING_PENALTY = 0.04       # managing / planning / designing comes after doing
# Items of the fiches whose job titles resemble the text get a bonus: "j'ai gardé mes petits
# frères" is close to "Garde d'enfants", so that fiche's items about children come before an
# item that merely shares the word "garde" (measured: precision@5 0.557 -> 0.638).
JOB_CONTEXT_WEIGHT = 0.5      # bonus = weight x (title similarity - floor), best fiche wins
JOB_CONTEXT_FLOOR = 0.80      # title similarity below this gives no bonus
JOB_CONTEXT_FICHES = 80       # only the fiches whose titles are closest to the text
# A text that only names the person's job ("I was a nurse") is suggested that job's items,
# by their weight in the job (key competences first), the words of the text breaking ties.
OWN_JOB_TEXT_WEIGHT = 0.1
# A longer text that names the person's job ("je suis mécano, je répare des voitures",
# "serveuse en terrasse cet été", see own_jobs.py): that job's items come first among the
# others, by their weight in the job, among those near the text: the full bonus for the job's
# item closest to the text, none from OWN_CLAUSE_MARGIN below it. Without that, the job's key
# items came first whatever the text said: "vendeur en boulangerie le dimanche matin" got «
# Renseigner le support de suivi de traçabilité » before the bakery's items (docs/scoring.md).
OWN_CLAUSE_BONUS = 0.1
OWN_CLAUSE_MARGIN = 0.05
FUZZY_CUTOFF = 86         # rapidfuzz ratio for a misspelled word to match a ROME word
MAX_SUGGESTIONS = 50


@dataclass(frozen=True, slots=True)
class CompetenceSuggestion:
    ogr: int
    label: str
    score: float          # semantic similarity + lexical bonus; higher is closer
    matched_text: str     # the part of the user's text that led to this suggestion
    kind: str = "competence"   # competence | soft | macro | knowledge | certification

    def to_dict(self) -> dict[str, object]:
        return {"ogr": self.ogr, "label": self.label, "score": self.score,
                "matched_text": self.matched_text, "kind": self.kind}


_cache_lock = threading.Lock()
_vec_cache: OrderedDict[str, F32] = OrderedDict()
_VEC_CACHE_SIZE = 2048


def text_vector(text: str) -> F32:
    """The e5 vector of a (prepared) text, memoised in a small LRU."""
    with _cache_lock:
        hit = _vec_cache.get(text)
        if hit is not None:
            _vec_cache.move_to_end(text)
            return hit
    # through the shared batcher: concurrent web requests share the encoder's batches (a
    # vector does not depend on its batch, see tests/test_embeddings.py)
    from tremplin.embeddings import encode_query

    vec: F32 = np.asarray(encode_query(text), dtype=np.float32)
    with _cache_lock:
        _vec_cache[text] = vec
        if len(_vec_cache) > _VEC_CACHE_SIZE:
            _vec_cache.popitem(last=False)
    return vec


_PREPARED_MEMO = 256  # texts


def prepare(index: RecommendIndex, text: str) -> str:
    """Gender-neutral, glossary-expanded text: what is embedded and matched; memoised on the
    index, as a ranking reads each experience several times (0.7 ms each, the rules' regular
    expressions)."""
    return remembered(index.prepared_memo, text, _PREPARED_MEMO,
                      lambda: expand(read_text(index, text)))


def read_text(index: RecommendIndex, text: str) -> str:
    """The text as the engine reads it, before the glossary: without dislikes, status and an
    internship's frame and where or through what something was done (the pupil's school, the
    screen one learns from), text-message spellings written out, gender-neutral."""
    read = without_status(without_dislikes(" ".join(text.split())))
    return index.neutralise(without_frame(without_setting(written_out(read))))


def lexical_tokens(index: RecommendIndex, prepared: str) -> list[str]:
    out = []
    for t in tokens(prepared):
        if t in index.postings:
            out.append(t)
        elif len(t) >= 5:
            memo = index.fuzzy_memo
            if t in memo:
                fixed = memo[t]
            else:
                hit = process.extractOne(t, index.vocabulary, scorer=fuzz.ratio,
                                         score_cutoff=FUZZY_CUTOFF)
                fixed = None if hit is None else str(hit[0])
                if len(memo) > 20000:
                    memo.clear()
                memo[t] = fixed  # the local value is used: safe if another thread clears
            if fixed is not None:
                out.append(fixed)
    return out


def prefetch_vectors(texts: list[str]) -> None:
    """Encode the (prepared) texts not yet memoised in one go, so that a profile of many
    experiences does not wait for them one by one (20 texts of 1,000 characters: see
    docs/scoring.md, Limits)."""
    with _cache_lock:
        missing = list(dict.fromkeys(t for t in texts if t not in _vec_cache))
    if len(missing) < 2:
        return
    from tremplin.embeddings import encode_queries

    vectors = encode_queries(missing)
    with _cache_lock:
        for text, vec in zip(missing, vectors, strict=True):
            _vec_cache[text] = np.asarray(vec, dtype=np.float32)
            _vec_cache.move_to_end(text)
        while len(_vec_cache) > _VEC_CACHE_SIZE:
            _vec_cache.popitem(last=False)


_TITLES_MEMO = 64  # texts: two per experience (as written, and prepared) on a few screens


def fiche_title_similarity(index: RecommendIndex, prepared: str) -> F32:
    """Per fiche, the highest cosine between a prepared text and one of its job titles,
    memoised on the index: the suggestions for an experience and the ranking of jobs from it
    both need it (4 ms a text). The array is shared and read-only."""
    def work_out() -> F32:
        sims: F32 = index.title_max(index.title_vectors @ text_vector(prepared))
        sims.setflags(write=False)
        return sims

    return remembered(index.title_sims_memo, prepared, _TITLES_MEMO, work_out)


def job_context_bonus(index: RecommendIndex, prepared: str) -> F32:
    """Per-item bonus from the fiches whose job titles are closest to the (prepared) text."""
    bonus = np.zeros(len(index.item_ogr), dtype=np.float32)
    if not len(index.title_job):
        return bonus
    fiche_sim = fiche_title_similarity(index, prepared)
    k = min(JOB_CONTEXT_FICHES, len(fiche_sim))
    near = np.zeros(len(fiche_sim), dtype=bool)
    near[np.argpartition(-fiche_sim, k - 1)[:k]] = True
    gain = np.clip(fiche_sim - JOB_CONTEXT_FLOOR, 0.0, None) * near
    entry_gain = gain[index.entry_job]
    keep = entry_gain > 0
    np.maximum.at(bonus, index.entry_item[keep], entry_gain[keep])
    return bonus


_SCORES_MEMO = 32  # texts: a review page and its form, an API suggestion then its ranking


def item_scores(index: RecommendIndex, text: str) -> F32:
    """Per-item suggestion score for a text (items that cannot be suggested get -inf),
    memoised on the index for the last few texts: a review screen asks for the words'
    suggestions and the own job's key competences of one text, and again when its form comes
    back. The array is shared and read-only."""
    def work_out() -> F32:
        scores = _item_scores(index, text)
        scores.setflags(write=False)
        return scores

    return remembered(index.item_scores_memo, text, _SCORES_MEMO, work_out)


def _item_scores(index: RecommendIndex, text: str) -> F32:
    read = read_text(index, text)
    added = expansion(read)
    prepared = read + added  # as `prepare`
    vector = text_vector(prepared)
    # in English, ROME words only match false friends ("I cleaned offices" -> "Gestion du
    # Back Office"): the multilingual sentence model alone does better
    lex = index.bm25([] if looks_english(text) else lexical_tokens(index, word_by_word(read, added)))
    scores = (index.vectors @ vector + LEXICAL_WEIGHT * np.minimum(lex, 10.0)
              + JOB_CONTEXT_WEIGHT * job_context_bonus(index, prepared)).astype(np.float32)
    own = index.own_jobs(text)
    said = {} if own else own_jobs_said(index, text)
    if said:
        weight = index.weight_in(said)
        closest = float(np.max(np.where(index.suggestable & (weight > 0), scores, -np.inf)))
        near = np.clip((scores - closest) / OWN_CLAUSE_MARGIN + 1.0, 0.0, 1.0)
        scores += (OWN_CLAUSE_BONUS * near * weight / max(float(weight.max()), 1e-9)
                   ).astype(np.float32)
    if own:  # "I was a nurse": what that job asks is the best guess of what the person can do
        weight = index.weight_in(own)
        scores = np.where(weight > 0, weight / weight.max() + OWN_JOB_TEXT_WEIGHT * scores,
                          -np.inf).astype(np.float32)
    scores[index.is_certification] -= CERTIFICATION_PENALTY
    # a diploma only when the person names it (not the glossary: "brevet" adds "diplôme")
    scores[index.diplomas.refused(without_status(without_dislikes(text)))] = -np.inf
    scores[index.is_expert] -= EXPERT_PENALTY
    scores[index.is_managing] -= MANAGING_PENALTY
    scores[~index.suggestable] = -np.inf
    for labels in other_senses(prepared):  # "plongeur dans un restaurant": no diving
        scores[_labels_matching(index, labels)] = -np.inf
    return scores


def _labels_matching(index: RecommendIndex, pattern: str) -> npt.NDArray[np.bool_]:
    """Which items' folded labels a pattern finds (read once per index, in its memo)."""
    mask = index.sense_masks.get(pattern)
    if mask is None:
        found = re.compile(pattern)
        mask = np.asarray([bool(found.search(fold(label))) for label in index.item_label],
                          dtype=bool)
        index.sense_masks[pattern] = mask
    return mask


_CLAUSE = re.compile(r"[^.,;!?\n]+")


def matched_fragment(text: str, label: str) -> str:
    """The clause of the user's text sharing most words with the label (else the whole text)."""
    label_toks = set(tokens(label))
    text = without_dislikes(text) or text  # never quote what the person said they dislike
    best, best_n = text.strip(), 0
    for m in _CLAUSE.finditer(text):
        clause = m.group(0).strip()
        n = len(label_toks & set(tokens(clause)))
        if n > best_n and clause:
            best, best_n = clause, n
    return best if len(best) <= 160 else best[:157] + "..."


def suggest_from_index(index: RecommendIndex, text: str, limit: int = 5,
                       exclude: frozenset[int] = frozenset()) -> list[CompetenceSuggestion]:
    check_experience_text(text)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_SUGGESTIONS:
        raise ProfileError(f"limit must be between 1 and {MAX_SUGGESTIONS}.", field="limit",
                           fr=f"Le nombre de suggestions doit être entre 1 et {MAX_SUGGESTIONS}.")
    scores = item_scores(index, text)
    return [_suggestion(index, text, scores, i) for i in best_items(index, scores, limit, exclude)]


def _suggestion(index: RecommendIndex, text: str, scores: F32, i: int) -> CompetenceSuggestion:
    """Item `i` offered for `text`, with its score and the part of the text that led to it."""
    return CompetenceSuggestion(int(index.item_ogr[i]), index.item_label[i],
                                round(float(scores[i]), 4),
                                matched_fragment(text, index.item_label[i]), index.item_kind[i])


def best_items(index: RecommendIndex, scores: F32, limit: int,
               exclude: frozenset[int] = frozenset()) -> list[int]:
    """Positions of the best-scored items, one per label (identical labels are shown once),
    best first, ties by position; items scored -inf are never returned."""
    k = min(limit * 4 + 20, len(scores))
    part = np.argpartition(-scores, k - 1)[:k]
    order = part[np.lexsort((part, -scores[part]))]
    out: list[int] = []
    seen_labels: set[str] = set()
    for i in order.tolist():
        key = fold(index.item_label[i])
        if not np.isfinite(scores[i]) or int(index.item_ogr[i]) in exclude or key in seen_labels:
            continue
        seen_labels.add(key)
        out.append(i)
        if len(out) == limit:
            break
    return out


@dataclass(frozen=True, slots=True)
class OwnJobCompetences:
    """The key competences of a job a longer text names as the person's own ("j'ai travaillé
    5 ans dans le bâtiment comme maçon"), for the person to confirm or leave."""
    code: str
    title: str                    # as ROME publishes it, both genders
    competences: tuple[CompetenceSuggestion, ...]

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title,
                "competences": [c.to_dict() for c in self.competences]}


def own_job_key_competences(index: RecommendIndex, text: str, limit: int = 5,
                            exclude: frozenset[int] = frozenset()) -> list[OwnJobCompetences]:
    """For each job a text names as the person's own, amid other words, its key (ROME
    *Principale*) competences, closest to the text first, without those in `exclude` (already
    offered). The words around the job lead the suggestions ("dans le bâtiment" brings
    building renovation), so a person who did the job would not be offered what it asks
    without this. Empty when the text only names the job: its suggestions are already that
    job's, key ones first."""
    check_experience_text(text)
    if index.own_jobs(text):
        return []
    said = own_jobs_said(index, text)
    if not said:
        return []
    scores = item_scores(index, text)
    out = []
    # an item offered already, or one of the same label, is not offered twice
    labels = {fold(index.item_label[index.pos[o]]) for o in exclude if o in index.pos}
    for job, title_pos in sorted(said.items(), key=lambda kv: index.jobs[kv[0]].code):
        keys = np.zeros(len(scores), dtype=bool)
        keys[[i for i in index.key_items(job) if fold(index.item_label[i]) not in labels]] = True
        chosen = best_items(index, np.where(keys, scores, -np.inf).astype(np.float32), limit)
        labels.update(fold(index.item_label[i]) for i in chosen)
        if chosen:
            out.append(OwnJobCompetences(
                index.jobs[job].code, index.title_shown[title_pos],
                tuple(_suggestion(index, text, scores, i) for i in chosen)))
    return out


def own_jobs(index: RecommendIndex, text: str) -> list[dict[str, str]]:
    """The jobs a text names as the person's own ("nurse"): ROME code and the title named,
    as ROME publishes it ("Infirmier / Infirmière en soins généraux (IDE)"). The text's
    suggestions then all come from those jobs, and a page says why."""
    return sorted(({"code": index.jobs[j].code, "title": index.title_shown[pos]}
                   for j, pos in index.own_jobs(text).items()), key=lambda o: o["code"])


def describe_item(index: RecommendIndex, ogr: int) -> dict[str, object] | None:
    """A ROME competence, savoir or work context by its code: what a stored code means."""
    pos = index.pos.get(ogr)
    if pos is None:
        return None
    return {"ogr": ogr, "label": index.item_label[pos], "kind": index.item_kind[pos],
            "suggestable": bool(index.suggestable[pos]),
            "jobs": int(np.count_nonzero(index.entry_item == pos))}


def suggest_competences(text: str, limit: int = 5) -> list[CompetenceSuggestion]:
    """ROME competences and savoirs close to what the person wrote, best first."""
    return suggest_from_index(get_index(), text, limit)
