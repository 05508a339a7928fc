from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from polku.accounts import views as account_views
from polku.core import views as core_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jobs/", include("polku.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("projects/", include("polku.projects.urls")),
    path("invitations/", include("polku.projects.people.urls")),
    path("projects/", include("polku.activities.urls")),
    path("projects/", include("polku.consent.urls")),
    path("projects/", include("polku.dashboards.urls")),
    path("feedback/", include("polku.surveys.urls")),
    path("organisations/", include("polku.organisations.urls")),
    path("participants/", include("polku.participants.urls")),
    path("audit/", include("polku.audit.urls")),
    path("search/", include("polku.search.urls")),
    path("admin-tools/jobs/", include("polku.operations.urls")),
    path("imports/", include("polku.imports.urls")),
    path("mentoring/", include("polku.mentoring.urls")),
    path("mentor-days/", include("polku.mentordays.urls")),
    path("events/", include("polku.events.urls")),
    path("community/", include("polku.community.urls")),
    path("r/", include("polku.registration.urls")),
    path("", include("polku.privacy.urls")),
    path("knowledge/", include("polku.knowledge.urls")),
    path("outcomes/", include("polku.outcomes.urls")),
    path("guidance/", include("polku.guidance.urls")),
    path("entrepreneurship/", include("polku.entrepreneurship.urls")),
    path("peer-groups/", include("polku.peergroups.urls")),
    path("esco/", include("polku.esco.urls")),
    path("competences/", include("polku.competences.urls")),
    path("assessments/", include("polku.assessments.urls")),
    path("learning/", include("polku.learning.urls")),
    path("employers/", include("polku.employers.urls")),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's start-up script is served as a file of its own (the split view); its page and widgets
    # carry inline styles, so this page alone allows them.
    path(
        "api/docs/",
        csp_update({"style-src": [UNSAFE_INLINE]})(SpectacularSwaggerSplitView.as_view(url_name="schema")),
        name="api-docs",
    ),
]

handler404 = "polku.core.views.page_not_found"
handler500 = "polku.core.views.server_error"
