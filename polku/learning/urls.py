from django.urls import path

from polku.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.catalogue_view, name="catalogue"),
    path("opportunities/new/", views.opportunity_create_view, name="opportunity_create"),
    path("opportunities/<int:pk>/", views.opportunity_view, name="opportunity"),
    path("opportunities/<int:pk>/edit/", views.opportunity_edit_view, name="opportunity_edit"),
    path("catalogue.csv", views.catalogue_export_view, name="catalogue_export"),
    path("catalogue/import/", views.catalogue_import_view, name="catalogue_import"),
    path("plans/", views.plan_list_view, name="plans"),
    path("plans/new/", views.plan_create_view, name="plan_create"),
    path("people/<int:person_pk>/", views.person_plans_view, name="person_plans"),
    path("people/<int:person_pk>/plans/new/", views.plan_create_view, name="person_plan_create"),
    path("plans/<int:pk>/", views.plan_view, name="plan"),
    path("plans/<int:pk>/propose/", views.plan_propose_view, name="plan_propose"),
    path("plans/<int:pk>/status/", views.plan_status_view, name="plan_status"),
    path("plans/<int:pk>/items/", views.item_add_view, name="item_add"),
    path("plans/<int:pk>/milestones/", views.milestone_add_view, name="milestone_add"),
    path("plans/<int:pk>/comments/", views.comment_add_view, name="comment_add"),
    path("items/<int:pk>/", views.item_action_view, name="item_action"),
    path("items/<int:pk>/complete/", views.item_complete_view, name="item_complete"),
    path("milestones/<int:pk>/", views.milestone_action_view, name="milestone_action"),
    path("completions/import/", views.mooc_import_view, name="mooc_import"),
]
