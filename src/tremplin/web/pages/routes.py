"""Server-rendered pages: they work without JavaScript (forms + redirects), and keep the
journey in a browser cookie only. Thin shells over `Services`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from tremplin.guide.journey import (
    AVATAR_PARTS,
    BADGES,
    CENTRE_CODE,
    JOB_CODE,
    MAX_EXPERIENCE_CHARS,
    MAX_EXPERIENCES,
    QUESTION_ID,
    STUDY_LEVEL_WORDS,
    Experience,
    Journey,
    sorted_centres,
)
from tremplin.recommend.profile import FIVE_DIGITS, POSTCODE, department_prefix, has_words
from tremplin.recommend.text import (
    disliked_clauses,
    nothing_done,
    other_language,
    status_said,
    without_dislikes,
)
from tremplin.recommend.wording import places_dated, say
from tremplin.web import i18n, state
from tremplin.web.avatar import normalise, render_avatar
from tremplin.web.pages.cards import empty_reason, in_page_order, only_alike_tastes, track_view
from tremplin.web.services import Services, ServiceUnavailable, first_sentence
from tremplin.web.templating import journey_of, render

router = APIRouter(include_in_schema=False)

STEPS = ("avatar", "interests", "competences", "explorer")
CHEERS = {"avatar", "interests", "experience", "competences", "thumbs", "thumbs_down", "start",
          "reviewed_none", "experience_removed", "nothing_kept", "full", "experience_same",
          "experiences_full", "postcode", "postcode_erased", "level", "domains",
          "competence_removed"}
MAX_QUERY = 200
REVIEW_SUGGESTIONS = 8  # competences offered to confirm for one experience (one screen)
# A text naming one's own job amid other words: 5 from its words, then 5 of the job's key
# competences (at most 10 boxes to tick on a screen, as in the questionnaire)
REVIEW_WITH_JOB = 5
REVIEW_JOB_COMPETENCES = 5
CENTRES_PER_SCREEN = 10  # the optional "what attracts you" screens after the questions
MAX_POSTCODE_INPUT = 12  # a wrong postcode is shown back (to be corrected), this long at most


def services(request: Request) -> Services:
    svc: Services = request.app.state.services
    return svc


def save(response: Response, journey: Journey) -> bool:
    """Keep `journey` in the cookie; False when it would not fit, and then nothing is sent:
    the browser keeps the journey it had (`go` refuses such a change and says so; nothing is
    trimmed). The journey is encoded once."""
    value = state.encode(journey)
    if len(value) > state.MAX_COOKIE_CHARS:
        return False
    response.set_cookie(state.COOKIE, value, max_age=state.MAX_AGE_S, samesite="lax",
                        httponly=True, path="/")
    return True


def go(url: str, journey: Journey | None = None) -> Response:
    """Redirect to `url`, keeping `journey`. A change that would make the journey too big
    for the browser is refused: the page at `url` says there is no more room (`cheer_full`)
    instead of what `url` would have said, and the journey stays as it was."""
    response = RedirectResponse(url, status_code=303)
    if journey is None or save(response, journey):
        return response
    return RedirectResponse(full_url(url), status_code=303)


def full_url(url: str) -> str:
    """The page of `url` saying that the journey is full (the `full` cheer), at its top,
    where that is said."""
    return url.partition("#")[0].partition("?")[0] + "?ok=full#main"


def progress(journey: Journey) -> dict[str, Any]:
    done = [s for s in STEPS if s in journey.badges]
    return {"done": len(done), "total": len(STEPS), "steps": STEPS}


# Said next to the form that was sent, where the page lands (`#gardees`, `#job-…`), not by the
# companion at the top of the page, out of view on a phone; the companion does not repeat
# them. "Not for me" is said by both: at the top that the job left the summary, in the card
# the reader lands on which job went down.
SAID_IN_PLACE = frozenset({
    "level", "domains", "postcode", "postcode_erased", "thumbs",
    "experience", "experience_same", "experiences_full", "experience_removed",
    "reviewed_none", "competences", "competence_removed", "nothing_kept",
})


def cheer(request: Request) -> str:
    """What the companion says at the top of the page after a change (else its tip)."""
    ok = request.query_params.get("ok", "")
    return ok if ok in CHEERS and ok not in SAID_IN_PLACE else ""


def said_here(request: Request) -> str:
    """The change confirmed next to the form that made it (a `.moved` status there)."""
    ok = request.query_params.get("ok", "")
    return ok if ok in CHEERS and ok in SAID_IN_PLACE else ""


def page(request: Request, name: str, **ctx: Any) -> Response:
    journey = journey_of(request)
    ctx.setdefault("progress", progress(journey))
    ctx.setdefault("cheer", cheer(request))
    ctx.setdefault("said", said_here(request))
    i = 1 if request.state.lang == "en" else 0
    ctx.setdefault("badge_names", {b: names[i] for b, names in BADGES.items()})
    return render(request, name, **ctx)


# --- home, search, job, about -----------------------------------------------------------

@router.get("/")
def home(request: Request) -> Response:
    return page(request, "home.html", nav="home")


@router.get("/recherche")
def search_page(request: Request, q: str = "") -> Response:
    q = q.strip()[:MAX_QUERY]
    svc = services(request)
    results: list[dict[str, Any]] = []
    error = ""
    if q:
        try:
            results = svc.search(q, 20)
        except ServiceUnavailable:
            error = "search_unavailable"
        except svc.query_error:
            error = "search_bad_query"
    return page(request, "search.html", nav="search", q=q, results=with_summaries(svc, results),
                error=error)


def with_summaries(svc: Services, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of result rows with the first sentence of each job's definition (the rows may
    sit in a shared cache: never modified in place)."""
    out = []
    for r in rows:
        job = svc.job(r["code"])
        out.append({**r, "summary": "" if job is None else first_sentence(job.definition)})
    return out


def _postcode_message(request: Request, cp: str) -> str:
    """Why a postcode is refused, in the page's language: not 5 digits, or 5 digits of a
    department that does not exist ("99999", "00000")."""
    if FIVE_DIGITS.fullmatch(cp):
        return str(i18n.translator(request.state.lang)("job_postcode_no_department",
                                                       dep=department_prefix(cp)))
    return str(i18n.translator(request.state.lang)("job_postcode_bad"))


@router.get("/metiers/{code}")
def job_page(request: Request, code: str, cp: str | None = None) -> Response:
    code = code.upper()
    svc = services(request)
    detail = svc.job_detail(code) if JOB_CODE.fullmatch(code) else None
    if detail is None:
        return render(request, "error.html", status_code=404, status=404, nav=None)
    journey = journey_of(request)
    mine = set(journey.all_competences())
    places: dict[str, Any] | None = None
    # no `cp` in the address: the postcode kept in the journey, if any (an empty `cp`: none)
    cp = (journey.postcode or "") if cp is None else cp.strip()[:MAX_POSTCODE_INPUT]
    cp_error = bool(cp) and not POSTCODE.fullmatch(cp)
    cp_message = _postcode_message(request, cp) if cp_error else ""
    if cp and not cp_error:
        places = svc.places(postcode=cp, radius_km=15, limit=8)
    # when the places shown are from: the first and the last of their dates (QA: "datent du
    # 1er décembre 2022" for places from June 2022 too), as the summary says it
    places_date = places_dated((str(p.get("snapshot_date") or "") for p in places["places"]),
                               request.state.lang) if places else ""
    return page(request, "job.html", nav="job", job=detail, mine=mine, places=places, cp=cp,
                places_date=places_date,
                cp_error=cp_error, cp_message=cp_message,
                cp_kept=bool(cp) and cp == journey.postcode,
                thumb=journey.thumbs.get(code, 0))


@router.get("/a-propos")
def about(request: Request) -> Response:
    return page(request, "about.html", nav="about", sources=services(request).sources())


# --- journey ---------------------------------------------------------------------------

@router.get("/parcours")
def journey_hub(request: Request) -> Response:
    return page(request, "journey.html", nav="journey")


@router.get("/effacer")
def erase_page(request: Request) -> Response:
    """Erasing cannot be undone: one more screen says what goes, and asks."""
    return page(request, "erase.html", nav=None)


@router.post("/effacer")
async def erase(request: Request) -> Response:
    form = await request.form()
    if form.get("confirm") != "1":  # the footer button only opens the question
        return RedirectResponse("/effacer", status_code=303)
    from tremplin.web.pages.guide import HELPER_COOKIE

    response = RedirectResponse("/?ok=start", status_code=303)
    response.delete_cookie(state.COOKIE, path="/")
    # "Terminer et tout effacer" ends helper mode too: nothing of the session stays behind
    response.delete_cookie(HELPER_COOKIE, path="/")
    return response


@router.get("/parcours/avatar")
def avatar_page(request: Request) -> Response:
    journey = journey_of(request)
    current = normalise(journey.avatar)
    lang = request.state.lang
    parts = [
        {"part": part, "options": [
            {"id": opt, "checked": current[part] == opt,
             "label": words[1] if lang == "en" else words[0]}
            for opt, words in options.items()
        ]}
        for part, options in AVATAR_PARTS.items()
    ]
    return page(request, "avatar.html", nav="avatar", parts=parts)


@router.post("/parcours/avatar")
async def avatar_save(request: Request) -> Response:
    form = await request.form()
    journey = journey_of(request)
    chosen = {part: str(form.get(part, "")) for part in AVATAR_PARTS}
    avatar = normalise({k: v for k, v in chosen.items() if v})
    journey = state.award(replace(journey, avatar=avatar), "avatar")
    if form.get("action") == "preview":
        return go("/parcours/avatar?ok=avatar#apercu", journey)
    return go("/parcours/gouts?ok=avatar", journey)


@router.get("/avatar.svg")
def avatar_svg(request: Request) -> Response:
    """The avatar for the given parts (used by the page script for a live preview)."""
    chosen = {p: request.query_params.get(p, "") for p in AVATAR_PARTS}
    svg = render_avatar({k: v for k, v in chosen.items() if v}, request.state.lang, size=160)
    # the same choices give the same drawing: kept a day by this browser (its title follows
    # the language, which comes from the cookie or the browser's languages)
    return Response(svg, media_type="image/svg+xml",
                    headers={"Cache-Control": "private, max-age=86400",
                             "Vary": "Cookie, Accept-Language"})


@router.get("/parcours/gouts")
def interests_page(request: Request) -> Response:
    svc = services(request)
    try:
        questions = [_question(q) for q in svc.riasec_questions(request.state.lang)]
    except ServiceUnavailable:
        return page(request, "interests.html", nav="interests", questions=[], page_no=1,
                    pages=1, unavailable=True, answers={})
    screens: dict[int, list[dict[str, Any]]] = {}
    for q in questions:  # the core puts every statement on a screen (1, 2, ...)
        screens.setdefault(q["screen"], []).append(q)
    numbers = sorted(screens) or [1]
    centre_screens = _centre_screens(svc)
    pages = len(numbers) + len(centre_screens)
    raw = request.query_params.get("page", "1")
    page_no = min(max(1, state.form_int(raw, 3) or 1), pages)
    journey = journey_of(request)
    if page_no > len(numbers):
        return page(request, "interests.html", nav="interests", questions=[],
                    centres=centre_screens[page_no - len(numbers) - 1], chosen=journey.centres,
                    page_no=page_no, pages=pages, unavailable=False, answers={})
    shown = screens.get(numbers[page_no - 1], [])
    return page(request, "interests.html", nav="interests", questions=shown, centres=[],
                page_no=page_no, pages=pages, unavailable=False, answers=journey.riasec)


def _centre_screens(svc: Services) -> list[list[dict[str, Any]]]:
    """ROME's interest centres ("J'aime m'occuper des animaux"), CENTRES_PER_SCREEN a screen."""
    centres = svc.interest_centres()
    return [centres[i:i + CENTRES_PER_SCREEN] for i in range(0, len(centres), CENTRES_PER_SCREEN)]


def _question(q: dict[str, Any]) -> dict[str, Any]:
    """A statement, with the id the journey keeps (its RIASEC letter, upper case, + number)."""
    qid = str(q.get("id", "")).upper()
    letter = str(q.get("letter") or qid[:1]).upper()[:1]
    screen = q.get("screen")
    return {"id": qid, "text": str(q.get("text", "")),
            "letter": letter if letter and letter in "RIASEC" else "R",
            "screen": screen if isinstance(screen, int) else 0}


@router.post("/parcours/gouts")
async def interests_save(request: Request) -> Response:
    form = await request.form()
    journey = journey_of(request)
    answers = dict(journey.riasec)
    for key, value in form.multi_items():
        if key.startswith("q_") and str(value) in ("0", "1", "2"):
            qid = key[2:]
            if QUESTION_ID.fullmatch(qid):
                answers[qid] = int(str(value))
    shown = {str(c) for c in form.getlist("shown") if CENTRE_CODE.fullmatch(str(c))}
    picked = {str(c) for c in form.getlist("c")} & shown
    centres = sorted_centres((set(journey.centres) - shown) | picked)
    journey = replace(journey, riasec=answers, centres=centres)
    page_no = state.form_int(form.get("page", "1"), 3) or 1
    pages = state.form_int(form.get("pages", "1"), 3) or 1
    if page_no < pages:
        return go(f"/parcours/gouts?page={page_no + 1}", journey)
    journey = state.award(journey, "interests")
    return go("/parcours/competences?ok=interests", journey)


@router.get("/parcours/competences")
def competences_page(request: Request, cq: str = "", revoir: str = "") -> Response:
    return _competences_view(request, cq, revoir)


def _competences_view(request: Request, cq: str = "", revoir: str = "", *,
                      exp_text: str = "", exp_error: str = "", status_code: int = 200,
                      ) -> Response:
    """The competences page; a refused experience comes back in its box with the reason
    next to it (a redirect used to empty the box)."""
    svc = services(request)
    journey = journey_of(request)
    cq = cq.strip()[:MAX_EXPERIENCE_CHARS]
    found: list[dict[str, Any]] = []
    unavailable = False
    if cq:
        try:
            found = [c for c in svc.suggest_competences(cq, 20) if _competence(svc, c.get("ogr"))][:10]
        except ServiceUnavailable:
            unavailable = True
        except svc.profile_error:
            found = []
    kept = [_competence(svc, ogr) for ogr in journey.all_competences()]
    review = state.form_int(revoir, 2)
    to_review = (None if review is None or not 0 <= review < len(journey.experiences)
                 else journey.experiences[review])
    review_found, review_job = review_offer(svc, to_review.text) if to_review else ([], [])
    own_job = _own_job_titles(svc, to_review.text) if to_review and review_found else []
    # "look at what the tool understood and tick": not when it found nothing to tick
    said = said_here(request)
    if said == "experience" and to_review and not review_found:
        said = "experience_none"
    return page(request, "competences.html", nav="competences", cq=cq, found=found,
                said=said,
                kept=[k for k in kept if k], unavailable=unavailable,
                max_chars=MAX_EXPERIENCE_CHARS, review=review, to_review=to_review,
                review_found=review_found,
                review_job=review_job,
                review_own_job=own_job,
                # what the person dislikes is left out of the reading: say so where they read
                review_disliked=disliked_clauses(to_review.text) if to_review else [],
                # and so is what only says who they are or how they like to work
                review_about_self=(status_said(without_dislikes(to_review.text))
                                   if to_review else []),
                # another alphabet: the engine's own warning, where the person reads the review
                # (not when the text names a job the tables know: its chips are that job's)
                foreign_note=_foreign_note(request, [to_review] if to_review and not own_job
                                           else []),
                experiences=list(enumerate(journey.experiences)),
                exp_text=exp_text, exp_error=exp_error, status_code=status_code)


def _foreign_note(request: Request, experiences: Any) -> str:
    """The engine's warning about texts in another alphabet or another language than French
    and English, when one of these is, else ""."""
    if any(other_language(e.text) for e in experiences):
        return say(request.state.lang, "other_script")
    return ""


def _competence(svc: Services, ogr: Any) -> dict[str, Any] | None:
    if not isinstance(ogr, int):
        return None
    c = svc.catalog.get_competence(ogr)
    return None if c is None else {"ogr": c.ogr, "label": c.label}


@router.post("/parcours/competences/experience")
async def experience_add(request: Request) -> Response:
    form = await request.form()
    text = str(form.get("text", "")).strip()[:MAX_EXPERIENCE_CHARS]
    if not text:
        return go("/parcours/competences")
    if not has_words(text):  # "..." or emojis alone: nothing to understand
        return _competences_view(request, exp_text=text, exp_error="words", status_code=422)
    nothing = nothing_done(text)  # "jsp", "je déteste le ménage": jobs matched are noise
    if nothing:
        return _competences_view(request, exp_text=text, exp_error=nothing, status_code=422)
    journey = journey_of(request)
    if journey.has_experience(text):  # the same words again (case and spaces aside)
        return go("/parcours/competences?ok=experience_same#exp-heading")
    if len(journey.experiences) >= MAX_EXPERIENCES:  # never push the oldest one out unsaid
        return go("/parcours/competences?ok=experiences_full#exp-heading")
    try:
        journey = replace(journey, experiences=(*journey.experiences, Experience(text)))
        journey = state.award(journey, "experience")
        journey = Journey.from_dict(journey.to_dict())  # validate the text (control chars…)
    except ValueError:
        return _competences_view(request, exp_text=text, exp_error="text", status_code=422)
    # nothing is kept for the person: they tick what they really did on the next screen
    return go(f"/parcours/competences?ok=experience&revoir={len(journey.experiences) - 1}#revoir",
              journey)


def review_offer(svc: Services, text: str,
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What the tool understood of an experience, to be confirmed: ROME competences
    (savoir-faire, savoir-être, as the guide expects) its words are close to,
    then, when it names the person's own job amid other words, that job's key competences
    (each job: code, title, competences)."""
    try:
        suggested = svc.suggest_competences(text, 16)
        found = [c for c in (_competence(svc, s.get("ogr")) for s in suggested) if c]
        # the core leaves out what the words' boxes offer (and the same labels)
        jobs = svc.own_job_key_competences(text, 2 * REVIEW_JOB_COMPETENCES,
                                           frozenset(c["ogr"] for c in found[:REVIEW_WITH_JOB]))
    except (ServiceUnavailable, ValueError):
        return [], []
    # the words around the job lead the first ones, so the job's own competences get room
    found = found[:REVIEW_WITH_JOB if jobs else REVIEW_SUGGESTIONS]
    each = -(-REVIEW_JOB_COMPETENCES // max(len(jobs), 1))  # two jobs named: 3 each at most
    own: list[dict[str, Any]] = []
    for job in jobs:  # savoir-faire and savoir-être only, as for the words' boxes
        kept = [c for c in (_competence(svc, s.get("ogr")) for s in job["competences"]) if c]
        if kept[:each]:
            own.append({"code": job["code"], "title": job["title"], "competences": kept[:each]})
    return found, own


def _own_job_titles(svc: Services, text: str) -> list[str]:
    """The job an experience names as the person's own ("nurse"), to say why every
    suggestion comes from it."""
    try:
        return [job["title"] for job in svc.own_jobs(text)]
    except ServiceUnavailable:
        return []


def _experience_at(journey: Journey, form: Any) -> int | None:
    """The experience a form is about: its position, checked against its key (the page it
    came from may be older than the journey), else found by its key, else None."""
    n = state.form_int(form.get("exp", ""), 2)
    key = str(form.get("key", ""))
    keys = [e.key for e in journey.experiences]
    if n is not None and 0 <= n < len(keys) and keys[n] == key:
        return n
    return keys.index(key) if key in keys else None


@router.post("/parcours/competences/experience/retirer")
async def experience_remove(request: Request) -> Response:
    """Take a whole experience back, with the competences kept from it."""
    form = await request.form()
    journey = journey_of(request)
    n = _experience_at(journey, form)
    if n is None:
        return go("/parcours/competences?err=changed#exp-heading")
    journey = replace(journey, experiences=tuple(
        e for i, e in enumerate(journey.experiences) if i != n))
    return go("/parcours/competences?ok=experience_removed#exp-heading", journey)


@router.post("/parcours/competences/revoir")
async def experience_review(request: Request) -> Response:
    """The person's answer to "what did you really do?": ticked suggestions are kept for that
    experience, the other ones shown are remembered as not theirs."""
    form = await request.form()
    journey = journey_of(request)
    n = _experience_at(journey, form)
    if n is None:
        return go("/parcours/competences?err=changed#exp-heading")
    e = journey.experiences[n]
    # what was offered is worked out again here, not read from the form: a crafted form
    # can neither keep a code that was not offered nor one the catalog does not know
    found, jobs = review_offer(services(request), e.text)
    shown = {int(c["ogr"]) for c in [*found, *(c for j in jobs for c in j["competences"])]}
    ticked = [o for k, v in form.multi_items() if k == "ogr" and (o := state.form_int(v)) is not None]
    reviewed = e.review(shown, ticked)
    journey = replace(journey, experiences=tuple(
        reviewed if i == n else x for i, x in enumerate(journey.experiences)))
    if not reviewed.competences:  # nothing to congratulate: just say it was heard
        return go("/parcours/competences?ok=reviewed_none#gardees", journey)
    journey = state.award(journey, "competences")
    return go("/parcours/competences?ok=competences#gardees", journey)


@router.post("/parcours/competences/garder")
async def competence_keep(request: Request) -> Response:
    form = await request.form()
    journey = journey_of(request)
    add = [o for k, v in form.multi_items() if k == "ogr" and (o := state.form_int(v)) is not None]
    svc = services(request)
    add = [o for o in add if svc.catalog.get_competence(o) is not None]
    if not add:  # nothing ticked: no badge, no "bravo"
        return go("/parcours/competences?ok=nothing_kept#find-heading")
    merged = tuple(dict.fromkeys((*journey.competences, *add)))[:200]
    journey = state.award(replace(journey, competences=merged), "competences")
    return go("/parcours/competences?ok=competences#gardees", journey)


@router.post("/parcours/competences/retirer")
async def competence_remove(request: Request) -> Response:
    form = await request.form()
    ogr = state.form_int(form.get("ogr", ""))
    journey = journey_of(request)
    if ogr is not None:
        journey = replace(
            journey,
            competences=tuple(c for c in journey.competences if c != ogr),
            experiences=tuple(e.without(ogr) for e in journey.experiences),
        )
    return go("/parcours/competences?ok=competence_removed#gardees", journey)


TRACKS_SHOWN = 10   # ideas on the tracks page, and how many more each "see more" adds
MAX_MORE_TRACKS = 2  # so at most 30: past that, the ideas are far from the answers


def _more_tracks(raw: str | None) -> int:
    """How many times "see 10 more ideas" was asked (0 when absent or not understood)."""
    return int(raw) if raw in {str(n) for n in range(1, MAX_MORE_TRACKS + 1)} else 0


@router.get("/parcours/pistes")
def tracks_page(request: Request) -> Response:
    svc = services(request)
    journey = journey_of(request)
    more = _more_tracks(request.query_params.get("plus"))
    recs: list[dict[str, Any]] = []
    unavailable = empty = False
    try:
        profile = svc.profile_from_journey(journey)
        empty = profile.is_empty or only_alike_tastes(journey)
        if not empty:
            recs = svc.recommend(profile, TRACKS_SHOWN * (1 + more), request.state.lang)
    except ServiceUnavailable:
        unavailable = True
    except svc.profile_error:
        recs = []
    # "not for me" is respected, not argued with: those jobs go to the end of the list
    recs = in_page_order(recs, journey)
    # a refused postcode comes back to be corrected (never kept)
    cp_bad = (request.query_params.get("cp_bad") or "")[:MAX_POSTCODE_INPUT] \
        if request.query_params.get("err") == "cp" else ""
    i = 1 if request.state.lang == "en" else 0
    levels = [(n, words[i]) for n, words in STUDY_LEVEL_WORDS.items()]
    domains = [(g["code"], g["label"]) for g in svc.job_domains()]
    # the first ideas complete quest 3: this very page says so ("Étapes finies : 4 sur 4"),
    # its points and badges too, when the journey has room to keep it
    awarded = state.award(journey, "explorer") if recs else journey
    new_badge = awarded is not journey and state.fits(awarded)  # not when the journey is full
    if new_badge:
        request.state.journey = journey = awarded
    response = page(request, "tracks.html", nav="tracks",
                    recs=[track_view(r, request.state.lang) for r in with_summaries(svc, recs)],
                    empty=empty_reason(journey) if empty and not unavailable else None,
                    unavailable=unavailable, thumbs=journey.thumbs, levels=levels,
                    max_level=journey.max_level, domains=domains, avoid=journey.avoid,
                    postcode=journey.postcode or "", cp_bad=cp_bad, more=more,
                    shown=TRACKS_SHOWN * (1 + more), step=TRACKS_SHOWN,
                    can_show_more=more < MAX_MORE_TRACKS,
                    cp_message=_postcode_message(request, cp_bad) if cp_bad else "",
                    foreign_note=_foreign_note(request, journey.experiences),
                    unreviewed=[i for i, e in enumerate(journey.experiences)
                                if e.text and not e.checked])
    if new_badge:
        save(response, journey)
    return response


@router.post("/parcours/pistes/niveau")
async def study_level(request: Request) -> Response:
    """The highest study level the person wants; anything else than a known level clears it."""
    form = await request.form()
    level = state.form_int(form.get("level", ""), 1)
    journey = replace(journey_of(request),
                      max_level=level if level in STUDY_LEVEL_WORDS else None)
    return go("/parcours/pistes?ok=level#niveau", journey)  # back where the choice was made


@router.post("/parcours/pistes/domaines")
async def avoided_domains(request: Request) -> Response:
    """The grand domains the person does not want to see; the ticked boxes replace the old
    choice (no box ticked: every domain again). Letters the catalog does not know are ignored."""
    form = await request.form()
    known = {g["code"] for g in services(request).job_domains()}
    picked = sorted({str(v) for k, v in form.multi_items() if k == "d" and str(v) in known})
    return go("/parcours/pistes?ok=domains#domaines",
              replace(journey_of(request), avoid=tuple(picked)))


@router.post("/parcours/pistes/code-postal")
async def postcode_save(request: Request) -> Response:
    """The person's postcode, kept in the journey to find places that can help near them (on
    a job's page and in the summary). An empty field, or "erase", takes it away."""
    form = await request.form()
    cp = "" if form.get("action") == "erase" else str(form.get("cp", "")).strip()
    if cp and not POSTCODE.fullmatch(cp):
        back = urlencode({"err": "cp", "cp_bad": cp[:MAX_POSTCODE_INPUT]})
        # no fragment: a browser skips `autofocus` on a page opened at an anchor, and the
        # field at fault must get the focus (it scrolls into view with it)
        return go(f"/parcours/pistes?{back}")  # nothing changed
    journey = replace(journey_of(request), postcode=cp or None)
    return go(f"/parcours/pistes?ok={'postcode' if cp else 'postcode_erased'}#code-postal",
              journey)


@router.post("/parcours/pistes/avis")
async def thumb(request: Request) -> Response:
    form = await request.form()
    code = str(form.get("code", "")).upper()
    vote = str(form.get("vote", ""))
    more = _more_tracks(str(form.get("plus", "")))
    on_job = form.get("from") == "job"
    back = "/metiers/" + code if on_job else "/parcours/pistes" + (f"?plus={more}" if more else "")
    if not JOB_CODE.fullmatch(code) or vote not in ("1", "-1"):
        return go(back if JOB_CODE.fullmatch(code) else "/parcours/pistes")
    journey = journey_of(request)
    thumbs = dict(journey.thumbs)
    previous = thumbs.pop(code, None)  # re-inserted last, so the newest votes are kept
    thumbs[code] = int(vote)
    journey = replace(journey, thumbs=dict(list(thumbs.items())[-200:]),
                      xp=min(journey.xp + 5, 100_000))
    journey = state.award(journey, "thumbs")
    if not on_job:
        from tremplin.web.pages.guide import record_vote

        record_vote(request, code, str(form.get("rank", "")), int(vote), previous)
    cheer = "thumbs_down" if vote == "-1" else "thumbs"
    joiner = "&" if "?" in back else "?"
    if on_job:  # back to the buttons, told there
        return go(f"{back}{joiner}ok={cheer}#avis", journey)
    # "not for me" sends the card to the end: the reader stays where they were, on the next one
    following = str(form.get("next", "")).upper()
    anchor = following if vote == "-1" and JOB_CODE.fullmatch(following) else code
    # ...and is told there, next to that card, which one went down (`bas`, `ici`); a thumb up
    # is told in its own card (`ici`: the server never sees the fragment)
    if vote == "-1":
        return go(f"{back}{joiner}bas={code}&ici={anchor}&ok={cheer}#job-{anchor}", journey)
    return go(f"{back}{joiner}ok={cheer}&ici={code}#job-{code}", journey)
