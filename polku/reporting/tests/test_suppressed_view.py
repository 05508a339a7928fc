"""The indicator tables a lead reads are suppressed together: no partner's hidden cell comes out of the
project's table (the rules themselves are tested in polku/suppression/tests)."""

from __future__ import annotations

import pytest

from polku.accounts.access import access_for
from polku.reporting.selectors import indicator_table
from polku.testing import factories as f


@pytest.mark.django_db
def test_lead_cannot_subtract_partner_tables_from_the_project_table(world, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    for _ in range(2):
        f.ParticipationFactory(partner=world.a)  # with part_a: 3 women through A
    for _ in range(9):
        f.ParticipationFactory(partner=world.b)  # with part_b: 10 women through B
    access = access_for(world.lead)
    whole = indicator_table(access=access, project=world.project)
    a = indicator_table(access=access, project=world.project, partner_id=world.a.pk)
    b = indicator_table(access=access, project=world.project, partner_id=world.b.pk)
    assert whole.suppressed and a.suppressed and b.suppressed and a.partner_id == world.a.pk
    first = 0  # every participant: the first output row counts all of them
    assert a.rows[first].women is None
    assert whole.rows[first].women is None or b.rows[first].women is None
    for w, ra, rb in zip(whole.rows, a.rows, b.rows, strict=True):
        for column in ("total", "women", "men", "non_binary", "unknown"):
            cells = [getattr(w, column), getattr(ra, column), getattr(rb, column)]
            assert cells.count(None) != 1, (w.code, column, cells)
    # the coordinator of A still sees A exactly
    exact = indicator_table(access=access_for(world.coord_a), project=world.project)
    assert not exact.suppressed and exact.rows[first].women == 3
