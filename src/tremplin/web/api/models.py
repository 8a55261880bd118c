"""Shapes of the recommendation family of JSON answers, for the OpenAPI schema.

They document what `Services` returns (the core's dataclasses made plain); the routes do not
re-validate their answers through them. The schemathesis run checks that every answer
conforms, so a field added to the core and not here fails the tests (`extra="forbid"`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

STRICT = ConfigDict(extra="forbid")
# The kinds of ROME items (recommend/index.py KIND_WEIGHT); work contexts are never suggested.
SuggestedKind = Literal["competence", "soft", "macro", "knowledge", "certification"]
ItemKind = Literal["competence", "soft", "macro", "knowledge", "certification", "context"]


class CodeLabel(BaseModel):
    model_config = STRICT
    ogr: int = Field(examples=[124960])
    label: str = Field(examples=["Défourner des pains et viennoiseries"])


class MatchedOut(BaseModel):
    model_config = STRICT
    ogr: int | None = Field(description="The fiche's item; null for a job title")
    label: str
    kind: Literal[ItemKind, "job_title"]
    core: str = Field(description="'Principale', 'Émergente' or '' (ROME's core of the job)")
    match: float = Field(description="How well the profile covers it, 0..1")
    how: Literal["exact", "same_group", "similar", "job_title"]
    your_competence: CodeLabel | None = Field(
        description="The person's own competence that matched (null: their words did)")
    experience_text: str | None = Field(description="The part of their text that led there")
    guessed: bool = Field(description="Their competence is the engine's own pick from a text "
                                      "nobody reviewed")
    weak: bool = Field(description="A loose resemblance (match below 0.4), listed only when "
                                   "nothing closer explains the score")


class ScorePartOut(BaseModel):
    model_config = STRICT
    value: float
    text: str = Field(description="One sentence a helper can read out, in the request's lang")
    french: list[str] = Field(description="ROME labels quoted in `text` (French only)")


class TrainingOut(BaseModel):
    model_config = STRICT
    title: str
    level: str | None
    duration: str | None
    rncp_url: str | None
    url: str | None = Field(description="Official page of the training (http or https)")
    entry_level: int | None = Field(None, description=(
        "Study level on the French scale 3..8 (3 CAP, 4 bac, 5 bac + 2, 6 bac + 3, 7 bac + 5, "
        "8 doctorate): the certification level, else ONISEP's study level; null when neither "
        "is given. `level` is ONISEP's own wording."))


class JobRef(BaseModel):
    model_config = STRICT
    code: str = Field(examples=["D1102"])
    title: str


class PathSourceOut(JobRef):
    share: float = Field(description="Share of the profile's closest fiches this one weighs")


class CentreOut(BaseModel):
    model_config = STRICT
    code: str
    label: str
    principal: bool


class WhyOut(BaseModel):
    model_config = STRICT
    matched: list[MatchedOut]
    missing: list[CodeLabel] = Field(description="Key competences still to learn")
    interest: str
    parts: dict[str, ScorePartOut] = Field(
        description="coverage, interest, diversity_penalty and, with competences or "
                    "experiences, paths")
    trainings: list[TrainingOut]
    certifications: list[str]
    close_jobs: list[JobRef]
    path_from: list[PathSourceOut]
    interest_centres: list[CentreOut]
    notes: list[str]
    trainings_hidden: int = Field(description="Trainings left out of `trainings` because they "
                                              "are above `constraints.max_study_level`")


class RecommendationOut(BaseModel):
    model_config = STRICT
    code: str = Field(examples=["D1102"])
    title: str
    score: float
    rank: int
    why: WhyOut


class HelpPlaceOut(BaseModel):
    model_config = STRICT
    name: str
    kind: str
    address: str
    postcode: str
    commune: str
    opening_hours: str
    phone: str
    website: str
    distance_km: float | None = Field(description="From the postcode's centre; null when the "
                                                  "place was found by its postcode only")
    snapshot_date: str = Field(description="Date of the open-data snapshot listing it")


class RecommendationsOut(BaseModel):
    model_config = STRICT
    results: list[RecommendationOut]
    places: list[HelpPlaceOut] | None = Field(
        default=None, description="Only when the profile gives `constraints.postcode`: up to 4 "
                                  "places near it where someone can help (job help, a phone "
                                  "and opening hours first); an empty list when none is known")


class SuggestionOut(BaseModel):
    model_config = STRICT
    ogr: int
    label: str
    score: float = Field(description="Similarity plus a lexical bonus; only the order counts")
    matched_text: str
    kind: SuggestedKind = Field(description="What a text can be suggested: savoir-faire "
                                            "(competence), savoir-être (soft), macro, "
                                            "savoir (knowledge), diploma or licence")


class SuggestionsOut(BaseModel):
    model_config = STRICT
    results: list[SuggestionOut]
    own_job: list[JobRef] = Field(description=(
        "The jobs the text names as the person's own ('I was a nurse'): ROME code and the "
        "title the text names, as ROME publishes it. The suggestions then all come from those "
        "jobs, key competences first. Empty otherwise."))


class ItemOut(BaseModel):
    model_config = STRICT
    ogr: int
    label: str
    kind: ItemKind
    suggestable: bool
    jobs: int = Field(description="How many fiches list it")


class DomainOut(BaseModel):
    model_config = STRICT
    code: str = Field(examples=["K13"])
    label: str
    jobs: int


class GrandDomainOut(DomainOut):
    domains: list[DomainOut]


class DomainsOut(BaseModel):
    model_config = STRICT
    domains: list[GrandDomainOut]


class InterestCentreOut(BaseModel):
    model_config = STRICT
    code: str = Field(examples=["17"])
    label: str
    definition: str


class InterestCentresOut(BaseModel):
    model_config = STRICT
    centres: list[InterestCentreOut]


class QuestionOut(BaseModel):
    model_config = STRICT
    id: str = Field(examples=["r1"])
    text: str
    letter: Literal["R", "I", "A", "S", "E", "C"]
    pictogram: str
    screen: int


class QuestionsOut(BaseModel):
    model_config = STRICT
    lang: str
    questions: list[QuestionOut]


class RiasecScoreIn(BaseModel):
    model_config = STRICT
    answers: dict[str, int] = Field(
        description="Question id (from /riasec/questions) -> 0 (no), 1 (a bit), 2 (a lot)",
        examples=[{"r1": 2, "s1": 1}])


class RiasecScoreOut(BaseModel):
    model_config = STRICT
    scores: dict[str, float] = Field(description="Letter -> sum of its answers / 6 (0..1)")
    top: list[str] = Field(description="At most 3 letters above 0, highest first")
    missing: list[str] = Field(description="Questions not answered")


# The profile a recommendation request carries, as a JSON schema (the core parses the dict
# itself, so that every refusal names its field with a French message too).
PROFILE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "competences": {"type": "array", "items": {"type": "integer"}, "maxItems": 150,
                        "description": "ROME competence or savoir codes the person chose"},
        "experiences": {"type": "array", "maxItems": 20, "items": {
            "type": "object", "required": ["text"], "additionalProperties": False,
            "properties": {
                "text": {"type": "string", "minLength": 1, "maxLength": 1000,
                         "description": "In the person's own words, any language"},
                "confirmed_competences": {"type": "array", "items": {"type": "integer"},
                                          "maxItems": 40},
                "removed_competences": {"type": "array", "items": {"type": "integer"},
                                        "maxItems": 200},
                "reviewed": {"type": "boolean", "description": "Only the confirmed codes "
                             "count as competences (the words still count)"},
            }}},
        "riasec": {"anyOf": [
            {"type": "object", "additionalProperties": {
                "type": "number", "minimum": 0, "maximum": 1}},
            {"type": "string"}], "description": "Letter -> 0..1, or letters \"S,A\""},
        "interest_centres": {"type": "array", "items": {"type": "string"}, "maxItems": 30},
        "constraints": {"type": "object", "additionalProperties": False, "properties": {
            "max_study_level": {"type": "integer", "minimum": 3, "maximum": 8},
            "avoided_domains": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
            "postcode": {"type": "string", "pattern": "^[0-9]{5}$"},
        }},
    },
    "additionalProperties": False,
}


# --- one ROME fiche (GET /jobs/{code}) -------------------------------------------------------


class JobCodeLabel(BaseModel):
    model_config = STRICT
    code: str
    label: str


class JobMobilityOut(JobCodeLabel):
    """A job ROME says one can move to from this one."""
    rank: int


class JobRiasecOut(BaseModel):
    model_config = STRICT
    major: str = Field(description="ROME's RIASEC letter of the job ('' when none)")
    minor: str = Field(description="Its second letter ('' when none)")


class JobTitleOut(BaseModel):
    model_config = STRICT
    ogr: int
    label: str = Field(description="As ROME publishes it: 'Boulanger / Boulangère'")
    masculine: str
    feminine: str
    principal: bool


class JobKnowledgeOut(CodeLabel):
    category: str


class JobCompetenceOut(JobKnowledgeOut):
    subcategory: str
    core: str = Field(description="'Principale', 'Émergente' or '' (ROME's core of the job)")


class JobContextOut(CodeLabel):
    type: str


class OnisepJobOut(BaseModel):
    model_config = STRICT
    id: str
    name: str
    summary: str
    min_level: str = Field(description="ONISEP's minimum access level, in its own words")


class JobTrainingOut(BaseModel):
    model_config = STRICT
    id: str
    title: str
    type: str
    duration: str
    level: str = Field(description="ONISEP's wording of the level ('' when none)")
    level_number: int | None = Field(description="Certification level 3..8, null when none")
    rncp_url: str = Field(description="RNCP page ('' when the training has none)")
    url: str = Field(description="Official page ('' when none)")
    entry_level: int | None = Field(description="Study level 3..8 (see TrainingOut)")


class JobOut(BaseModel):
    """One ROME fiche with what the open data says about it."""
    model_config = STRICT
    code: str = Field(examples=["D1102"])
    label: str
    label_masculine: str
    label_feminine: str
    summary: str = Field(description="The definition's first sentence")
    definition: str
    definition_intro: str
    definition_tasks: list[str]
    access: str = Field(description="How one gets into the job, in ROME's words")
    domain: JobCodeLabel
    grand_domain: JobCodeLabel
    riasec: JobRiasecOut
    regulated: bool
    titles: list[JobTitleOut]
    competences: list[JobCompetenceOut]
    knowledge: list[JobKnowledgeOut]
    certifications: list[CodeLabel] = Field(description="Diplomas and licences ROME lists")
    contexts: list[JobContextOut]
    mobilities: list[JobMobilityOut]
    onisep_jobs: list[OnisepJobOut] = Field(description="ONISEP métiers that fit the fiche by title")
    trainings: list[JobTrainingOut] = Field(description=(
        "Trainings of those ONISEP métiers, lowest level first (a territory's own diplomas "
        "after the national ones)"))
