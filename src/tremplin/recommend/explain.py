"""The explanation of one suggestion: what matched (with the person's own words), what is
missing, the interest match in words, score parts, and the next steps."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from tremplin.catalog.read import Mobility, Training
from tremplin.recommend.centres import centre_links, centres_value, chosen_centres_of_job
from tremplin.recommend.engine import (
    DIVERSE_TOP,
    FIRST_BY_SCORE,
    INTEREST_WEIGHT,
    MAX_PER_DOMAIN,
    Scored,
    ScorePart,
    Why,
    has_tastes,
    in_avoided_domain,
    riasec_fit_of,
)
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.levels import certification_level_in, entry_levels
from tremplin.recommend.memo import remembered
from tremplin.recommend.own_jobs import own_jobs_per_experience
from tremplin.recommend.profile import Profile
from tremplin.recommend.riasec import LETTER_NAMES, no_preference, top_letters
from tremplin.recommend.suggest import lexical_tokens, matched_fragment
from tremplin.recommend.text import (
    other_language,
    tokens,
    without_dislikes,
    without_status,
)
from tremplin.recommend.wording import (
    certifications_hidden_note,
    percent,
    say,
    trainings_hidden_note,
)

MAX_MATCHED = 6
MAX_MISSING = 5
# A key competence whose words the person wrote ("je lui fais ses repas" and « Préparer des
# repas ») is not listed as still to learn, even when the scores did not match it: the words
# they wrote must make at least WRITTEN_SHARE of the label's words, each weighed by its
# rarity in ROME's labels, the lexical index's IDF ("enfant" alone does not cover
# « Accompagner au développement, à l'autonomie et à l'éveil de l'enfant »), the label's
# first word, its verb, left aside.
WRITTEN_SHARE = 0.5
MAX_TRAININGS = 5
MAX_CERTIFICATIONS = 8
MAX_CLOSE_JOBS = 5

# A match below this is too loose to tell the person "this is close to what you do": it
# still counts in the coverage figure, but the explanation lists it as still to learn (when
# it is a key competence) rather than as matched.
SHOWN_FROM = 0.4
# A sentence resembles a job title only from this match (cosine about 0.9): below it, most
# titles found are chance look-alikes ("I look after my little brothers" -> "Eleveur de
# petits gibiers"); 13 % of them are jobs a counsellor would find sensible, 64 % above 0.9.
TITLE_SHOWN_FROM = 0.8
MAX_WEAK_SHOWN = 2


@dataclass(frozen=True, slots=True)
class JobFacts:
    """What a card shows of a fiche whatever the profile: its ONISEP trainings (lowest level
    first), the certifications ROME lists, its ROME moves."""

    trainings: tuple[Training, ...]
    certifications: tuple[str, ...]
    moves: tuple[Mobility, ...]


def job_facts(index: RecommendIndex, code: str) -> JobFacts:
    """The fiche's facts, read from the catalog once per index: the four queries of each of
    the ten cards took 5 ms of every recommendation."""
    facts = index.job_facts_memo.get(code)
    if facts is None:
        cat = index.catalog
        facts = JobFacts(tuple(cat.trainings_for_job(code)),
                         tuple(kn.label for kn in cat.job_knowledge(code) if kn.is_certification),
                         tuple(cat.mobilities(code)))
        index.job_facts_memo[code] = facts  # at most one per fiche
    return facts


def explain(index: RecommendIndex, profile: Profile, scored: Scored, k: int,
            penalty: float, lang: str = "fr", placement: str = "", same_domain: int = 0,
            allowed: np.ndarray[Any, np.dtype[np.bool_]] | None = None) -> Why:
    """Why job `k` is where it is, in `lang` ('fr' or 'en'; ROME labels stay in French).
    `placement`: how the diversity step placed it, `same_domain`: how many jobs of its domain
    are above it (see engine.Pick); `allowed`: the jobs the profile's constraints allow (the
    close jobs offered follow them too)."""
    job = index.jobs[k]
    facts = job_facts(index, job.code)
    p = scored.items
    rows = []
    for e in index.entries_of(k):
        i = int(index.entry_item[e])
        m = float(scored.item_match[i])
        rows.append((float(index.entry_weight[e]) * m, m, i, index.entry_core[e]))
    ordered = [r for r in sorted(rows, key=lambda r: (-r[0], r[2])) if r[0] > 0]
    # loose look-alikes are only shown when nothing closer explains the score, and then
    # marked `weak`: the card always says where its score comes from, and never calls a
    # chance resemblance "close to what you can do"
    shown = [r for r in ordered if r[1] >= SHOWN_FROM][:MAX_MATCHED] or ordered[:MAX_WEAK_SHOWN]
    matched = [_matched_entry(index, profile, scored, i, m, core) for _c, m, i, core in shown]
    shown_items = {r[2] for r in shown}
    own = own_jobs_per_experience(index, profile)
    title = _best_title(index, profile, p, k, own)
    if title is not None:
        matched.insert(0, title)
        matched = matched[:MAX_MATCHED]
    # someone who says they do or did this job is not told to learn its key competences
    did_job = any(k in jobs for jobs in own)
    said = _said_words(index, profile)
    missing = [] if did_job else [
        {"ogr": int(index.item_ogr[i]), "label": index.item_label[i]}
        for _c, m, i, core in sorted(rows, key=lambda r: (-float(index.item_base_weight[r[2]]), r[2]))
        if core == "Principale" and m < SHOWN_FROM and i not in shown_items
        and index.item_kind[i] in ("competence", "macro", "soft")
        and not _written(index, i, said)
    ][:MAX_MISSING]

    coverage = float(scored.coverage[k])
    recall = float(scored.recall[k])
    precision = float(scored.precision[k])
    interest_value = None if scored.interest is None else float(scored.interest[k])
    centres = (chosen_centres_of_job(centre_links(index), k, profile.interest_centres)
               if profile.interest_centres else [])
    interest_words = _interest_words(profile, job.riasec_major, job.riasec_minor, lang)
    if profile.interest_centres:
        interest_words += " " + _centres_sentence(centres, lang)
        if has_tastes(profile):  # the percentage is the mean of two numbers: say which
            interest_words = say(lang, "interest_mix", riasec=percent(riasec_fit_of(
                profile.riasec, job.riasec_major, job.riasec_minor), lang),
                centres=percent(centres_value(centres), lang)) + " " + interest_words
    centre_titles = tuple(str(c["label"]) for c in centres)
    has_items = bool(profile.competences or profile.experiences)
    alike = has_items and not _any_exact(index, scored, ordered) and title is None
    parts = {
        "coverage": ScorePart(round(coverage, 4), say(
            lang, "coverage_alike" if alike else "coverage", recall=percent(recall, lang),
            precision=percent(precision, lang), both=percent(coverage, lang))
            if has_items else say(lang, "coverage_none")),
        "interest": (ScorePart(round(interest_value, 4), say(
            lang, "interest" if has_items else "interest_alone",
            fit=percent(interest_value, lang), words=interest_words,
            kept=percent(1 - INTEREST_WEIGHT + INTEREST_WEIGHT * interest_value, lang),
            floor=percent(1 - INTEREST_WEIGHT, lang)).strip(),
            centre_titles)
            if interest_value is not None else ScorePart(0.0, say(
                lang, "interest_flat" if profile.riasec else "interest_none"))),
        "diversity_penalty": _diversity_part(job.domain_label, penalty, placement, same_domain,
                                             lang),
    }
    path_from = _path_sources(index, scored, k)
    if scored.path_bonus is not None:
        parts["paths"] = _paths_part(scored, k, path_from, lang)
    level = profile.constraints.max_study_level
    notes = [say(lang, "guessed")] if any(m.get("guessed") for m in matched) else []
    if did_job:
        notes.append(say(lang, "own_job"))
    if any(other_language(e.text) for e in profile.experiences):
        notes.append(say(lang, "other_script"))
    trainings_all = facts.trainings
    trainings = [t for t in trainings_all
                 if level is None or t.entry_level is None or t.entry_level <= level]
    hidden = len(trainings_all) - len(trainings)
    if hidden:
        notes.append(trainings_hidden_note(lang, hidden))
    job_level = entry_levels(index).get(job.code)  # None: the data give no level
    if level is not None and job_level is None:
        notes.append(say(lang, "level_unknown"))
    elif level is not None and did_job and job_level is not None and job_level > level:
        notes.append(say(lang, "own_job_above_level"))
    certs_all = facts.certifications
    # a diploma whose name says a level above the chosen one is hidden, as trainings are
    # ("BTS …" for someone who chose up to bac); a name that says no level stays
    certs = [c for c in certs_all
             if level is None or (certification_level_in(index, c) or 0) <= level]
    if len(certs) < len(certs_all):
        notes.append(certifications_hidden_note(lang, len(certs_all) - len(certs)))
    # every training hidden, yet the job is within the level: ROME's access text allows a
    # way in with less study than ONISEP's trainings (240 cards at their own entry level)
    if (level is not None and hidden and not trainings and not did_job
            and job_level is not None and job_level <= level):
        notes.append(say(lang, "level_other_way_in"))
    close, close_left = _close_jobs(index, facts.moves, allowed)
    notes += _close_hidden_notes(index, profile, close_left, lang)
    return Why(
        matched=matched,
        missing=missing,
        interest=interest_words,
        parts=parts,
        trainings=[{"title": t.title, "level": t.level, "duration": t.duration,
                    "rncp_url": t.rncp_url, "url": t.url,
                    "entry_level": t.entry_level}
                   for t in trainings[:MAX_TRAININGS]],
        certifications=certs[:MAX_CERTIFICATIONS],
        close_jobs=close,
        notes=notes,
        path_from=path_from,
        interest_centres=centres,
        trainings_hidden=hidden,
    )


def _close_jobs(index: RecommendIndex, moves: tuple[Mobility, ...],
                allowed: np.ndarray[Any, np.dtype[np.bool_]] | None,
                ) -> tuple[list[dict[str, str]], list[int]]:
    """The ROME moves from a job that the constraints allow (at most MAX_CLOSE_JOBS, in ROME's
    order), and the moves they leave out: someone who set building work aside is not offered
    « Maçon » as a job to consider too."""
    kept, left = [], []
    for m in moves:
        k = index.job_pos.get(m.target_code)
        if allowed is None or k is None or allowed[k]:
            kept.append({"code": m.target_code, "title": m.target_label})
        else:
            left.append(k)
    return kept[:MAX_CLOSE_JOBS], left


def _close_hidden_notes(index: RecommendIndex, profile: Profile, left: list[int],
                        lang: str) -> list[str]:
    """Why close jobs are not offered: how many are in a domain set aside, how many need more
    study than the chosen level (a job in an avoided domain is counted there only)."""
    avoided = set(profile.constraints.avoided_domains)
    in_domains = sum(in_avoided_domain(index.jobs[k], avoided) for k in left)
    notes = [say(lang, "close_hidden_domains", n=in_domains)] if in_domains else []
    if len(left) > in_domains:
        notes.append(say(lang, "close_hidden_level", n=len(left) - in_domains))
    return notes


def _matched_entry(index: RecommendIndex, profile: Profile, scored: Scored, i: int, m: float,
                   core: str) -> dict[str, Any]:
    """One fiche item the profile matched: how, through which of the person's competences
    and which part of their text."""
    p = scored.items
    src = int(scored.item_from[i])
    pitem = p.item[src]
    exp_n = p.source[src]
    if pitem == i:
        how = "exact"
    elif pitem >= 0 and index.item_group[i] >= 0 and index.item_group[i] == index.item_group[pitem]:
        how = "same_group"
    else:
        how = "similar"
    entry: dict[str, Any] = {
        "ogr": int(index.item_ogr[i]), "label": index.item_label[i],
        "kind": index.item_kind[i], "core": core, "match": round(m, 3), "how": how,
        "your_competence": None if pitem < 0 else {
            "ogr": int(index.item_ogr[pitem]), "label": index.item_label[pitem]},
        "experience_text": None,
        # the person's side is the engine's own pick from a text nobody reviewed
        "guessed": pitem >= 0 and exp_n >= 0 and profile.experiences[exp_n].guessed,
        "weak": m < SHOWN_FROM,
    }
    if exp_n >= 0:
        entry["experience_text"] = matched_fragment(profile.experiences[exp_n].text,
                                                    index.item_label[i])
    return entry


def _path_sources(index: RecommendIndex, scored: Scored, k: int) -> list[dict[str, Any]]:
    if scored.paths is None:
        return []
    return [{"code": index.jobs[c].code, "title": index.jobs[c].title, "share": round(w, 3)}
            for c, w in scored.paths.sources(k)]


SAID_WORDS_MEMO = 1024  # profiles whose words are kept (one list explains 10 jobs)


def _said_words(index: RecommendIndex, profile: Profile) -> frozenset[str]:
    """The words of the person's experiences, as ROME's vocabulary has them (typos mended),
    without what they dislike or what only says who they are."""
    texts = tuple(e.text for e in profile.experiences)
    return remembered(index.said_words_memo, texts, SAID_WORDS_MEMO, lambda: frozenset(
        w for text in texts
        for w in lexical_tokens(index, without_status(without_dislikes(text)))))


def _written(index: RecommendIndex, item: int, said: frozenset[str]) -> bool:
    """Whether the person wrote most of the item's words (by rarity), its verb aside."""
    if not said:
        return False
    words = set(tokens(index.item_label[item])[1:])
    rarest = math.log(1 + len(index.item_label))  # a word outside the lexical vocabulary
    weight = {w: index.term_idf.get(w, rarest) for w in words}
    total = sum(weight.values())
    return total > 0 and sum(weight[w] for w in words & said) >= WRITTEN_SHARE * total


def _diversity_part(label: str, penalty: float, placement: str, same_domain: int,
                    lang: str) -> ScorePart:
    """The diversity step in words, naming the ROME domain it counts by (finer than the grand
    domains the pages group jobs in: "Aide à la vie quotidienne", not "Services à la
    personne"), so that two jobs of one grand domain can both be "the first of their domain",
    and saying whether the job lost its place or only some of its score."""
    domain = say(lang, "quoted", label=label)
    others = say(lang, "domain_others_one" if same_domain == 1 else "domain_others_many",
                 domain=domain)
    key = {"best": "penalty_best", "passed": "penalty_passed", "after": "penalty_after",
           "plain": "penalty_plain", "lowered": "penalty",
           # in its place and with its whole score: a domain not yet full
           "kept": "penalty_kept_place" if penalty > 0 else "same_domain_kept",
           }.get(placement, "penalty" if penalty > 0 else "no_penalty")
    return ScorePart(round(penalty, 4), say(lang, key, domain=domain, others=others,
                                            n=FIRST_BY_SCORE, top=DIVERSE_TOP,
                                            cap=MAX_PER_DOMAIN), (label,))


def _any_exact(index: RecommendIndex, scored: Scored, rows: list[Any]) -> bool:
    """Whether one of the fiche's items the profile matched is one of the profile's own items
    (or of its group), not a look-alike: else "Tu as déjà" would claim what only resembles."""
    p = scored.items
    for _c, _m, i, _core in rows:
        pitem = p.item[int(scored.item_from[i])]
        if pitem == i or (pitem >= 0 and index.item_group[i] >= 0
                          and index.item_group[i] == index.item_group[pitem]):
            return True
    return False


def _paths_part(scored: Scored, k: int, path_from: list[dict[str, Any]], lang: str,
                ) -> ScorePart:
    bonus = float(scored.path_bonus[k]) if scored.path_bonus is not None else 0.0
    leads = scored.paths is not None and float(scored.paths.score[k]) > 0
    titles = tuple(p["title"] for p in path_from)
    # ROME titles may hold brackets themselves, so they get a sentence of their own
    sources = (say(lang, "paths_source" if len(titles) == 1 else "paths_sources",
                   names=", ".join(titles)) if titles else "")
    if bonus > 0 and k in scored.kept:
        lift = round(100 * round(bonus, 4))  # the figure the card shows
        return ScorePart(round(bonus, 4), say(lang, "paths_kept", n=len(scored.kept))
                         + (say(lang, "paths_kept_lift", points=lift) if lift else ""))
    if not leads:
        return ScorePart(0.0, say(lang, "paths_none"))
    # no neighbour leads there directly: the sentence says "in 2 steps" and names none
    steps = "" if titles else "_two_steps"
    if bonus <= 0 and scored.too_far is not None and bool(scored.too_far[k]):
        return ScorePart(0.0, say(lang, "paths_far" + steps, sources=sources), titles)
    if bonus <= 0:
        return ScorePart(0.0, say(lang, "paths_first" + steps, sources=sources), titles)
    # a lift too small to show (under half a percent) is not called "moved up"
    tiny = round(100 * round(bonus, 4)) == 0  # the figure the card shows
    if path_from:
        return ScorePart(round(bonus, 4), say(
            lang, "paths_direct_tiny" if tiny else "paths_direct", sources=sources), titles)
    return ScorePart(round(bonus, 4), say(lang, "paths_two_steps_tiny" if tiny
                                          else "paths_two_steps"))


def _best_title(index: RecommendIndex, profile: Profile, p: Any, k: int,
                own: list[dict[int, int]]) -> dict[str, Any] | None:
    """The job title of this fiche closest to one of the person's texts, when close enough.
    It is a guess of the tool (`guessed`, as the items guessed from an unreviewed text are)
    unless the text names this job as the person's own (`own`: per experience, see
    `own_jobs_of`): then the title it names is shown."""
    lo = int(index.title_start[k])
    hi = int(index.title_start[k + 1]) if k + 1 < len(index.jobs) else len(index.title_job)
    best: tuple[float, bool, int, int] | None = None  # match, said, title, experience
    for col, item in enumerate(p.item):
        if item >= 0 or hi <= lo:
            continue
        found = _title_of_text(index, p, col, k, lo, hi, own[p.source[col]])
        if found is not None and (best is None or found[:2] > best[:2]):
            best = (*found, p.source[col])
    if best is None:
        return None
    m, said, t, exp_n = best
    return {"ogr": None, "label": index.title_shown[t], "kind": "job_title", "core": "",
            "match": round(m, 3),
            "how": "job_title", "your_competence": None,
            "experience_text": profile.experiences[exp_n].text,
            "guessed": not said and profile.experiences[exp_n].guessed, "weak": False}


def _title_of_text(index: RecommendIndex, p: Any, col: int, k: int, lo: int, hi: int,
                   own: dict[int, int]) -> tuple[float, bool, int] | None:
    """(match, whether the text names it as the person's own job, title position) of the
    title of fiche `k` closest to the free text of profile column `col`, when close enough."""
    from tremplin.recommend.engine import TITLE_SEM_HIGH, TITLE_SEM_LOW

    if k in own:  # "je suis serveuse dans un resto": the title the person named
        return 1.0, True, own[k]
    if k in p.mentions[col]:  # the text names one of this fiche's titles: show that one
        return 1.0, False, p.mentions[col][k]
    sims = index.title_vectors[lo:hi] @ p.vectors[col]
    t = int(np.argmax(sims))
    m = float(np.clip((sims[t] - TITLE_SEM_LOW) / (TITLE_SEM_HIGH - TITLE_SEM_LOW), 0.0, 1.0))
    return (m, False, lo + t) if m >= TITLE_SHOWN_FROM else None


def _interest_words(profile: Profile, major: str, minor: str, lang: str) -> str:
    names = LETTER_NAMES[lang]
    if not major:
        return say(lang, "job_no_profile")
    job = (say(lang, "job_profile_minor", major=names[major], minor=names[minor]) if minor
           else say(lang, "job_profile", major=names[major]))
    flat = bool(profile.riasec) and no_preference(profile.riasec)
    mine = [] if flat else top_letters(profile.riasec, 2)
    if not mine:
        only = say(lang, "job_only", job=job)
        if flat and profile.interest_centres:
            return only + " " + say(lang, "interest_flat_centres")
        return only
    # two letters answered alike are not "first, then": "autant X que Y" (joined by "et",
    # names that hold "et" themselves read "aider les autres et décider et convaincre")
    alike = len(mine) == 2 and profile.riasec.get(mine[0]) == profile.riasec.get(mine[1])
    you = (say(lang, "you_alike", one=names[mine[0]], than_other=_than(lang, names[mine[1]]))
           if alike else say(lang, "you_then").join(names[t] for t in mine))
    shared = [t for t in (major, minor) if t and t in mine]
    if len(shared) == 2:
        link = say(lang, "shared_two", one=names[shared[0]], other=names[shared[1]])
    elif shared:
        link = say(lang, "shared", letters=names[shared[0]])
    else:
        link = say(lang, "elsewhere")
    return say(lang, "job_and_you_alike" if alike else "job_and_you", job=job, you=you,
               link=link)


def _than(lang: str, words: str) -> str:
    """The second term of "autant … que …", elided before a vowel ("qu'aider les autres")."""
    if lang != "fr":
        return words
    return ("qu'" if words[:1] in "aeéèêiouy" else "que ") + words


def _centres_sentence(centres: list[dict[str, Any]], lang: str) -> str:
    """Whether the job is in the ROME interest centres the person chose (quoted in French)."""
    if not centres:
        return say(lang, "centres_none")
    quoted = [say(lang, "quoted", label=c["label"]) for c in centres]
    listed = (quoted[0] if len(quoted) == 1
              else ", ".join(quoted[:-1]) + say(lang, "and") + quoted[-1])
    return say(lang, "centres_chosen", labels=listed)


__all__ = ["explain"]
