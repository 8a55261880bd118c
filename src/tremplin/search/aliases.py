"""The curated alias table (`aliases.tsv`): slang, acronyms and short forms -> fiche/appellation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ALIASES_PATH = Path(__file__).with_name("aliases.tsv")
ALIASES_I18N_PATH = Path(__file__).with_name("aliases_i18n.tsv")
ALIAS_FILES = (ALIASES_PATH, ALIASES_I18N_PATH)
I18N_MARK = "[i18n] "  # prefix of the note of aliases from the other-languages file


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    target: str  # ROME code ('J1404') or appellation ogr ('16419')
    note: str = ""


@dataclass(frozen=True, slots=True)
class ResolvedAlias:
    alias: str
    code: str
    ogr: int  # 0 when the alias targets a whole fiche
    note: str


class AliasError(ValueError):
    pass


def load_aliases(paths: tuple[Path, ...] = ALIAS_FILES) -> list[Alias]:
    """Aliases from the French table then the other-languages table (notes marked I18N_MARK)."""
    out: list[Alias] = []
    for path in paths:
        out.extend(_load_file(path, I18N_MARK if path.name == ALIASES_I18N_PATH.name else ""))
    return out


def _load_file(path: Path, mark: str) -> list[Alias]:
    out: list[Alias] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            raise AliasError(f"{path.name}:{n}: expected alias<TAB>target<TAB>note")
        note = parts[2].strip() if len(parts) > 2 else ""
        out.append(Alias(parts[0].strip(), parts[1].strip(), mark + note))
    return out


def resolve_aliases(
    aliases: list[Alias],
    titles: dict[int, tuple[str, str, str]],
    fiches: dict[str, tuple[str, str, str]],
) -> list[ResolvedAlias]:
    """Map each alias to (fiche code, ogr); unknown targets are skipped (a test lists them)."""
    out: list[ResolvedAlias] = []
    for a in aliases:
        if a.target.isdigit():
            title = titles.get(int(a.target))
            if title is not None:
                out.append(ResolvedAlias(a.alias, title[0], int(a.target), a.note))
        elif a.target in fiches:
            out.append(ResolvedAlias(a.alias, a.target, 0, a.note))
    return out


def unknown_targets(
    aliases: list[Alias],
    titles: dict[int, tuple[str, str, str]],
    fiches: dict[str, tuple[str, str, str]],
) -> list[Alias]:
    return [a for a in aliases
            if not (int(a.target) in titles if a.target.isdigit() else a.target in fiches)]
