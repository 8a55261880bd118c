"""Errors raised for bad recommendation input."""

from __future__ import annotations


class ProfileError(ValueError):
    """A profile or an answer set that cannot be used, with a message that says what is wrong.

    `field` names the part of the input at fault (e.g. ``experiences[3].text``); `fr` is the
    same message in plain French, for the web pages.
    """

    def __init__(self, message: str, *, field: str = "", fr: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.fr = fr or message


def refuse_unknown(unknown: list[str], field: str, what: tuple[str, str], listing: str) -> None:
    """Refuse a profile naming codes the catalog does not know, all of them named at once.
    `what`: the kind of code in English and in French (plural); `listing`: where the
    known codes are listed."""
    if unknown:
        listed = ", ".join(unknown)
        raise ProfileError(f"Unknown {what[0]}: {listed} (the list: {listing}).", field=field,
                           fr=f"{what[1]} : {listed}.")
