"""Blind counsellor verdicts over top-10 lists: S sensible, P possible, A absurd (see the
`about` of bench/data/teen_lists_judged.json). Shared by the benches that read judged texts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from tremplin.recommend import Experience, Profile, ProfileError, recommend

TOP = 10


def shown(text: str, diversity: bool = True) -> list[str]:
    """The codes of the top-10 list a profile of this one text gets, best first; none when
    the text is refused with a message (it says nothing done: "je suis timide")."""
    try:
        profile = Profile(experiences=(Experience(text),))
    except ProfileError:
        return []
    return [r.code for r in recommend(profile, TOP, diversity=diversity)]


def per_list(lists: Iterable[tuple[Sequence[str], Mapping[str, str]]]) -> dict[str, float]:
    """For (job codes best first, verdict per code) pairs: sensible, possible and absurd jobs
    per top-10 list, absurd ones in the top 5, the share of lists holding an absurd job, and
    how many shown jobs were never judged (counted apart, neither good nor bad) and how many
    texts got no list (refused with a message: they count as lists with no job)."""
    counts = {"S": 0, "P": 0, "A": 0, "?": 0}
    absurd_top5 = with_absurd = n = refused = 0
    for codes, verdicts in lists:
        refused += not codes
        said = [verdicts.get(code, "?") for code in codes[:TOP]]
        for v in said:
            counts[v] += 1
        absurd_top5 += said[:5].count("A")
        with_absurd += "A" in said
        n += 1
    n = max(n, 1)
    return {"texts": float(n), "sensible": counts["S"] / n, "possible": counts["P"] / n,
            "absurd": counts["A"] / n, "absurd_top5": absurd_top5 / n,
            "lists_with_absurd": with_absurd / n, "unjudged": float(counts["?"]),
            "refused": float(refused)}


HEADER = (f"{'sensible':>9} {'possible':>8} {'absurd':>6} {'absurd top 5':>12} "
          f"{'lists with absurd':>17} {'unjudged':>8} {'refused':>7}")


def judged_row(name: str, f: Mapping[str, float], width: int = 34) -> str:
    return (f"{name:<{width}} {f['sensible']:9.2f} {f['possible']:8.2f} {f['absurd']:6.2f} "
            f"{f['absurd_top5']:12.2f} {f['lists_with_absurd']:17.2f} {int(f['unjudged']):8d} "
            f"{int(f['refused']):7d}")
