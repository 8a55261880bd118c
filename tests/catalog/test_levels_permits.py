"""What access texts and diploma names say of a level, beyond the diploma kinds (QA pass of
2026-11-29 on the fiches whose level was two or more below what ROME says): a licence that is
a permit is no university degree, "sans formation" or "Aucun diplôme n'est requis" means no
diploma, a civil-service concours says its level by its category, and a medical doctorate is
level 8 whatever years the sentence counts."""

from __future__ import annotations

import pytest

from tremplin.catalog.levels import access_level, certification_level, diploma_level


@pytest.mark.parametrize(("label", "level"), [
    # permits of the same name: Pilote de drone was level 6 by its « Licence de pilote »
    ("Licence de pilote d'aéronef léger pour avion LAPL (A) Part FCL", None),
    ("Licence JAR 66 B1 (entretien en ligne sur la cellule, les groupes motopropulseurs)", None),
    ("Licence de maintenance d'aéronef Partie-66 catégorie B1-1 avion à turbine", None),
    ("Licence de conducteur de train", None),
    # the degree still is
    ("Licence mention droit", 6), ("Licence tourisme", 6), ("Licence pro mention technico-"
                                                           "commercial", 6),
    ("Licence sciences et techniques des activités physiques et sportives (STAPS)", 6),
    # a business school's "DES", not the medical one
    ("Diplôme d'études spécialisées en management international", None),
    ("Diplôme d'études spécialisées pneumologie", 8),
])
def test_a_licence_that_is_a_permit_says_no_level(label: str, level: int | None) -> None:
    assert diploma_level(label) == level
    assert certification_level(label) == level


@pytest.mark.parametrize("text", [
    # Conducteur de train was level 6, Restaurateur ambulant 6, Agent de talent 6
    "L’obtention de la licence européenne de conducteur de train (délivré par l’EPSF) et une"
    " attestation d’habilitation par l’employeur sont également requises.",
    "Dans le cas de vente de boissons alcoolisées (moins de 18 degrés) après 22H, une petite"
    " licence de vente à emporter est nécessaire.",
    "Une autorisation d'exercer (licence annuelle d'agent) délivrée par le ministère compétent"
    " peut être exigée.",
    "Un permis d'exploitation est obligatoire ainsi que l'obtention de la licence IV.",
])
def test_access_texts_naming_a_permit_licence_name_no_level(text: str) -> None:
    assert access_level(text) is None


def test_a_licence_degree_in_an_access_text_still_counts() -> None:
    assert access_level("Cet emploi est accessible avec une Licence (Bac +3) ou un Master.") == 6
    assert access_level("Cet emploi est accessible avec un diplôme de niveau licence à master"
                        " en logistique.") == 6


@pytest.mark.parametrize(("text", "level"), [
    ("Cet emploi est accessible sans formation. Une formation spécifique en gestion des déchets"
     " peut être un atout.", 3),
    # was 4, from "Une formation de type Bac Professionnel commerce … peuvent être pertinentes"
    ("Cet emploi est accessible sans formation et sans certification obligatoire. Une formation"
     " de type Bac Professionnel commerce, ou un Bac + 2 BTS peuvent être pertinentes.", 3),
    ("Cet emploi est accessible sans certification, car il n'existe pas de formation"
     " spécialisée en France.", 3),
    ("Cet emploi est accessible après une formation de 8 mois à l'École des Sous-officiers."
     " Aucun diplôme n'est requis pour accéder aux formations.", 3),
    ("Aucun diplôme, ni aucune qualification ne sont requis à ce jour pour exercer des activités"
     " de préparation mentale. Cependant il est recommandé de suivre une formation de niveau"
     " Bac+2 à Bac+5 en psychologie du sport.", 3),
    ("Il n'existe pas de diplôme obligatoire pour devenir danseur professionnel.", 3),
    # no *specific* diploma for a concours that asks a bac is not "no diploma"
    ("Cet emploi est accessible avec un diplôme de niveau Bac via un concours de catégorie B."
     " Aucun diplôme spécifique n'est requis pour se présenter au concours.", 4),
])
def test_texts_saying_no_diploma_is_needed_give_level_3(text: str, level: int) -> None:
    assert access_level(text) == level


@pytest.mark.parametrize(("text", "level"), [
    # the lowest diploma each category's external concours asks (A licence, B bac, C none)
    ("Fonctionnaire de la catégorie B de la fonction publique d'État, il est obligatoire de"
     " passer un concours spécifique à l'administration pénitentiaire.", 4),
    ("Cet emploi est accessible via un concours de catégorie B de la fonction publique.", 4),
    ("Cet emploi est accessible par concours de la fonction publique catégorie B.", 4),
    ("Fonctionnaire de catégorie A de la fonction publique d'État, il est obligatoire de passer"
     " le concours spécifique.", 6),
    ("Il est également accessible par le concours de catégorie C d'agent technique.", 3),
    # read only when the text names no level: the Master stays
    ("Cet emploi est accessible avec un diplôme de niveau Bac +5 dans le domaine du droit.\n"
     "L'accès aux emplois de la fonction publique s'effectue par voie de concours de catégorie"
     " A.", 7),
    # a driving licence's category is no concours
    ("Cet emploi est accessible avec un Permis de conduire catégorie B, obligatoire pour la"
     " conduite.", None),
])
def test_a_civil_service_category_gives_its_level_when_no_level_is_named(
        text: str, level: int | None) -> None:
    assert access_level(text) == level


def test_the_diploma_a_commissaire_aux_comptes_must_hold_is_level_7() -> None:
    # was 5, from an ONISEP métier of another fiche of its v3 code
    assert access_level("Cet emploi est accessible avec un Diplôme d'Expertise Comptable (DEC),"
                        " qui est obligatoire pour exercer.") == 7


@pytest.mark.parametrize(("text", "level"), [
    # Radiologue, Endocrinologue, Gastro-entérologue were 7, shown for "up to bac + 5"
    ("Cet emploi est accessible avec un diplôme Bac + 7 docteur en médecine et un diplôme"
     " d'études spécialisées en radiologie, qui est obligatoire.", 8),
    ("Cet emploi est accessible avec un diplôme de docteur en médecine Bac + 6 et le diplôme"
     " d'études spécialisées endocrinologie.", 8),
    ("Cet emploi est accessible avec un Diplôme d’Etat de Docteur en Pharmacie ou en Médecine,"
     " de niveaux Bac+6 à Bac+8.", 8),
    # another diploma named beside it is another way in
    ("Cet emploi est accessible avec une Licence professionnelle Santé, un Master"
     " Pharmaco-épidémiologie ou un Diplôme d’État de docteur en médecine ou en pharmacie.", 6),
    ("Cet emploi est accessible avec un Master (Bac +5) ou un Doctorat (Bac +8).", 7),
    ("Cet emploi est accessible avec un diplôme de niveau Bac+5 à Bac+8, tels qu'un Master en"
     " géosciences ou un Doctorat en volcanologie.", 7),
])
def test_a_medical_doctorate_is_level_8_whatever_years_are_counted(text: str, level: int) -> None:
    assert access_level(text) == level
