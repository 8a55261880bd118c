"""Pages of helper mode (issue 6): "Comment Tremplin a trouvé ça ?", anonymous feedback
results, the helper's notes and one-page summary, and the portable profile (file, QR code).

Thin shells over `tremplin.guide`: like every page they work without JavaScript and keep the
journey in the browser cookie only."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup, escape
from starlette.datastructures import UploadFile

from tremplin.guide import explain_text
from tremplin.guide.feedback import FeedbackError
from tremplin.guide.journey import JOB_CODE, Journey, JourneyError, restrict_to_catalog
from tremplin.guide.portable import FILE_NAME, MAX_FILE_BYTES, PortableError, file_too_large
from tremplin.recommend.wording import percent
from tremplin.web import i18n, state
from tremplin.web.pages.cards import empty_reason, in_page_order, only_alike_tastes, track_view
from tremplin.web.pages.routes import MAX_QUERY, go, page, save, services
from tremplin.web.services import Services, ServiceUnavailable
from tremplin.web.templating import journey_of

log = logging.getLogger("tremplin.web")
router = APIRouter(include_in_schema=False)

HELPER_COOKIE = state.HELPER_COOKIE
MAX_NOTES = 20
MAX_NOTE_CHARS = 2000
SUGGESTIONS = 10
LONG_LIST = 30  # how far /comment/metier looks: the tracks page's longest list


def _t(request: Request, key: str) -> str:
    return i18n.translator(request.state.lang)(key)


def helper_on(request: Request) -> bool:
    return request.cookies.get(HELPER_COOKIE) == "1"


def _recs(svc: Services, journey: Journey, lang: str, limit: int = SUGGESTIONS,
          ) -> list[dict[str, Any]]:
    """The journey's suggestions (empty when the profile is empty or the engine is missing)."""
    try:
        profile = svc.profile_from_journey(journey)
        if profile.is_empty:
            return []
        return svc.recommend(profile, limit, lang)
    except (ServiceUnavailable, svc.profile_error):
        return []


def _percent(value: Any, lang: str) -> str:
    try:
        return percent(float(value), lang)
    except (TypeError, ValueError):
        return ""


def _jobmap_svg(svc: Services, codes: list[str], lang: str) -> Markup | None:
    try:
        from tremplin.guide.jobmap import load_jobmap, render_for

        jm = load_jobmap(svc.settings)
        return Markup(render_for(jm, codes, lang))  # the renderer escapes every label
    except Exception:  # map not built: the page says so
        log.warning("job map not available", exc_info=True)
        return None


def _explain_page(request: Request, **ctx: Any) -> Response:
    svc = services(request)
    lang = request.state.lang
    journey = journey_of(request)
    recs = in_page_order(_recs(svc, journey, lang), journey)  # as on the tracks page
    ctx.setdefault("q", "")
    ctx.setdefault("search", None)
    ctx.setdefault("search_error", "")
    ctx.setdefault("demo", None)
    ctx.setdefault("demo_error", "")
    ctx.setdefault("a", "")
    ctx.setdefault("b", "")
    ctx.setdefault("status_code", 200)
    ctx.setdefault("demo_unavailable", False)
    ctx.setdefault("demo_page", False)
    return page(request, "explain.html", nav="explain", texts=explain_text.explain_texts(lang),
                sources=_sources(svc, lang),
                jobmap=_jobmap_svg(svc, [r["code"] for r in recs], lang), recs=recs, **ctx)


def _sources(svc: Services, lang: str) -> list[dict[str, str]]:
    """The data sources, with each licence in the page's language when the catalog holds the
    wording Tremplin knows (`licence_<dataset>`), else in French and marked so (`licence_lang`)."""
    rows = explain_text.data_sources(svc.catalog, lang)
    fr, mine = i18n.messages("fr"), i18n.messages(lang)
    for row in rows:
        key = f"licence_{row.get('dataset', '')}"
        if lang != "fr" and key in mine and fr.get(key) == row.get("licence"):
            row["licence"], row["licence_lang"] = mine[key], lang
        else:
            row["licence_lang"] = "fr"
    return rows


# --- "Comment Tremplin a trouvé ça ?" -----------------------------------------------------

@router.get("/comment")
def explain_page(request: Request, q: str = "") -> Response:
    q = q.strip()[:MAX_QUERY]
    svc = services(request)
    search: dict[str, Any] | None = None
    error = ""
    if q:
        try:
            search = svc.explain(q)
        except ServiceUnavailable:
            error = "search_unavailable"
        except svc.query_error:
            error = "search_bad_query"
        if search is not None:
            seen: set[str] = set()
            nearest = []
            for n in search.get("nearest", []):  # "Plombier" and "plombier": shown once
                key = str(n.get("text", "")).casefold()
                if key not in seen:
                    seen.add(key)
                    n["job_label"] = svc.job_label(str(n.get("code", "")))
                    nearest.append(n)
            search["nearest"] = nearest
            total = (search.get("dense_share") or 0) + (search.get("lexical_share") or 0)
            search["has_shares"] = bool(total)
            # the list of everyday words, said in words: neither the engine's tag ("[i18n]
            # en") nor a code, and never as a spelling likeness ("Orthographe 1,00")
            search["alias_sentences"] = [
                sentence for sentence in (_alias_sentence(svc, str(a), request.state.lang)
                                          for a in search.get("aliases") or ())
                if sentence]
            hits = search.get("hits") or []
            search["alias_first"] = bool(hits) and hits[0].get("reason") == "alias"
    return _explain_page(request, q=q, search=search, search_error=error)


_ALIAS = re.compile(r"(?P<word>.+) -> (?P<code>[A-N]\d{4}) \((?P<note>.*)\)")


def _alias_sentence(svc: Services, alias: str, lang: str) -> Markup:
    """'nurse -> J1506 ([i18n] en)' (the engine's trace) as the page says it: « "nurse" est un
    mot d'une autre langue que Tremplin connaît pour : Infirmier / Infirmière… »."""
    m = _ALIAS.fullmatch(alias)
    if m is None:
        return Markup("")
    kind = "other_language" if m.group("note").startswith("[i18n]") else "everyday"
    label = svc.job_label(m.group("code"))
    job = Markup('<span lang="fr">{}</span>').format(label) if lang != "fr" else escape(label)
    sentence = i18n.messages(lang)[f"explain_alias_{kind}"]
    return escape(sentence).format(word=Markup("<bdi>{}</bdi>").format(m.group("word")), job=job)


@router.get("/comment/demo")
def explain_demo(request: Request, a: str = "", b: str = "") -> Response:
    lang = request.state.lang
    try:
        result = explain_text.word_similarity(a, b, lang).to_dict()
    except JourneyError as exc:
        return _explain_page(request, demo_error=exc.message(lang), a=a[:200], b=b[:200],
                             status_code=422, demo_page=True)
    except Exception:  # encoder missing
        log.warning("word demo unavailable", exc_info=True)
        return _explain_page(request, demo_unavailable=True, a=a[:200], b=b[:200], demo_page=True,
                             status_code=503)
    return _explain_page(request, demo=result, a=result["a"], b=result["b"], demo_page=True)


@router.get("/comment/metier/{code}")
def explain_job(request: Request, code: str) -> Response:
    code = code.upper()
    svc = services(request)
    job = svc.job(code) if JOB_CODE.fullmatch(code) else None
    if job is None:
        return page(request, "error.html", status_code=404, status=404, nav=None)
    journey = journey_of(request)
    lang = request.state.lang
    # numbered as on the tracks page (where "not for me" goes to the end)
    ordered = in_page_order(_recs(svc, journey, lang), journey)
    rank = next((n for n, r in enumerate(ordered, 1) if r.get("code") == code), None)
    beyond = False
    if rank is None and ordered:  # past the tracks page: say where, and why, all the same
        longer = in_page_order(_recs(svc, journey, lang, LONG_LIST), journey)
        rank = next((n for n, r in enumerate(longer, 1) if r.get("code") == code), None)
        ordered, beyond = longer, rank is not None
    rec = None if rank is None else track_view(ordered[rank - 1], lang)
    parts: list[dict[str, Any]] = []
    if rec is not None:
        raw = (rec.get("why") or {}).get("parts") or {}
        turned_down = journey.thumbs.get(code) == -1
        for key, part in raw.items():
            # "not for me" put it at the end, whatever the diversity step did: said above
            if isinstance(part, dict) and not (turned_down and key == "diversity_penalty"):
                label_key = f"explain_part_{key}"
                label = i18n.translator(request.state.lang)(label_key) if label_key in \
                    i18n.messages("fr") else str(key)
                parts.append({"key": str(key), "label": label, "value": part.get("value"),
                              "percent": _percent(part.get("value"), request.state.lang),
                              "text": str(part.get("text") or part.get("sentence") or ""),
                              "french": [str(f) for f in part.get("french") or ()]})
    return page(request, "explain_job.html", nav="explain", job=job, rec=rec, parts=parts,
                rank=rank, beyond=beyond, shown=SUGGESTIONS,
                absent=None if rec else _absent_reason(svc, journey, code),
                turned_down=journey.thumbs.get(code) == -1,
                score=_percent(rec.get("score"), request.state.lang) if rec else "",
                texts=explain_text.explain_texts(request.state.lang))


def _absent_reason(svc: Services, journey: Journey, code: str) -> dict[str, Any]:
    """The true reason a job is not among the person's suggestions: nothing answered yet,
    only "pas du tout" answers, its domain hidden, its studies longer than the level chosen,
    or simply other jobs closer to the answers."""
    try:
        empty = svc.profile_from_journey(journey).is_empty
    except ServiceUnavailable:
        return {"why": "unavailable"}
    except svc.profile_error:
        empty = False
    if empty or only_alike_tastes(journey):
        return {"why": empty_reason(journey)}
    if code[:1] in journey.avoid:
        label = next((g["label"] for g in svc.job_domains() if g["code"] == code[:1]), code[:1])
        return {"why": "domain", "domain": label}
    if journey.max_level is not None:
        try:
            lowest = svc.entry_level(code)
        except ServiceUnavailable:
            lowest = None
        if lowest is not None and lowest > journey.max_level:
            return {"why": "level", "level": journey.max_level}
    return {"why": "not_top", "n": SUGGESTIONS}


# --- anonymous feedback -------------------------------------------------------------------

def record_vote(request: Request, code: str, rank_raw: str, vote: int,
                previous: int | None = None) -> None:
    """Count one anonymous vote (suggestion cards only: they carry a rank). `previous` is
    this browser's earlier vote on the same job: the same vote again is not counted twice,
    and a changed mind replaces the earlier vote."""
    rank = state.form_int(rank_raw, 3)
    if rank is None or previous == vote:
        return
    svc = services(request)
    context = "helper" if helper_on(request) else "journey"
    try:
        svc.feedback().record(svc.catalog, code, rank, vote, context)
        if previous in (1, -1):
            svc.feedback().withdraw(code, previous, context, rank)
    except FeedbackError as exc:
        log.info("vote refused: %s", exc.message_en)


@router.get("/a-propos/resultats")
def results_page(request: Request) -> Response:
    svc = services(request)
    stats = svc.feedback().acceptance_stats(svc.catalog).to_dict()
    for group in (stats["by_rank"], stats["by_grand_domain"], [stats["overall"]]):
        for row in group:
            row["percent"] = "" if row["rate"] is None else _percent(row["rate"],
                                                                     request.state.lang)
    return page(request, "results.html", nav="about", stats=stats,
                few=explain_text.FEW_VOTES)


# --- helper mode ------------------------------------------------------------------------------

def _helper_page(request: Request, *, note: str = "", error: str = "",
                 status_code: int = 200) -> Response:
    journey = journey_of(request)
    return page(request, "helper.html", nav="helper", helper=helper_on(request),
                notes=list(journey.notes), note=note, error=error, status_code=status_code,
                max_notes=MAX_NOTES, max_chars=MAX_NOTE_CHARS,
                room_used=state.used_percent(journey),  # of the cookie; only this page says it
                saved=request.query_params.get("ok", "") if request.query_params.get("ok") in (
                    "note", "note_removed") else "",
                ended=request.query_params.get("ok", "") if request.query_params.get("ok") in (
                    "ended", "ended_kept") else "")


def too_large_page(request: Request) -> Response:
    """The page answering a form whose body is over the size limit, in the reader's
    language: the import page saying that the file is over 64 KB (what a profile never is),
    the helper page saying that the note is far too long, any other page the error page."""
    lang = request.state.lang
    if request.url.path == "/profil/import":
        return page(request, "import.html", nav="helper", status_code=413, dropped=[],
                    done=False, error=file_too_large().message(lang))
    if request.url.path == "/accompagnant/notes":
        most = f"{MAX_NOTE_CHARS:,}".replace(",", "\u00a0" if lang == "fr" else ",")
        return _helper_page(request, error=i18n.translator(lang)("helper_note_far_too_long",
                                                                 max=most), status_code=413)
    return page(request, "error.html", status_code=413, status=413, nav=None)


@router.get("/accompagnant")
def helper_home(request: Request) -> Response:
    return _helper_page(request)


@router.post("/accompagnant/commencer")
async def helper_start(request: Request) -> Response:
    form = await request.form()
    response: Response = RedirectResponse("/parcours/avatar", status_code=303)
    if form.get("fresh") == "1":
        response.delete_cookie(state.COOKIE, path="/")
    else:
        response = RedirectResponse("/accompagnant#notes", status_code=303)
        if request.cookies.get(state.COOKIE):
            # the journey in progress is sent again, now for this browser session only
            # (the app's middleware drops its 90 days: see `state.session_only`)
            save(response, journey_of(request))
    response.set_cookie(HELPER_COOKIE, "1", samesite="lax", httponly=True, path="/")
    return response


@router.post("/accompagnant/terminer")
async def helper_stop(request: Request) -> Response:
    """End helper mode. By default the session's data goes too (the journey and the notes:
    a shared computer must not show them to the next person); "keep" leaves the journey in
    this browser (the young person's own device), and says how long it stays."""
    form = await request.form()
    keep = form.get("erase") == "0"
    response = RedirectResponse(f"/accompagnant?ok={'ended_kept' if keep else 'ended'}#fin",
                                status_code=303)
    response.delete_cookie(HELPER_COOKIE, path="/")
    if not keep:
        response.delete_cookie(state.COOKIE, path="/")
    return response


@router.post("/accompagnant/notes")
async def note_add(request: Request) -> Response:
    form = await request.form()
    text = str(form.get("note", ""))
    journey = journey_of(request)
    if not text.strip():
        return go("/accompagnant#notes")
    lang = request.state.lang
    if len(journey.notes) >= MAX_NOTES:
        return _helper_page(request, note=text, error=_t(request, "helper_notes_full"), status_code=422)
    try:
        new = Journey.from_dict({**journey.to_dict(), "notes": [*journey.notes, text.strip()]})
    except JourneyError as exc:
        return _helper_page(request, note=text, error=exc.message(lang), status_code=422)
    if not state.notes_fit(new):  # notes leave room for the rest of the journey
        return _helper_page(request, note=text, error=_t(request, "helper_notes_too_big"), status_code=413)
    return go("/accompagnant?ok=note#notes", new)


@router.post("/accompagnant/notes/retirer")
async def note_remove(request: Request) -> Response:
    form = await request.form()
    i = state.form_int(form.get("index", ""), 3)
    journey = journey_of(request)
    if i is None or i >= len(journey.notes):
        return go("/accompagnant#notes")
    journey = replace(journey, notes=journey.notes[:i] + journey.notes[i + 1:])
    return go("/accompagnant?ok=note_removed#notes", journey)


def _summary(request: Request) -> Any:
    from tremplin.guide.summary import build_summary

    svc = services(request)
    journey = journey_of(request)
    lang = request.state.lang
    return build_summary(journey, svc.catalog, _recs(svc, journey, lang), lang=lang)


@router.get("/accompagnant/synthese")
def summary_page(request: Request) -> Response:
    return page(request, "summary.html", nav="helper", summary=_summary(request).to_dict())


@router.get("/accompagnant/synthese.pdf")
def summary_pdf(request: Request) -> Response:
    from tremplin.guide.summary import render_summary_pdf

    pdf = render_summary_pdf(_summary(request))
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="tremplin-synthese.pdf"',
        "Cache-Control": "no-store"})


# --- portable profile ---------------------------------------------------------------------------

@router.get("/profil/export")
def profile_export(request: Request) -> Response:
    from tremplin.guide.portable import export_json

    return Response(export_json(journey_of(request)), media_type="application/json", headers={
        "Content-Disposition": f'attachment; filename="{FILE_NAME}"', "Cache-Control": "no-store"})


@router.get("/profil/qr")
def profile_qr(request: Request) -> Response:
    """The QR code on a page of its own: what to do with it, a way back, the code as wide
    as a phone's screen allows, and a warning when this site's address is this computer's
    own (a phone cannot open http://127.0.0.1:…: the file is the way then)."""
    from tremplin.guide.portable import qr_svg

    lang = request.state.lang
    host = request.url.hostname or ""
    try:
        # A link to this site's import page with the profile in the fragment: any phone
        # camera opens it, and a fragment never reaches a server (nor its logs).
        svg = qr_svg(journey_of(request), base_url=import_link(request), lang=lang)
    except PortableError as exc:
        return page(request, "qr.html", nav="helper", svg=None, error=exc.message(lang),
                    local=local_host(host), host=host, status_code=413)
    return page(request, "qr.html", nav="helper", svg=Markup(svg), error="",
                local=local_host(host), host=host)


@router.get("/profil/qr.svg")
def profile_qr_svg(request: Request) -> Response:
    """The QR code alone, as an SVG file to download."""
    from tremplin.guide.portable import qr_svg

    lang = request.state.lang
    try:
        svg = qr_svg(journey_of(request), base_url=import_link(request), lang=lang)
    except PortableError as exc:
        host = request.url.hostname or ""
        return page(request, "qr.html", nav="helper", svg=None, error=exc.message(lang),
                    local=local_host(host), host=host, status_code=413)
    return Response(svg, media_type="image/svg+xml", headers={
        "Content-Disposition": 'attachment; filename="tremplin-profil-qr.svg"',
        "Cache-Control": "no-store"})


def local_host(host: str) -> bool:
    """Whether `host` names this computer only (localhost, 127.0.0.1, ::1): a phone that
    scans a link to it reaches itself, not Tremplin."""
    import ipaddress

    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def import_link(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/profil/import"


@router.get("/profil/import")
def profile_import_form(request: Request) -> Response:
    return page(request, "import.html", nav="helper", error="", dropped=[],
                done=request.query_params.get("ok") == "import")


@router.post("/profil/import")
async def profile_import(request: Request) -> Response:
    from tremplin.guide.portable import decode_qr_payload, import_json

    lang = request.state.lang
    form = await request.form()
    upload = form.get("file")
    qr_text = str(form.get("qr", "")).strip()
    try:
        if isinstance(upload, UploadFile) and upload.filename:
            journey = import_json(await upload.read(MAX_FILE_BYTES + 1))
        elif qr_text:
            journey = decode_qr_payload(qr_text)
        else:
            raise PortableError(i18n.translator("fr")("import_none"),
                                i18n.translator("en")("import_none"), "file")
    except JourneyError as exc:
        status = 413 if exc.too_large else 422
        return page(request, "import.html", nav="helper", error=exc.message(lang),
                    status_code=status, dropped=[], done=False)
    journey, dropped = restrict_to_catalog(journey, services(request).catalog)
    kept, value = state.fit(journey)
    if len(value) > state.MAX_COOKIE_CHARS:
        return page(request, "import.html", nav="helper", error=_t(request, "import_too_big_for_browser"),
                    status_code=413, dropped=[], done=False)
    if kept != journey:
        dropped = [*dropped, _t(request, "import_shrunk")]
    if dropped:
        response = page(request, "import.html", nav="helper", error="", dropped=dropped,
                        done=True)
        save(response, kept)  # it fits: `fit` made sure
        return response
    return go("/profil/import?ok=import", kept)


