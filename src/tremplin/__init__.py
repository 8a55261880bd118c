"""Tremplin: career guidance for young people, built on French open data."""

__version__ = "0.1.0"
