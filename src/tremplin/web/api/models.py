"""Shapes of the recommendation family of JSON answers, for the OpenAPI schema.

They document what `Services` returns (the core's dataclasses made plain); the routes do not
re-validate their answers through them. The schemathesis run checks that every answer
conforms, so a field added to the core and not here fails the tests (`extra="forbid"`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from tremplin.recommend.profile import (
    MAX_AVOIDED_DOMAINS,
    MAX_COMPETENCES,
    MAX_CONFIRMED_PER_EXPERIENCE,
    MAX_EXPERIENCE_CHARS,
    MAX_EXPERIENCES,
    MAX_INTEREST_CENTRES,
    MAX_REMOVED_PER_EXPERIENCE,
    STUDY_LEVELS,
)

STRICT = ConfigDict(extra="forbid")
# requests: JSON types as published, nothing converted ("124960" is no code, true no answer)
STRICT_IN = ConfigDict(extra="forbid", strict=True)
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


# --- opening hours of a place (GET /places, POST /recommendations) ---------------------------

Day = Literal["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH"]
DAY_HELP = ("OpenStreetMap day code: Mo, Tu, We, Th, Fr, Sa, Su (lundi … dimanche), PH "
            "(jours fériés, public holidays)")
TIME = r"^(?:[01][0-9]|2[0-4]):[0-5][0-9]$"


class HoursPeriodOut(BaseModel):
    """One opening period of one day: {"day": "Mo", "opens": "09:00", "closes": "12:00"}."""
    model_config = STRICT
    day: Day = Field(description=DAY_HELP, examples=["Mo"])
    opens: str = Field(pattern=TIME, description="Opening time, 24-hour HH:MM, local time",
                       examples=["09:00"])
    closes: str = Field(pattern=TIME, description="Closing time, 24-hour HH:MM, later than "
                                                  "`opens`", examples=["12:00"])


class OpeningHoursOut(BaseModel):
    """A place's opening hours read by the same reader as the pages (one format whatever the
    source wrote: OpenStreetMap syntax, France Services' own, HTML or free text)."""
    model_config = STRICT
    status: Literal["week", "free_text", "to_check", "none"] = Field(description=(
        "`week`: read into `periods` and `closed_days`; `free_text`: written otherwise by the "
        "source, given as is (without its HTML) in `text_fr`, no `periods`; `to_check`: "
        "written in a machine format that cannot be read, or reading as impossible (opening "
        "before 5 h, closing before opening): to be checked by phone; `none`: no hours "
        "published"), examples=["week"])
    check_by_phone: bool = Field(description=(
        "True when the hours must be checked by phone: show « Horaires à vérifier par "
        "téléphone » (`text_fr`), never the source's string"))
    text_fr: str = Field(description=(
        "The hours as Tremplin's French pages write them: « lun.–mer., ven. 9 h – 12 h et "
        "13 h 30 – 17 h 30 ; jeu. fermé » (no-break spaces inside times), « Horaires à "
        "vérifier par téléphone » when `check_by_phone`, the source's own words for "
        "`free_text` (without HTML tags), '' when none are published"),
        examples=["lun.–ven. 9 h – 12 h et 14 h – 17 h"])
    text_en: str = Field(description=(
        "The same in English: 'Mon–Fri 9:00 – 12:00 and 14:00 – 17:00', 'Check the opening "
        "hours by phone'; `free_text` stays in the source's words (French)"),
        examples=["Mon–Fri 9:00 – 12:00 and 14:00 – 17:00"])
    periods: list[HoursPeriodOut] = Field(description=(
        "Opening periods in week order (public holidays last), each day's in order; empty "
        "unless `status` is `week`. A day named neither here nor in `closed_days` is not "
        "given by the source"))
    closed_days: list[Day] = Field(description="Days the source says are closed (`week` only)",
                                   examples=[["Th"]])


RAW_HOURS_HELP = ("The opening hours exactly as the open-data source wrote them (OpenStreetMap "
                  "syntax, France Services' format, HTML or free text; may be unreadable): "
                  "use `hours` to show them")


class HelpPlaceOut(BaseModel):
    model_config = STRICT
    name: str
    kind: str
    address: str
    postcode: str
    commune: str
    opening_hours: str = Field(deprecated=True, description=(
        "Deprecated: the same as `opening_hours_raw` (kept for existing clients)"))
    opening_hours_raw: str = Field(description=RAW_HOURS_HELP)
    hours: OpeningHoursOut = Field(description="The opening hours, read and normalised")
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


class OwnJobCompetencesOut(BaseModel):
    model_config = STRICT
    code: str
    title: str = Field(description="As ROME publishes it, both genders")
    competences: list[SuggestionOut]


class SuggestionsOut(BaseModel):
    model_config = STRICT
    results: list[SuggestionOut]
    own_job: list[JobRef] = Field(description=(
        "The jobs the text names as the person's own ('I was a nurse'): ROME code and the "
        "title the text names, as ROME publishes it. The suggestions then all come from those "
        "jobs, key competences first. Empty otherwise."))
    own_job_key_competences: list[OwnJobCompetencesOut] = Field(description=(
        "When the text names the person's own job amid other words ('j'ai travaillé 5 ans "
        "dans le bâtiment comme maçon'): for each such job, up to 5 of its key competences "
        "(ROME 'Principale') not already in `results`, closest to the text first, for the "
        "person to confirm. The words around the job lead `results`; an experience sent "
        "unreviewed to /recommendations counts these at half confidence. Empty otherwise."))


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
    model_config = STRICT_IN
    answers: dict[str, Annotated[int, Field(ge=0, le=2)]] = Field(
        description="Question id (from /riasec/questions) -> 0 (no), 1 (a bit), 2 (a lot): "
                    "JSON integers, not true or \"2\"",
        examples=[{"r1": 2, "s1": 1}])


class RiasecScoreOut(BaseModel):
    model_config = STRICT
    scores: dict[str, float] = Field(description="Letter -> sum of its answers / 6 (0..1)")
    top: list[str] = Field(description=(
        "At most 3 letters above 0, highest first, ties in the order R, I, A, S, E, C; empty "
        "when all six scores are the same (every answer alike: no preference, and such scores "
        "alone are refused by /recommendations)"))
    missing: list[str] = Field(description="Questions not answered")


# --- the profile a recommendation request carries ------------------------------------------
# Validated here exactly as published (JSON types, no conversion: "124960" is no code, 4.0 no
# level, true no answer), then read by the core, which checks what needs the catalog (codes,
# letters, words) and names every refusal's field with a French message too.

Code = Annotated[int, Field(description="A ROME competence or savoir code (ogr)")]


class ExperienceIn(BaseModel):
    model_config = STRICT_IN
    text: str = Field(min_length=1, max_length=MAX_EXPERIENCE_CHARS,
                      description="In the person's own words, any language")
    confirmed_competences: list[Code] = Field(
        default_factory=list, max_length=MAX_CONFIRMED_PER_EXPERIENCE)
    removed_competences: list[Code] = Field(
        default_factory=list, max_length=MAX_REMOVED_PER_EXPERIENCE)
    reviewed: bool = Field(False, description="Only the confirmed codes count as competences "
                                              "(the words still count)")


class ConstraintsIn(BaseModel):
    model_config = STRICT_IN
    max_study_level: int | None = Field(
        default=None, ge=min(STUDY_LEVELS), le=max(STUDY_LEVELS),
        description="Highest study level: 3 CAP, 4 bac, 5 bac+2, 6 bac+3, 7 bac+5, 8 doctorate "
                    "(null: no limit)")
    avoided_domains: list[str] = Field(
        default_factory=list, max_length=MAX_AVOIDED_DOMAINS,
        description="Codes from GET /api/v1/domains ('K' or 'K13'); counted as sent")
    postcode: str | None = Field(default=None, pattern=r"^[0-9]{5}$",
                                 description="5 digits, as a string (null: none)")


def _riasec_form(value: Any) -> str | None:
    if isinstance(value, str):
        return "letters"
    return "scores" if isinstance(value, dict) else None


RiasecIn = Annotated[
    Annotated[dict[str, Annotated[float, Field(ge=0, le=1)]], Tag("scores")]
    | Annotated[str, Tag("letters")],
    Discriminator(_riasec_form, custom_error_type="riasec_form",
                  custom_error_message="riasec must map letters R, I, A, S, E, C to numbers "
                                       "in [0, 1], or give letters such as \"S,A\""),
]


class ProfileIn(BaseModel):
    model_config = STRICT_IN
    competences: list[Code] = Field(default_factory=list, max_length=MAX_COMPETENCES,
                                    description="ROME competence or savoir codes the person chose")
    experiences: list[ExperienceIn] = Field(default_factory=list, max_length=MAX_EXPERIENCES)
    riasec: RiasecIn = Field(default_factory=dict,
                             description="Letter -> 0..1, or letters \"S,A\"")
    interest_centres: list[str] = Field(
        default_factory=list, max_length=MAX_INTEREST_CENTRES,
        description="Codes from GET /api/v1/interest-centres, as strings (\"17\")")
    constraints: ConstraintsIn = Field(default_factory=ConstraintsIn)


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """A model's JSON schema with its nested models written in place (no `$defs`), as the
    OpenAPI document shows a request field or an error body."""
    schema = model.model_json_schema()
    defs: dict[str, Any] = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                rest = {k: v for k, v in node.items() if k != "$ref"}
                return resolve({**defs[ref.removeprefix("#/$defs/")], **rest})
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    out: dict[str, Any] = resolve(schema)
    return out


# The profile as the OpenAPI document shows it, written out in place in RecommendIn.
PROFILE_SCHEMA: dict[str, Any] = inline_schema(ProfileIn)


# --- places of digital help (GET /places) --------------------------------------------------

class PointOut(BaseModel):
    model_config = STRICT
    lat: float
    lon: float


class PlaceOut(BaseModel):
    model_config = STRICT
    id: int
    source: str = Field(description="The open-data set listing it")
    name: str
    kind: str
    services: list[str]
    address: str
    postcode: str
    commune: str
    latitude: float | None
    longitude: float | None
    opening_hours: str = Field(deprecated=True, description=(
        "Deprecated: the same as `opening_hours_raw` (kept for existing clients)"))
    opening_hours_raw: str = Field(description=RAW_HOURS_HELP)
    hours: OpeningHoursOut = Field(description="The opening hours, read and normalised")
    phone: str
    website: str
    snapshot_date: str = Field(description="Date of the open-data snapshot listing it")
    distance_km: float | None = Field(description="From the point or the postcode's centre; "
                                                  "null when found by its postcode only")


class PlacesOut(BaseModel):
    model_config = STRICT
    centre: PointOut | None = Field(description="The point searched around; null for a "
                                                "postcode whose centre is not known")
    radius_km: float
    snapshot_date: str = Field(description="The latest snapshot date among the places ('' "
                                           "when none)")
    places: list[PlaceOut] = Field(description="Nearest first")


# --- errors ----------------------------------------------------------------------------------

class ProblemErrorOut(BaseModel):
    model_config = STRICT
    field: str = Field(description="The part of the request at fault: `body`, `query.q`, "
                                   "`path.code`, `profile.experiences[1].text`, `path` (an "
                                   "unknown address), `method`, or `server` when nothing in "
                                   "the request is", examples=["profile.constraints.postcode"])
    message: str = Field(description="What is wrong, in English")
    message_fr: str = Field(description="The same, in plain French, for people who read French")


class ProblemOut(BaseModel):
    """RFC 9457 problem details, the same shape for every error of the API."""
    model_config = STRICT
    type: str = Field(examples=["https://tremplin.example/problems/invalid-input"])
    title: str = Field(examples=["Invalid input"])
    status: int = Field(examples=[422])
    detail: str = Field(description="In English: the first errors, with their fields")
    errors: list[ProblemErrorOut] = Field(min_length=1)


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
