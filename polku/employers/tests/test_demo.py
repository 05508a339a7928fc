"""The employers' demo rows on the two programmes' projects (built here with factories; `polku demo`
builds them with the whole demo): DiGIMESH's cooperation log and needs, Hidden Gems' introductions in
every state and a started internship as an outcome."""

from __future__ import annotations

from polku.employers import demo
from polku.employers.models import CooperationEntry, EmployerRepresentative, Introduction, TalentNeed
from polku.outcomes.models import Outcome
from polku.testing import factories as f


def test_demo_populates_both_programmes(db, esco_loaded):
    f.UserFactory(email="admin@polku.example", is_superuser=True)
    for code in (demo.DIGIMESH, demo.HIDDEN_GEMS):
        project = f.ProjectFactory(code=code)
        f.PrivacyNoticeFactory(project=project)
        for _ in range(2):
            partner = f.PartnerFactory(project=project)
            for _ in range(6):
                f.ParticipationFactory(partner=partner, entry_date=project.starts_on)
    demo.populate(seed=7)
    assert CooperationEntry.objects.filter(employer__project__code=demo.DIGIMESH).count() >= 6
    assert TalentNeed.objects.filter(employer__project__code=demo.DIGIMESH).exists()
    states = set(Introduction.objects.values_list("status", flat=True))
    assert states == {"proposed", "approved", "declined"}
    assert Introduction.objects.filter(started_on__isnull=False, outcome__isnull=False).exists()
    assert Outcome.objects.filter(kind__in=["internship_started", "job"]).exists()
    assert EmployerRepresentative.objects.filter(user__email=demo.REP_EMAIL).exists()
