from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from pypdf import PdfReader

from tremplin.catalog.read import Catalog
from tremplin.guide.journey import Journey
from tremplin.guide.summary import (
    build_summary,
    find_fallback_font,
    render_summary_pdf,
    starts_right_to_left,
)

from .conftest import SAMPLE

TODAY = dt.date(2026, 3, 14)

SUGGESTIONS: list[dict[str, Any]] = [
    {
        "code": "D1102", "title": "Boulanger / Boulangère", "score": 0.71, "rank": 1,
        "why": {
            "matched": [{"ogr": 126357, "label": "Confectionner des viennoiseries"}],
            "missing": [{"ogr": 1, "label": "Façonner des pâtons"}, "Gérer un four"],
            "parts": {
                "coverage": {"value": 0.5, "sentence": "Tu as déjà la moitié des compétences."},
                "interest": {"value": 0.8, "sentence": "Ça colle à ton goût pour le concret."},
                "diversity_penalty": {"value": 0.0, "sentence": ""},
            },
        },
    },
    {"code": "K2204", "title": "Agent / Agente de nettoyage", "rank": 2},  # thumbs down: left out
    {"code": "ZZZZZ", "rank": 3},  # unknown: ignored
    {"code": "G1602", "rank": 4},
]


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_summary_data(catalog: Catalog, sample_journey: Journey) -> None:
    s = build_summary(sample_journey, catalog, SUGGESTIONS, today=TODAY)
    assert s.date == "14 mars 2026"  # as people write a date
    assert [i.letter for i in s.interests] == ["R", "S", "A"]
    assert s.centres == ["J'ai le souci du détail", "Je suis passionné / passionnée par la cuisine"]
    assert s.max_level == ""
    capped = build_summary(replace(sample_journey, max_level=5), catalog, SUGGESTIONS, today=TODAY)
    assert capped.max_level == "Bac + 2"
    assert "jusqu'à Bac + 2" in " ".join(_pdf_text(render_summary_pdf(capped))[1].split())
    assert s.avoid == []
    avoiding = build_summary(replace(sample_journey, avoid=("J", "L")), catalog, SUGGESTIONS,
                             today=TODAY)
    assert avoiding.avoid == ["Santé", "Spectacle"]
    assert "Domaines mis de côté : Santé; Spectacle" in " ".join(
        _pdf_text(render_summary_pdf(avoiding))[1].split())
    assert "Confectionner des viennoiseries" in s.competences
    assert [x.code for x in s.suggestions] == ["D1102", "G1602"]
    assert s.hidden_suggestions == 1
    first = s.suggestions[0]
    assert first.liked and first.score == 0.71
    assert first.reasons == ["Tu as déjà la moitié des compétences.", "Ça colle à ton goût pour le concret."]
    assert first.missing == ["Façonner des pâtons", "Gérer un four"]
    assert first.trainings  # from the catalog when the recommendation gives none
    assert s.places and all(p.name and (p.address or p.commune) for p in s.places)
    assert {d.dataset for d in s.data_versions} == {"rome", "onisep", "places"}
    assert s.notes == list(sample_journey.notes)
    assert s.to_dict()["suggestions"][0]["code"] == "D1102"


@dataclass
class _Rec:  # what tremplin.recommend returns: an object with to_dict()
    code: str
    rank: int
    why: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "rank": self.rank, "why": self.why}


def test_accepts_objects_and_no_postcode(catalog: Catalog) -> None:
    j = Journey.from_dict({"version": 1, "lang": "en"})
    s = build_summary(j, catalog, [_Rec("M1805", 1)], today=TODAY)
    job = catalog.get_job("M1805")
    assert job is not None
    assert s.lang == "en" and s.suggestions[0].title == job.label
    assert s.places == [] and s.interests == [] and s.competences == []


def test_pdf_text_has_title_jobs_versions_and_literal_notes(catalog: Catalog) -> None:
    j = Journey.from_dict({**SAMPLE, "notes": [
        "<script>alert('x')</script>", "**pas du gras** <b>ni ça</b> & c'est tout",
        "Ligne un\nLigne deux — élève très motivée, ça marche ! Œuvre, naïf, 😀",
    ]})
    pdf = render_summary_pdf(build_summary(j, catalog, SUGGESTIONS, today=TODAY))
    assert pdf.startswith(b"%PDF-")
    pages, text = _pdf_text(pdf)
    assert pages == 1
    flat = " ".join(text.split())
    assert "Synthèse du parcours Tremplin" in flat  # as the page says
    assert "14 mars 2026" in flat
    assert "Boulanger / Boulangère" in flat
    assert "Confectionner des viennoiseries" in flat
    assert "Façonner des pâtons" in flat
    assert "<script>alert('x')</script>" in flat
    assert "**pas du gras** <b>ni ça</b> & c'est tout" in flat
    assert "élève très motivée, ça marche ! Œuvre, naïf" in flat
    assert "ROME 4.0 v60 (18 septembre 2025)" in flat and "Idéo (25 juin 2024)" in flat
    assert "Agent / Agente de nettoyage" not in flat  # the person said no
    assert "Horaires" in flat
    assert "Ce qui t'attire : J'ai le souci du détail; Je suis passionné" in flat


def test_pdf_in_english(catalog: Catalog, sample_journey: Journey) -> None:
    s = build_summary(sample_journey, catalog, SUGGESTIONS, lang="en", today=TODAY)
    _, text = _pdf_text(render_summary_pdf(s))
    flat = " ".join(text.split())
    assert "Tremplin — journey summary" in flat and "Helper's notes" in flat
    assert "Working with your hands" in flat and "Realistic" not in flat  # plain words


def test_pdf_with_the_largest_journey_still_renders(catalog: Catalog) -> None:
    j = Journey.from_dict({"version": 1, "notes": ["Note longue " * 160] * 20,
                           "competences": [104174, 126357, *range(1, 150)]})
    pages, text = _pdf_text(render_summary_pdf(build_summary(j, catalog, SUGGESTIONS * 3, today=TODAY)))
    assert pages >= 2  # long notes spill over; nothing is cut
    assert " ".join(text.split()).count("Note longue") == 20 * 160


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_empty_journey_summary(catalog: Catalog, lang: str) -> None:
    s = build_summary(Journey(lang=lang), catalog, [], today=TODAY)
    pages, text = _pdf_text(render_summary_pdf(s))
    assert pages == 1 and s.labels["no_suggestions"] in " ".join(text.split())


def test_characters_missing_from_the_font_do_not_break_the_pdf(catalog: Catalog) -> None:
    j = Journey.from_dict({"version": 1, "notes": ["漢字 🦄 fin de la note"]})
    _, text = _pdf_text(render_summary_pdf(build_summary(j, catalog, [], today=TODAY)))
    # CJK from the optional fallback font (installed by .ci/run), else "?"; no font has emoji
    cjk = "漢字" if find_fallback_font() is not None else "??"
    assert f"{cjk} ? fin de la note" in " ".join(text.split())


def test_arabic_and_cyrillic_notes_are_shaped_in_the_pdf(catalog: Catalog) -> None:
    j = Journey.from_dict({"version": 1, "notes": ["ممرضة في المستشفى", "Українська: медсестра"]})
    pdf = render_summary_pdf(build_summary(j, catalog, [], today=TODAY))
    _, text = _pdf_text(pdf)
    # Shaped Arabic is stored as joined presentation forms; NFKC gives the letters back, in
    # reading order only when the right-to-left run was laid out as such.
    flat = unicodedata.normalize("NFKC", text)
    assert "ممرضة في المستشفى" in flat and "медсестра" in flat
    assert "?" not in flat.split("Notes")[-1].split("Données")[0]


@pytest.mark.parametrize(("text", "rtl"), [("ممرضة, rappeler", True), ("« שלום »", True),
                                           ("rappeler ممرضة", False), ("2026 : ممرضة", True),
                                           ("123", False)])
def test_right_to_left_paragraphs_are_detected(text: str, rtl: bool) -> None:
    assert starts_right_to_left(text) is rtl


def test_parts_that_changed_nothing_are_not_reasons(catalog: Catalog,
                                                    sample_journey: Journey) -> None:
    parts = {
        "coverage": {"value": 0.4, "text": "Tu as déjà 40 %."},
        "interest": {"value": 0.0, "text": "Tu n'as pas répondu aux questions."},
        "diversity_penalty": {"value": 0.0, "text": "Aucune pénalité."},
        "paths": {"value": 0.0, "text": "Aucun métier proche ne mène à celui-ci."},
    }
    pulled = dict(parts, paths={"value": 0.05, "text": "Selon le ROME, on peut évoluer vers ce "
                                                      "métier depuis Boulanger."})
    recs = [{"code": "D1104", "rank": 1, "why": {"parts": parts}},
            {"code": "D1102", "rank": 2, "why": {"parts": pulled}}]
    by_code = {s.code: s for s in build_summary(sample_journey, catalog, recs,
                                                today=TODAY).suggestions}
    assert by_code["D1104"].reasons == ["Tu as déjà 40 %.",
                                        "Tu n'as pas répondu aux questions."]
    assert by_code["D1102"].reasons[-1].startswith("Selon le ROME")
