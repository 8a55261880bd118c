"""The jobs a text names as the person's own: "je suis serveuse", "je suis mécano, je répare
des voitures", "serveuse en terrasse cet été", "I was a waiter in London". Someone else's job
("ma mère est serveuse") or a wished one ("je veux être serveuse") is not theirs.

Used by the suggestions (the job's items come first), the ranking (the job is kept at the top
of the list and is not hidden by the study level: the person already does it) and the
explanation (no « à apprendre » for a job the person did)."""

from __future__ import annotations

import re

from tremplin.recommend.index import (
    CLOSING_ACRONYM,
    RecommendIndex,
    name_words,
    titles_named,
)
from tremplin.recommend.memo import remembered
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
_CLAUSE_END = re.compile(r"[.,;:!?\n]+|\b(?:et|mais|puis|ensuite|and|but|then)\b",
                         re.IGNORECASE)
# Words that join a clause to the one before without a subject of its own ("serveur puis
# barman", "ma mère est serveuse et cuisinière").
_JOINING = frozenset(words_key("et puis ensuite ou aussi and then or also"))


def own_job_clauses(index: RecommendIndex, text: str) -> dict[int, int]:
    """The jobs a clause of a longer text names as the person's own: the clause is only a
    job's name and words such as "je suis" ("je suis mécano, je répare des voitures"), or
    opens with it (`_own_job_then_where_when`: "serveur dans un resto puis barman à Paris"),
    unless it has no subject and follows someone else's job (`_Subject`)."""
    found: dict[int, int] = {}
    clauses = [c for c in _CLAUSE_END.split(text) if c.strip()]
    if len(clauses) > 1:
        subject = _Subject(index)
        for clause in clauses:
            own = index.own_jobs(clause) or _own_job_then_where_when(index, clause)
            for job, pos in subject.own(clause, own).items():
                found.setdefault(job, pos)
    return found


class _Subject:
    """Whose job the clauses of a text name, clause after clause: a clause that names a job
    with no subject of its own ("et cuisinière", "puis barman") names the job of the clause
    before's subject, so "ma mère est serveuse et cuisinière" names no job of the person's,
    while "serveur puis barman" names two."""

    def __init__(self, index: RecommendIndex) -> None:
        self.index = index
        self.someone_else = False  # the clause before named someone else's job

    def own(self, clause: str, own: dict[int, int]) -> dict[int, int]:
        """`own` (the clause's own jobs by the other rules), unless someone else's."""
        if own and self.someone_else and self._no_subject(clause):
            own = {}
        self.someone_else = not own and bool(self.index.named_titles(self.index.neutralise(clause)))
        return own

    def _no_subject(self, clause: str) -> bool:
        words = name_words(self.index.neutralise(clause))
        spans = self.index._name_spans(words)
        first = min((a for a, _b, _h in spans), default=len(words))
        return all(w in _JOINING for w in words[:first])


OWN_JOBS_MEMO = 2048  # texts whose own jobs are kept (one list explains 10 jobs)


def own_jobs_per_experience(index: RecommendIndex, profile: Profile) -> list[dict[int, int]]:
    """`own_jobs_of` each experience's text (see `own_jobs_said`)."""
    return [own_jobs_said(index, e.text) for e in profile.experiences]


def own_jobs_said(index: RecommendIndex, text: str) -> dict[int, int]:
    """`own_jobs_of`, memoised per text on the index (so that a rebuilt index never reads
    positions found with another) behind a lock (requests share it): the suggestions, the
    ranking and the explanation of one text all ask."""
    return remembered(index.own_jobs_memo, text, OWN_JOBS_MEMO, lambda: own_jobs_of(index, text))


def own_jobs_of(index: RecommendIndex, text: str) -> dict[int, int]:
    """The fiches a text names as the person's own job, each with the title it names: the
    text, or one of its clauses, is only a job's name and words such as "je suis"
    (`index.own_jobs`, `own_job_clauses`), or a clause starts so and goes on with where or
    when the job was done (`_own_job_then_where_when`)."""
    found = dict(index.own_jobs(text))
    for job, pos in own_job_clauses(index, text).items():
        found.setdefault(job, pos)
    subject = _Subject(index)
    for clause in _PUNCTUATED_CLAUSE.findall(text):
        for job, pos in subject.own(clause, _own_job_then_where_when(index, clause)).items():
            found.setdefault(job, pos)
    return found


def _own_job_then_where_when(index: RecommendIndex, clause: str) -> dict[int, int]:
    """`_named_then_where_when` of the clause, or of the clause with where or when it was
    done said after the job rather than before (`_job_first`)."""
    for said in (clause, *_job_first(clause)):
        own = _named_then_where_when(index, said)
        if own:
            return own
    return {}


# Words that introduce the person's job after where or when it was done ("j'ai travaillé 5 ans
# dans le bâtiment comme maçon", "I worked in London as a waiter").
_AS_JOB = re.compile(r"\b(?:comme|en tant que|as)\b", re.IGNORECASE)


def _job_first(clause: str) -> list[str]:
    """The clause with its where or when, said before "comme <job>", moved after the rest:
    "j'ai travaillé 5 ans dans le bâtiment comme maçon" is read as "j'ai travaillé 5 ans
    comme maçon dans le bâtiment" (an adults' QA pass found it named no job of the person's,
    while "j'ai travaillé comme maçon dans le bâtiment" did). One reading per place where
    the where or when may start, first to last."""
    out = []
    for job in _AS_JOB.finditer(clause):
        for cut, _word in _where_when_cuts(clause[:job.start()]):
            out.append(f"{clause[:cut]}{clause[job.start():]} {clause[cut:job.start()]}")
    return out


def _named_then_where_when(index: RecommendIndex, clause: str) -> dict[int, int]:
    """The job a clause names as the person's own before saying where or when ("serveuse en
    terrasse cet été"): the clause, cut before the first of the WHERE_WHEN words that leaves
    a job's name and words such as "je suis" only, a name the whole clause names (a cut
    inside a longer name, "aide | à domicile", names nothing). A name followed by "en" must
    be the job's whole title: "vendeur en boulangerie" is not « Vendeur en prêt-à-porter »,
    the job "vendeur" alone stands for, unless the words after it make a longer title with it
    ("vendeuse en boulangerie", "vendeur chez Decathlon au rayon vélo": `longer_title`)."""
    named = index.named_titles(index.neutralise(clause))
    whole_title = False  # from a name followed by "en" on
    for cut, word in _where_when_cuts(clause) if named else []:
        head = clause[:cut]
        words, spans = index.own_job_spans(head)
        own = {job: pos for job, pos in titles_named(spans).items() if job in named}
        if own:
            a, b, _hit = max(spans)  # the name the clause goes on from
            longer = index.longer_title(tuple(words[a:b]), _CLAUSE_END.split(clause[cut:])[0])
            if longer is not None:
                return longer[0]
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
    aside ("aide soignante" writes « Aide-soignant »), a closing acronym too ("ASH")."""
    title_words = _words_apart(CLOSING_ACRONYM.sub("", index.title_label[title]))
    return title_words <= _words_apart(index.neutralise(text))


def _words_apart(text: str) -> set[str]:
    return {part for word in name_words(text) for part in word.split("-") if part}




def own_jobs_in(index: RecommendIndex, profile: Profile) -> set[int]:
    """The fiches any experience of the profile names as the person's own job."""
    return {job for jobs in own_jobs_per_experience(index, profile) for job in jobs}
