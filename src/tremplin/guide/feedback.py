"""Anonymous feedback on suggestions: thumbs up / down, with no personal data.

Only counters are stored, never single events: (day, fiche code, rank, context, vote) -> n.
No profile, no IP, no time of day, no session id; nothing that could tie a vote to a person
or to another vote. The store is its own SQLite file under `settings.home`
(`feedback.sqlite`), apart from the catalog, which is rebuilt and swapped atomically.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tremplin.guide.journey import JOB_CODE, JourneyError

FEEDBACK_FILE = "feedback.sqlite"
CONTEXTS = ("journey", "search", "helper")
MAX_RANK = 50
# A ceiling on votes per day, so that a flood cannot fill the disk.
MAX_VOTES_PER_DAY = 200_000

_DDL = """
CREATE TABLE IF NOT EXISTS votes (
    day TEXT NOT NULL,          -- ISO date, no time
    job_code TEXT NOT NULL,
    rank INTEGER NOT NULL,
    context TEXT NOT NULL,
    vote INTEGER NOT NULL,      -- 1 or -1
    n INTEGER NOT NULL,
    PRIMARY KEY (day, job_code, rank, context, vote)
) WITHOUT ROWID;
"""


class FeedbackError(JourneyError):
    """A vote is refused (unknown fiche, rank out of range, bad vote or context)."""


@dataclass(frozen=True, slots=True)
class Rate:
    up: int
    down: int

    @property
    def total(self) -> int:
        return self.up + self.down

    @property
    def rate(self) -> float | None:
        return self.up / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        rate = self.rate
        return {"up": self.up, "down": self.down, "total": self.total,
                "rate": None if rate is None else round(rate, 4)}


@dataclass(frozen=True, slots=True)
class AcceptanceStats:
    overall: Rate
    by_rank: dict[int, Rate] = field(default_factory=dict)
    by_grand_domain: dict[str, tuple[str, Rate]] = field(default_factory=dict)  # code -> (label, rate)
    by_context: dict[str, Rate] = field(default_factory=dict)
    first_day: str | None = None
    last_day: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_rank": [{"rank": r, **v.to_dict()} for r, v in sorted(self.by_rank.items())],
            "by_grand_domain": [
                {"code": c, "label": lb, **v.to_dict()}
                for c, (lb, v) in sorted(self.by_grand_domain.items())
            ],
            "by_context": [{"context": c, **v.to_dict()} for c, v in sorted(self.by_context.items())],
            "first_day": self.first_day,
            "last_day": self.last_day,
        }


def _bad(fr: str, en: str, path: str) -> FeedbackError:
    return FeedbackError(fr, en, path)


class FeedbackStore:
    """Thread-safe (one connection, one lock), WAL mode."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_DDL)
        self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def record(
        self,
        catalog: Any,
        job_code: object,
        rank: object,
        vote: object,
        context: object = "journey",
        *,
        today: dt.date | None = None,
    ) -> None:
        """Count one vote, or raise FeedbackError saying what is wrong."""
        if not isinstance(job_code, str) or not JOB_CODE.fullmatch(job_code) or (
            catalog.get_job(job_code) is None
        ):
            raise _bad("Fiche métier inconnue", "Unknown job code", "code")
        if isinstance(rank, bool) or not isinstance(rank, int) or not 1 <= rank <= MAX_RANK:
            raise _bad(f"Le rang doit être entre 1 et {MAX_RANK}",
                       f"The rank must be between 1 and {MAX_RANK}", "rank")
        if isinstance(vote, bool) or vote not in (1, -1):
            raise _bad("Un avis vaut 1 ou -1", "A vote is 1 or -1", "vote")
        if context not in CONTEXTS:
            raise _bad(f"Contexte inconnu (attendu : {', '.join(CONTEXTS)})",
                       f"Unknown context (expected: {', '.join(CONTEXTS)})", "context")
        day = (today or dt.date.today()).isoformat()
        with self._lock:
            (count,) = self._db.execute(
                "SELECT COALESCE(SUM(n), 0) FROM votes WHERE day = ?", (day,)
            ).fetchone()
            if count >= MAX_VOTES_PER_DAY:
                raise _bad("Trop d'avis aujourd'hui, réessaie demain",
                           "Too many votes today, try again tomorrow", "")
            self._db.execute(
                "INSERT INTO votes (day, job_code, rank, context, vote, n) VALUES (?, ?, ?, ?, ?, 1)"
                " ON CONFLICT (day, job_code, rank, context, vote) DO UPDATE SET n = n + 1",
                (day, job_code, rank, context, vote),
            )
            self._db.commit()

    def withdraw(self, job_code: str, vote: int, context: str = "journey", rank: int = 0) -> bool:
        """Take back one earlier vote (a person who changed their mind): the most recent
        matching count, at the same rank when there is one, goes down by one. Returns False
        when there was none to take back."""
        with self._lock:
            row = self._db.execute(
                "SELECT day, rank FROM votes WHERE job_code = ? AND context = ? AND vote = ?"
                " ORDER BY day DESC, rank = ? DESC, n DESC, rank LIMIT 1",
                (job_code, context, vote, rank),
            ).fetchone()
            if row is None:
                return False
            key = (row[0], job_code, row[1], context, vote)
            where = "day = ? AND job_code = ? AND rank = ? AND context = ? AND vote = ?"
            self._db.execute(f"UPDATE votes SET n = n - 1 WHERE {where}", key)
            self._db.execute(f"DELETE FROM votes WHERE {where} AND n <= 0", key)
            self._db.commit()
            return True

    def rows(self) -> list[tuple[str, str, int, str, int, int]]:
        with self._lock:
            return [
                (str(d), str(c), int(r), str(x), int(v), int(n))
                for d, c, r, x, v, n in self._db.execute(
                    "SELECT day, job_code, rank, context, vote, n FROM votes ORDER BY 1, 2, 3, 4, 5"
                )
            ]

    def acceptance_stats(self, catalog: Any) -> AcceptanceStats:
        """Acceptance rate (share of thumbs up) overall, per rank, per grand domain and per
        context, with the counts behind each rate."""
        rows = self.rows()
        ranks: dict[int, list[int]] = {}
        domains: dict[str, list[int]] = {}
        contexts: dict[str, list[int]] = {}
        labels: dict[str, str] = {}
        job_domain: dict[str, str] = {}
        total = [0, 0]
        for _day, code, rank, context, vote, n in rows:
            if code not in job_domain:
                job = catalog.get_job(code)
                job_domain[code] = job.grand_domain_code if job else "?"
                if job:
                    labels[job.grand_domain_code] = job.grand_domain_label
            idx = 0 if vote > 0 else 1
            ranks.setdefault(rank, [0, 0])[idx] += n
            domains.setdefault(job_domain[code], [0, 0])[idx] += n
            contexts.setdefault(context, [0, 0])[idx] += n
            total[idx] += n
        days = [r[0] for r in rows]
        return AcceptanceStats(
            overall=Rate(*total),
            by_rank={r: Rate(*v) for r, v in ranks.items()},
            by_grand_domain={
                g: (labels.get(g, "Fiche retirée du ROME / job no longer in ROME"), Rate(*v))
                for g, v in domains.items()
            },
            by_context={c: Rate(*v) for c, v in contexts.items()},
            first_day=min(days) if days else None,
            last_day=max(days) if days else None,
        )


_stores: dict[Path, FeedbackStore] = {}
_stores_lock = threading.Lock()


def open_feedback(settings: Any) -> FeedbackStore:
    """The shared store under settings.home."""
    path = Path(settings.home) / FEEDBACK_FILE
    with _stores_lock:
        if path not in _stores:
            _stores[path] = FeedbackStore(path)
        return _stores[path]


def acceptance_stats(
    catalog: Any, store: FeedbackStore | None = None, settings: Any = None
) -> AcceptanceStats:
    """Stats for the public "À propos des résultats" page."""
    if store is None:
        if settings is None:
            from tremplin.config import load_settings

            settings = load_settings()
        store = open_feedback(settings)
    return store.acceptance_stats(catalog)
