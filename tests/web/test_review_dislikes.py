"""The review of an experience says what Tremplin left out (what the person dislikes), a text
that only says that, or only an age or a school year, gets its own message, and a text in
another Latin-script language gets the 'understands less well' warning."""

from __future__ import annotations

import html as html_lib

from tests.web.conftest import SyncClient


def _landing(client: SyncClient, text: str) -> tuple[int, str]:
    sent = client.post("/parcours/competences/experience", data={"text": text},
                       follow_redirects=False)
    if sent.status_code in (302, 303):
        return sent.status_code, html_lib.unescape(client.get(sent.headers["location"]).text)
    return sent.status_code, html_lib.unescape(sent.text)


def test_the_review_says_what_was_left_out(client: SyncClient) -> None:
    status, page = _landing(client, "je déteste les enfants, je préfère bricoler")
    assert status == 303
    assert ("Tremplin n'a pas lu ce que tu n'aimes pas ou ne peux pas faire : « je déteste les "
            "enfants »") in page
    status, plain = _landing(client, "je répare des vélos")
    assert "n'a pas lu ce que tu n'aimes pas" not in plain


def test_only_dislikes_or_only_a_school_year_get_their_own_message(client: SyncClient) -> None:
    status, page = _landing(client, "je déteste faire le ménage")
    assert status == 422 and "Tu as écrit ce que tu n'aimes pas" in page
    # what one cannot do is left out the same way, and said so (QA: an RQTH text)
    status, page = _landing(client, "je peux pas porter de charges lourdes")
    assert status == 422 and "ce que tu n'aimes pas ou ne peux pas faire" in page
    status, page = _landing(client, "je peux pas porter de charges lourdes, je fais du code")
    assert status == 303
    assert "ne peux pas faire : « je peux pas porter de charges lourdes »" in page
    status, page = _landing(client, "j'ai 16 ans et je suis en seconde")
    said = ("Ton âge, ta classe, ton diplôme, tes qualités, la façon dont tu préfères travailler "
            "ou ton envie de travailler")
    assert status == 422 and said in page
    status, page = _landing(client, "jsp")
    assert status == 422 and "Pas d'idée ?" in page
    status, page = _landing(client, "rien mais je veux bosser")
    assert status == 422 and "ton envie de travailler" in page


def test_another_latin_language_gets_the_warning(client: SyncClient) -> None:
    warning = "L'outil comprend moins bien les textes qui ne sont pas en français"
    status, page = _landing(client, "babamın kebapçısında çalıştım, döner kestim")
    assert status == 303 and warning in page
    status, page = _landing(client, "je coupe la viande au kebab de mon oncle")
    assert warning not in page


def test_a_refused_experience_says_erreur_in_the_title(client: SyncClient) -> None:
    status, page = _landing(client, "je déteste faire le ménage")
    assert status == 422 and "<title>Erreur : " in page
    status, page = _landing(client, "je répare des vélos")
    assert "<title>Erreur" not in page


def test_the_review_says_what_only_says_who_one_is(client: SyncClient) -> None:
    status, page = _landing(client, "je préfère travailler seul, je répare des vélos")
    assert status == 303
    assert ("Tremplin n'a pas lu « je préfère travailler seul » : cela dit qui tu es ou comment "
            "tu aimes travailler, pas ce que tu as fait.") in page
    status, page = _landing(client, "j'ai 16 ans, je garde ma petite soeur")
    assert "Tremplin n'a pas lu « j'ai 16 ans »" in page
    status, plain = _landing(client, "je répare des vélos")
    assert "cela dit qui tu es" not in plain
