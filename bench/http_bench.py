"""HTTP load on the search endpoint, from a second process over loopback.

The server is `tremplin serve` started in a subprocess; this process is the client: asyncio
coroutines, each a keep-alive HTTP/1.1 connection (a tiny hand-written client, so that the
client's own cost stays small next to the server's). For each traffic shape and each number
of concurrent clients it prints requests/s, p50/p95/p99 latency and errors, then the query
encoder's own ceiling (single-query encodes per second in this process, same run).

Traffic shapes:
- mix: queries drawn from a Zipf distribution (s = 1.1) over job titles (ROME appellations)
  and the alias table; 30 % of requests are misspelled or never seen before: 20 % are typo
  variants (3 fixed variants per title, Zipf-drawn too, so common typos repeat as they do
  in real traffic) and 10 % are new queries never sent before in the run;
- distinct: every query is new (never seen by the server), so each one pays the encoder;
- paced: the mix again, 10 clients sending 300, 450 and 600 requests/s in all (--rates),
  evenly spread, latency counted from the time each request was due (so a slow answer also
  counts against the requests it delayed). In the closed-loop runs the clients send as fast
  as the server answers, so the CPU is always saturated and the never-seen 10 % queue for
  the encoder behind each other; the paced runs measure the latency at a given throughput,
  and show where the p95 crosses 50 ms.

Targets (issue 5): mix ≥ 300 req/s with p95 ≤ 50 ms at 10 clients; distinct ≥ 90 % of the
encoder ceiling; 0 errors at 50 clients.

    .venv/bin/python bench/http_bench.py                # 30 s per run (the issue's setting)
    .venv/bin/python bench/http_bench.py --seconds 5    # quick look
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
ALIASES = ROOT / "src" / "tremplin" / "search" / "aliases.tsv"
ZIPF_S = 1.1
TYPO_SHARE = 0.20
NEW_SHARE = 0.10
TARGET_MIX_RPS = 300.0
TARGET_MIX_P95_MS = 50.0
TARGET_DISTINCT_SHARE = 0.90


# --- queries --------------------------------------------------------------------------------

def load_titles() -> list[str]:
    from tremplin.catalog.read import open_catalog

    cat = open_catalog()
    titles = [t.masculine or t.label for t in cat.job_titles()]
    titles += [j.label_masculine or j.label for j in cat.all_jobs()]
    if ALIASES.exists():
        for line in ALIASES.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                titles.append(line.split("\t", 1)[0].strip())
    return list(dict.fromkeys(t for t in titles if t))


def typo(text: str, rng: random.Random) -> str:
    """One realistic slip: accents dropped, a letter doubled, dropped, swapped or replaced."""
    s = text.lower()
    kind = rng.randrange(5)
    if kind == 0:
        folded = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
        if folded != s:
            return folded
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 3:
        return s + s[-1:]
    i = rng.choice(letters[1:])
    if kind in (0, 1):
        return s[:i] + s[i] + s[i:]
    if kind == 2:
        return s[:i] + s[i + 1:]
    if kind == 3 and i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + rng.choice("aeioulnrst") + s[i + 1:]


class Zipf:
    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        weights = [1.0 / (r ** s) for r in range(1, n + 1)]
        total = sum(weights)
        acc, self.cdf = 0.0, []
        for w in weights:
            acc += w / total
            self.cdf.append(acc)
        self.rng = rng

    def draw(self) -> int:
        import bisect

        return min(bisect.bisect_left(self.cdf, self.rng.random()), len(self.cdf) - 1)


# Every never-seen query sent by this process, whatever the run: the server (started anew by
# each bench invocation) must not have seen it before, and vectors of live queries are only
# kept in its memory, never on disk.
_SENT: set[str] = set()


def fresh_queries(titles: list[str], rng: random.Random) -> Iterator[str]:
    """Never-seen queries shaped like real ones: 2-3 words taken from different titles, one
    of them with a slip half of the time ("menuisier charpentir"), never a known title and
    never sent before by this process. (An earlier version appended a hex nonce to make them
    unique; its 8 extra tokens made each encode ~70 % dearer than a real query's.)"""
    words = sorted({w for t in titles for w in t.lower().split() if len(w) > 3 and w.isalpha()})
    known = {t.lower() for t in titles}
    while True:
        picked = rng.sample(words, rng.choice((2, 2, 3)))
        if rng.random() < 0.5:
            k = rng.randrange(len(picked))
            picked[k] = typo(picked[k], rng)
        q = " ".join(picked)
        if q in _SENT or q in known:
            continue
        _SENT.add(q)
        yield q


def mix_source(titles: list[str], seed: int) -> Callable[[], str]:
    rng = random.Random(seed)
    order = titles[:]
    rng.shuffle(order)  # popularity rank is independent of the catalog's order
    zipf = Zipf(len(order), ZIPF_S, rng)
    typo_rng = random.Random(seed + 1)
    variants: dict[tuple[int, int], str] = {}
    new = fresh_queries(titles, random.Random(seed + 2))

    def next_query() -> str:
        u = rng.random()
        if u < NEW_SHARE:
            return next(new)
        rank = zipf.draw()
        if u < NEW_SHARE + TYPO_SHARE:
            key = (rank, rng.randrange(3))
            if key not in variants:
                variants[key] = typo(order[rank], typo_rng)
            return variants[key]
        return order[rank]

    return next_query


def repeat_source(titles: list[str], seed: int) -> Callable[[], str]:
    """Only 50 titles, over and over: the HTTP layer's own ceiling (every answer cached)."""
    rng = random.Random(seed)
    pool = rng.sample(titles, 50)
    return lambda: rng.choice(pool)


def distinct_source(titles: list[str], seed: int) -> Callable[[], str]:
    gen = fresh_queries(titles, random.Random(seed))
    return lambda: next(gen)


# --- server ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    code = "import sys; from tremplin.cli import main; sys.argv = ['tremplin', *sys.argv[1:]]; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"server exited: {err[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/search?q=boulanger",
                                        timeout=5) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start in 120 s")


# --- client ---------------------------------------------------------------------------------

async def one_client(port: int, next_query: Callable[[], str], stop_at: float, limit: int,
                     lat: list[float], errors: list[str], interval: float = 0.0,
                     first_at: float = 0.0) -> None:
    """Closed loop (interval 0: the next request leaves as soon as the answer is in), or paced:
    one request every `interval` seconds from `first_at`, its latency counted from the time it
    was due, so that a slow answer also counts against the requests it delayed."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    due = first_at
    try:
        while time.perf_counter() < stop_at:
            q = next_query()
            req = (f"GET /api/v1/search?limit={limit}&q={quote(q)} HTTP/1.1\r\n"
                   "Host: 127.0.0.1\r\nAccept: application/json\r\n\r\n").encode()
            if interval:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                t0, due = due, due + interval
            else:
                t0 = time.perf_counter()
            try:
                writer.write(req)
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head[9:12])
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(type(exc).__name__)
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            lat.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(str(status))
    finally:
        writer.close()


def pct(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k] * 1000


async def run_load(port: int, clients: int, seconds: float, next_query: Callable[[], str],
                   limit: int, rate: float = 0.0) -> dict[str, float]:
    """`rate` > 0: the clients together send `rate` requests/s, evenly spread (paced);
    otherwise each client sends its next request as soon as it has an answer."""
    lat: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    stop_at = start + seconds
    interval = clients / rate if rate else 0.0
    await asyncio.gather(*(one_client(port, next_query, stop_at, limit, lat, errors, interval,
                                      start + k * interval / clients)
                           for k in range(clients)))
    elapsed = time.perf_counter() - start
    lat.sort()
    return {"clients": clients, "requests": len(lat), "rps": len(lat) / elapsed,
            "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "p99_ms": pct(lat, 99),
            "errors": len(errors)}


def encoder_ceiling(titles: list[str], seconds: float) -> float:
    """Single-query encodes per second (the encoder alone, in this process)."""
    from tremplin.embeddings import encode_uncached

    gen = fresh_queries(titles, random.Random(99))
    encode_uncached(["échauffement"])  # load the model
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        encode_uncached([next(gen)])
        n += 1
    return n / (time.perf_counter() - start)


def engine_ceiling(titles: list[str], seconds: float, limit: int) -> float:
    """Never-seen searches per second through the search engine alone, in this process: the
    encoder plus the engine's own scoring, without HTTP (tells the two costs apart)."""
    from tremplin.search import get_engine

    engine = get_engine()
    engine.search("boulanger", limit)
    gen = fresh_queries(titles, random.Random(98))
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        engine.search(next(gen), limit)
        n += 1
    return n / (time.perf_counter() - start)


def measure_in_subprocess(what: str, seconds: float, limit: int) -> float:
    """Run one ceiling measure in a fresh process (its own encoder, nothing else running)."""
    # Same OpenMP setting as the server (tremplin.search sets it on import): with the default
    # busy-waiting, the encoder slows down 10-100x as soon as another program uses the cores.
    env = {**os.environ}
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    out = subprocess.run(
        [sys.executable, __file__, "--measure", what, "--seconds", str(seconds),
         "--limit", str(limit)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=600, env=env,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=30.0, help="duration of each run (default 30)")
    ap.add_argument("--clients", default="10,50", help="concurrent clients, comma-separated")
    ap.add_argument("--shapes", default="mix,paced,distinct",
                    help="comma-separated: mix, paced (the mix sent at each --rates, "
                         "10 clients), distinct, repeat (50 cached titles: the HTTP layer's "
                         "own ceiling)")
    ap.add_argument("--rates", default="300,450,600",
                    help="requests/s of the paced runs, comma-separated (300: the target; the "
                         "others show where p95 crosses 50 ms)")
    ap.add_argument("--warmup", type=float, default=0.0,
                    help="seconds of mix traffic sent before measuring (fills the caches)")
    ap.add_argument("--limit", type=int, default=10, help="results per query")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--encoder-seconds", type=float, default=None,
                    help="duration of the encoder-ceiling measure (default: min(seconds, 10))")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--measure", choices=["encoder", "engine"], help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()

    titles = load_titles()
    if args.measure:  # child mode: print one figure
        fn = encoder_ceiling if args.measure == "encoder" else (
            lambda t, sec: engine_ceiling(t, sec, args.limit))
        print(fn(titles, args.seconds))
        return 0
    clients = [int(c) for c in args.clients.split(",") if c.strip()]
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    rates = [float(x) for x in args.rates.split(",") if x.strip()]
    print(f"queries: {len(titles)} titles and aliases; Zipf s={ZIPF_S}; mix = "
          f"{int(TYPO_SHARE * 100)} % typos + {int(NEW_SHARE * 100)} % never seen; "
          f"{args.seconds:g} s per run; {os.cpu_count()} CPUs")

    # The ceilings are measured in fresh processes while the server is not running, before
    # and after the load runs; the higher of the two counts (on a shared machine, another
    # program's load can only make a measure lower).
    measure_s = args.encoder_seconds or min(args.seconds, 10.0)
    enc = [measure_in_subprocess("encoder", measure_s, args.limit)]
    eng = [measure_in_subprocess("engine", measure_s, args.limit)]
    print(f"before: encoder {enc[0]:.1f} single-query encodes/s; engine alone (no HTTP) "
          f"{eng[0]:.1f} never-seen searches/s", flush=True)

    port = free_port()
    server = start_server(port, args.workers)
    results = []
    try:
        if args.warmup > 0:
            asyncio.run(run_load(port, 10, args.warmup, mix_source(titles, seed=7), args.limit))
            print(f"warm-up: {args.warmup:g} s of mix traffic sent first (not measured)")
        for shape in shapes:
            for n, rate in ([(10, x) for x in rates] if shape == "paced"
                            else [(n, 0.0) for n in clients]):
                if shape in ("mix", "paced"):
                    source = mix_source(titles, seed=1000 + n + (500 + int(rate) if rate else 0))
                elif shape == "repeat":
                    source = repeat_source(titles, seed=3000)
                else:
                    source = distinct_source(titles, seed=2000 + n)
                r = asyncio.run(run_load(port, n, args.seconds, source, args.limit, rate))
                r["shape"] = shape
                r["rate"] = rate
                results.append(r)
                label = f"paced@{rate:.0f}" if rate else shape
                print(f"{label:10s} clients={n:3d}  {r['rps']:7.1f} req/s  p50 {r['p50_ms']:6.1f} ms"
                      f"  p95 {r['p95_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms"
                      f"  errors {r['errors']}  (n={r['requests']})", flush=True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    enc.append(measure_in_subprocess("encoder", measure_s, args.limit))
    eng.append(measure_in_subprocess("engine", measure_s, args.limit))
    print(f"after:  encoder {enc[1]:.1f} single-query encodes/s; engine alone (no HTTP) "
          f"{eng[1]:.1f} never-seen searches/s")
    ceiling, engine_rate = max(enc), max(eng)
    print(f"encoder ceiling: {ceiling:.1f} encodes/s; engine alone: {engine_rate:.1f} searches/s "
          f"({engine_rate / ceiling:.0%} of the encoder ceiling)")

    print("\ntargets:")
    ok = True
    for r in results:
        if r["shape"] == "paced" and r["rate"] != TARGET_MIX_RPS:
            continue  # the sweep is summed up below
        if r["shape"] in ("mix", "paced") and r["clients"] == 10:
            good = r["rps"] >= TARGET_MIX_RPS * 0.98 and r["p95_ms"] <= TARGET_MIX_P95_MS
            ok &= good
            how = (f"paced at {r['rate']:.0f} req/s" if r["shape"] == "paced"
                   else "closed loop (as fast as the server answers)")
            print(f"  mix @10, {how}: {r['rps']:.0f} req/s (≥ {TARGET_MIX_RPS:.0f}), "
                  f"p95 {r['p95_ms']:.1f} ms (≤ {TARGET_MIX_P95_MS:.0f}) -> {'PASS' if good else 'MISS'}")
        if r["shape"] == "distinct":
            share = r["rps"] / ceiling if ceiling else 0.0
            good = share >= TARGET_DISTINCT_SHARE
            ok &= good
            print(f"  distinct @{r['clients']}: {r['rps']:.1f} req/s = {share:.0%} of the encoder "
                  f"ceiling (≥ {TARGET_DISTINCT_SHARE:.0%}) -> {'PASS' if good else 'MISS'}"
                  f"  [{r['rps'] / engine_rate:.0%} of the engine alone]")
        if r["clients"] == 50:
            good = r["errors"] == 0
            ok &= good
            print(f"  {r['shape']} @50: {r['errors']} errors -> {'PASS' if good else 'MISS'}")
    paced = [r for r in results if r["shape"] == "paced"]
    within = [r["rate"] for r in paced if r["p95_ms"] <= TARGET_MIX_P95_MS and r["errors"] == 0
              and r["rps"] >= r["rate"] * 0.98]
    if paced:
        sweep = ", ".join("{:.0f} req/s: {:.1f} ms".format(r["rate"], r["p95_ms"]) for r in paced)
        print(f"  paced sweep: p95 ≤ {TARGET_MIX_P95_MS:.0f} ms up to "
              f"{max(within) if within else 0:.0f} req/s of those tried ({sweep})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"encoder_ceiling": ceiling, "engine_ceiling": engine_rate,
                                         "runs": results,
                                         "seconds": args.seconds}, indent=1))
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
