from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tremplin.catalog.read import Catalog
from tremplin.guide.feedback import (
    FEEDBACK_FILE,
    FeedbackError,
    FeedbackStore,
    acceptance_stats,
    open_feedback,
)

DAY = dt.date(2026, 3, 14)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[FeedbackStore]:
    s = FeedbackStore(tmp_path / FEEDBACK_FILE)
    yield s
    s.close()


def test_counts_only_no_personal_columns(store: FeedbackStore, catalog: Catalog) -> None:
    store.record(catalog, "D1102", 1, 1, "journey", today=DAY)
    store.record(catalog, "D1102", 1, 1, "journey", today=DAY)
    store.record(catalog, "D1102", 1, -1, "search", today=DAY)
    assert store.rows() == [("2026-03-14", "D1102", 1, "journey", 1, 2),
                            ("2026-03-14", "D1102", 1, "search", -1, 1)]
    db = sqlite3.connect(store.path)
    cols = [r[1] for r in db.execute("PRAGMA table_info(votes)")]
    assert cols == ["day", "job_code", "rank", "context", "vote", "n"]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


@pytest.mark.parametrize(
    ("code", "rank", "vote", "context", "needle"),
    [
        ("Z9999", 1, 1, "journey", "Fiche"), ("A0000", 1, 1, "journey", "Fiche"),
        ("D1102'; DROP TABLE votes;--", 1, 1, "journey", "Fiche"), (None, 1, 1, "journey", "Fiche"),
        ("D1102", 0, 1, "journey", "rang"), ("D1102", 51, 1, "journey", "rang"),
        ("D1102", True, 1, "journey", "rang"), ("D1102", "1", 1, "journey", "rang"),
        ("D1102", 1.0, 1, "journey", "rang"), ("D1102", 1, 0, "journey", "avis"),
        ("D1102", 1, 2, "journey", "avis"), ("D1102", 1, True, "journey", "avis"),
        ("D1102", 1, 1, "profile:age=17", "Contexte"),
    ],
)
def test_bad_votes_are_refused(store: FeedbackStore, catalog: Catalog, code: object, rank: object,
                               vote: object, context: object, needle: str) -> None:
    with pytest.raises(FeedbackError, match=needle):
        store.record(catalog, code, rank, vote, context, today=DAY)
    assert store.rows() == []


def test_acceptance_stats(store: FeedbackStore, catalog: Catalog) -> None:
    for code, rank, vote in [("D1102", 1, 1), ("D1102", 1, 1), ("D1102", 1, -1), ("G1602", 2, -1),
                             ("M1805", 1, 1), ("M1805", 3, 1)]:
        store.record(catalog, code, rank, vote, today=DAY)
    store.record(catalog, "M1805", 3, -1, "search", today=DAY + dt.timedelta(days=1))
    st = store.acceptance_stats(catalog)
    assert (st.overall.up, st.overall.down) == (4, 3)
    assert st.by_rank[1].up == 3 and st.by_rank[1].down == 1 and st.by_rank[1].rate == 0.75
    assert st.by_rank[2].rate == 0.0
    assert st.by_grand_domain["D"][1].total == 3 and st.by_grand_domain["M"][1].rate == pytest.approx(2 / 3)
    assert st.by_grand_domain["M"][0] == "Support à l'entreprise"
    assert st.by_context["search"].down == 1
    assert (st.first_day, st.last_day) == ("2026-03-14", "2026-03-15")
    d = st.to_dict()
    assert d["by_rank"][0] == {"rank": 1, "up": 3, "down": 1, "total": 4, "rate": 0.75}
    assert {x["code"] for x in d["by_grand_domain"]} == {"D", "G", "M"}


def test_empty_stats(store: FeedbackStore, catalog: Catalog) -> None:
    st = acceptance_stats(catalog, store)
    assert st.overall.total == 0 and st.overall.rate is None and st.by_rank == {}
    assert st.to_dict()["overall"]["rate"] is None


def test_concurrent_votes_are_all_counted(store: FeedbackStore, catalog: Catalog) -> None:
    def vote() -> None:
        for i in range(25):
            store.record(catalog, "D1102", 1 + i % 5, 1 if i % 3 else -1, today=DAY)

    threads = [threading.Thread(target=vote) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.acceptance_stats(catalog).overall.total == 200


def test_open_feedback_lives_apart_from_the_catalog(tmp_path: Path, catalog: Catalog) -> None:
    class S:
        home = tmp_path / "home"

    s = open_feedback(S)
    assert s is open_feedback(S) and s.path == tmp_path / "home" / FEEDBACK_FILE
    assert s.path != catalog.path


def test_withdraw_takes_back_one_earlier_vote(store: FeedbackStore, catalog: Catalog) -> None:
    store.record(catalog, "D1102", 3, 1, today=dt.date(2026, 1, 1))
    store.record(catalog, "D1102", 3, 1, today=dt.date(2026, 1, 2))
    assert store.withdraw("D1102", 1) is True
    assert [(r[0], r[5]) for r in store.rows()] == [("2026-01-01", 1)]  # the most recent went
    assert store.withdraw("D1102", -1) is False  # nothing of that kind to take back
    assert store.withdraw("D1102", 1, "helper") is False
    assert store.withdraw("D1102", 1) is True
    assert store.rows() == []
    store.record(catalog, "D1102", 2, -1, today=dt.date(2026, 1, 3))
    store.record(catalog, "D1102", 5, -1, today=dt.date(2026, 1, 3))
    assert store.withdraw("D1102", -1, rank=5) is True  # the card's own rank goes first
    assert [(r[2], r[5]) for r in store.rows()] == [(2, 1)]
