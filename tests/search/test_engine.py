"""The job search engine on the real catalog and the real model."""

from __future__ import annotations

import pytest

from tremplin.search import QueryError, search_jobs
from tremplin.search.engine import REASONS, JobSearch


def codes(engine: JobSearch, query: str, k: int = 5) -> list[str]:
    return [h.code for h in engine.search(query, k)]


@pytest.mark.parametrize(("query", "code"), [
    ("patissié", "D1104"),  # pâtissier
    ("plomier", "F1603"),  # plombier
    ("charpantier", "F1503"),  # charpentier
    ("boulangé", "D1102"),
    ("ambulencier", "J1305"),
])
def test_typos_find_the_right_fiche_first(engine: JobSearch, query: str, code: str) -> None:
    assert codes(engine, query)[0] == code


def test_feminine_query_returns_feminine_title(engine: JobSearch) -> None:
    top = engine.search("coiffeuse", 3)[0]
    assert top.code == "D1202"
    assert top.title == "Coiffeuse"
    assert engine.search("coiffeur", 1)[0].title == "Coiffeur"
    assert engine.search("boulangère", 1)[0].title == "Boulangère"


@pytest.mark.parametrize(("masc", "fem"), [
    ("Boulanger", "Boulangère"), ("Directeur commercial", "Directrice commerciale"),
    ("Conducteur de bus", "Conductrice de bus"), ("Steward de train", "Hôtesse de train"),
    ("Maître de conférences", "Maîtresse de conférences"),  # only one form is an alias
    ("Steward de l'air", "Hôtesse de l'air"),  # an alias on the feminine form
])
def test_masculine_and_feminine_forms_rank_the_same(engine: JobSearch, masc: str, fem: str) -> None:
    assert codes(engine, masc) == codes(engine, fem)


@pytest.mark.parametrize(("query", "code"), [
    ("kiné", "J1404"), ("nounou", "K1310"), ("educ spé", "K1207"), ("cuisto", "G1609"),
    ("ATSEM", "K1308"), ("toubib", "J1102"), ("AESH", "K2113"),
])
def test_aliases(engine: JobSearch, query: str, code: str) -> None:
    top = engine.search(query, 3)[0]
    assert (top.code, top.reason) == (code, "alias")


@pytest.mark.parametrize(("query", "code"), [
    ("electrician", "F1602"), ("fontanero", "F1603"), ("padeiro", "D1102"), ("نجار", "H2206"),
    ("пекар", "D1102"),
])
def test_other_language_aliases(engine: JobSearch, query: str, code: str) -> None:
    assert engine.search(query, 1)[0].code == code


def test_aliases_switched_off_for_measurement(engine: JobSearch) -> None:
    plain = JobSearch(engine.data, use_aliases=False)
    assert all(h.reason != "alias" for h in plain.search("kiné", 10))
    french = JobSearch(engine.data, use_aliases="fr")
    assert french.search("kiné", 1)[0].reason == "alias"
    assert french.search("fontanero", 1)[0].reason != "alias"


def test_hits_are_deduplicated_fiches_with_reasons(engine: JobSearch) -> None:
    hits = engine.search("mécanicien", 10)
    assert len({h.code for h in hits}) == len(hits) == 10
    assert all(h.reason in REASONS and 0.0 <= h.score <= 1.0 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert engine.search("Mécanicien automobile", 1)[0].reason == "exact"


def test_known_titles_do_not_call_the_encoder(engine: JobSearch,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("encoder called")

    monkeypatch.setattr("tremplin.search.engine.encode_query", boom)
    assert engine.search_uncached("Boulangère")[0].code == "D1102"
    assert engine.search_uncached("nounou")[0].code == "K1310"


def test_other_languages_use_meaning(engine: JobSearch) -> None:
    assert "J1506" in codes(engine, "nurse", 5)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 10_000, "a\x00b"])
def test_bad_input_raises_query_error(engine: JobSearch, bad: str) -> None:
    with pytest.raises(QueryError):
        engine.search(bad)


def test_search_jobs_module_function(engine: JobSearch) -> None:
    assert search_jobs("plombier", limit=3)[0].code == "F1603"


def test_explain(engine: JobSearch) -> None:
    exp = engine.explain("educ spé")
    assert exp.aliases and exp.hits[0].code == "K1207"
    assert exp.vector_source == "lookup"
    exp = engine.explain("Boulangère")
    assert exp.gender == "f" and exp.nearest[0].code == "D1102"
    assert abs(exp.dense_share + exp.lexical_share - 1.0) < 1e-6


def test_autocomplete(engine: JobSearch) -> None:
    assert "D1102" in [s.code for s in engine.autocomplete("boulang")]
    assert engine.autocomplete("b") == []
    assert "D1102" in [s.code for s in engine.autocomplete("boulnager")]  # typo
    assert "J1501" in [s.code for s in engine.autocomplete("soignant") if s.kind == "word"]
    assert engine.autocomplete("x" * 5000) == []


def test_one_typo_from_a_known_title_skips_the_encoder(engine: JobSearch,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("encoder called")

    monkeypatch.setattr("tremplin.search.engine.encode_query", boom)
    assert engine.search_uncached("plonbier")[0].code == "F1603"  # n for m
    assert engine.search_uncached("coifeuse")[0].code == "D1202"  # a letter dropped
    assert engine.search_uncached("coifeuse")[0].title == "Coiffeuse"


def test_one_edit_distance() -> None:
    from tremplin.search.engine import _within_one_edit

    assert _within_one_edit("plombier", "plonbier")
    assert _within_one_edit("plombier", "plmobier")  # adjacent letters swapped
    assert _within_one_edit("plombier", "plombiers")
    assert not _within_one_edit("plombier", "plongeur")
    assert not _within_one_edit("plombier", "lpmobier")


def test_search_async_awaits_the_encoder_only_for_new_phrasings(
        engine: JobSearch, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from tremplin.embeddings import encode_query_async

    awaited: list[str] = []

    async def counting(text: str):  # type: ignore[no-untyped-def]
        awaited.append(text)
        return await encode_query_async(text)

    monkeypatch.setattr("tremplin.search.engine.encode_query_async", counting)
    query = "soudeur sur chantier naval de nuit"
    for known in ("Boulangère", "plonbier", "educ spé"):  # title, one typo, alias
        assert asyncio.run(engine.search_async(known, 5)) == engine.search(known, 5)
    assert awaited == []
    hits = asyncio.run(engine.search_async(query, 5))
    assert awaited == [query] and hits[0].dense_score > 0.5

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("encoder called")

    # the vector is kept: the blocking path reuses it, and gives the same ranking
    monkeypatch.setattr("tremplin.search.engine.encode_query", boom)
    assert engine.explain(query).vector_source == "cache"
    assert engine.search_uncached(query, 5) == hits
