from django.urls import path

from polku.learning.views import catalogue, mooc, plans

app_name = "learning"
urlpatterns = [
    path("", catalogue.catalogue_view, name="catalogue"),
    path("opportunities/new/", catalogue.opportunity_create_view, name="opportunity_create"),
    path("opportunities/<int:pk>/", catalogue.opportunity_view, name="opportunity"),
    path("opportunities/<int:pk>/edit/", catalogue.opportunity_edit_view, name="opportunity_edit"),
    path("catalogue.csv", catalogue.catalogue_export_view, name="catalogue_export"),
    path("catalogue/import/", catalogue.catalogue_import_view, name="catalogue_import"),
    path("plans/", plans.plan_list_view, name="plans"),
    path("plans/new/", plans.plan_create_view, name="plan_create"),
    path("people/<int:person_pk>/", plans.person_plans_view, name="person_plans"),
    path("people/<int:person_pk>/plans/new/", plans.plan_create_view, name="person_plan_create"),
    path("plans/<int:pk>/", plans.plan_view, name="plan"),
    path("plans/<int:pk>/propose/", plans.plan_propose_view, name="plan_propose"),
    path("plans/<int:pk>/status/", plans.plan_status_view, name="plan_status"),
    path("plans/<int:pk>/items/", plans.item_add_view, name="item_add"),
    path("plans/<int:pk>/milestones/", plans.milestone_add_view, name="milestone_add"),
    path("plans/<int:pk>/comments/", plans.comment_add_view, name="comment_add"),
    path("items/<int:pk>/", plans.item_action_view, name="item_action"),
    path("items/<int:pk>/complete/", plans.item_complete_view, name="item_complete"),
    path("milestones/<int:pk>/", plans.milestone_action_view, name="milestone_action"),
    path("completions/import/", mooc.mooc_import_view, name="mooc_import"),
]
