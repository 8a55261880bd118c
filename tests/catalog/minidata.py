"""A tiny hand-written dataset in the publishers' formats, written into a temporary folder.

Three ROME fiches, two ONISEP métiers and trainings, five places. Tests derive malformed
variants from it (missing column, bad encoding, dangling reference, truncated file)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

ROME_DIR = "rome-4.0-v99"
SUFFIX = "_v499_utf8.csv"

ROME_TABLES: dict[str, list[list[str]]] = {
    "grand_domaine": [["code_grand_domaine", "libelle_grand_domaine"],
                      ["D", "Commerce, Vente et Grande distribution"], ["J", "Santé"]],
    "domaine_professionnel": [["code_domaine_professionnel", "libelle_domaine_professionnel"],
                              ["D11", "Commerce alimentaire"], ["J15", "Soins paramédicaux"]],
    "referentiel_code_rome": [
        ["code_rome", "code_fiche_metier", "code_ogr", "libelle_rome", "transition_eco",
         "transition_num", "transition_demo", "emploi_reglemente", "emploi_cadre",
         "code_rome_parent"],
        ["D1102", "1", "101", "Boulanger / Boulangère", "Emploi Blanc", "N", "N", "N", "N", "D1102"],
        ["D1199", "2", "102", "Fournier / Fournière de pains anciens", "", "", "", "", "", "D1102"],
        ["J1506", "3", "103", "Infirmier / Infirmière en soins généraux", "", "N", "O", "O", "N",
         "J1506"],
    ],
    "referentiel_code_rome_riasec": [["code_rome", "riasec_majeur", "riasec_mineur"],
                                     ["D1102", "R", "C"], ["D1199", "R", ""], ["J1506", "S", "I"]],
    "cr_gd_dp": [["code_rome", "libelle_rome", "code_grand_domaine", "libelle_grand_domaine",
                  "code_domaine_professionel", "libelle_domaine_professionel"],
                 ["D1102", "Boulanger", "D", "Commerce", "D11", "Commerce alimentaire"],
                 ["D1199", "Fournier", "D", "Commerce", "D11", "Commerce alimentaire"],
                 ["J1506", "Infirmier", "J", "Santé", "J15", "Soins paramédicaux"]],
    "texte": [["code_rome", "code_compo_bloc", "libelle_type_texte", "position_phrase",
               "libelle_texte"],
              ["D1102", "3", "definition", "2", "Cuit le pain chaque matin."],
              ["D1102", "3", "definition", "1", "Prépare la pâte à partir de l''ancienne recette."],
              ["D1102", "4", "acces_metier", "1", "Accessible avec un CAP."],
              ["J1506", "3", "definition", "1", "Soigne les patients."]],
    "referentiel_appellation": [
        ["code_ogr", "libelle_appellation_long", "libelle_appellation_court", "code_rome",
         "transition_eco", "transition_num", "transition_demo", "emploi_reglemente",
         "emploi_cadre", "classification", "origine", "code_rome_parent", "peu_usite"],
        ["201", "Boulanger / Boulangère", "Boulanger / Boulangère", "D1102", "", "", "", "", "",
         "PRINCIPALE", "", "D1102", "N"],
        ["202", "Ouvrier boulanger / Ouvrière boulangère de nuit", "Ouvrier boulanger", "D1102",
         "", "", "", "", "", "SYNONYME", "", "D1102", "O"],
        ["203", "Fournier / Fournière", "Fournier", "D1199", "", "", "", "", "", "PRINCIPALE", "",
         "D1102", "N"],
        ["204", "Infirmier / Infirmière", "Infirmier", "J1506", "", "", "", "", "", "PRINCIPALE",
         "", "J1506", "N"],
    ],
    "referentiel_macro_competence_riasec": [["code_ogr", "riasec_majeur", "riasec_mineur"],
                                            ["301", "R", ""], ["302", "S", "C"]],
    "referentiel_competence": [
        ["code_ogr", "nature", "libelle_competence", "definition", "code_ogr_macro_comp",
         "code_macro_comp", "cat_comp", "sous_cat_comp", "transition_eco", "transition_num",
         "libelle_heterogeneite", "libelle_origine"],
        ["301", "Macro-compétence", "Fabriquer des produits de boulangerie", "", "", "1A1",
         "Savoir-faire", "Technique", "", "", "", ""],
        ["302", "Macro-compétence", "Faire preuve de bienveillance", "", "", "1B1",
         "Savoir-être professionnel", "Transverse", "", "", "", ""],
        ["311", "Compétence", "Pétrir la pâte", "", "301", "", "Savoir-faire", "Technique", "",
         "", "", ""],
        ["312", "Compétence", "Réaliser un pansement", "", "", "", "Savoir-faire", "Technique",
         "", "", "", ""],
    ],
    "referentiel_savoir": [["code_ogr_savoir", "libelle_savoir", "categorie_savoir",
                            "sous_categorie_savoir", "transition_eco", "transition_num"],
                           ["401", "Règles d'hygiène alimentaire", "Normes et procédés",
                            "Hygiène", "", ""],
                           ["402", "Diplôme d'État d'infirmier", "Certifications et habilitations",
                            "Certifications", "", ""]],
    "referentiel_contexte_travail": [["code_ogr", "libelle_cont_travail", "code_type_cont_trav",
                                      "libelle_type_cont_trav"],
                                     ["501", "Travail de nuit", "2", "Horaires et durée du travail"]],
    "descriptif_rubrique": [["code_rubrique", "code_compo_bloc", "position_rubrique",
                             "libelle_rubrique"],
                            ["1", "5", "1", "Savoir-faire"],
                            ["2", "5", "2", "Savoir-être professionnels"],
                            ["3", "5", "3", "Savoirs"]],
    "liens_rome_referentiels": [
        ["code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"],
        ["D1102", "1", "", "101"], ["D1102", "2", "", "201"], ["D1102", "2", "", "202"],
        ["D1102", "5", "1", "311"], ["D1102", "5", "1", "301"], ["D1102", "5", "3", "401"],
        ["D1102", "6", "", "501"], ["D1199", "5", "1", "311"], ["J1506", "5", "1", "312"],
        ["J1506", "5", "2", "302"], ["J1506", "5", "3", "402"], ["J1506", "6", "", "501"],
    ],
    "coherence_item": [["code_rome", "code_ogr", "coeur_metier"],
                       ["D1102", "311", "Principale"], ["D1102", "401", ""],
                       ["J1506", "312", "Émergente"]],
    "rubrique_mobilite": [["code_rome", "code_rome_cible", "numero_ordre"],
                          ["D1102", "D1199", "1"], ["D1199", "D1102", "1"]],
    "centre_interet": [["code_centre_interet", "libelle_centre_interet",
                        "definition_centre_interet"],
                       ["1", "J'ai envie de créer", "Créer de ses mains."]],
    "arborescence_centre_interet": [["code_centre_interet", "libelle_centre_interet",
                                     "code_ogr_rome", "code_rome", "libelle_rome", "principal"],
                                    ["1", "J'ai envie de créer", "101", "D1102", "Boulanger",
                                     "oui"]],
    "secteur_activite": [["code_sect_activite", "libelle_sect_activite",
                          "definition_sect_activite"], ["10", "Alimentaire", "Nourrir."]],
    "sous_secteur_activite": [["code_ss_sect_activite", "libelle_ss_sect_activite",
                               "definition_ss_sect_activite", "code_sect_activite"],
                              ["11", "Boulangerie", "", "10"]],
    "arborescence_secteur_activite": [["code_sect_activite", "libelle_sect_activite",
                                       "code_ss_sect_activite", "libelle_ss_sect_activite",
                                       "code_ogr_rome", "code_rome", "libelle_rome", "principal"],
                                      ["10", "Alimentaire", "11", "Boulangerie", "101", "D1102",
                                       "Boulanger", "oui"]],
    "secteur_naf": [["code_tech_secteur_naf", "code_secteur_naf", "libelle_secteur_naf"],
                    ["1", "10", "Industries alimentaires"]],
    "arborescence_secteur_naf": [["code_secteur_naf", "libelle_secteur_naf", "code_ogr_rome",
                                  "code_rome", "libelle_rome"],
                                 ["10", "Industries alimentaires", "101", "D1102", "Boulanger"]],
    "themes": [["code_theme", "libelle_theme", "definition_theme"],
               ["001", "Métiers de bouche", "Nourrir les gens."]],
    "arborescence_thematique": [["code_theme", "libelle_theme", "code_ogr_rome", "code_rome",
                                 "libelle_rome"], ["001", "Métiers de bouche", "101", "D1102",
                                                   "Boulanger"]],
}

VERSION_TXT = "Numero de version : 99\n\nDate de publication : 01/02/2030\n"

METIERS_XML = """<?xml version="1.0" encoding="UTF-8"?><metiers>
<metier><identifiant>MET.1</identifiant><nom_metier>boulanger/ère</nom_metier>
<libelle_feminin>boulangère</libelle_feminin><libelle_masculin>boulanger</libelle_masculin>
<synonymes><synonyme><nom_metier>mitron/ne</nom_metier><libelle_feminin>mitronne</libelle_feminin>
<libelle_masculin>mitron</libelle_masculin></synonyme></synonymes>
<romesV3><romeV3>D1102</romeV3></romesV3>
<accroche_metier><![CDATA[<p>Le pain, <b>c'est</b> sa passion.</p><script>alert(1)</script>]]></accroche_metier>
<niveau_acces_min><id>REF.1</id><libelle>CAP ou équivalent</libelle></niveau_acces_min>
<formations_min_requise><formation_min_requise><id>FOR.2</id><libelle>x</libelle></formation_min_requise>
</formations_min_requise></metier>
<metier><identifiant>MET.2</identifiant><nom_metier>infirmier/ère</nom_metier>
<libelle_feminin>infirmière</libelle_feminin><libelle_masculin>infirmier</libelle_masculin>
<romesV3><romeV3>J1506</romeV3></romesV3></metier>
</metiers>"""

FORMATIONS_XML = """<?xml version="1.0" encoding="UTF-8"?><formations>
<formation><identifiant>FOR.1</identifiant><libelle_complet>CAP boulanger</libelle_complet>
<sigle>CAP</sigle><type_Formation><type_formation_libelle>certificat d'aptitude professionnelle</type_formation_libelle></type_Formation>
<duree_formation>2 ans</duree_formation><url>https://www.francecompetences.fr/recherche/rncp/1/</url>
<niveau_certification>niveau 3 (CAP)</niveau_certification>
<metiers_formation><metier><id>MET.1</id></metier></metiers_formation></formation>
<formation><identifiant>FOR.2</identifiant><libelle_complet>BP boulanger</libelle_complet>
<sigle>BP</sigle><duree_formation>2 ans</duree_formation><url>https://www.onisep.fr/x</url>
<niveau_certification>niveau 4 (bac ou équivalent)</niveau_certification>
<metiers_formation/></formation>
<formation><identifiant>FOR.3</identifiant><libelle_complet>Diplôme d'État d'infirmier</libelle_complet>
<url>javascript:alert(1)</url>
<niveau_certification>niveau 6 (bac + 3)</niveau_certification>
<metiers_formation><metier><id>MET.2</id></metier></metiers_formation></formation>
</formations>"""

CNFS = [
    {"id": "c1", "nom": "Médiathèque du Centre", "services": "Prendre en main un ordinateur",
     "commune": "Paris", "code_postal": "75004", "adresse": "1 rue de Rivoli",
     "latitude": 48.8556, "longitude": 2.3522, "horaires": "Mo-Fr 09:00-12:00",
     "date_maj": "2022-05-09"},
    {"id": "c2", "nom": "Espace numérique de Lyon", "services": "", "commune": "Lyon",
     "code_postal": "69001", "adresse": "2 place des Terreaux", "latitude": 45.7676,
     "longitude": 4.8344, "horaires": "", "date_maj": "2022-04-01"},
]
DATA_INCLUSION = [
    {"id": "d1", "nom": "Mission locale de Paris", "services": "Favoriser mon insertion professionnelle",
     "typologie": "ML", "commune": "Paris", "code_postal": "75011", "adresse": "3 rue Oberkampf",
     "latitude": 48.8650, "longitude": 2.3780, "date_maj": "2022-06-01"},
    # The same place as c1 published twice: kept once.
    {"id": "d2", "nom": "Médiathèque du centre", "services": "", "commune": "Paris",
     "code_postal": "75004", "adresse": "1 rue de Rivoli", "latitude": 48.8556,
     "longitude": 2.3522, "date_maj": "2022-06-01"},
]
SERVICES = [{"id": "s1", "structure_id": "d1", "nom": "Atelier CV"}]
FS_HEADER = ["id_fs", "insee_dep", "lib_fs", "adresse", "complement_adresse", "insee_com",
             "code_postal", "lib_com", "latitude", "longitude", "mail", "telephone", "h_lundi",
             "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi", "commentaire",
             "itinerance", "format_fs", "groupe", "labellisation"]
FS_ROW = ["1", "75", "France services Paris 10", "4 rue du Faubourg", "", "75110", "75010",
          "Paris", "48.8720", "2.3600", "", "01 02 03 04 05", "09:00 - 12:00", "", "", "", "",
          "", "", "Non", "Site principal", "", ""]
AIDANTS = [{"Data pass ID": "9", "Name": "PIMMS Bourg", "Adresse": "5 rue Basse",
            "Code postal": 1000, "commune": "", "date_maj": "15/03/2021"}]


def _csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue()


def rome_file(root: Path, table: str) -> Path:
    return root / ROME_DIR / f"unix_{table}{SUFFIX}"


def write_minidata(root: Path) -> Path:
    """Write the dataset under root (the data dir) and return root."""
    rome = root / ROME_DIR
    rome.mkdir(parents=True)
    for table, rows in ROME_TABLES.items():
        rome_file(root, table).write_text(_csv_text(rows), encoding="utf-8")
    # The publisher's NAF tree is cp1252 despite its name: reproduce the quirk.
    naf = rome_file(root, "arborescence_secteur_naf")
    naf.write_bytes(naf.read_text(encoding="utf-8").replace(
        "Industries", "Industries (activités)").encode("cp1252"))
    (rome / "version.txt").write_text(VERSION_TXT, encoding="utf-8")
    onisep = root / "onisep-ideo-2099"
    onisep.mkdir()
    (onisep / "Onisep_Ideo_Fiches_metiers_01022030.xml").write_text(METIERS_XML, encoding="utf-8")
    (onisep / "Onisep_Ideo_Fiches_Formations_01022030.xml").write_text(
        FORMATIONS_XML, encoding="utf-8")
    places = root / "inclusion-places-2099"
    places.mkdir()
    (places / "cnfs.json").write_text(json.dumps(CNFS), encoding="utf-8")
    (places / "data-inclusion.json").write_text(json.dumps(DATA_INCLUSION), encoding="utf-8")
    (places / "data-inclusion-services.json").write_text(json.dumps(SERVICES), encoding="utf-8")
    (places / "liste-fs-20221201.csv").write_text(_csv_text([FS_HEADER, FS_ROW]), encoding="utf-8")
    (places / "aidants-connect.json").write_text(json.dumps(AIDANTS), encoding="utf-8")
    return root
