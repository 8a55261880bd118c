"""The sentences of an explanation, in French (first) and in English.

ROME and ONISEP labels (competences, job titles, trainings) exist in French only and stay so;
what Tremplin itself says about a suggestion is written here once per language, so that a
helper can read it aloud in the language the person understands best.
"""

from __future__ import annotations

from tremplin.recommend.errors import ProfileError

LANGS = ("fr", "en")

SENTENCES: dict[str, dict[str, str]] = {
    "fr": {
        "coverage": "Vous avez déjà environ {recall} de ce que demande ce métier (les compétences "
                    "clés comptent double), et ce métier utilise {precision} de ce que vous "
                    "savez faire.",
        "coverage_none": "Vous n'avez pas encore indiqué de compétences ni d'expériences : seuls "
                         "vos goûts comptent.",
        "interest": "Vos goûts correspondent à {fit} à ce métier ({words}) ; ils comptent pour "
                    "{weight} du score.",
        "interest_none": "Vous n'avez pas répondu au questionnaire sur vos goûts : ils ne "
                         "comptent pas.",
        "penalty": "Ce métier a été un peu reculé pour laisser de la place à d'autres domaines "
                   "dans la liste.",
        "no_penalty": "Aucune pénalité : c'est le premier métier de son domaine dans la liste.",
        "paths_kept": "C'est l'un des {n} métiers les plus proches de ce que vous savez faire : "
                      "il reste en haut de la liste, devant les métiers que les passerelles du "
                      "ROME ont remontés.",
        "paths_none": "Aucun des métiers les plus proches de ce que vous savez faire ne mène à "
                      "celui-ci dans le ROME : il n'a pas été remonté.",
        "paths_first": "Selon le ROME, on peut aussi évoluer vers ce métier depuis des métiers "
                       "proches de ce que vous savez faire{names}, mais il était déjà en tête de "
                       "la liste : rien n'a été ajouté.",
        "paths_direct": "Selon le ROME, on peut évoluer vers ce métier depuis des métiers proches "
                        "de ce que vous savez faire ({names}) : il a été remonté dans la liste.",
        "paths_two_steps": "Selon le ROME, des métiers proches de ce que vous savez faire mènent "
                           "à ce métier en passant par un métier intermédiaire : il a été un peu "
                           "remonté dans la liste.",
        "job_profile": "surtout {major}",
        "job_profile_minor": "surtout {major}, un peu {minor}",
        "job_no_profile": "Le ROME ne donne pas de profil d'intérêts pour ce métier.",
        "job_only": "Ce métier est {job}.",
        "job_and_you": "Ce métier est {job} ; vous êtes {you} ({link}).",
        "you_then": " puis ",
        "shared": "vous partagez : {letters}",
        "elsewhere": "vos goûts sont plutôt ailleurs",
        "trainings_hidden": "{n} formation(s) au-dessus du niveau d'études choisi ne sont pas "
                            "affichées.",
        "to_learn": "à acquérir : {labels}",
    },
    "en": {
        "coverage": "You already have about {recall} of what this job asks for (key competences "
                    "count double), and this job uses {precision} of what you can do.",
        "coverage_none": "You have not given any competences or experiences yet: only what you "
                         "like counts.",
        "interest": "What you like matches this job at {fit} ({words}); it counts for {weight} "
                    "of the score.",
        "interest_none": "You have not answered the questions about what you like: it does not "
                         "count.",
        "penalty": "This job was moved down a little to make room for other fields in the list.",
        "no_penalty": "No penalty: it is the first job of its field in the list.",
        "paths_kept": "It is one of the {n} jobs closest to what you can do: it stays at the top "
                      "of the list, ahead of the jobs that ROME career paths moved up.",
        "paths_none": "None of the jobs closest to what you can do leads to this one in ROME: it "
                      "was not moved up.",
        "paths_first": "According to ROME, people can also move to this job from jobs close to "
                       "what you can do{names}, but it was already at the top of the list: "
                       "nothing was added.",
        "paths_direct": "According to ROME, people move to this job from jobs close to what you "
                        "can do ({names}): it was moved up the list.",
        "paths_two_steps": "According to ROME, jobs close to what you can do lead to this job "
                           "through one job in between: it was moved up the list a little.",
        "job_profile": "mostly {major}",
        "job_profile_minor": "mostly {major}, a little {minor}",
        "job_no_profile": "ROME gives no interest profile for this job.",
        "job_only": "This job is {job}.",
        "job_and_you": "This job is {job}; you are {you} ({link}).",
        "you_then": " then ",
        "shared": "you share: {letters}",
        "elsewhere": "what you like lies rather elsewhere",
        "trainings_hidden": "{n} training(s) above the chosen study level are not shown.",
        "to_learn": "to learn: {labels}",
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


def percent(x: float | None, lang: str) -> str:
    """'42 %' in French (a space before the sign), '42%' in English."""
    value = round(100 * (x or 0.0))
    return f"{value} %" if lang == "fr" else f"{value}%"
