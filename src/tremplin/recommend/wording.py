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
from collections.abc import Iterable

from tremplin.recommend.errors import ProfileError

LANGS = ("fr", "en")

SENTENCES: dict[str, dict[str, str]] = {
    "fr": {
        "coverage": "Tu as déjà environ {recall} de ce que demande ce métier. Les compétences les "
                    "plus importantes du métier comptent 2 fois. Ce métier utilise {precision} de "
                    "ce que tu sais faire. Avec ces 2 nombres, Tremplin calcule une note : "
                    "{both}.",
        "coverage_alike": "Rien de ce que tu sais faire n'est exactement demandé par ce métier. "
                          "Mais cela ressemble à environ {recall} de ce qu'il demande. Les "
                          "compétences les plus importantes du métier comptent 2 fois. Ce métier "
                          "utilise {precision} de ce que tu sais faire. Avec ces 2 nombres, "
                          "Tremplin calcule une note : {both}.",
        "coverage_none": "Tu n'as pas encore donné de compétences ni d'expériences. Seuls tes "
                         "goûts comptent.",
        # the floor is said, so that "à 0 %" next to "en garde 70 %" reads as the rule it is
        "interest": "Ce métier va avec tes goûts à {fit}. {words} Tes goûts comptent aussi dans "
                    "sa note. Un métier loin de tes goûts en garde {floor}. Celui-ci en garde "
                    "{kept}.",
        "interest_alone": "Ce métier va avec tes goûts à {fit}. {words}",
        # self-contained: pages may show it apart from the sentence with the figure
        "interest_mix": "Tes réponses aux questions donnent {riasec}, les phrases que tu as "
                        "choisies donnent {centres} : Tremplin fait la moyenne des deux.",
        "interest_flat_centres": "Tu as donné la même réponse à toutes les questions : seules "
                                 "les phrases que tu as choisies comptent.",
        "interest_none": "Tu n'as pas répondu aux questions sur tes goûts. Ils ne comptent pas.",
        "interest_flat": "Tu as donné la même réponse à toutes les questions sur tes goûts. On ne "
                         "sait pas ce que tu préfères : tes goûts ne comptent pas.",
        "penalty": "Tremplin a mis ce métier un peu plus bas dans ta liste. {others} Comme ça, "
                   "tu vois aussi des métiers d'autres domaines.",
        "penalty_kept_place": "{others} Sa note baisse un peu, mais il garde sa place dans ta "
                              "liste.",
        "domain_others_one": "Un autre métier du domaine {domain} est déjà plus haut.",
        "domain_others_many": "D'autres métiers du domaine {domain} sont déjà plus haut.",
        "no_penalty": "C'est le premier métier du domaine {domain} dans ta liste. Il garde sa "
                      "place.",
        "penalty_best": "C'est l'un des {n} métiers qui te vont le mieux. Tremplin le laisse en "
                        "haut de ta liste, même si un métier du domaine {domain} est déjà plus "
                        "haut.",
        "penalty_passed": "Tremplin a mis ce métier après les {top} premiers de ta liste. "
                          "{others} Les {top} premiers en montrent au plus {cap} : comme ça, "
                          "ils montrent aussi d'autres domaines.",
        "same_domain_kept": "{others} Il garde sa place : dans les {top} premiers, Tremplin "
                            "montre jusqu'à {cap} métiers d'un même domaine.",
        "penalty_after": "Après les {top} premiers, Tremplin range les métiers par leur note, "
                         "sans regarder leur domaine.",
        "penalty_plain": "Dans cette liste, Tremplin n'a pas cherché à montrer d'autres domaines.",
        "paths_kept": "C'est l'un des {n} métiers les plus proches de ce que tu sais faire. Il "
                      "reste en haut de ta liste. Il passe avant les métiers que Tremplin a fait "
                      "monter grâce au ROME, la liste officielle des métiers.",
        "paths_none": "Les métiers proches de ce que tu sais faire ne mènent pas à ce métier. "
                      "C'est ce que dit le ROME, la liste officielle des métiers. Tremplin ne l'a "
                      "donc pas fait monter.",
        "paths_first": "On peut aussi passer à ce métier depuis des métiers proches de ce que tu "
                       "sais faire.{sources} C'est écrit dans le ROME, la liste officielle des "
                       "métiers. Ce métier était déjà en haut de ta liste : Tremplin ne l'a pas "
                       "fait monter.",
        "paths_first_two_steps": "On peut aussi arriver à ce métier en 2 étapes, depuis des "
                                 "métiers proches de ce que tu sais faire. C'est écrit dans le "
                                 "ROME, la liste officielle des métiers. Ce métier était déjà en "
                                 "haut de ta liste : Tremplin ne l'a pas fait monter.",
        "paths_far_two_steps": "On peut arriver à ce métier en 2 étapes, depuis des métiers "
                               "proches de ce que tu sais faire. C'est écrit dans le ROME, la "
                               "liste officielle des métiers. Mais ce que tu as écrit va encore "
                               "peu avec ce métier : Tremplin ne l'a donc pas fait monter.",
        "paths_kept_lift": " Pour ça, sa note monte de {points} points.",
        "paths_far": "On peut passer à ce métier depuis des métiers proches de ce que tu sais "
                     "faire.{sources} C'est écrit dans le ROME, la liste officielle des métiers. "
                     "Mais ce que tu as écrit va encore peu avec ce métier : Tremplin ne l'a "
                     "donc pas fait monter.",
        "paths_direct": "On peut passer à ce métier depuis des métiers proches de ce que tu sais "
                        "faire.{sources} C'est écrit dans le ROME, la liste officielle des "
                        "métiers. Alors Tremplin a mis ce métier plus haut dans ta liste.",
        "paths_sources": " Ce sont : {names}.",
        "paths_source": " C'est : {names}.",
        "paths_direct_tiny": "On peut passer à ce métier depuis des métiers proches de ce que tu "
                             "sais faire.{sources} C'est écrit dans le ROME, la liste officielle "
                             "des métiers. Mais sa place dans ta liste change très peu.",
        "paths_two_steps_tiny": "On peut arriver à ce métier en 2 étapes, depuis des métiers "
                                "proches de ce que tu sais faire. C'est écrit dans le ROME, la "
                                "liste officielle des métiers. Mais sa place dans ta liste change "
                                "très peu.",
        "paths_two_steps": "On peut arriver à ce métier en 2 étapes, depuis des métiers proches "
                           "de ce que tu sais faire. C'est écrit dans le ROME, la liste "
                           "officielle des métiers. Alors Tremplin a mis ce métier un peu plus "
                           "haut dans ta liste.",
        "job_profile": "surtout {major}",
        "job_profile_minor": "surtout {major}, et un peu {minor}",
        "job_no_profile": "Le ROME, la liste officielle des métiers, ne dit pas à quels goûts ce "
                          "métier correspond.",
        "job_only": "Ce métier, c'est {job}.",
        "job_and_you": "Ce métier, c'est {job}. Toi, tu aimes d'abord {you}. {link}",
        "job_and_you_alike": "Ce métier, c'est {job}. Toi, tu aimes {you}. {link}",
        "you_alike": "autant {one} {than_other}",  # "que décider…", "qu'aider…"
        "you_then": ", puis ",
        "shared": "Point commun : {letters}.",
        # two letters whose names hold "et" already: "décider et convaincre et aider" read badly
        "shared_two": "Points communs : {one}, et aussi {other}.",
        "elsewhere": "Tes goûts sont plutôt ailleurs.",
        "trainings_hidden": "Tremplin cache {n} formations : elles demandent plus d'études que le "
                            "niveau que tu as choisi.",
        "trainings_hidden_one": "1 formation demande plus d'études que le niveau que tu as "
                                "choisi. Tremplin la cache.",
        "certifications_hidden": "Tremplin cache {n} diplômes : ils demandent plus d'études "
                                 "que le niveau que tu as choisi.",
        "certifications_hidden_one": "1 diplôme demande plus d'études que le niveau que tu as "
                                     "choisi. Tremplin le cache.",
        "close_hidden_domains": "Tremplin ne montre pas {n} métiers proches : ils sont dans "
                                "les domaines que tu as écartés.",
        "close_hidden_level": "Tremplin ne montre pas {n} métiers proches : ils demandent plus "
                              "d'études que le niveau que tu as choisi.",
        "level_unknown": "Les données ne disent pas quel niveau d'études demande ce métier. Il "
                         "reste donc dans la liste.",
        "guessed": "Certaines compétences viennent de ce que tu as écrit. L'outil les a devinées. "
                   "Vérifie si elles sont justes.",
        "guessed_mark": "(deviné par l'outil)",
        "alike_mark": "(proche de ce que tu as écrit)",
        "weak_mark": "(ressemble seulement de loin)",
        "other_script": "L'outil comprend moins bien les textes qui ne sont pas en français ou en "
                        "anglais. Ces idées peuvent être fausses. Si tu peux, écris aussi en "
                        "français, ou demande de l'aide.",
        "to_learn": "à apprendre : {labels}",
        # instead of "à apprendre" on the card of a job the person says they do or did
        "level_other_way_in": "Tremplin cache les formations au-dessus de ton niveau. Mais "
                              "d'après le ROME, on peut entrer dans ce métier avec moins "
                              "d'études. Regarde comment sur la fiche du métier.",
        "own_job_above_level": "Ce métier demande plus d'études que le niveau que tu as choisi. "
                               "Tu le fais ou l'as déjà fait : Tremplin le garde dans ta liste.",
        "own_job": "Tu as écrit que tu fais ou as fait ce métier. Tu connais sans doute déjà ses "
                   "compétences principales. Vérifie-les sur la fiche du métier.",
        "centres_chosen": "Ce métier va avec ce que tu as choisi : {labels}.",
        "centres_none": "Ce métier ne va avec aucune des phrases que tu as choisies sur ce qui "
                        "t'attire.",
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
        "coverage": "You already have about {recall} of what this job asks for. The job's most "
                    "important competences count twice. This job uses {precision} of what you can "
                    "do. From these 2 numbers, Tremplin works out a mark: {both}.",
        "coverage_alike": "Nothing you can do is exactly what this job asks for. But it looks "
                          "like about {recall} of what it asks. The job's most important "
                          "competences count twice. This job uses {precision} of what you can "
                          "do. From these 2 numbers, Tremplin works out a mark: {both}.",
        "coverage_none": "You have not given any competences or experiences yet. Only what you "
                         "like counts.",
        "interest": "This job matches what you like: {fit}. {words} What you like counts in its "
                    "mark too. A job far from what you like keeps {floor} of it. This one keeps "
                    "{kept}.",
        "interest_alone": "This job matches what you like: {fit}. {words}",
        "interest_mix": "Your answers to the questions give {riasec}, the sentences you chose "
                        "give {centres}: Tremplin takes the average of the two.",
        "interest_flat_centres": "You gave the same answer to every question: only the "
                                 "sentences you chose count.",
        "interest_none": "You have not answered the questions about what you like. It does not "
                         "count.",
        "interest_flat": "You gave the same answer to every question about what you like. Nobody "
                         "can tell what you prefer: what you like does not count.",
        "penalty": "Tremplin put this job a little lower in your list. {others} This way, you "
                   "also see jobs from other fields.",
        "penalty_kept_place": "{others} Its mark goes down a little, but it keeps its place in "
                              "your list.",
        "domain_others_one": "Another job of the field {domain} is higher.",
        "domain_others_many": "Other jobs of the field {domain} are higher.",
        "no_penalty": "It is the first job of the field {domain} in your list. It keeps its "
                      "place.",
        "penalty_best": "It is one of the {n} jobs that fit you best. Tremplin leaves it at the "
                        "top of your list, even though a job of the field {domain} is higher.",
        "penalty_passed": "Tremplin put this job after the first {top} of your list. {others} "
                          "The first {top} show at most {cap} of them: this way, they also "
                          "show jobs from other fields.",
        "same_domain_kept": "{others} It keeps its place: in the first {top}, Tremplin shows up "
                            "to {cap} jobs of one field.",
        "penalty_after": "After the first {top}, Tremplin orders the jobs by their mark, whatever "
                         "their field.",
        "penalty_plain": "In this list, Tremplin did not try to show other fields.",
        "paths_kept": "It is one of the {n} jobs closest to what you can do. It stays at the top "
                      "of your list. It comes before the jobs Tremplin moved up thanks to ROME, "
                      "the official list of jobs.",
        "paths_none": "None of the jobs close to what you can do leads to this job. This is "
                      "what ROME, the official list of jobs, says. So Tremplin did not move it "
                      "up.",
        "paths_first": "You can also move to this job from jobs close to what you can "
                       "do.{sources} This is written in ROME, the official list of jobs. This job "
                       "was already at the top of your list: Tremplin did not move it up.",
        "paths_first_two_steps": "You can also reach this job in 2 steps, from jobs close to "
                                 "what you can do. This is written in ROME, the official list of "
                                 "jobs. This job was already at the top of your list: Tremplin "
                                 "did not move it up.",
        "paths_far_two_steps": "You can reach this job in 2 steps, from jobs close to what you "
                               "can do. This is written in ROME, the official list of jobs. But "
                               "what you wrote still fits this job too little, so Tremplin did "
                               "not move it up.",
        "paths_kept_lift": " To do so, its mark goes up by {points} points.",
        "paths_far": "You can move to this job from jobs close to what you can do.{sources} "
                     "This is written in ROME, the official list of jobs. But what you wrote "
                     "still fits this job too little, so Tremplin did not move it up.",
        "paths_direct": "You can move to this job from jobs close to what you can do.{sources} "
                        "This is written in ROME, the official list of jobs. So Tremplin put this "
                        "job higher in your list.",
        "paths_sources": " They are: {names}.",
        "paths_source": " It is: {names}.",
        "paths_direct_tiny": "You can move to this job from jobs close to what you can "
                             "do.{sources} This is written in ROME, the official list of jobs. "
                             "But its place in your list hardly changes.",
        "paths_two_steps_tiny": "You can reach this job in 2 steps, from jobs close to what you "
                                "can do. This is written in ROME, the official list of jobs. But "
                                "its place in your list hardly changes.",
        "paths_two_steps": "You can reach this job in 2 steps, from jobs close to what you can "
                           "do. This is written in ROME, the official list of jobs. So Tremplin "
                           "put this job a little higher in your list.",
        "job_profile": "mostly {major}",
        "job_profile_minor": "mostly {major}, and a little {minor}",
        "job_no_profile": "ROME, the official list of jobs, does not say which tastes this job "
                          "goes with.",
        "job_only": "This job is {job}.",
        "job_and_you": "This job is {job}. What you like most: {you}. {link}",
        "job_and_you_alike": "This job is {job}. What you like most: {you}. {link}",
        "you_alike": "{one}, and {than_other} just as much",
        "you_then": ", then ",
        "shared": "In common: {letters}.",
        "shared_two": "In common: {one}, and also {other}.",
        "elsewhere": "What you like lies rather elsewhere.",
        "trainings_hidden": "{n} trainings need more study than the level you chose. They are not "
                            "shown.",
        "trainings_hidden_one": "1 training needs more study than the level you chose. It is not "
                                "shown.",
        "certifications_hidden": "{n} diplomas need more study than the level you chose. They "
                                 "are not shown.",
        "certifications_hidden_one": "1 diploma needs more study than the level you chose. It is "
                                     "not shown.",
        "close_hidden_domains": "Tremplin does not show {n} close jobs: they are in the "
                                "domains you set aside.",
        "close_hidden_level": "Tremplin does not show {n} close jobs: they need more study "
                              "than the level you chose.",
        "level_unknown": "The data does not say what study level this job needs. So it stays in "
                         "the list.",
        "guessed": "Some competences come from what you wrote. The tool guessed them. Check that "
                   "they are right.",
        "guessed_mark": "(guessed by the tool)",
        "alike_mark": "(close to what you wrote)",
        "weak_mark": "(only loosely alike)",
        "other_script": "The tool understands texts that are not in French or English less well. "
                        "These ideas may be wrong. If you can, also write in French, or ask for "
                        "help.",
        "to_learn": "to learn: {labels}",
        "level_other_way_in": "Tremplin hides the trainings above your level. But ROME says "
                              "this job can be entered with less study. See how on the job's "
                              "page.",
        "own_job_above_level": "This job needs more study than the level you chose. You do or "
                               "did it already: Tremplin keeps it in your list.",
        "own_job": "You wrote that you do or did this job. You probably know its main "
                   "competences already. Check them on the job's page.",
        "centres_chosen": "This job fits what you chose: {labels}.",
        "centres_none": "This job is in none of the interest centres you chose.",
        "quoted": "“{label}”",
        "places_near": "Near {postcode}, people can help you here:",
        "places_none": "No known help place near {postcode}.",
        "places_dated": "These places come from data published on {date}. Call before you go.",
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


def certifications_hidden_note(lang: str, n: int) -> str:
    """The note saying that n diplomas above the chosen study level are not shown."""
    return (say(lang, "certifications_hidden_one") if n == 1
            else say(lang, "certifications_hidden", n=n))


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


def places_dated(dates: Iterable[str], lang: str) -> str:
    """When the places shown come from, to call before going: their one publication date, or
    the first and the last when their sources were published on different days; "" when
    none is dated."""
    found = sorted({d for d in dates if d})
    if not found:
        return ""
    if len(found) == 1:
        return say(lang, "places_dated", date=human_date(found[0], lang))
    return say(lang, "places_dated_between", first=human_date(found[0], lang),
               last=human_date(found[-1], lang))


def sentences(text: str, keep: Iterable[str] = ()) -> list[str]:
    """`text` cut into its sentences (one short idea per line, FALC): after ".", "!" or "?"
    and a space, never inside « » or “ ” quotes nor inside one of the `keep` labels (French
    ROME labels quoted in it may hold a full stop). Runs of spaces count as one."""
    flat = " ".join(text.split())
    labels = sorted({k for k in keep if k and k in flat}, key=len, reverse=True)
    for i, label in enumerate(labels):
        flat = flat.replace(label, f"\x00{i}\x00")
    out: list[str] = []
    depth = start = 0
    for i, ch in enumerate(flat):
        if ch in "«“":
            depth += 1
        elif ch in "»”":
            depth = max(0, depth - 1)
        elif ch in ".!?" and not depth and flat[i + 1:i + 2] == " ":
            out.append(flat[start:i + 1])
            start = i + 2
    out.append(flat[start:])
    for i, label in enumerate(labels):
        out = [part.replace(f"\x00{i}\x00", label) for part in out]
    return [part.strip() for part in out if part.strip()]


def first_sentence(text: str) -> str:
    """The first sentence of `text` (see `sentences`), or "" when it holds none."""
    found = sentences(text)
    return found[0] if found else ""
