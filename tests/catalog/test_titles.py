import pytest

from tremplin.catalog.titles import split_gendered


@pytest.mark.parametrize(
    ("label", "masculine", "feminine"),
    [
        ("Boulanger / Boulangère", "Boulanger", "Boulangère"),
        ("Accessoiriste de plateau", "Accessoiriste de plateau", "Accessoiriste de plateau"),
        ("Agent / Agente d'entretien", "Agent d'entretien", "Agente d'entretien"),
        ("Accompagnateur formateur / Accompagnatrice formatrice technique",
         "Accompagnateur formateur technique", "Accompagnatrice formatrice technique"),
        ("Conducteur / Conductrice de bus/car", "Conducteur de bus/car", "Conductrice de bus/car"),
    ],
)
def test_split_gendered(label: str, masculine: str, feminine: str) -> None:
    assert split_gendered(label) == (masculine, feminine)
