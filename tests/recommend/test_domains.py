"""ROME domains a profile may avoid: listed with their fiches, checked against the catalog."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from tremplin.catalog.read import Catalog
from tremplin.cli import cli
from tremplin.recommend import Constraints, Profile, ProfileError, job_domains, recommend
from tremplin.recommend.engine import _allowed, score_jobs
from tremplin.recommend.index import RecommendIndex

BAKER = 107371  # a competence whose closest jobs are in D (commerce) and G (hotels, food)


def test_the_fourteen_grand_domains_hold_every_fiche_once(catalog: Catalog) -> None:
    grand = job_domains(catalog)
    assert [g.code for g in grand] == list("ABCDEFGHIJKLMN")
    jobs = catalog.query("SELECT code, domain_code FROM jobs")
    assert sum(g.jobs for g in grand) == len(jobs)
    for g in grand:
        assert g.label and g.domains and all(d.code.startswith(g.code) for d in g.domains)
        assert g.jobs == sum(d.jobs for d in g.domains)
    per_domain = {d.code: d.jobs for g in grand for d in g.domains}
    assert per_domain["K21"] == sum(1 for _, dom in jobs if dom == "K21")


@pytest.mark.parametrize("code", ["K99", "Z"])
def test_a_domain_with_no_fiche_is_refused_by_name(index: RecommendIndex, code: str) -> None:
    with pytest.raises(ProfileError) as err:
        recommend(Profile(competences=(BAKER,), constraints=Constraints(avoided_domains=("K", code))))
    assert err.value.field == "constraints.avoided_domains"
    assert code in err.value.fr and code in str(err.value) and "K," not in str(err.value)


def test_avoiding_a_domain_hides_it_and_keeps_the_rest_in_order(index: RecommendIndex) -> None:
    profile = Profile(competences=(BAKER,))
    free = [r.code for r in recommend(profile, 100, diversity=False)]  # by relevance
    hidden_grand = free[0][0]
    hidden_domain = next(c[:3] for c in free if c[0] != hidden_grand)
    avoided = Profile(competences=(BAKER,),
                      constraints=Constraints(avoided_domains=(hidden_grand, hidden_domain)))
    kept = [r.code for r in recommend(avoided, 10)]
    assert kept and not any(c[0] == hidden_grand or c[:3] == hidden_domain for c in kept)
    rest = [c for c in free if c[0] != hidden_grand and c[:3] != hidden_domain]
    assert kept[:3] == rest[:3]  # the 3 best of what is left, in the same order


def test_cli_lists_domains_and_refuses_unknown_ones(index: RecommendIndex) -> None:
    out = CliRunner().invoke(cli, ["domains", "--json"])
    assert out.exit_code == 0, out.output
    grand = json.loads(out.output)["domains"]
    assert len(grand) == 14 and grand[10]["code"] == "K"
    assert {"code", "label", "jobs"} <= set(grand[10]["domains"][0])
    text = CliRunner().invoke(cli, ["domains"])
    assert text.exit_code == 0 and "\n  K21  " in text.output
    bad = CliRunner().invoke(cli, ["recommend", "--competences", str(BAKER), "--avoid", "K,K99"])
    assert bad.exit_code == 2 and "K99" in bad.output


def test_strict_constraints_get_the_best_of_what_they_leave(index: RecommendIndex) -> None:
    # none of the 80 jobs this profile fits best survives the constraints: the list must
    # still hold every allowed job that fits it at all, best first
    profile = Profile(riasec={"S": 1.0}, constraints=Constraints(
        max_study_level=3, avoided_domains=tuple("ADFGHIJKMN")))
    scored = score_jobs(index, profile)
    allowed = _allowed(index, profile)
    assert not allowed[np.argsort(-scored.relevance, kind="stable")[:80]].any()
    fitting = [k for k in np.flatnonzero(allowed) if scored.relevance[k] > 0]
    recs = recommend(profile, 10)
    assert 0 < len(fitting) <= 10
    assert sorted(r.code for r in recs) == sorted(index.jobs[k].code for k in fitting)
    avoided_mine = Profile(competences=(BAKER,), constraints=Constraints(avoided_domains=("D", "G")))
    assert len(recommend(avoided_mine, 10)) == 10
