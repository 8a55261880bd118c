"""A fourth QA pass with counsellors: a food bank's collection read as refuse collection and its
parcels as mail, a seller in a shop of some kind read as a clothes seller, a job named after
where it was done ("j'ai travaillé 5 ans dans le bâtiment comme maçon") not read as the
person's own, and two clean-ups (a word with two senses defined once; one list of French
determiners). Each case failed before its rule (see docs/scoring.md, "From words to
competences")."""

from __future__ import annotations

import pytest

from tests.recommend.reading import codes as _codes
from tests.recommend.reading import labels as _labels
from tests.recommend.reading import own as _own
from tests.recommend.reading import recs as _recs
from tremplin.catalog.read import Catalog
from tremplin.recommend import index as index_module
from tremplin.recommend import text
from tremplin.recommend.index import RecommendIndex, after_chez
from tremplin.recommend.own_jobs import own_jobs_of
from tremplin.recommend.text import expand, other_senses, written_out
from tremplin.recommend.wording import say

REFUSE = {"K2303", "K2302"}                 # Ripeur, Responsable de collecte de déchets
MAIL = {"M1603", "M1615", "M1618", "M1620"}  # Facteur, prospectus, courrier
SOCIAL = {"M1418", "K1201", "K1205", "K1302", "K1306", "K1311", "K1312"}


# --- 1. a food bank's collection is a drive for donations ------------------------------------
@pytest.mark.parametrize("said", [
    "je fais la collecte pour la banque alimentaire",
    "collecte de dons au supermarché pour les restos du coeur",
    "j'ai participé à la collecte nationale de la banque alimentaire",  # was: Ripeur first
    "je collecte des denrées pour la banque alimentaire",  # was: Ripeur 2nd
    "collecte de jouets pour le secours populaire",  # was: Ripeur, propreté urbaine first
    "je participe aux collectes de la banque alimentaire dans les supermarchés",
])
def test_a_charitys_collection_is_no_refuse_collection(catalog: Catalog, said: str) -> None:
    labels = _labels(said)
    assert not any("déchets" in label or "ordures" in label for label in labels), labels
    codes = _codes(said)
    assert not REFUSE & set(codes), codes
    assert SOCIAL & set(codes[:3]), codes


def test_the_collection_is_said_in_that_sense_only_about_charity() -> None:
    assert "collect" not in written_out("je fais la collecte pour la banque alimentaire")
    assert written_out("je collecte des denrées pour les restos") == (
        "je recueille des denrées pour les restos")
    # donations named: « collecter des dons » is the right item, the verb stays
    assert written_out("je collecte des dons pour les restos") == (
        "je collecte des dons pour les restos")
    for other in ("bénévole pour la collecte des déchets sur la plage",
                  "je participe à la collecte de sang avec une association",
                  "collecte des données pour une enquête", "je fais la collecte du lait"):
        assert written_out(other) == other


def test_a_refuse_collection_stays_one(catalog: Catalog) -> None:
    assert "K2303" in _codes("bénévole pour la collecte des déchets sur la plage", 3)


# --- 2. a charity's parcels are food parcels -------------------------------------------------
@pytest.mark.parametrize("said", [
    "je distribue les colis aux Restos du cœur",  # was: Facteur first
    "bénévole aux restos du coeur, je distribue les colis alimentaires",  # was: Facteur first
    "je distribue des colis alimentaires aux familles",  # was: prospectus distributor first
    "je prépare les colis au secours populaire",
])
def test_a_charitys_parcels_are_no_mail(catalog: Catalog, said: str) -> None:
    labels = _labels(said, 10)
    assert not any("courrier" in label for label in labels), labels
    codes = _codes(said)
    assert not MAIL & set(codes), codes
    assert SOCIAL & set(codes[:3]), codes


@pytest.mark.parametrize("said", ["je distribue des colis alimentaires",  # was: M1615, M1603
                                  "je fais la distribution des colis à la banque alimentaire"])
def test_food_parcels_come_before_the_postman(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert codes[0] in SOCIAL, codes
    assert not MAIL & set(codes[:5]), codes


def test_food_aid_says_what_it_is() -> None:
    assert "aide aux personnes en difficulté" in expand("je distribue des colis alimentaires")
    assert other_senses(expand("je distribue des colis alimentaires"))  # mail kept out
    assert written_out("je distribue les colis aux Restos du cœur") == (
        "je distribue les colis alimentaires pour les familles en difficulté aux Restos du cœur")


def test_other_parcels_stay_parcels(catalog: Catalog) -> None:
    said = "je livre des colis en scooter pour un commerce de mon quartier"
    assert written_out(said) == said
    assert _codes(said)[0] == "N4104"  # Coursier
    assert {"N1103", "N1110"} & set(_codes("j'ai travaillé en intérim dans un entrepôt, je "
                                           "préparais les colis", 3))


# --- 3. a shop's kind says what its seller sells ---------------------------------------------
@pytest.mark.parametrize(("said", "code"), [
    ("j'ai été vendeuse dans un magasin de sport", "D1211"),  # was: D1214, prêt-à-porter
    ("vendeur dans une boutique de sport", "D1211"),
    ("vendeur au rayon sport", "D1211"),
    ("vendeuse dans un magasin de jouets", "D1221"),  # was: D1221 and D1214
    ("vendeur dans un magasin de bricolage", "D1212"),  # was: D1212 and D1214
    ("vendeur chez Decathlon au rayon vélo", "D1211"),
    ("vendeuse dans un magasin", "D1214"),  # the shop alone: « Vendeur en magasin »
])
def test_a_shops_kind_names_the_seller(index: RecommendIndex, said: str, code: str) -> None:
    assert _own(index, said) == [code]


def test_a_sports_shop_seller_gets_the_sports_goods_seller(index: RecommendIndex) -> None:
    said = "j'ai été vendeuse dans un magasin de sport"
    own = own_jobs_of(index, said)
    assert [index.title_label[pos] for pos in own.values()] == ["Vendeur en articles de sport"]
    codes = _codes(said)
    # the clothes seller may follow: a move ROME lists from the sports goods seller
    assert codes[0] == "D1211", codes


# --- 4. the job named after where or when it was done ----------------------------------------
@pytest.mark.parametrize(("said", "code"), [
    ("j'ai travaillé 5 ans dans le bâtiment comme maçon", "F1703"),
    ("pendant 2 ans j'ai bossé comme maçon dans le BTP", "F1703"),
    ("j'ai travaillé dans le bâtiment en tant que maçon", "F1703"),
    ("j'ai bossé dans un resto comme serveuse", "G1803"),
    ("je travaille à l'hôpital comme aide-soignante", "J1501"),
    ("en 2020 j'ai travaillé dans un resto comme serveuse", "G1803"),
    ("j'ai travaillé en usine comme cariste pendant 2 ans", "N1101"),
    ("j'ai travaillé dans un magasin de sport comme vendeuse", "D1211"),
    ("I worked in a restaurant as a waiter", "G1803"),
])
def test_a_job_named_after_where_it_was_done_is_the_persons(index: RecommendIndex, said: str,
                                                            code: str) -> None:
    assert _own(index, said) == [code]


@pytest.mark.parametrize("said", ["ma mère travaille dans un resto comme serveuse",
                                  "je cuisine à la maison comme un chef",
                                  "j'aide mon père dans son garage comme mécanicien"])
def test_someone_elses_job_or_a_likeness_stays_no_own_job(index: RecommendIndex,
                                                          said: str) -> None:
    assert _own(index, said) == []


def test_the_mason_of_five_years_is_not_told_to_learn_his_trade(catalog: Catalog) -> None:
    mason = _recs("j'ai travaillé 5 ans dans le bâtiment comme maçon")[0]
    assert mason.code == "F1703"
    assert say("fr", "own_job") in mason.why.notes
    assert mason.why.missing == [], mason.why.missing


# --- 5. clean-ups ------------------------------------------------------------------------------
def test_the_glossarys_words_for_mowing_are_matched_word_by_word() -> None:
    read = "je tonds la pelouse"
    lexical = text.word_by_word(read, text.expansion(read))
    # the person's word is kept out (« Techniques de tonte d'ovins »), the glossary's are not:
    # "pelouse" says "tonte", which the strip of "tonds" took out of it too
    assert "tonds" not in lexical
    assert "tonte" in lexical and "tondre" in lexical
    waiter = "serveur puis barman"
    assert "serveur" not in text.word_by_word(waiter, text.expansion(waiter))


def test_a_word_with_two_senses_is_defined_once() -> None:
    senses = {sense.word.pattern for sense in text._TWO_SENSES}
    assert not senses & {pattern.pattern for pattern, _ in text._NAMES + text._CHAINS}
    assert [labels for _, labels in text._OTHER_SENSES] == [s.other for s in text._TWO_SENSES]
    assert "service en salle" in expand("serveur puis barman")
    assert "tondre le gazon" in expand("tonte, taille de haies")
    assert other_senses(expand("tonte, taille de haies"))
    assert not other_senses(expand("tonte des moutons chez mon oncle"))


def test_one_list_of_determiners_for_a_place_one_goes_to() -> None:
    # was: "chez ta coiffeuse" a place, "chez tes / nos / vos / ces …" not
    assert all(after_chez(["chez", d, "coiffeur"], 2) for d in index_module.DETERMINERS)
    assert not after_chez(["chez", "amazon", "cariste"], 2)  # an employer's name
