"""The entry level a ROME access text gives, sentence by sentence, and the levels diploma names
say. A QA pass found « Chef de travaux dans l'enseignement technique » at level 3 (and first
for someone who chose up to CAP): its text requires a Master and only says a CAP "peut être un
atout"; and « Pâtissier confiseur glacier traiteur (BTM) », level 4, listed up to CAP."""

from __future__ import annotations

import pytest

from tremplin.catalog.levels import (
    access_level,
    certification_level,
    diploma_level,
    speciality,
    twin_levels,
)

CHEF_DE_TRAVAUX = ("Cet emploi est accessible avec un diplôme d'Ingénieur ou un Master. Avoir un"
                   " CAP Agricole peut être un atout. Les niveaux d'études varient de CAP à"
                   " Bac +5.")


@pytest.mark.parametrize(("text", "level"), [
    # a diploma that helps, or the studies people have, do not lower what the way in requires
    (CHEF_DE_TRAVAUX, 7),
    ("Cet emploi est accessible avec un Bac + 2 en gestion.\nUn CAP dans le secteur de la"
     " maçonnerie peut être un atout.", 5),
    ("Cet emploi est accessible avec un Master en psychologie. Les formations sont généralement"
     " de niveau Bac + 3 à Bac +5.", 7),
    ("Cet emploi est accessible avec un Diplôme d'État de Docteur en Pharmacie, obligatoire pour"
     " exercer. Des formations complémentaires comme un Master peuvent être utiles mais ne sont"
     " pas obligatoires.", 8),
    # the way to the diploma the job requires is no way into the job
    ("Cet emploi est accessible après l'acquisition du Diplôme d'Etat d'infirmier anesthésiste"
     " (IADE).\nSuite au Diplôme d'Etat d'infirmier et 2 ans d'activité professionnelle, il est"
     " possible de faire la spécialisation.", 7),
])
def test_only_the_ways_in_decide_when_they_name_a_level(text: str, level: int) -> None:
    assert access_level(text) == level


@pytest.mark.parametrize(("text", "level"), [
    # another way in still counts, with experience or on its own
    ("Ce métier est accessible avec un diplôme de niveau Bac à Bac+2. Il est également"
     " accessible avec un CAP/BEP dans les mêmes secteurs, complété par une expérience.", 3),
    ("Ce métier est accessible avec un Master. Une Licence professionnelle peut également"
     " convenir.", 6),
    ("Cet emploi est accessible avec un diplôme de niveau Bac+5. Un niveau Bac+2 à Bac+3 est"
     " possible s'il est accompagné d'une expérience professionnelle significative.", 5),
    ("Cet emploi est accessible sans diplôme particulier. Un CAPA ou un Bac pro sont cependant"
     " appréciés.", 3),
    # a main statement that also says what helps is still a way in
    ("Cet emploi est accessible à partir du CAP ou Bac Pro, des formations spécifiques"
     " facilitent l'accès.", 3),
    # with no way in naming a level, the other sentences say it
    ("Les niveaux d'études varient de CAP à Bac.", 3),
    ("Cet emploi est accessible avec une expérience. Un BTS peut en faciliter l'accès.", 5),
    ("Cet emploi est accessible avec une expérience professionnelle.", None),
])
def test_other_ways_in_and_the_rest_still_count(text: str, level: int | None) -> None:
    assert access_level(text) == level


@pytest.mark.parametrize(("label", "level"), [
    ("Pâtissier confiseur glacier traiteur (BTM)", 4),
    ("Brevet Technique des Métiers (BTM) Maréchal-Ferrant", 4),
    ("Pâtissier chocolatier confiseur glacier traiteur (BM)", 5),
    ("Ebéniste (BTMS) option restauration", 5),
    ("Boucher charcutier traiteur (CTM)", 3),
    ("BP arts de la cuisine", 4),
    ("Certificat Professionnel de la Jeunesse, de l'Education Populaire et du Sport (CPJEPS)", 3),
    ("Expert en cybersécurité (MS)", 7),
    ("Titre d'ingénieur diplômé par l'Etat spécialité chimie", 7),
    ("DSAA design mention espace", 7),
    ("BTSM pêche et gestion de l'environnement marin", 5),
    # these exist at several levels: the name alone does not say
    ("CQP agent de sécurité", None), ("Titre professionnel cuisinier", None),
    ("MC sommellerie", None), ("Certificat de spécialisation apiculture", None),
    ("Habilitation Prévention et Secours Civiques de niveau 1 (PSC1)", None),
])
def test_diploma_kinds_read_from_the_head_or_an_acronym_in_brackets(label: str,
                                                                    level: int | None) -> None:
    assert diploma_level(label) == level
    assert certification_level(label) == level


def test_an_mc_or_cs_takes_the_level_of_the_onisep_training_of_its_speciality() -> None:
    twins = twin_levels([("MC (futur CS) sommellerie", 4), ("MC (futur CS) plâtrier", 3),
                         ("CS conduite d'un élevage caprin", 4), ("CAP pâtissier", 3),
                         ("MC (futur CS) technicien(ne) en réseaux électriques", 4)])
    assert certification_level("MC sommellerie", twins) == 4  # after a bac
    assert certification_level("Certificat de spécialisation sommellerie", twins) == 4
    assert certification_level("MC plâtrier", twins) == 3  # after a CAP
    assert certification_level("Certificat de spécialisation conduite d'un élevage caprin"
                               " mention agriculture biologique", twins) == 4
    assert certification_level("MC technicien en réseaux électriques", twins) == 4
    assert certification_level("MC solier", twins) is None  # no training of that speciality
    assert certification_level("BTS management commercial opérationnel", twins) == 5
    assert speciality("CAP pâtissier") == ()
