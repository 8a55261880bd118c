"""An ONISEP métier bearing a fiche's own name leads there, whatever its ROME v3 codes say:
ONISEP gives its « pâtissier/ère » only D1102 (bakers), so the CAP pâtissier led to the baker
and « Pâtissier » up to CAP showed only the « CAP chocolaterie-confiserie »."""

from __future__ import annotations

from tremplin.catalog.read import Catalog


def test_the_patissier_metier_and_its_trainings_lead_to_the_patissier_fiche(
        catalog: Catalog) -> None:
    fits = {str(code) for (code,) in catalog.query(
        "SELECT l.job_code FROM onisep_job_links l JOIN onisep_jobs o ON o.id = l.onisep_id"
        " WHERE o.masculine = 'pâtissier' AND l.title_fit = 1")}
    assert "D1104" in fits
    titles = [t.title for t in catalog.trainings_for_job("D1104")]
    assert "CAP pâtissier" in titles
    assert "MC (futur CS) pâtisserie de boutique" in titles
    # its link through ONISEP's own v3 code stays
    assert "CAP pâtissier" in [t.title for t in catalog.trainings_for_job("D1102")]


def test_only_a_fiche_s_own_name_links_across_v3_codes(catalog: Catalog) -> None:
    rows = catalog.query(
        "SELECT o.masculine, o.feminine, j.label_masculine, j.label_feminine"
        " FROM onisep_job_links l JOIN onisep_jobs o ON o.id = l.onisep_id"
        " JOIN jobs j ON j.code = l.job_code WHERE l.rome_v3 = ''")
    assert rows  # the pâtissier at least
    for masculine, feminine, fiche_m, fiche_f in rows:
        said = {str(masculine).lower(), str(feminine).lower()}
        assert said & {str(fiche_m).lower(), str(fiche_f).lower()}, rows
