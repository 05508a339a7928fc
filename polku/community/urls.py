from django.urls import path

from polku.community import views

app_name = "community"
urlpatterns = [
    path("", views.index_view, name="index"),
    path("me/", views.profile_edit_view, name="profile_edit"),
    path("me/on/", views.directory_on_view, name="directory_on"),
    path("me/off/", views.directory_off_view, name="directory_off"),
    path("me/photo/", views.photo_upload_view, name="photo_upload"),
    path("suggestions/", views.suggestions_view, name="suggestions"),
    path("connections/", views.connections_view, name="connections"),
    path("connections/<int:pk>/answer/", views.answer_view, name="answer"),
    path("people/<int:pk>/", views.profile_view, name="profile"),
    path("people/<int:pk>/photo/", views.photo_view, name="photo"),
    path("people/<int:pk>/connect/", views.connect_view, name="connect"),
    path("people/<int:pk>/block/", views.block_view, name="block"),
    path("people/<int:pk>/report/", views.report_view, name="report"),
    path("people/<int:pk>/messages/", views.thread_view, name="thread"),
    path("messages/", views.messages_view, name="messages"),
    path("reports/", views.reports_view, name="reports"),
    path("reports/<int:pk>/handle/", views.report_handle_view, name="report_handle"),
    path("projects/<str:code>/sharing/", views.sharing_view, name="sharing"),
]
