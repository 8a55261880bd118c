"""What the engine makes of one sentence, for the tests of how people's words are read."""

from __future__ import annotations

from tremplin.recommend import Experience, Profile, Recommendation, recommend, suggest_competences
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.own_jobs import own_jobs_of


def recs(text: str, n: int = 10) -> list[Recommendation]:
    """The first n job suggestions for a profile made of this one sentence."""
    return recommend(Profile(experiences=(Experience(text),)), n)


def codes(text: str, n: int = 10) -> list[str]:
    """The ROME codes of those suggestions, best first."""
    return [r.code for r in recs(text, n)]


def labels(text: str, n: int = 5) -> list[str]:
    """The first n competences suggested for the sentence, lower-cased."""
    return [s.label.lower() for s in suggest_competences(text, n)]


def own(index: RecommendIndex, text: str) -> list[str]:
    """The ROME codes of the jobs the sentence names as the person's own."""
    return [index.jobs[j].code for j in own_jobs_of(index, text)]
