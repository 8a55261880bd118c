"""A profile at the documented limits: how long `recommend` takes the first time it sees its
texts (every text must be encoded), with the experiences encoded in shared batches (shipped)
and one by one (the baseline, as before 2026-11-29), in the same run.

Run: .venv/bin/python bench/limits_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from tremplin.recommend import Experience, Profile, engine, recommend
from tremplin.recommend.index import get_index

SENTENCE = ("je fais du pain avec mon père le dimanche matin et j'aide aussi au magasin pour "
            "ranger les rayons accueillir les clients nettoyer la vitrine préparer les "
            "commandes livrer des croissants aux voisins garder ma petite soeur réparer mon "
            "vélo jouer au foot entraîner les petits au club tondre la pelouse")
WORDS = SENTENCE.split(" ")


def fresh_text(rng: random.Random, chars: int) -> str:
    """A text never seen before (no memo helps), of about `chars` characters."""
    out: list[str] = []
    while len(" ".join(out)) < chars - 20:
        out.append(rng.choice(WORDS))
    return (" ".join(out) + f" semaine {rng.randrange(10**9)}")[:chars]


def timed(profile_of: Callable[[], Profile], runs: int) -> float:
    seconds = []
    for _ in range(runs):
        profile = profile_of()
        start = time.perf_counter()
        recommend(profile, 10)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    get_index()
    rng = random.Random(29)
    shapes = {"3 experiences x 300 characters": (3, 300),
              "20 experiences x 1,000 characters (the limit)": (20, 1000)}
    prefetch = engine.prefetch_vectors
    print(f"recommend(), first sight of every text, median of {args.runs} runs (seconds)")
    print(f"{'profile':48s} {'batched':>8s} {'one by one':>11s}")
    for name, (n, chars) in shapes.items():
        def profile_of(n: int = n, chars: int = chars) -> Profile:
            return Profile(experiences=tuple(Experience(fresh_text(rng, chars))
                                             for _ in range(n)))

        batched = timed(profile_of, args.runs)
        engine.prefetch_vectors = lambda _texts: None  # the baseline: one text at a time
        try:
            alone = timed(profile_of, args.runs)
        finally:
            engine.prefetch_vectors = prefetch
        print(f"{name:48s} {batched:8.2f} {alone:11.2f}")


if __name__ == "__main__":
    main()
