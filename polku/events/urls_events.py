"""Pages of events: the list, an event's page and the organisers' set-up (see urls.py)."""

from django.urls import path

from polku.events.views import events as views

urlpatterns = [
    path("", views.index_view, name="index"),
    path("new/", views.create_view, name="create"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/edit/", views.edit_view, name="edit"),
    path("<int:pk>/cancel/", views.cancel_view, name="event_cancel"),
    path("<int:pk>/speakers/", views.speaker_add_view, name="speaker_add"),
    path("<int:pk>/speakers/<int:speaker_pk>/delete/", views.speaker_delete_view, name="speaker_delete"),
    path("<int:pk>/questions/", views.question_add_view, name="question_add"),
    path("<int:pk>/questions/<int:question_pk>/delete/", views.question_delete_view, name="question_delete"),
]
