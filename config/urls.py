from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from polku.accounts import views as account_views
from polku.core import views as core_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("projects/", include("polku.projects.urls")),
    path("projects/", include("polku.activities.urls")),
    path("projects/", include("polku.consent.urls")),
    path("projects/", include("polku.dashboards.urls")),
    path("feedback/", include("polku.surveys.urls")),
    path("organisations/", include("polku.organisations.urls")),
    path("participants/", include("polku.participants.urls")),
    path("audit/", include("polku.audit.urls")),
    path("admin-tools/jobs/", include("polku.operations.urls")),
    path("imports/", include("polku.imports.urls")),
    path("mentoring/", include("polku.mentoring.urls")),
    path("mentor-days/", include("polku.mentordays.urls")),
    path("events/", include("polku.events.urls")),
    path("r/", include("polku.registration.urls")),
    path("", include("polku.privacy.urls")),
    path("knowledge/", include("polku.knowledge.urls")),
    path("outcomes/", include("polku.outcomes.urls")),
    path("peer-groups/", include("polku.peergroups.urls")),
    path("esco/", include("polku.esco.urls")),
    path("competences/", include("polku.competences.urls")),
    path("assessments/", include("polku.assessments.urls")),
    path("learning/", include("polku.learning.urls")),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]
