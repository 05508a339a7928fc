"""Pages of registrations (see urls.py)."""

from django.urls import URLPattern, path

from polku.events.views import registrations as views

urlpatterns: list[URLPattern] = [
    path("mine/", views.mine_view, name="mine"),
    path("feed/", views.feed_settings_view, name="feed_settings"),
    path("feed/<str:token>.ics", views.feed_view, name="feed"),
    path("p/<str:token>/", views.public_view, name="public"),
    path("r/<str:code>/", views.ticket_view, name="ticket"),
    path("r/<str:code>/cancel/", views.ticket_cancel_view, name="ticket_cancel"),
    path("r/<str:code>/offer/", views.ticket_offer_view, name="ticket_offer"),
    path("r/<str:code>/calendar.ics", views.ticket_ics_view, name="ticket_ics"),
    path("<int:pk>/register/", views.register_view, name="register"),
    path("<int:pk>/calendar.ics", views.event_ics_view, name="event_ics"),
    path("<int:pk>/registrations/", views.registrations_view, name="registrations"),
    path("<int:pk>/registrations/add/", views.add_participant_view, name="add_participant"),
    path("<int:pk>/registrations/no-shows/", views.no_shows_view, name="no_shows"),
    path("<int:pk>/check-in/", views.check_in_view, name="check_in"),
    path("<int:pk>/self-check-in/", views.self_check_in_view, name="self_check_in"),
    path("registrations/<int:reg_pk>/cancel/", views.cancel_view, name="cancel"),
    path("registrations/<int:reg_pk>/offer/", views.offer_view, name="offer"),
    path("registrations/<int:reg_pk>/check-in/", views.check_in_one_view, name="check_in_one"),
    path("registrations/<int:reg_pk>/attendance/", views.attendance_view, name="attendance"),
    path("registrations/<int:reg_pk>/calendar.ics", views.registration_ics_view, name="registration_ics"),
    path("registrations/<int:reg_pk>/certificate.pdf", views.certificate_view, name="certificate"),
]
