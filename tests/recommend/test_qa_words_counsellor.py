"""A counsellor's QA pass (third round): what one cannot do, who one is (a disability), what
one does with a grandparent, everyday words and verbs read by their letters. Each case failed
before its rule (see docs/scoring.md, "From words to competences")."""

from __future__ import annotations

import pytest

from tests.recommend.reading import codes as _codes
from tests.recommend.reading import labels as _labels
from tremplin.catalog.read import Catalog
from tremplin.recommend.text import (
    disliked_clauses,
    expand,
    says_nothing,
    tokens,
    without_dislikes,
    without_status,
    written_out,
)


# --- 1. what the person cannot do is not what they did --------------------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("j'ai une RQTH, je peux pas porter de charges lourdes, j'aime bien l'informatique",
     "j'ai une RQTH j'aime bien l'informatique"),
    ("je ne peux plus porter de charges, je fais de la compta", "je fais de la compta"),
    ("j'arrive pas à me concentrer en classe mais je répare des vélos",
     "mais je répare des vélos"),
    ("I can't lift heavy things but I like computers", "but I like computers"),
    ("no puedo cargar peso, trabajo en cocina", "trabajo en cocina"),
])
def test_what_one_cannot_do_is_left_out(text: str, kept: str) -> None:
    assert without_dislikes(text) == kept
    assert disliked_clauses(text)  # the review page says what was not read


@pytest.mark.parametrize("text", [
    "je peux pas m'empêcher de dessiner", "I can't wait to work with kids",
    "j'aide des gens qui ne peuvent pas marcher"])
def test_a_can_that_says_what_was_done_stays(text: str) -> None:
    assert without_dislikes(text) == text


def test_heavy_loads_one_cannot_carry_give_no_crane_driver(catalog: Catalog) -> None:
    text = "j'ai une RQTH, je peux pas porter de charges lourdes, j'aime bien l'informatique"
    # was: « Arrimer des charges lourdes », Cariste, Grutier
    assert not any("charge" in label for label in _labels(text)), _labels(text)
    codes = _codes(text)
    assert not {"N1101", "F1301"} & set(codes), codes
    assert {"I1401", "I1404", "M1801"} & set(codes), codes


def test_preferring_to_work_alone_is_no_team_work(catalog: Catalog) -> None:
    # was: « Capacité à travailler en équipe », « Travailler en groupe, en réseau » and
    # Conseiller en insertion professionnelle first; then « autonomie » and care jobs. The
    # preference is now a taste, not something done (test_temperament_words.py): the text is
    # refused with a message, and working alone as a fact still reads as autonomy.
    assert says_nothing("je n'aime pas le contact avec les gens, je préfère travailler seul")
    labels = _labels("je travaille tout seul au stand de la brocante en autonomie")
    assert not any("équipe" in label or "groupe" in label for label in labels), labels
    assert any("autonom" in label for label in labels), labels


# --- 2. a disability says who someone is; someone else's is care ----------------------------
@pytest.mark.parametrize("text", [
    "je suis en fauteuil", "je suis sourd", "je suis sourde", "j'ai des troubles dys",
    "je suis autiste", "j'ai une RQTH", "je suis en ESAT", "je suis handicapée",
    "I'm deaf"])
def test_a_disability_alone_says_nothing_done(text: str) -> None:
    assert says_nothing(text)


def test_a_disability_is_left_out_and_what_follows_is_read(catalog: Catalog) -> None:
    text = "je suis en fauteuil, je cherche un travail de bureau"
    assert without_status(text) == ", de bureau"
    labels = _labels(text)
    assert not any("fauteuil" in label for label in labels), labels  # was: « arrimer les … »
    assert {"M1602", "M1607"} & set(_codes(text, 3)), _codes(text, 3)


def test_someone_elses_wheelchair_is_care(catalog: Catalog) -> None:
    text = "je m'occupe de ma mère qui est en fauteuil roulant"
    assert without_status(text) == text
    labels = _labels(text)
    assert not any("arrim" in label for label in labels), labels
    codes = _codes(text, 5)
    assert {"K1302", "K1304", "K1306", "J1501"} & set(codes), codes
    assert "I1615" not in _codes(text)  # was: a tow-truck driver


# --- 3. what is done with a grandparent counts, not the grandparent ---------------------------
def test_gardening_with_a_grandmother_is_gardening(catalog: Catalog) -> None:
    text = "j'aide ma grand-mère à faire son potager tous les étés"
    labels = _labels(text)
    assert not any("âgée" in label for label in labels), labels  # was: « Soins à la personne âgée »
    codes = _codes(text)
    assert not {"K1302", "J1501", "J1116"} & set(codes), codes  # was: 10 elderly-care jobs
    assert {"A1203", "A1208", "A1414", "A1433", "A1441"} & set(codes[:5]), codes


@pytest.mark.parametrize("text", ["je cuisine avec ma grand-mère",
                                  "j'aide mon papi au potager"])
def test_a_grandparent_as_company_is_not_care(text: str) -> None:
    assert "personne âgée" not in expand(text)


@pytest.mark.parametrize("text", ["j'aide ma grand-mère à se lever le matin",
                                  "je m'occupe de ma grand-mère, je l'aide à faire ses courses",
                                  "j'aide ma mamie à la maison"])
def test_helping_a_grandparent_with_daily_life_stays_care(catalog: Catalog, text: str) -> None:
    assert "personne âgée" in expand(text)
    assert "K1302" in _codes(text, 3)


# --- 4. everyday words ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "wanted", "absurd"), [
    ("je suis bénévole aux Restos du coeur, je distribue les colis", "K1205", "A1408"),
    ("je fais des maraudes pour donner à manger aux SDF", "K1204", "D1424"),
    ("je fais des heures de ménage chez des particuliers", "K1304", "K2307"),
    ("j'ai fait la castration du maïs", "A1419", "A1442"),
    ("je démonte et remonte des mobylettes", "I1607", "F1709"),
    ("je travaillais dans les champs de riz au Bangladesh", "A1419", "K1812"),
    ("j'aide à la collecte de la banque alimentaire au supermarché", "K1205", "K1505"),
])
def test_an_everyday_word_finds_its_trade(catalog: Catalog, text: str, wanted: str,
                                          absurd: str) -> None:
    codes = _codes(text)
    assert wanted in codes, codes
    assert absurd not in codes, codes


def test_the_aquarium_finds_the_animal_shop_after_animal_care(catalog: Catalog) -> None:
    # up to 7 jobs of a domain since 2026-11-30: ten animal-care jobs (A14, A15) come first,
    # then the animal shop, which sells aquariums (10th with a cap of 5, now 11th: « Voir 10
    # autres pistes » shows it); the fishmonger never comes
    codes = _codes("j'ai un aquarium et je m'occupe de mes poissons", 20)
    assert all(c[:3] in ("A14", "A15") for c in codes[:10]), codes
    assert "D1210" in codes[:12] and "D1105" not in codes, codes


# A neighbouring trade of the same domain may appear lower in the list (blind counsellor
# judgements call a wig-maker for braids, or a garden-machinery mechanic for car mechanics,
# "possible"), but never before the trade the words name: parks-and-gardens came first.
@pytest.mark.parametrize(("text", "wanted", "neighbour"), [
    ("je veux faire de la mécanique auto", "I1604", "I1618"),
    ("j'aime la mécanique auto", "I1604", "I1618"),
    ("je fais des tresses et des nattes à mes copines", "D1202", "D1215"),
])
def test_a_neighbouring_trade_comes_after_the_one_named(catalog: Catalog, text: str,
                                                        wanted: str, neighbour: str) -> None:
    codes = _codes(text)
    assert wanted in codes[:3], codes
    assert neighbour not in codes or codes.index(neighbour) > codes.index(wanted), codes


def test_an_everyday_word_is_not_read_by_its_letters(catalog: Catalog) -> None:
    assert not any("auto-école" in lab for lab in _labels("je veux faire de la mécanique auto"))
    assert not any("animaux" in lab for lab in _labels(
        "je suis bénévole aux Restos du coeur, je distribue les colis"))
    assert not any("castration" in lab for lab in _labels("j'ai fait la castration du maïs"))
    assert not any("déchets" in lab for lab in _labels(
        "je fais des heures de ménage chez des particuliers"))
    # the plain words said before anything is read
    assert "castration" not in written_out("j'ai fait la castration du maïs")
    assert written_out("j'ai aidé à récolter des dons") == "j'ai aidé à collecter des dons"
    assert written_out("je récolte les pommes") == "je récolte les pommes"


def test_a_glossary_word_is_found_without_its_accents() -> None:
    assert "nettoyage" in expand("je fais le menage dans des bureaux")


# --- 5. a verb is not the noun that shares its stem -----------------------------------------
@pytest.mark.parametrize(("text", "absurd"), [
    ("je regarde les étoiles", "regard"),           # « Installer des regards préfabriqués »
    ("j'ai essayé à l'atelier", "essayage"),        # « Procédures d'essayage »
    ("j'ai tenu la buvette", "tenue"),              # « bonne tenue du chantier »
    ("j'ai fait mon stage à l'école maternelle", "auto-école"),
    ("j'ai aidé à récolter des dons pour une association", "élevage"),
])
def test_a_verb_does_not_meet_a_noun_of_its_stem(catalog: Catalog, text: str,
                                                 absurd: str) -> None:
    assert not any(absurd in label for label in _labels(text, 10)), _labels(text, 10)


def test_stems_that_differ_in_meaning_stay_apart() -> None:
    assert tokens("auto-école") == ["autoecol"] and "ecol" in tokens("école maternelle")
    assert set(tokens("ménage")).isdisjoint(tokens("déchets ménagers"))
    assert tokens("je regarde, j'ai essayé, j'ai tenu") == []


@pytest.mark.parametrize(("text", "wanted"), [
    ("je regarde les étoiles", "K2409"),            # an astronomer
    ("j'ai tenu la buvette", "G1803"),              # a waiter, not a coil winder
    ("j'ai fait mon stage à l'école maternelle", "K1308"),  # the ATSEM
])
def test_the_noun_that_remains_finds_its_trade(catalog: Catalog, text: str, wanted: str) -> None:
    assert wanted in _codes(text), _codes(text)


# --- 6. "travailler", "métier" are no skill -------------------------------------------------
def test_work_and_trade_words_pull_no_generic_item(catalog: Catalog) -> None:
    fields = _labels("je travaillais dans les champs de riz au Bangladesh")
    assert not any("travailler" in label for label in fields), fields
    wish = _labels("je voudrais un métier manuel et créatif")
    assert not any("métier" in label for label in wish), wish  # « Nomenclature des … métiers »
    assert "K2112" not in _codes("je voudrais un métier manuel et créatif")  # orientation
