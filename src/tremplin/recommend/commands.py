"""CLI: `tremplin recommend`, `tremplin centres`, `tremplin domains` and
`tremplin eval recommend`."""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

import click

from tremplin.recommend.errors import ProfileError


def error_lines(err: ProfileError, lang: str = "fr") -> str:
    """The message of a refused input: in French then in English (`lang` "fr"), or in English
    only (`lang` "en"); an error with no French text is given in English."""
    en = str(err)
    if lang == "en" or not err.fr or err.fr == en:
        return f"error: {en}"
    return f"erreur : {err.fr}\n(error: {en})"


def _fail(err: ProfileError, lang: str = "fr") -> None:
    click.echo(error_lines(err, lang), err=True)
    sys.exit(2)


@click.command(name="centres")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def centres_cmd(as_json: bool) -> None:
    """List ROME interest centres: the codes `recommend --centres` takes."""
    from tremplin.recommend.centres import interest_centres

    centres = interest_centres()
    if as_json:
        click.echo(json.dumps({"centres": [dataclasses.asdict(c) for c in centres]},
                              ensure_ascii=False, indent=1))
        return
    for c in centres:
        click.echo(f"{c.code:>3}  {c.label}")


MAX_PROFILE_BYTES = 65_536  # as a request body of the JSON API


def _refuse_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when it gives a key twice (json would keep the last silently)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ProfileError(
                f"The profile file gives the key {key!r} twice: keep only one.", field="profile",
                fr=f"Le fichier de profil donne deux fois la clé « {key} » : n'en gardez qu'une.")
        out[key] = value
    return out


def read_profile_json(raw: bytes) -> dict[str, Any]:
    """A profile file's bytes as a JSON object, with a clear refusal for anything else.
    A UTF-8 byte order mark (as Windows Notepad writes) is skipped."""
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileError(f"The profile file is over {MAX_PROFILE_BYTES} bytes.", field="profile",
                           fr=f"Le fichier de profil dépasse {MAX_PROFILE_BYTES} octets.")
    try:
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_refuse_repeated_keys)
    except ProfileError:
        raise
    except UnicodeDecodeError as err:
        raise ProfileError(f"The profile file is not UTF-8 ({err.reason} at byte {err.start}).",
                           field="profile", fr="Le fichier de profil n'est pas en UTF-8 (octet "
                           f"{err.start} invalide) : enregistrez-le en UTF-8.") from None
    except json.JSONDecodeError as err:
        raise ProfileError(f"The profile file is not JSON: {err.msg} (line {err.lineno}, "
                           f"column {err.colno}).", field="profile",
                           fr=f"Le fichier de profil n'est pas du JSON valide (ligne {err.lineno}, "
                           f"colonne {err.colno}).") from None
    except (ValueError, RecursionError) as err:  # a number of thousands of digits, deep nesting
        raise ProfileError(f"The profile file cannot be read: {str(err)[:120]}", field="profile",
                           fr="Le fichier de profil ne peut pas être lu (nombre trop long ou "
                           "imbrication trop profonde).") from None
    if not isinstance(data, dict):
        raise ProfileError("The profile file must hold one JSON object, as the API's `profile`.",
                           field="profile", fr="Le fichier de profil doit contenir un seul objet "
                           "JSON, comme le `profile` de l'API.")
    return data


def read_profile_file(name: str) -> dict[str, Any]:
    """The profile in file `name` (- for stdin), read as read_profile_json reads it."""
    try:
        with click.open_file(name, "rb") as f:  # "-": stdin, left open
            raw = f.read(MAX_PROFILE_BYTES + 1)
    except OSError as err:
        why_fr = ("il n'existe pas" if isinstance(err, FileNotFoundError)
                  else "c'est un dossier" if isinstance(err, IsADirectoryError)
                  else "accès refusé" if isinstance(err, PermissionError)
                  else "erreur de lecture")
        raise ProfileError(f"The profile file {name!r} cannot be read: {err.strerror or err}.",
                           field="profile",
                           fr=f"Le fichier de profil « {name} » ne peut pas être lu : {why_fr}.",
                           ) from None
    return read_profile_json(raw)


@click.command(name="domains")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def domains_cmd(as_json: bool) -> None:
    """List ROME grand domains and domains: the codes `recommend --avoid` takes."""
    from tremplin.recommend.domains import job_domains

    grand = job_domains()
    if as_json:
        click.echo(json.dumps({"domains": [dataclasses.asdict(g) for g in grand]},
                              ensure_ascii=False, indent=1))
        return
    for g in grand:
        click.echo(f"{g.code}    {g.label} ({g.jobs})")
        for d in g.domains:
            click.echo(f"  {d.code}  {d.label} ({d.jobs})")


@click.command(name="recommend")
@click.option("--competences", default="", help="ROME competence / savoir codes, comma-separated.")
@click.option("--experience", "experiences", multiple=True,
              help="Something you did, in your own words (repeatable).")
@click.option("--riasec", default="", help="Interest letters, strongest first, e.g. 'S,A'.")
@click.option("--centres", default="",
              help="ROME interest centre codes, comma-separated (`tremplin centres` lists them).")
@click.option("--max-level", type=int, default=None, help="Highest study level wanted (3..8).")
@click.option("--avoid", default="",
              help="Domains to avoid: letters or codes, e.g. 'K,H23' (`tremplin domains`).")
@click.option("--postcode", default=None, help="Postcode (for nearby places).")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="Language of the explanations (ROME labels stay in French).")
@click.option("--profile", "profile_file", type=click.Path(allow_dash=True), default=None,
              help="A whole profile as JSON (the API's `profile`: reviewed experiences with "
                   "confirmed and removed codes…), a file or - for stdin; instead of the "
                   "options above.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def recommend_cmd(competences: str, experiences: tuple[str, ...], riasec: str, centres: str,
                  max_level: int | None, avoid: str, postcode: str | None, limit: int,
                  lang: str, profile_file: str | None, as_json: bool) -> None:
    """Suggest jobs from competences, experiences and interests, each explained."""
    from tremplin.recommend import Profile, recommend
    from tremplin.recommend.wording import say

    def split(value: str) -> list[str]:
        return [v.strip() for v in value.split(",") if v.strip()]

    data: dict[str, Any] = {
        "competences": split(competences),
        "experiences": [{"text": t} for t in experiences],
        "riasec": riasec or {},
        "interest_centres": split(centres),
        "constraints": {"max_study_level": max_level, "avoided_domains": split(avoid),
                        "postcode": postcode},
    }
    try:
        if profile_file is not None:
            if any((competences, experiences, riasec, centres, max_level, avoid, postcode)):
                raise ProfileError("--profile replaces the other profile options: give one or "
                                   "the other.", field="profile",
                                   fr="--profile remplace les autres options du profil : "
                                   "donnez l'un ou les autres.")
            data = read_profile_file(profile_file)
        profile = Profile.from_dict(data)
        recs = recommend(profile, limit=limit, lang=lang)
    except ProfileError as err:
        _fail(err, lang)
        return
    places = _help_places(profile.constraints.postcode)
    if as_json:
        out: dict[str, Any] = {"recommendations": [
            {"code": r.code, "title": r.title, "score": r.score, "rank": r.rank,
             "why": r.why.to_dict()} for r in recs]}
        if places is not None:
            out["places"] = places
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for r in recs:
        click.echo(f"{r.rank:2d}. {r.code}  {r.title}  (score {r.score:.3f})")
        for part in r.why.parts.values():
            click.echo(f"      - {part.text}")
        for m in r.why.matched[:3]:
            src = f" ← « {m['experience_text']} »" if m.get("experience_text") else ""
            # the text itself resembling an item is no more "done" than a guess is
            mark = (f" {say(lang, 'guessed_mark')}" if m.get("guessed")
                    else f" {say(lang, 'alike_mark')}" if m.get("how") == "similar" else "")
            if m.get("weak"):  # a loose resemblance is not something the person can do
                click.echo(f"      ~ {m['label']}{src} {say(lang, 'weak_mark')}")
            else:
                click.echo(f"      + {m['label']}{src}{mark}")
        if r.why.missing:
            labels = ", ".join(m["label"] for m in r.why.missing[:3])
            click.echo(f"      {say(lang, 'to_learn', labels=labels)}")
        for note in r.why.notes:
            click.echo(f"      ! {note}")
    if places is not None:
        _echo_places(places, str(profile.constraints.postcode), lang)


def _help_places(postcode: str | None) -> list[dict[str, Any]] | None:
    """Places near the postcode where someone can help (None without a postcode)."""
    if not postcode:
        return None
    from dataclasses import asdict

    from tremplin.guide.summary import nearby_places
    from tremplin.recommend.index import get_index

    # the catalog the recommendations were read from, already open
    return [asdict(p) for p in nearby_places(get_index().catalog, postcode)]


def _echo_places(places: list[dict[str, Any]], postcode: str, lang: str) -> None:
    from tremplin.catalog.hours import readable_hours
    from tremplin.recommend.wording import places_dated, say

    click.echo("")
    if not places:
        click.echo(say(lang, "places_none", postcode=postcode))
        return
    click.echo(say(lang, "places_near", postcode=postcode))
    for p in places:
        where = ", ".join(v for v in (p["address"], f"{p['postcode']} {p['commune']}".strip()) if v)
        extra = " · ".join(v for v in (p["phone"], readable_hours(p["opening_hours"], lang)) if v)
        click.echo(f"  - {p['name']} ({where})" + (f" · {extra}" if extra else ""))
    dated = places_dated((p["snapshot_date"] for p in places), lang)
    if dated:
        click.echo(dated)


@click.command(name="recommend")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--sample", type=int, default=400, show_default=True,
              help="Fiches sampled (fixed seed) for transitions and leave-half-out; 0 = all.")
@click.option("--details", is_flag=True, help="Include per-experience results.")
def eval_recommend_cmd(as_json: bool, sample: int, details: bool) -> None:
    """Evaluate the recommendation engine (fixed seed)."""
    from tremplin.recommend.evaluate import run_all

    out = run_all(sample or None, details=details)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for k, v in out.items():
        if k != "_details":
            click.echo(f"{k:36s} {v:.4f}" if isinstance(v, float) else f"{k:36s} {v}")
