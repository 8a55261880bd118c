"""A fifth QA pass, on counsellors' blind verdicts (145 texts young people wrote, every job of
their top 10 judged sensible, possible or absurd; 64 absurd jobs in places 1 to 5): where or
through what something was done, read as what was done (the pupil's own school, the screen one
learns from); what was done for one's family wherever it was done (translating at the
doctor's); words in another sense (a trade fair's "salon", a clothes shop, a community's meals,
a robot built, working with one's hands, books read, fruit picked, sneakers, stories); the
glossary's words for customising, cleaning up a beach, sorting goods, a pupils' company and
moving house; two words joined by the stemmer; a name lost once neutralised ("chez une dame").
Each case failed before its rule; the sentences are the counsellors' and others of the same
kind (see docs/scoring.md, "From words to competences")."""

from __future__ import annotations

import pytest

from tests.recommend.reading import codes as _codes
from tests.recommend.reading import labels as _labels
from tremplin.catalog.read import Catalog
from tremplin.recommend import text

KITCHEN = {"G1602", "G1606", "G1609", "G1607", "G1601", "G1603"}
WELDERS = {"H2913", "H2915", "H2916", "H2917"}
SCHOOL_STAFF = {"K2147", "K2103", "K2106", "K2117", "K2146", "K2137", "K2104", "M1217"}
TRANSLATORS = {"E1123", "E1108"}
HAIR_SALON = {"D1220", "D1216", "D1202"}
LAUNDRY_SEWING = {"H2420", "B1813", "D1242", "K2201", "D1205", "B1810", "B1808", "B1803",
                  "D1236", "H2402", "D1207"}
MEALS_OF_CARE = {"J1402", "K1312", "K1302", "K1304"}


# --- 1. the pupil's own school says where, not what ------------------------------------------
@pytest.mark.parametrize("said", [
    "j'aime souder, j'ai essayé à l'atelier du lycée",  # was: 9 school jobs, none a welder
    "j'ai appris à souder à l'atelier du lycée pro",
])
def test_welding_at_school_is_welding(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert not SCHOOL_STAFF & set(codes), codes
    assert WELDERS & set(codes[:3]), codes


@pytest.mark.parametrize("said", [
    # was: a primary teacher 2nd, a boarding school's head 3rd
    "je suis délégué de classe et je parle pour les élèves au conseil de classe",
    "je suis déléguée de classe, je représente les élèves",
])
def test_a_class_delegate_speaks_for_classmates(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert not SCHOOL_STAFF & set(codes), codes
    assert "K1204" in codes[:3], codes  # Médiateur social
    assert "camarades" in text.without_setting(said)


def test_the_school_stays_where_one_works_or_what_is_no_ones_own() -> None:
    assert text.without_setting("j'aime souder, j'ai essayé à l'atelier du lycée") == (
        "j'aime souder, j'ai essayé")
    assert text.without_setting("en techno on a fabriqué un robot") == "on a fabriqué un robot"
    for kept in ("je suis surveillant au lycée", "je suis AESH au collège",
                 "j'ai fait un service civique dans une école pour aider les élèves",
                 "j'ai fait la caisse à la kermesse de l'école",
                 "je surveille les enfants à la cantine de l'école primaire"):
        assert text.without_setting(kept) == kept


# --- 2. the screen one learns from says how, not what -----------------------------------------
def test_cooking_learnt_from_youtube_is_cooking(catalog: Catalog) -> None:
    said = "je regarde des tutos sur youtube pour apprendre à cuisiner"
    codes = _codes(said)
    # was: Monteur vidéo, Technicien vidéo… first, the kitchen 9th
    assert codes[0] in KITCHEN, codes
    assert not {"L1507", "L1519", "L1505", "L1304", "L1514"} & set(codes), codes
    assert text.without_setting(said) == "j'apprends à cuisiner"


def test_make_up_learnt_from_tiktok_is_make_up(catalog: Catalog) -> None:
    codes = _codes("je regarde des tutos de maquillage sur tiktok")
    assert codes[0] in {"D1208", "L1501"}, codes  # was: influencer relations first
    assert not {"M1719", "E1101", "E1124", "E1104"} & set(codes), codes


@pytest.mark.parametrize(("said", "read"), [
    ("j'ai appris la guitare avec des vidéos youtube", "j'ai appris la guitare"),
    ("j'apprends à coder grâce à des tutos sur internet", "j'apprends à coder"),
    ("je regarde des vidéos de mécanique sur youtube", "j'apprends mécanique"),
])
def test_the_screen_is_left_out(said: str, read: str) -> None:
    assert text.without_setting(said) == read
    assert "montage vidéo" not in text.expansion(text.without_setting(said))


@pytest.mark.parametrize("said", [
    "je fais des lives de gaming sur twitch", "je fais des vidéos youtube",
    "j'ai une chaîne youtube, je filme et je fais le montage de mes vidéos",
    "je maquille mes copines et je fais des tutos"])
def test_videos_one_makes_stay(said: str) -> None:
    assert text.without_setting(said) == said


# --- 3. translating for one's family, wherever it was done -----------------------------------
@pytest.mark.parametrize("said", [
    "j'ai accompagné ma mère chez le médecin pour traduire",  # was: information médicale 1st
    "je traduis pour ma grand-mère à l'hôpital",  # was: eight care jobs first
    "je fais l'interprète pour mon père à la préfecture",  # was: an artist performer 3rd
])
def test_translating_for_ones_family_is_interpreting(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert set(codes[:3]) >= TRANSLATORS, codes
    assert not {"D1405", "J1307", "M1609", "K1214", "L1205", "J1116"} & set(codes[:5]), codes


# --- 4. words in another sense ----------------------------------------------------------------
@pytest.mark.parametrize("said", [
    "j'ai été hôtesse d'accueil dans un salon",  # was: a hair salon's manager 3rd
    "j'ai tenu un stand au salon de l'agriculture",  # was: hair salon jobs 1st and 2nd
])
def test_a_salon_with_visitors_is_a_trade_fair(catalog: Catalog, said: str) -> None:
    labels = _labels(said, 10)
    assert not any("coiffure" in label or "du salon" in label for label in labels), labels
    assert not HAIR_SALON & set(_codes(said, 5)), _codes(said, 5)


def test_a_hair_salon_stays_one() -> None:
    assert not text.other_senses("je fais le ménage dans un salon de coiffure")
    assert not text.other_senses("j'aide ma tante dans son salon, je fais les shampoings")


@pytest.mark.parametrize("said", [
    "j'ai fait l'inventaire dans un magasin de vêtements",  # was: 8 laundry and sewing jobs
    "je trie les vêtements donnés chez Emmaüs",  # was: 8 of them too
])
def test_clothes_as_goods_are_no_laundry(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert len(LAUNDRY_SEWING & set(codes)) <= 1, codes
    assert not LAUNDRY_SEWING & set(codes[:5]), codes


@pytest.mark.parametrize("said", [
    "j'aide à la mosquée pour organiser les repas du ramadan",  # was: a dietitian 2nd
    "je sers les repas pour les familles à la paroisse",  # was: a foster family 1st
    "on prépare les repas de l'aïd pour tout le quartier",
])
def test_a_communitys_meals_are_cooking_for_a_group(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert not MEALS_OF_CARE & set(codes), codes
    assert "G1607" in codes[:3], codes  # Employé de restauration collective


@pytest.mark.parametrize("said", [
    "en techno on a fabriqué un robot avec arduino",  # was: an industrial painter first
    "j'ai programmé un petit robot avec un raspberry pi",
])
def test_a_robot_built_is_robotics(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert not {"H3404", "H3403", "H3401", "H3402"} & set(codes), codes
    assert "H1208" in codes, codes  # Automaticien


def test_a_farms_robot_is_not_read_as_robotics() -> None:
    assert not text.other_senses("on a un robot de traite à la ferme")


@pytest.mark.parametrize("said", [
    "j'ai des troubles dys, j'aime bien travailler avec mes mains",  # was: site machinery hire
    "je suis très manuelle, j'aime travailler avec mes mains",  # was: two mechanics first
])
def test_working_with_ones_hands_is_no_getting_to_grips(catalog: Catalog, said: str) -> None:
    assert not any("prise en main" in label for label in _labels(said, 10))
    codes = _codes(said)
    assert not {"D1224", "D1427", "I1620", "I1603"} & set(codes), codes


def test_books_read_are_no_old_books(catalog: Catalog) -> None:
    said = "je lis beaucoup de livres et j'écris des histoires"
    labels = _labels(said, 10)
    assert not any("livres anciens" in label or "histoire du livre" in label
                   for label in labels), labels
    codes = _codes(said)
    assert codes[0] != "B1403" and "D1201" not in codes[:5], codes  # was: 1st and 5th
    assert "E1102" in codes, codes  # Ecrivain


PICKERS_AND_GROWERS = {"A1401", "A1405", "A1402", "A1433", "A1444", "A1414"}


@pytest.mark.parametrize("said", [
    "j'ai ramassé des fraises et des pommes dans une exploitation",  # was: a poultry farmer 3rd
    "j'ai récolté des tomates et des légumes dans une ferme",  # was: a poultry farmer 3rd
    "je ramasse des fraises l'été",  # was: Commis de cuisine first
])
def test_fruit_picked_is_no_farm_produce(catalog: Catalog, said: str) -> None:
    assert not any("élevage" in label for label in _labels(said, 10))
    codes = _codes(said)
    assert codes[0] in PICKERS_AND_GROWERS, codes
    assert "A1409" not in codes, codes  # Aviculteur


# --- 5. said in plain words: sneakers, stories ------------------------------------------------
def test_sneakers_are_shoes() -> None:
    assert text.written_out("je customise des baskets") == "je customise des sneakers"
    assert text.written_out("j'ai des nouvelles baskets") == "j'ai des nouvelles sneakers"
    assert "basket-ball" not in text.expand(text.written_out("je peins mes baskets"))
    for sport in ("je joue au basket", "je fais du basket en club", "le match de basket"):
        assert text.written_out(sport) == sport


@pytest.mark.parametrize("said", [
    "je customise des baskets avec de la peinture",  # was: Peintre en bâtiment first
    "je peins mes baskets et mes vestes en jean",
    "je customise des vestes en jean et des casquettes",
])
def test_customised_things_are_decorated(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert codes[0] == "B1302", codes  # Décorateur d'objets d'art
    assert not {"F1606", "F1611", "B1601", "H3303"} & set(codes[:3]), codes


def test_stories_are_tales() -> None:
    assert text.written_out("j'ai écrit des nouvelles et des poèmes") == (
        "j'ai écrit des récits et des poèmes")
    assert text.written_out("j'invente des histoires de dragons") == (
        "j'invente des récits de dragons")
    for kept in ("je lis les nouvelles du jour", "j'aime l'histoire",
                 "j'ai des nouvelles chaussures"):
        assert text.written_out(kept) == kept


def test_short_stories_written_are_writing(catalog: Catalog) -> None:
    said = "j'ai écrit des nouvelles et des poèmes"
    assert not any("nouvelles pièces" in label for label in _labels(said, 10))
    assert "K1602" not in _codes(said)  # was: a heritage curator 3rd


# --- 6. the glossary's words: a beach cleaned, goods sorted, a pupils' company, a move ---------
@pytest.mark.parametrize("said", [
    "j'ai participé au nettoyage de la plage avec une association",  # was: Plagiste first
    "avec les scouts on a nettoyé la forêt",
    "je ramasse les déchets au bord de la rivière le dimanche",
])
def test_cleaning_up_nature_is_caring_for_nature(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert not {"D1235", "K2204", "I1204", "K2205", "G1502", "K2202"} & set(codes), codes
    assert {"A1202", "A1207", "A1204", "G1240"} & set(codes[:5]), codes


def test_goods_sorted_at_a_food_bank_are_no_cooking(catalog: Catalog) -> None:
    codes = _codes("j'ai fait du bénévolat à la banque alimentaire, je triais les produits")
    assert not {"G1609", "G1610"} & set(codes[:3]), codes  # was: a cook, a pastry cook
    assert {"N1110", "D1507", "N1105"} & set(codes[:3]), codes


def test_a_pupils_company_is_no_mini_digger(catalog: Catalog) -> None:
    said = "pour un projet au lycée on a créé une mini entreprise qui vendait des tote bags"
    assert not any("mini" in label for label in _labels(said, 10))
    codes = _codes(said)
    assert not {"G1307", "H1206"} & set(codes), codes
    assert "K1804" in codes[:3], codes  # Conseiller en création d'entreprise


@pytest.mark.parametrize("said", [
    "j'ai fait des déménagements avec des potes pour des gens",  # was: handling machines 3rd
    "je fais des déménagements le week-end",
])
def test_moving_house_is_carrying_not_handling_machines(catalog: Catalog, said: str) -> None:
    codes = _codes(said)
    assert not {"I1112", "I1620", "I1616"} & set(codes), codes
    assert "N1102" in codes[:2], codes  # Déménageur


# --- 7. stems that joined two words -----------------------------------------------------------
def test_the_stemmer_keeps_a_delegate_and_a_forklift_apart() -> None:
    assert text.tokens("délégué") != text.tokens("déléguer")
    assert text.tokens("déléguée") == text.tokens("délégués")
    assert text.tokens("élévateur") != text.tokens("éleveur")


def test_a_class_delegate_is_no_manager(catalog: Catalog) -> None:
    said = "j'ai été délégué de classe pendant 3 ans"
    assert not any(label.startswith("déléguer") for label in _labels(said, 10))
    assert not {"M1304", "K1407", "K1416"} & set(_codes(said, 5))  # was: three directors first


@pytest.mark.parametrize("said", [
    "j'ai appris à conduire le chariot élévateur, j'ai le caces",  # was: a horse groom 9th
    "j'ai passé mon caces pour le chariot élévateur",  # was: four livestock farmers
])
def test_a_forklift_breeds_nothing(catalog: Catalog, said: str) -> None:
    assert not any("élev" in label for label in _labels(said, 10))
    codes = _codes(said)
    assert not {"A1510", "A1411", "A1409", "A1407", "A1410"} & set(codes), codes
    assert codes[0] == "N1101", codes  # Cariste


# --- 8. housework in someone's home -----------------------------------------------------------
@pytest.mark.parametrize("said", [
    "je fais le ménage chez une dame âgée",  # "une dame" is read "un monsieur"
    "je fais les courses et le ménage à la maison depuis que mon père est malade",
])
def test_housework_at_home_is_no_street_cleaning(catalog: Catalog, said: str) -> None:
    assert "employé familial" in text.expansion(text.written_out(said).replace(
        "une dame", "un monsieur"))
    codes = _codes(said)
    assert codes[0] == "K1304", codes  # Employé familial
    assert not {"K2307", "I1202", "D1304"} & set(codes), codes
