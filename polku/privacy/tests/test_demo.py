import datetime as dt

import pytest

from polku.demo.builder import build_demo
from polku.privacy.models import ErasureRequest
from polku.privacy.selectors import persons_due
from polku.projects.models import Project

pytestmark = pytest.mark.django_db


def test_demo_keeps_its_people_and_has_a_pending_erasure_request():
    build_demo(participants=40)
    assert not Project.objects.filter(last_payment_on__isnull=True).exists()
    assert not persons_due(today=dt.date(2029, 12, 31)).exists()
    assert ErasureRequest.objects.filter(
        status="pending", person__participations__project__code="S22729"
    ).exists()
