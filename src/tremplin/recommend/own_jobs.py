"""The jobs a text names as the person's own: "je suis serveuse", "je suis mécano, je répare
des voitures", "serveuse en terrasse cet été", "I was a waiter in London". Someone else's job
("ma mère est serveuse") or a wished one ("je veux être serveuse") is not theirs.

Used by the suggestions (the job's items come first), the ranking (the job is kept at the top
of the list and is not hidden by the study level: the person already does it) and the
explanation (no « à apprendre » for a job the person did)."""

from __future__ import annotations

import re
import threading

from tremplin.recommend.index import RecommendIndex, name_words
from tremplin.recommend.profile import Profile
from tremplin.recommend.text import words_key

# Words that open where or when a job was done: a clause that starts with a job's name, after
# words such as "je suis" only, and goes on with one of them names the person's own job
# ("je suis serveuse dans un resto", "serveuse en terrasse cet été", "I was a waiter in
# London"); "ma mère est serveuse dans un resto" does not (see `own_jobs_of`).
WHERE_WHEN = frozenset(words_key(
    "dans chez en à au aux pour pendant depuis durant cet cette ce l le la les tous toutes "
    "chaque sur vers quand lorsque in at for during since last this every on from when"))
SPECIALTY = "en"  # "vendeur en boulangerie": the speciality of a job, as ROME titles say it
_PUNCTUATED_CLAUSE = re.compile(r"[^.,;:!?\n]+")
_ONE_WORD = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[.,;:!?\n]+|\b(?:et|mais|and|but)\b", re.IGNORECASE)


def own_job_clauses(index: RecommendIndex, text: str) -> dict[int, int]:
    """The jobs a clause of a longer text names as the person's own: the clause is only a
    job's name and words such as "je suis" ("je suis mécano, je répare des voitures")."""
    found: dict[int, int] = {}
    clauses = [c for c in _CLAUSE_END.split(text) if c.strip()]
    if len(clauses) > 1:
        for clause in clauses:
            for job, pos in index.own_jobs(clause).items():
                found.setdefault(job, pos)
    return found


OWN_JOBS_MEMO = 2048  # texts whose own jobs are kept (one list explains 10 jobs)
_memo_lock = threading.Lock()


def own_jobs_per_experience(index: RecommendIndex, profile: Profile) -> list[dict[int, int]]:
    """`own_jobs_of` each experience's text (see `own_jobs_said`)."""
    return [own_jobs_said(index, e.text) for e in profile.experiences]


def own_jobs_said(index: RecommendIndex, text: str) -> dict[int, int]:
    """`own_jobs_of`, memoised per text on the index (so that a rebuilt index never reads
    positions found with another) behind a lock (requests share it): the suggestions, the
    ranking and the explanation of one text all ask."""
    with _memo_lock:
        hit = index.own_jobs_memo.get(text)
    if hit is None:
        hit = own_jobs_of(index, text)
        with _memo_lock:
            index.own_jobs_memo[text] = hit
            while len(index.own_jobs_memo) > OWN_JOBS_MEMO:
                index.own_jobs_memo.popitem(last=False)
    return hit


def own_jobs_of(index: RecommendIndex, text: str) -> dict[int, int]:
    """The fiches a text names as the person's own job, each with the title it names: the
    text, or one of its clauses, is only a job's name and words such as "je suis"
    (`index.own_jobs`, `own_job_clauses`), or a clause starts so and goes on with where or
    when the job was done (`_own_job_then_where_when`)."""
    found = dict(index.own_jobs(text))
    for job, pos in own_job_clauses(index, text).items():
        found.setdefault(job, pos)
    for clause in _PUNCTUATED_CLAUSE.findall(text):
        for job, pos in _own_job_then_where_when(index, clause).items():
            found.setdefault(job, pos)
    return found


def _own_job_then_where_when(index: RecommendIndex, clause: str) -> dict[int, int]:
    """The job a clause names as the person's own before saying where or when ("serveuse en
    terrasse cet été"): the clause, cut before the first of the WHERE_WHEN words that leaves
    a job's name and words such as "je suis" only, a name the whole clause names (a cut
    inside a longer name, "aide | à domicile", names nothing). A name followed by "en" must
    be the job's whole title: "vendeur en boulangerie" is not « Vendeur en prêt-à-porter »,
    the job "vendeur" alone stands for."""
    named = index.named_titles(index.neutralise(clause))
    whole_title = False  # from a name followed by "en" on
    for cut, word in _where_when_cuts(clause) if named else []:
        head = clause[:cut]
        own = {job: pos for job, pos in index.own_jobs(head).items() if job in named}
        whole_title = whole_title or bool(own and word == SPECIALTY)
        if whole_title:
            own = {job: pos for job, pos in own.items() if _title_written(index, head, pos)}
        if own:
            return own
    return {}


def _where_when_cuts(clause: str) -> list[tuple[int, str]]:
    """Where the clause may be cut, first to last: before each of its WHERE_WHEN words but
    the first word, with that word (folded)."""
    cuts = []
    for found in _ONE_WORD.finditer(clause):
        key = words_key(found.group(0))
        if found.start() > 0 and key and key[0] in WHERE_WHEN:
            cuts.append((found.start(), key[0]))
    return cuts


def _title_written(index: RecommendIndex, text: str, title: int) -> bool:
    """Whether every word of a job title (position `title`) is written in the text, hyphens
    aside ("aide soignante" writes « Aide-soignant »)."""
    return _words_apart(index.title_label[title]) <= _words_apart(index.neutralise(text))


def _words_apart(text: str) -> set[str]:
    return {part for word in name_words(text) for part in word.split("-") if part}




def own_jobs_in(index: RecommendIndex, profile: Profile) -> set[int]:
    """The fiches any experience of the profile names as the person's own job."""
    return {job for jobs in own_jobs_per_experience(index, profile) for job in jobs}
