"""The catalog: ROME 4.0, ONISEP Idéo and places, imported from open data into SQLite."""
