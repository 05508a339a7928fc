"""Competence profile routes under /api/v1/competences/ (collected by config.api_urls)."""

from django.urls import path

from polku.competences import api

P = "competences/people/<int:person_id>"
urlpatterns = [
    path(f"{P}/", api.ProfileApi.as_view(), name="competences-profile"),
    path(f"{P}/profile.pdf", api.ProfilePdfApi.as_view(), name="competences-profile-pdf"),
    path(f"{P}/suggestions/", api.SuggestApi.as_view(), name="competences-suggest"),
    path(f"{P}/cv/", api.CvApi.as_view(), name="competences-cv"),
    path(f"{P}/jobs/<int:pk>/", api.JobApi.as_view(), name="competences-job"),
    path(f"{P}/skills/", api.SkillAddApi.as_view(), name="competences-skill-add"),
    path(f"{P}/skills/decide/", api.SkillDecideApi.as_view(), name="competences-skill-decide"),
    path(f"{P}/skills/<int:pk>/", api.SkillRemoveApi.as_view(), name="competences-skill-remove"),
    path(f"{P}/languages/", api.LanguageListApi.as_view(), name="competences-language-list"),
    path(f"{P}/languages/<str:code>/", api.LanguageDetailApi.as_view(), name="competences-language-detail"),
    path(f"{P}/education/", api.EducationListApi.as_view(), name="competences-education-list"),
    path(f"{P}/education/<int:pk>/", api.EducationDetailApi.as_view(), name="competences-education-detail"),
    path(f"{P}/occupations/", api.OccupationListApi.as_view(), name="competences-occupation-list"),
    path(
        f"{P}/occupations/<int:pk>/", api.OccupationDetailApi.as_view(), name="competences-occupation-detail"
    ),
    path(
        f"{P}/occupation-suggestions/<int:pk>/",
        api.OccupationSuggestionDecideApi.as_view(),
        name="competences-occupation-suggestion-decide",
    ),
]
