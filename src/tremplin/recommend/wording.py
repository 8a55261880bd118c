"""The sentences of an explanation, in French (first) and in English.

ROME and ONISEP labels (competences, job titles, trainings) exist in French only and stay so;
what Tremplin itself says about a suggestion is written here once per language, so that a
helper can read it aloud in the language the person understands best.

The French speaks to the young person with "tu", as every page does, and every sentence is
short and carries one idea (FALC, easy-to-read French): tests/recommend/test_wording.py
checks both for every sentence.
"""

from __future__ import annotations

import datetime as dt

from tremplin.recommend.errors import ProfileError

LANGS = ("fr", "en")

SENTENCES: dict[str, dict[str, str]] = {
    "fr": {
        "coverage": "Tu as déjà environ {recall} de ce que demande ce métier. Les compétences "
                    "clés comptent double. Ce métier utilise {precision} de ce que tu sais "
                    "faire. Les deux ensemble donnent {both}.",
        "coverage_none": "Tu n'as pas encore donné de compétences ni d'expériences. Seuls tes "
                         "goûts comptent.",
        "interest": "Tes goûts correspondent à {fit} à ce métier. {words} Avec tes goûts, ce "
                    "métier garde {kept} de son score.",
        "interest_alone": "Tes goûts correspondent à {fit} à ce métier. {words}",
        "interest_none": "Tu n'as pas répondu aux questions sur tes goûts. Ils ne comptent pas.",
        "interest_flat": "Tu as donné la même réponse à toutes les questions sur tes goûts. On "
                         "ne sait pas ce que tu préfères : tes goûts ne comptent pas.",
        "penalty": "Ce métier a été un peu descendu dans la liste. Cela laisse de la place à "
                   "des métiers d'autres domaines.",
        "no_penalty": "C'est le premier métier de son domaine dans la liste : il n'a pas été "
                      "descendu.",
        "paths_kept": "C'est l'un des {n} métiers les plus proches de ce que tu sais faire. Il "
                      "reste en haut de la liste, devant les métiers remontés par le ROME.",
        "paths_none": "Dans le ROME, aucun des métiers proches de ce que tu sais faire ne mène "
                      "à celui-ci. Il n'a pas été remonté.",
        "paths_first": "Selon le ROME, des métiers proches de ce que tu sais faire mènent aussi "
                       "à ce métier.{sources} Il était déjà en haut de la liste : rien n'a été "
                       "ajouté.",
        "paths_direct": "Selon le ROME, des métiers proches de ce que tu sais faire mènent à ce "
                        "métier.{sources} Il a donc été remonté dans la liste.",
        "paths_sources": " Ce sont : {names}.",
        "paths_direct_tiny": "Selon le ROME, des métiers proches de ce que tu sais faire mènent "
                             "à ce métier.{sources} Cela ne change presque rien à sa place.",
        "paths_two_steps_tiny": "Selon le ROME, des métiers proches de ce que tu sais faire "
                                "mènent à ce métier en deux étapes. Cela ne change presque rien "
                                "à sa place.",
        "paths_two_steps": "Selon le ROME, des métiers proches de ce que tu sais faire mènent à "
                           "ce métier en deux étapes. Il a donc été un peu remonté dans la liste.",
        "job_profile": "surtout {major}",
        "job_profile_minor": "surtout {major}, un peu {minor}",
        "job_no_profile": "Le ROME ne donne pas de profil de goûts pour ce métier.",
        "job_only": "Ce métier est {job}.",
        "job_and_you": "Ce métier est {job}. Toi, tu es {you}. {link}",
        "you_then": ", puis ",
        "shared": "Point commun : {letters}.",
        "elsewhere": "Tes goûts sont plutôt ailleurs.",
        "trainings_hidden": "{n} formations demandent plus d'études que le niveau choisi. "
                            "Elles ne sont pas montrées.",
        "trainings_hidden_one": "1 formation demande plus d'études que le niveau choisi. Elle "
                                "n'est pas montrée.",
        "trainings_via_one": "L'ONISEP ne décrit pas ce métier à part. Ces formations mènent à "
                             "un métier voisin : {names}.",
        "trainings_via": "L'ONISEP ne décrit pas ce métier à part. Ces formations mènent à des "
                         "métiers voisins : {names}.",
        "level_unknown": "Les données ne disent pas quel niveau d'études demande ce métier. "
                         "Il reste donc dans la liste.",
        "guessed": "Certaines compétences viennent de ce que tu as écrit. L'outil les a "
                   "devinées. Vérifie si elles sont justes.",
        "guessed_mark": "(deviné par l'outil)",
        "other_script": "L'outil comprend moins bien les textes qui ne sont pas en français ou en "
                        "anglais. Ces idées peuvent être fausses. Si tu peux, écris aussi en "
                        "français, ou demande de l'aide.",
        "to_learn": "à apprendre : {labels}",
        "centres_chosen": "Ce métier va avec ce que tu as choisi : {labels}.",
        "centres_none": "Ce métier ne fait partie d'aucun des centres d'intérêt que tu as "
                        "choisis.",
        "quoted": "« {label} »",
        "places_near": "Près de {postcode}, on peut t'aider ici :",
        "places_none": "Aucun lieu d'aide connu près de {postcode}.",
        "places_dated": "Ces lieux viennent de données publiées le {date}. Appelle avant d'y "
                        "aller.",
        "places_dated_between": "Ces lieux viennent de données publiées entre le {first} et le "
                                "{last}. Appelle avant d'y aller.",
        "and": " et ",
    },
    "en": {
        "coverage": "You already have about {recall} of what this job asks for. Key "
                    "competences count double. This job uses {precision} of what you can do. "
                    "Together, that makes {both}.",
        "coverage_none": "You have not given any competences or experiences yet. Only what you "
                         "like counts.",
        "interest": "What you like matches this job at {fit}. {words} With what you like, "
                    "this job keeps {kept} of its score.",
        "interest_alone": "What you like matches this job at {fit}. {words}",
        "interest_none": "You have not answered the questions about what you like. It does not "
                         "count.",
        "interest_flat": "You gave the same answer to every question about what you like. "
                         "Nobody can tell what you prefer: what you like does not count.",
        "penalty": "This job was moved down the list a little. This leaves room for jobs from "
                   "other fields.",
        "no_penalty": "It is the first job of its field in the list: it was not moved down.",
        "paths_kept": "It is one of the {n} jobs closest to what you can do. It stays at the "
                      "top of the list, ahead of the jobs that ROME moved up.",
        "paths_none": "In ROME, none of the jobs close to what you can do leads to this one. It "
                      "was not moved up.",
        "paths_first": "According to ROME, jobs close to what you can do also lead to this "
                       "one.{sources} It was already at the top of the list: nothing was added.",
        "paths_direct": "According to ROME, jobs close to what you can do lead to this one."
                        "{sources} So it was moved up the list.",
        "paths_sources": " They are: {names}.",
        "paths_direct_tiny": "According to ROME, jobs close to what you can do lead to this one."
                             "{sources} This hardly changes its place.",
        "paths_two_steps_tiny": "According to ROME, jobs close to what you can do lead to this "
                                "one in two steps. This hardly changes its place.",
        "paths_two_steps": "According to ROME, jobs close to what you can do lead to this one in "
                           "two steps. So it was moved up the list a little.",
        "job_profile": "mostly {major}",
        "job_profile_minor": "mostly {major}, a little {minor}",
        "job_no_profile": "ROME gives no interest profile for this job.",
        "job_only": "This job is {job}.",
        "job_and_you": "This job is {job}. You are {you}. {link}",
        "you_then": ", then ",
        "shared": "In common: {letters}.",
        "elsewhere": "What you like lies rather elsewhere.",
        "trainings_hidden": "{n} trainings need more study than the level you chose. They are "
                            "not shown.",
        "trainings_hidden_one": "1 training needs more study than the level you chose. It is "
                                "not shown.",
        "trainings_via_one": "ONISEP does not describe this job on its own. These trainings lead "
                             "to a neighbouring job: {names}.",
        "trainings_via": "ONISEP does not describe this job on its own. These trainings lead "
                         "to neighbouring jobs: {names}.",
        "level_unknown": "The data does not say what study level this job needs. So it stays "
                         "in the list.",
        "guessed": "Some competences come from what you wrote. The tool guessed them. Check "
                   "that they are right.",
        "guessed_mark": "(guessed by the tool)",
        "other_script": "The tool understands texts that are not in French or English less "
                        "well. These ideas may be wrong. If you can, also write in French, or "
                        "ask for help.",
        "to_learn": "to learn: {labels}",
        "centres_chosen": "This job fits what you chose: {labels}.",
        "centres_none": "This job is in none of the interest centres you chose.",
        "quoted": "“{label}”",
        "places_near": "Near {postcode}, people can help you here:",
        "places_none": "No known help place near {postcode}.",
        "places_dated": "These places come from data published on {date}. Call before you "
                        "go.",
        "places_dated_between": "These places come from data published between {first} and "
                                "{last}. Call before you go.",
        "and": " and ",
    },
}


def check_lang(lang: object) -> str:
    """The language of the explanations: 'fr' or 'en' (anything else is refused)."""
    if lang not in LANGS:
        raise ProfileError(f"Unknown language {lang!r}: use 'fr' or 'en'.", field="lang",
                           fr=f"Langue inconnue « {lang} » : choisissez 'fr' ou 'en'.")
    return str(lang)


def say(lang: str, key: str, **values: object) -> str:
    text = SENTENCES[lang][key]
    return text.format(**values) if values else text


def trainings_hidden_note(lang: str, n: int) -> str:
    """The note saying that n trainings above the chosen study level are not shown."""
    return say(lang, "trainings_hidden_one") if n == 1 else say(lang, "trainings_hidden", n=n)


def trainings_via_note(lang: str, names: list[str]) -> str:
    """The note saying that the trainings shown lead to ONISEP métiers of neighbouring
    fiches (ONISEP describes none that fits this one by title)."""
    key = "trainings_via_one" if len(names) == 1 else "trainings_via"
    return say(lang, key, names=", ".join(names))


_MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def human_date(iso: str, lang: str) -> str:
    """'2022-12-01' as people write it: '1er décembre 2022', '1 December 2022' (anything
    else is returned as it is)."""
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {_MONTHS.get(lang, _MONTHS['fr'])[day.month - 1]} {day.year}"


def percent(x: float | None, lang: str) -> str:
    """'42 %' in French (a space before the sign), '42%' in English."""
    value = round(100 * (x or 0.0))
    return f"{value} %" if lang == "fr" else f"{value}%"
