from django.urls import path

from polku.participants import invite_views, views

app_name = "participants"
urlpatterns = [
    path("", views.participant_list_view, name="list"),
    path("new/", views.participant_create_view, name="create"),
    path("invite/", invite_views.participant_invite_many_view, name="invite_many"),
    path("export/", invite_views.participant_export_chosen_view, name="export_chosen"),
    path("me/", views.me_view, name="me"),
    path("<int:pk>/", views.participant_detail_view, name="detail"),
    path("<int:pk>/edit/", views.person_edit_view, name="edit"),
    path("<int:pk>/entry-data/", views.entry_data_edit_view, name="entry_data"),
    path("<int:pk>/exit/", views.participation_exit_view, name="exit"),
    path("<int:pk>/invite/", invite_views.participant_invite_view, name="invite"),
    path("consents/<int:pk>/withdraw/", views.consent_withdraw_view, name="consent_withdraw"),
]
