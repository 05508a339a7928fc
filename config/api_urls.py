"""REST API v1. Each domain app's views live in polku/<app>/api.py; docs/api.md describes them.

The foundation's routes are listed here; each later domain app lists its own in `polku/<app>/api_urls.py`
(a plain `urlpatterns` list, no namespace of its own) and is appended at the end, so every route stays
under the `api:` namespace and in the role matrix."""

from django.urls import path

from polku.activities import api_urls as activities_api_urls
from polku.consent.api import ProjectNoticesApi
from polku.core import api_urls as core_api_urls
from polku.organisations.api import OrganisationDetailApi, OrganisationListApi
from polku.participants.api import (
    EntryDataApi,
    ParticipationDetailApi,
    ParticipationExitApi,
    ParticipationListApi,
    PersonApi,
)
from polku.participants.consents_api import ConsentWithdrawApi, ParticipantConsentsApi
from polku.participants.invite_api import ParticipantInviteApi, ParticipantInviteManyApi
from polku.participants.me_api import MeApi, MyDataAccessApi
from polku.projects.api import (
    ParticipantCountsApi,
    PartnerDetailApi,
    PartnerListApi,
    ProjectDetailApi,
    ProjectListApi,
    WorkPackageDetailApi,
    WorkPackageListApi,
)

app_name = "api"

urlpatterns = [
    path("me/", MeApi.as_view(), name="me"),
    path("me/data-access/", MyDataAccessApi.as_view(), name="me-data-access"),
    *core_api_urls.urlpatterns,
    path("organisations/", OrganisationListApi.as_view(), name="organisation-list"),
    path("organisations/<int:pk>/", OrganisationDetailApi.as_view(), name="organisation-detail"),
    path("projects/", ProjectListApi.as_view(), name="project-list"),
    path("projects/<str:code>/", ProjectDetailApi.as_view(), name="project-detail"),
    path("projects/<str:code>/partners/", PartnerListApi.as_view(), name="partner-list"),
    path("projects/<str:code>/partners/<int:pk>/", PartnerDetailApi.as_view(), name="partner-detail"),
    path("projects/<str:code>/work-packages/", WorkPackageListApi.as_view(), name="work-package-list"),
    path(
        "projects/<str:code>/work-packages/<int:pk>/",
        WorkPackageDetailApi.as_view(),
        name="work-package-detail",
    ),
    *activities_api_urls.target_urlpatterns,
    path(
        "projects/<str:code>/participant-counts/", ParticipantCountsApi.as_view(), name="participant-counts"
    ),
    *activities_api_urls.activity_urlpatterns,
    path("projects/<str:code>/privacy-notices/", ProjectNoticesApi.as_view(), name="privacy-notice-list"),
    path("participants/", ParticipationListApi.as_view(), name="participation-list"),
    path("participants/invite/", ParticipantInviteManyApi.as_view(), name="participant-invite-many"),
    path("participants/<int:pk>/", ParticipationDetailApi.as_view(), name="participation-detail"),
    path("participants/<int:pk>/invite/", ParticipantInviteApi.as_view(), name="participant-invite"),
    path("participants/<int:pk>/exit/", ParticipationExitApi.as_view(), name="participation-exit"),
    path("participants/<int:pk>/entry-data/", EntryDataApi.as_view(), name="entry-data"),
    path("participants/<int:pk>/person/", PersonApi.as_view(), name="person"),
    path("participants/<int:pk>/consents/", ParticipantConsentsApi.as_view(), name="participant-consents"),
    path("consents/<int:pk>/withdraw/", ConsentWithdrawApi.as_view(), name="consent-withdraw"),
]

from polku.projects.people import api_urls as people_api_urls  # noqa: E402

urlpatterns += people_api_urls.urlpatterns

from polku.privacy import api_urls as privacy_api_urls  # noqa: E402

urlpatterns += privacy_api_urls.urlpatterns

from polku.knowledge import api_urls as knowledge_api_urls  # noqa: E402

urlpatterns += knowledge_api_urls.urlpatterns
from polku.mentoring import api_urls as mentoring_api_urls  # noqa: E402

urlpatterns += mentoring_api_urls.urlpatterns
from polku.outcomes import api_urls as outcomes_api_urls  # noqa: E402

urlpatterns += outcomes_api_urls.urlpatterns
from polku.mentordays import api_urls as mentordays_api_urls  # noqa: E402

urlpatterns += mentordays_api_urls.urlpatterns
from polku.events import api_urls as events_api_urls  # noqa: E402

urlpatterns += events_api_urls.urlpatterns
from polku.peergroups import api_urls as peergroups_api_urls  # noqa: E402

urlpatterns += peergroups_api_urls.urlpatterns
from polku.dashboards import api_urls as dashboards_api_urls  # noqa: E402

urlpatterns += dashboards_api_urls.urlpatterns

from polku.search import api_urls as search_api_urls  # noqa: E402

urlpatterns += search_api_urls.urlpatterns
from polku.surveys import api_urls as surveys_api_urls  # noqa: E402

urlpatterns += surveys_api_urls.urlpatterns

from polku.reporting import api_urls as reporting_api_urls  # noqa: E402

urlpatterns += reporting_api_urls.urlpatterns

from polku.esco import api_urls as esco_api_urls  # noqa: E402

urlpatterns += esco_api_urls.urlpatterns
from polku.competences import api_urls as competences_api_urls  # noqa: E402

urlpatterns += competences_api_urls.urlpatterns
from polku.learning import api_urls as learning_api_urls  # noqa: E402

urlpatterns += learning_api_urls.urlpatterns

from polku.assessments import api_urls as assessments_api_urls  # noqa: E402

urlpatterns += assessments_api_urls.urlpatterns
from polku.guidance import api_urls as guidance_api_urls  # noqa: E402

urlpatterns += guidance_api_urls.urlpatterns
from polku.entrepreneurship import api_urls as entrepreneurship_api_urls  # noqa: E402

urlpatterns += entrepreneurship_api_urls.urlpatterns

from polku.operations import api_urls as operations_api_urls  # noqa: E402

urlpatterns += operations_api_urls.urlpatterns

from polku.community import api_urls as community_api_urls  # noqa: E402

urlpatterns += community_api_urls.urlpatterns

from polku.employers import api_urls as employers_api_urls  # noqa: E402

urlpatterns += employers_api_urls.urlpatterns
