"""The progress engine: first against latest per competence and area, and across a group."""

import datetime as dt

import pytest

from polku.assessments import frameworks as fw
from polku.assessments.progress import Sitting, group_deltas, person_progress

DC = fw.framework("digcomp")
T = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def s(person, n, days, **levels):
    return Sitting(
        person_id=person,
        assessment_id=n,
        taken_at=T + dt.timedelta(days=days),
        levels={f"digcomp-2.2:{k[1:].replace('_', '.')}": v for k, v in levels.items()},
    )


def test_one_sitting_has_latest_levels_but_no_change():
    p = person_progress([s(1, 1, 0, c1_1=3, c1_2=5)], DC)
    assert p.sittings == 1
    assert p.competences == {}
    assert p.areas == {}
    assert p.latest_levels == {"digcomp-2.2:1.1": 3, "digcomp-2.2:1.2": 5}
    assert p.area_series[1] == (4.0,)
    assert p.area_series[2] == (None,)


def test_first_and_latest_per_competence_whatever_the_order_given():
    sittings = [s(1, 3, 200, c1_1=6), s(1, 1, 0, c1_1=2, c1_2=4), s(1, 2, 100, c1_1=3, c1_3=5)]
    p = person_progress(sittings, DC)
    c11 = p.competences["digcomp-2.2:1.1"]
    assert (c11.first, c11.latest, c11.delta) == (2, 6, 4)
    assert c11.first_at == T and c11.latest_at == T + dt.timedelta(days=200)
    # 1.2 and 1.3 were assessed only once each: nothing to compare
    assert set(p.competences) == {"digcomp-2.2:1.1"}
    # the area compares only competences with a change, so 1.2 and 1.3 do not shift its mean
    assert (p.areas[1].first, p.areas[1].latest) == (2, 6)
    assert p.area_series[1] == (3.0, 4.0, 6.0)


def test_competence_skipped_first_time_compares_its_own_first_and_latest():
    p = person_progress([s(1, 1, 0, c2_1=2), s(1, 2, 10, c2_1=3, c2_2=1), s(1, 3, 20, c2_2=4)], DC)
    assert p.competences["digcomp-2.2:2.2"].delta == 3
    assert p.competences["digcomp-2.2:2.1"].delta == 1
    assert p.areas[2].delta == 2  # mean of +3 and +1


def test_levels_outside_1_to_8_and_mixed_people_are_refused():
    with pytest.raises(ValueError):
        person_progress([s(1, 1, 0, c1_1=9)], DC)
    with pytest.raises(ValueError):
        person_progress([s(1, 1, 0, c1_1=3), s(2, 2, 0, c1_1=3)], DC)


def test_group_deltas_count_people_with_two_sittings():
    sittings = [
        s(1, 1, 0, c1_1=2, c2_1=3),
        s(1, 2, 90, c1_1=4, c2_1=3),
        s(2, 3, 0, c1_1=5),
        s(2, 4, 90, c1_1=4),
        s(3, 5, 0, c1_1=1),  # one sitting: assessed, not compared
    ]
    g = group_deltas(sittings, DC)
    assert (g.people_assessed, g.people_repeated) == (3, 2)
    d = g.competences["digcomp-2.2:1.1"]
    assert (d.people, d.improved, d.same, d.declined) == (2, 1, 0, 1)
    assert d.mean_first == 3.5 and d.mean_latest == 4.0 and d.mean_change == 0.5
    assert g.competences["digcomp-2.2:2.1"].same == 1
    assert g.areas[1].people == 2 and g.areas[2].people == 1
    assert g.areas[5].people == 0 and g.areas[5].mean_change is None
    assert len(g.competences) == 21 and len(g.areas) == 5


def test_group_deltas_on_entrecomp():
    ec = fw.framework("entrecomp")
    code = "entrecomp-1.0:3.5"
    sittings = [
        Sitting(1, 1, T, {code: 2}),
        Sitting(1, 2, T + dt.timedelta(days=1), {code: 5}),
    ]
    g = group_deltas(sittings, ec)
    assert g.competences[code].mean_change == 3
    assert g.areas[3].mean_latest == 5
