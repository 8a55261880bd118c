"""Refused input says what is wrong in French first, then in English (or in English only
with --lang en); profile files are read as people save them; postcodes are French ones."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tremplin.cli import cli
from tremplin.recommend import Constraints, Experience, Profile, ProfileError, recommend
from tremplin.recommend.commands import MAX_PROFILE_BYTES, read_profile_json
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.profile import (
    MAX_AVOIDED_DOMAINS,
    MAX_CONFIRMED_PER_EXPERIENCE,
    MAX_INTEREST_CENTRES,
    MAX_REMOVED_PER_EXPERIENCE,
    is_french_postcode,
)

BAKER = 107371  # a ROME competence code the catalog knows
SOURCES = Path(__file__).resolve().parents[2] / "src" / "tremplin" / "recommend"


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["recommend", *args], input=stdin)
    return res.exit_code, res.output


def test_input_cli_errors_are_in_french_then_in_english(index: RecommendIndex) -> None:
    code, out = _run("--experience", "je cuisine", "--postcode", "9320")
    assert code == 2
    lines = out.strip().splitlines()
    assert lines[0] == "erreur : Le code postal « 9320 » n'est pas valide (5 chiffres)."
    assert lines[1] == "(error: Postcode '9320' is not a French postcode (5 digits).)"
    code, out = _run("--experience", "je cuisine", "--postcode", "9320", "--lang", "en")
    assert code == 2
    assert out.strip() == "error: Postcode '9320' is not a French postcode (5 digits)."


@pytest.mark.parametrize(("raw", "french"), [
    (b"\xff", "n'est pas en UTF-8"),
    (b'{"riasec": ', "n'est pas du JSON valide"),
    (b"[1]", "doit contenir un seul objet JSON"),
    (b"{" + b" " * (MAX_PROFILE_BYTES + 10) + b"}", f"dépasse {MAX_PROFILE_BYTES} octets"),
    (b'{"competences": [' + b"9" * 5000 + b"]}", "ne peut pas être lu"),
])
def test_input_profile_file_errors_have_french(raw: bytes, french: str) -> None:
    with pytest.raises(ProfileError) as err:
        read_profile_json(raw)
    assert french in err.value.fr and err.value.fr != str(err.value)
    code, out = _run("--profile", "-", stdin=raw)
    assert code == 2 and out.startswith("erreur : Le fichier de profil") and french in out


def test_input_profile_file_that_cannot_be_opened_is_said_in_french(tmp_path: Path) -> None:
    missing = tmp_path / "absent.json"
    code, out = _run("--profile", str(missing))
    assert code == 2
    assert "erreur : Le fichier de profil" in out and "il n'existe pas" in out
    assert "(error: The profile file" in out and "cannot be read" in out
    code, out = _run("--profile", str(tmp_path))  # a folder
    assert code == 2 and "c'est un dossier" in out
    code, out = _run("--profile", str(missing), "--riasec", "S")
    assert code == 2 and "erreur : --profile remplace" in out and "give one or the other" in out


def test_input_profile_file_with_a_bom_is_read(index: RecommendIndex, tmp_path: Path) -> None:
    profile = {"experiences": [{"text": "je fais du pain"}], "riasec": "R"}
    assert read_profile_json(b"\xef\xbb\xbf" + json.dumps(profile).encode()) == profile
    path = tmp_path / "notepad.json"
    path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    res = CliRunner().invoke(cli, ["recommend", "--profile", str(path), "--json", "--limit", "2"])
    assert res.exit_code == 0, res.output
    got = [r["code"] for r in json.loads(res.output)["recommendations"]]
    assert got == [r.code for r in recommend(Profile.from_dict(profile), 2)]


@pytest.mark.parametrize(("raw", "key"), [
    (b'{"experiences": [{"text": "je fais du pain"}], "experiences": []}', "experiences"),
    (b'{"constraints": {"postcode": "93200", "postcode": "75011"}}', "postcode"),
])
def test_input_profile_file_with_a_key_given_twice_is_refused(raw: bytes, key: str) -> None:
    with pytest.raises(ProfileError) as err:
        read_profile_json(raw)
    assert f"key '{key}' twice" in str(err.value) and f"la clé « {key} »" in err.value.fr
    code, out = _run("--profile", "-", stdin=raw)
    assert code == 2 and f"deux fois la clé « {key} »" in out


@pytest.mark.parametrize(("build", "french"), [
    (lambda: Profile(interest_centres=tuple(str(n) for n in range(MAX_INTEREST_CENTRES + 1))),
     f"{MAX_INTEREST_CENTRES} centres d'intérêt au maximum"),
    (lambda: Profile(competences=(BAKER,), constraints=Constraints(
        avoided_domains=tuple(f"K{n:02d}" for n in range(MAX_AVOIDED_DOMAINS + 1)))),
     f"{MAX_AVOIDED_DOMAINS} domaines à éviter au maximum"),
    (lambda: Profile(experiences=(Experience(
        "je fais du pain", confirmed_competences=tuple(range(MAX_CONFIRMED_PER_EXPERIENCE + 1))),)),
     "compétences confirmées"),
    (lambda: Profile(experiences=(Experience(
        "je fais du pain", removed_competences=tuple(range(MAX_REMOVED_PER_EXPERIENCE + 1))),)),
     "compétences retirées"),
    (lambda: Profile(competences=[BAKER, "12"]), "n'est pas un code ROME"),  # type: ignore[list-item]
    (lambda: Profile(competences="12"), "liste de codes ROME"),  # type: ignore[arg-type]
    (lambda: Profile(riasec=[("S", 1.0)]), "riasec doit associer"),  # type: ignore[arg-type]
    (lambda: Profile(interest_centres=(17,)), "centres d'intérêt"),  # type: ignore[arg-type]
    (lambda: Profile(constraints={"postcode": "93200"}),  # type: ignore[arg-type]
     "constraints doit être un objet"),
    (lambda: Profile(constraints=Constraints(avoided_domains=(1,))),  # type: ignore[arg-type]
     "codes comme « K »"),
    (lambda: Profile(constraints=Constraints(postcode=93200)),  # type: ignore[arg-type]
     "texte de 5 chiffres"),
    (lambda: Profile(experiences=("je fais du pain",)),  # type: ignore[arg-type]
     "doit être une expérience"),
])
def test_input_library_errors_have_french(build: object, french: str) -> None:
    assert callable(build)
    with pytest.raises(ProfileError) as err:
        build()
    assert french in err.value.fr and err.value.fr != str(err.value)


@pytest.mark.parametrize("module", ["profile.py", "centres.py", "domains.py", "commands.py",
                                    "suggest.py", "engine.py", "errors.py"])
def test_input_every_profile_error_raised_has_french(module: str) -> None:
    tree = ast.parse((SOURCES / module).read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name) and n.func.id == "ProfileError"]
    assert [n.lineno for n in calls if not any(k.arg == "fr" for k in n.keywords)] == []


@pytest.mark.parametrize(("postcode", "french"), [
    ("01000", True), ("20000", True), ("20090", True), ("75011", True), ("95000", True),
    ("97100", True), ("97400", True), ("97600", True), ("98000", True), ("98799", True),
    ("98800", True), ("00000", False), ("00100", False), ("96000", False), ("97000", False),
    ("97700", False), ("97999", False), ("98900", False), ("99999", False), ("9320", False),
    ("2A004", False),
])
def test_input_postcodes_need_a_french_department(postcode: str, french: bool) -> None:
    assert is_french_postcode(postcode) == french


@pytest.mark.parametrize(("postcode", "department"), [
    ("00000", "00"), ("96123", "96"), ("99999", "99"), ("97800", "978"), ("98900", "989"),
])
def test_input_a_postcode_of_no_department_is_refused(index: RecommendIndex, postcode: str,
                                                      department: str) -> None:
    with pytest.raises(ProfileError) as err:
        Profile(competences=(BAKER,), constraints=Constraints(postcode=postcode))
    assert err.value.field == "constraints.postcode"
    assert f"numbered {department}" in str(err.value) and "e.g. 75011" in str(err.value)
    assert f"le numéro {department}" in err.value.fr and "01 à 95" in err.value.fr
    code, out = _run("--experience", "je cuisine", "--postcode", postcode)
    assert code == 2
    assert out.startswith(f"erreur : Le code postal « {postcode} » n'existe pas en France")
    assert "aucun lieu" not in out and "no known" not in out


def test_input_a_refused_text_is_quoted_with_an_ellipsis_when_cut() -> None:
    long = "euh bah je sais pas trop quoi dire du tout, rien, jsp, aucune idée, je sais pas quoi mettre"
    with pytest.raises(ProfileError) as err:
        Profile(experiences=(Experience(long),))
    assert "…" in err.value.fr and "quoi mettre" not in err.value.fr
    with pytest.raises(ProfileError) as short:
        Profile(experiences=(Experience("jsp"),))
    assert "« jsp »" in short.value.fr and "…" not in short.value.fr
