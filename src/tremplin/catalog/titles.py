"""Splitting ROME's gendered labels ("Accompagnateur / Accompagnatrice de randonnée")."""

from __future__ import annotations

SEPARATOR = " / "


def split_gendered(label: str) -> tuple[str, str]:
    """Return (masculine, feminine) forms of a ROME label written 'Masc / Fem rest'.

    The masculine side holds only the words that change; the words after the feminine side's
    first len(masculine words) words are shared. Labels with no ' / ' are epicene.
    """
    if SEPARATOR not in label:
        return label, label
    left, right = label.split(SEPARATOR, 1)
    left_words = left.split()
    right_words = right.split()
    shared = right_words[len(left_words):]
    masculine = " ".join(left_words + shared)
    return masculine.strip(), right.strip()
