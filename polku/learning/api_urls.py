"""Learning routes under /api/v1/learning/ (appended to config.api_urls)."""

from django.urls import path

from polku.learning import api

L = "learning"
urlpatterns = [
    path(f"{L}/opportunities/", api.OpportunityListApi.as_view(), name="learning-opportunity-list"),
    path(f"{L}/opportunities/export/", api.CatalogueExportApi.as_view(), name="learning-catalogue-export"),
    path(f"{L}/opportunities/import/", api.CatalogueImportApi.as_view(), name="learning-catalogue-import"),
    path(
        f"{L}/opportunities/<int:pk>/", api.OpportunityDetailApi.as_view(), name="learning-opportunity-detail"
    ),
    path(f"{L}/plans/", api.PlanListApi.as_view(), name="learning-plan-list"),
    path(f"{L}/plans/<int:pk>/", api.PlanDetailApi.as_view(), name="learning-plan-detail"),
    path(f"{L}/plans/<int:pk>/propose/", api.PlanProposeApi.as_view(), name="learning-plan-propose"),
    path(f"{L}/plans/<int:pk>/items/", api.ItemListApi.as_view(), name="learning-item-list"),
    path(f"{L}/plans/<int:pk>/milestones/", api.MilestoneListApi.as_view(), name="learning-milestone-list"),
    path(f"{L}/plans/<int:pk>/comments/", api.CommentListApi.as_view(), name="learning-comment-list"),
    path(f"{L}/items/<int:pk>/", api.ItemDetailApi.as_view(), name="learning-item-detail"),
    path(f"{L}/milestones/<int:pk>/", api.MilestoneDetailApi.as_view(), name="learning-milestone-detail"),
    path(f"{L}/completions/", api.CompletionListApi.as_view(), name="learning-completion-list"),
    path(
        f"{L}/people/<int:pk>/completions/",
        api.PersonCompletionsApi.as_view(),
        name="learning-person-completions",
    ),
    path(f"{L}/completions/import/", api.MoocImportApi.as_view(), name="learning-completion-import"),
    path(f"{L}/projects/<str:code>/plan-counts/", api.PlanCountsApi.as_view(), name="learning-plan-counts"),
]
