"""The shortlist of a need: the pool's best by shared skills, exact both when the ranking's prefix holds
enough eligible people and when it does not (most of the best did not opt in)."""

from __future__ import annotations

import pytest

from polku.employers import matchdata
from polku.employers.tests.factories import give_skill, opt_in, scene
from polku.testing import factories as f


@pytest.fixture
def s(world):
    world.scene = scene(world)
    return world


def _people(s, n, *, opted):
    out = []
    for i in range(n):
        p = f.ParticipationFactory(partner=s.a, person__first_name=f"P{i}")
        give_skill(p, s.scene.python)
        give_skill(p, s.scene.sql)
        if opted:
            opt_in(p)
        out.append(p)
    return out


@pytest.mark.parametrize(("shortlist", "prefix"), [(2, 8), (2, 2)])
def test_the_shortlist_is_the_pools_best(s, monkeypatch, shortlist, prefix):
    monkeypatch.setattr(matchdata, "SHORTLIST", shortlist)
    monkeypatch.setattr(matchdata, "PREFIX", prefix)
    _people(s, 3, opted=False)  # the best by skills, but not opted in
    best = _people(s, 2, opted=True)
    value = matchdata.need_values([s.scene.need])[0]
    wanted = {int(x) for x in value.required | value.nice}
    pool = matchdata.candidate_participations(s.project.pk)
    got = matchdata._shortlist_for_need(value, wanted, pool, s.project.pk)
    assert sorted(got) == sorted(p.pk for p in best)
    ranked = matchdata.candidates_for_need(s.scene.need, top_k=5)
    assert {int(p.left) for p in ranked} <= {p.pk for p in best} | {s.part_a.pk}
