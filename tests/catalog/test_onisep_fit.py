"""ONISEP métiers are linked to the ROME 4.0 fiches of their v3 code that they name."""

from __future__ import annotations

from tremplin.catalog.onisep_fit import fitting, name_words, word_share
from tremplin.catalog.read import Catalog


def test_name_words_fold_accents_articles_and_plurals() -> None:
    assert name_words("Agents d'escale") == {"agent", "escale"}
    assert name_words("Dépanneur/euse en électroménager") == {"depanneur", "euse", "electromenager"}


def test_the_fiches_sharing_most_words_fit_and_ties_all_fit() -> None:
    titles = {"A": [name_words("Technicien de maintenance éolien")],
              "B": [name_words("Technicien de maintenance en informatique")],
              "C": [name_words("Électricien du bâtiment")]}
    names = [name_words("technicien de maintenance éolienne"), name_words("éolien")]
    assert word_share(names, titles["A"]) == 1.0  # "éolien" alone is one of the names
    assert fitting(names, ["A", "B", "C"], titles) == {"A"}
    assert fitting([name_words("technicien de maintenance")], ["A", "B", "C"], titles) == {"A", "B"}


def test_when_no_fiche_shares_a_word_all_stay_linked() -> None:
    titles = {"A": [name_words("Boulanger")], "B": [name_words("Pâtissier")]}
    assert fitting([name_words("mitron")], ["A", "B"], titles) == {"A", "B"}


def test_the_phone_repairer_no_longer_gets_farm_machinery_as_his_own(catalog: Catalog) -> None:
    # ONISEP's "responsable du service après-vente" and "dépanneur en électroménager" both name
    # ROME v3 I1402, which ROME 4.0 split into four fiches; the phone repairer (I1407) is
    # named by neither, so he gets none of their trainings (bac pro matériels agricoles…)
    fits = dict(catalog.query("SELECT job_code, title_fit FROM onisep_job_links l JOIN"
                              " onisep_jobs o ON o.id = l.onisep_id WHERE o.name LIKE"
                              " 'dépanneur/euse en électroménager'"))
    assert fits["I1402"] == 1 and fits["I1407"] == 0
    assert catalog.query("SELECT COUNT(*) FROM onisep_job_links WHERE job_code = 'I1407'")[0][0]
    assert catalog.trainings_for_job("I1407") == []
    appliances = catalog.trainings_for_job("I1402")
    assert appliances and not any("agricole" in t.title for t in appliances)


def test_most_links_through_split_codes_are_narrowed(catalog: Catalog) -> None:
    ((links, fitting_links),) = catalog.query(
        "SELECT COUNT(*), SUM(title_fit) FROM onisep_job_links")
    assert fitting_links < links / 2  # a v3 code often became many fiches
    (fiches_with_own,) = catalog.query(
        "SELECT COUNT(DISTINCT job_code) FROM onisep_job_links WHERE title_fit = 1")[0]
    assert fiches_with_own > 700
