"""The offline encoder: cache round-trip and batching of concurrent live queries."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from tremplin import embeddings
from tremplin.embeddings import QueryBatcher, encode_cached

TEXTS = ["plombier", "aide à domicile", "vendeuse", "conducteur de bus", "infirmière",
         "cuisinier", "agent de sécurité", "développeur web"]


def test_cache_returns_the_same_vectors(tmp_path: Path) -> None:
    first = encode_cached(TEXTS[:3], tmp_path)
    second = encode_cached(TEXTS[:3], tmp_path)  # served from disk
    assert first.shape == (3, embeddings.DIM)
    np.testing.assert_array_equal(first, second)
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-3)


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every batch the encoder runs during a test."""
    sizes: list[int] = []
    real = embeddings.encode_uncached

    def counting(texts: list[str], batch_size: int = 64) -> embeddings.Vectors:
        sizes.append(len(texts))
        return real(texts, batch_size=batch_size)

    monkeypatch.setattr(embeddings, "encode_uncached", counting)
    return sizes


def test_concurrent_queries_are_batched_and_exact(batches: list[int]) -> None:
    batcher = QueryBatcher(max_batch=4)
    results: dict[str, embeddings.Vectors] = {}
    barrier = threading.Barrier(len(TEXTS))

    def worker(text: str) -> None:
        barrier.wait()
        results[text] = batcher.encode(text)

    threads = [threading.Thread(target=worker, args=(t,)) for t in TEXTS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(batches) == len(TEXTS)
    assert len(batches) < len(TEXTS) and max(batches) <= 4  # some callers shared a batch
    expected = embeddings.encode_uncached(TEXTS)  # all at once, for comparison
    for i, text in enumerate(TEXTS):
        np.testing.assert_allclose(results[text], expected[i], atol=1e-4)


def test_many_texts_share_batches_and_keep_their_order(
        batches: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    vectors = QueryBatcher(max_batch=3).encode_many(TEXTS)
    assert batches == [3, 3, 2]  # a profile's 8 experiences: 3 runs of the encoder, not 8
    expected = embeddings.encode_uncached(TEXTS)
    for i in range(len(TEXTS)):
        np.testing.assert_allclose(vectors[i], expected[i], atol=1e-4)
    monkeypatch.setattr(embeddings, "encode_uncached", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        QueryBatcher().encode_many(TEXTS[:2])


def test_a_failed_batch_reaches_every_waiter(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(texts: list[str], batch_size: int = 64) -> embeddings.Vectors:
        raise RuntimeError("encoder down")

    monkeypatch.setattr(embeddings, "encode_uncached", broken)
    with pytest.raises(RuntimeError, match="encoder down"):
        QueryBatcher().encode("plombier")


def test_one_text_runs_on_one_thread_and_vectors_do_not_depend_on_it() -> None:
    single = np.stack([embeddings.encode_uncached([t])[0] for t in TEXTS])
    threads = embeddings._threads
    assert threads is not None  # the wheel's OpenMP runtime was found
    assert threads.current() == 1
    batch = embeddings.encode_uncached(TEXTS)
    assert threads.current() == threads.batch
    # bit-identical: a text's vector does not depend on batching or on the thread count, so a
    # profile's ranking cannot change with the server's load
    np.testing.assert_array_equal(single, batch)


def test_a_server_thread_yields_the_cpu_to_the_encoder() -> None:
    import os

    seen: dict[str, int] = {}

    def server_main() -> None:  # stands for uvicorn's thread: reniced, unlike the test's own
        me = threading.get_native_id()
        base = os.getpriority(os.PRIO_PROCESS, me)
        seen["ok"] = int(embeddings.prioritise_encoder(niceness=3))
        seen["server"] = os.getpriority(os.PRIO_PROCESS, me) - base
        worker = embeddings._batcher._worker
        assert worker is not None and worker.native_id is not None
        seen["encoder"] = os.getpriority(os.PRIO_PROCESS, worker.native_id) - base

        def request() -> None:
            seen["request"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) - base

        child = threading.Thread(target=request)
        child.start()
        child.join()

    thread = threading.Thread(target=server_main)
    thread.start()
    thread.join()
    assert seen == {"ok": 1, "server": 3, "encoder": 0, "request": 3}


def test_async_encode_gives_the_same_vector_and_the_same_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    vector = asyncio.run(embeddings.encode_query_async("ouvrier agricole"))
    np.testing.assert_array_equal(vector, embeddings.encode_uncached(["ouvrier agricole"])[0])

    def broken(texts: list[str], batch_size: int = 64) -> embeddings.Vectors:
        raise RuntimeError("encoder down")

    monkeypatch.setattr(embeddings, "encode_uncached", broken)
    with pytest.raises(RuntimeError, match="encoder down"):
        asyncio.run(embeddings.encode_query_async("ouvrier viticole"))


def test_a_closed_event_loop_does_not_stop_the_encoder_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import time

    real = embeddings.encode_uncached
    started = threading.Event()

    def slow(texts: list[str], batch_size: int = 64) -> embeddings.Vectors:
        started.set()
        time.sleep(0.3)
        return real(texts, batch_size=batch_size)

    monkeypatch.setattr(embeddings, "encode_uncached", slow)
    loop = asyncio.new_event_loop()
    task = loop.create_task(embeddings.encode_query_async("serveur en brasserie"))
    loop.run_until_complete(asyncio.sleep(0))  # the text is queued
    assert started.wait(5)
    task.cancel()
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()  # before the vector is ready: the encoder thread's callback finds it closed
    monkeypatch.undo()
    got: dict[str, embeddings.Vectors] = {}
    asker = threading.Thread(target=lambda: got.setdefault(
        "v", embeddings.encode_query("serveuse en brasserie")), daemon=True)
    asker.start()
    asker.join(timeout=15)
    assert "v" in got, "the encoder thread died with the closed loop"
    np.testing.assert_array_equal(got["v"], real(["serveuse en brasserie"])[0])
