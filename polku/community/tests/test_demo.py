"""The demo's community: participants of three countries in the directory, connections across countries."""

from __future__ import annotations

import pytest

from polku.community.demo import CROSSING
from polku.community.models import Connection, Message
from polku.community.selectors import live_profiles, project_counts, viewer_for
from polku.community.suggestions import suggestions
from polku.demo.builder import build_demo
from polku.projects.models import Project


@pytest.mark.django_db
def test_demo_directory_spans_three_countries():
    build_demo(participants=120)
    profiles = live_profiles().filter(project__code=CROSSING)
    assert set(profiles.values_list("partner__country", flat=True)) == {"SE", "FI", "NO"}
    counts = project_counts(project_id=Project.objects.get(code=CROSSING).pk)
    assert counts.across_countries == 3 and counts.connections == 3
    assert Connection.objects.filter(status="pending").count() == 1
    assert Message.objects.count() == 3
    first = profiles.first()
    assert first is not None
    viewer = viewer_for(first.user)
    assert viewer is not None
    for row in suggestions(viewer=viewer):
        assert row.reasons
