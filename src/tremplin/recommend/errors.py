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
