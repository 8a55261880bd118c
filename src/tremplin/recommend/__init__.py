"""Job recommendations from what a young person likes and can already do, each explained.

Public API (used by the web layer and the CLI): Profile, Experience, Constraints,
recommend, Recommendation, suggest_competences, CompetenceSuggestion, riasec_questions,
score_riasec, RiasecProfile, Question, interest_centres, job_domains, ProfileError.
"""

from tremplin.recommend.centres import interest_centres
from tremplin.recommend.domains import job_domains
from tremplin.recommend.engine import Recommendation, ScorePart, Why, recommend
from tremplin.recommend.errors import ProfileError
from tremplin.recommend.profile import (
    MAX_COMPETENCES,
    MAX_EXPERIENCE_CHARS,
    MAX_EXPERIENCES,
    Constraints,
    Experience,
    Profile,
)
from tremplin.recommend.riasec import Question, RiasecProfile, riasec_questions, score_riasec
from tremplin.recommend.suggest import CompetenceSuggestion, suggest_competences

__all__ = [
    "MAX_COMPETENCES",
    "MAX_EXPERIENCES",
    "MAX_EXPERIENCE_CHARS",
    "CompetenceSuggestion",
    "Constraints",
    "Experience",
    "Profile",
    "ProfileError",
    "Question",
    "Recommendation",
    "RiasecProfile",
    "ScorePart",
    "Why",
    "interest_centres",
    "job_domains",
    "recommend",
    "riasec_questions",
    "score_riasec",
    "suggest_competences",
]
