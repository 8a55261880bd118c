"""Job-title search: hybrid (meaning + spelling) ranking over ROME titles, ONISEP names
and a curated alias table; autocomplete; a generic label matcher. See docs/search.md."""

from tremplin.search.engine import (
    JobSearch,
    SearchExplanation,
    SearchHit,
    Suggestion,
    get_engine,
    search_jobs,
)
from tremplin.search.index import build_index
from tremplin.search.matcher import Matcher, MatchResult, match_titles
from tremplin.search.normalize import MAX_QUERY_CHARS, QueryError

__all__ = [
    "MAX_QUERY_CHARS",
    "JobSearch",
    "MatchResult",
    "Matcher",
    "QueryError",
    "SearchExplanation",
    "SearchHit",
    "Suggestion",
    "build_index",
    "get_engine",
    "match_titles",
    "search_jobs",
]
