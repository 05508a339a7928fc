"""Learning routes under /api/v1/learning/ (appended to config.api_urls)."""

from django.urls import path

from polku.learning.api import catalogue, completions, items, plans

L = "learning"
urlpatterns = [
    path(f"{L}/opportunities/", catalogue.OpportunityListApi.as_view(), name="learning-opportunity-list"),
    path(
        f"{L}/opportunities/export/", catalogue.CatalogueExportApi.as_view(), name="learning-catalogue-export"
    ),
    path(
        f"{L}/opportunities/import/", catalogue.CatalogueImportApi.as_view(), name="learning-catalogue-import"
    ),
    path(
        f"{L}/opportunities/<int:pk>/",
        catalogue.OpportunityDetailApi.as_view(),
        name="learning-opportunity-detail",
    ),
    path(f"{L}/plans/", plans.PlanListApi.as_view(), name="learning-plan-list"),
    path(f"{L}/plans/<int:pk>/", plans.PlanDetailApi.as_view(), name="learning-plan-detail"),
    path(f"{L}/plans/<int:pk>/propose/", plans.PlanProposeApi.as_view(), name="learning-plan-propose"),
    path(f"{L}/plans/<int:pk>/items/", items.ItemListApi.as_view(), name="learning-item-list"),
    path(f"{L}/plans/<int:pk>/milestones/", items.MilestoneListApi.as_view(), name="learning-milestone-list"),
    path(f"{L}/plans/<int:pk>/comments/", items.CommentListApi.as_view(), name="learning-comment-list"),
    path(f"{L}/items/<int:pk>/", items.ItemDetailApi.as_view(), name="learning-item-detail"),
    path(f"{L}/milestones/<int:pk>/", items.MilestoneDetailApi.as_view(), name="learning-milestone-detail"),
    path(f"{L}/completions/", completions.CompletionListApi.as_view(), name="learning-completion-list"),
    path(
        f"{L}/people/<int:pk>/completions/",
        completions.PersonCompletionsApi.as_view(),
        name="learning-person-completions",
    ),
    path(f"{L}/completions/import/", completions.MoocImportApi.as_view(), name="learning-completion-import"),
    path(f"{L}/projects/<str:code>/plan-counts/", plans.PlanCountsApi.as_view(), name="learning-plan-counts"),
]
