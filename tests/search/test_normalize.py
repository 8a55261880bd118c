from __future__ import annotations

import numpy as np
import pytest

from tremplin.search.hybrid import HybridScorer
from tremplin.search.normalize import (
    MAX_QUERY_CHARS,
    QueryError,
    fold,
    looks_feminine,
    phonetic_key,
    stem_key,
    validate_query,
)


def test_fold_removes_case_accents_and_separators() -> None:
    assert fold("Aide-Soignant(e) / Œnologue") == "aide soignant e oenologue"
    assert fold("L'Électricienne") == "l electricienne"


def test_stem_key_is_gender_and_number_neutral() -> None:
    assert stem_key("Boulangères") == stem_key("boulanger")
    assert stem_key("Coiffeuse") == stem_key("coiffeur")
    assert stem_key("Directrice") == stem_key("Directeur")
    assert stem_key("Mécanicienne") == stem_key("mecanicien")
    assert stem_key("Assistante maternelle") == stem_key("assistant maternel")
    assert stem_key("plombier") != stem_key("pompier")


@pytest.mark.parametrize(("typed", "title"), [
    ("boulangé", "Boulanger"), ("infirmié", "Infirmier"), ("masson", "Maçon"),
    ("chofeur", "Chauffeur"), ("fasadier", "Façadier"), ("peintre batiment", "Peintre en bâtiment"),
])
def test_phonetic_key_matches_common_misspellings(typed: str, title: str) -> None:
    assert phonetic_key(typed) == phonetic_key(title)
    # and the scorer finds the title by sound, as indexed (not only the bare function)
    scorer = HybridScorer([title, "Zoologiste"], np.eye(2, 4, dtype=np.float32))
    assert scorer.lexical_scores(typed)[0] >= scorer.weights.phonetic_score


def test_repeated_letters_collapse() -> None:
    assert stem_key("coiffeuuur") == stem_key("coiffeur")


@pytest.mark.parametrize("bad", ["", "   \t ", "x" * 10_000, "boulanger\x00", "a\x07b",
                                 b"\xff\xfe\x00binary", "\ud800x", 42, None])
def test_bad_queries_raise_query_error(bad: object) -> None:
    with pytest.raises(QueryError) as err:
        validate_query(bad)
    assert " / " in str(err.value)  # French / English message


def test_length_cap_is_documented_and_enforced() -> None:
    assert validate_query("a" * MAX_QUERY_CHARS) == "a" * MAX_QUERY_CHARS
    with pytest.raises(QueryError, match="200"):
        validate_query("a" * (MAX_QUERY_CHARS + 1))


def test_mixed_scripts_and_whitespace_are_fine() -> None:
    assert validate_query("  nurse  ممرضة\tмедсестра ") == "nurse ممرضة медсестра"
    assert validate_query(b"boulang\xc3\xa8re") == "boulangère"


def test_looks_feminine() -> None:
    assert looks_feminine("infirmière")
    assert looks_feminine("coach sportive")
    assert not looks_feminine("plombier")
