"""API routes of registrations (see api_urls.py)."""

from django.urls import URLPattern, path

from polku.events.api import registrations as api

urlpatterns: list[URLPattern] = [
    path("events/my-registrations/", api.MyRegistrationsApi.as_view(), name="events-my-registrations"),
    path("events/calendar-feed/", api.FeedApi.as_view(), name="events-calendar-feed"),
    path("events/public/<str:token>/register/", api.GuestRegisterApi.as_view(), name="events-guest-register"),
    path("events/<int:pk>/register/", api.RegisterApi.as_view(), name="events-register"),
    path(
        "events/<int:pk>/registrations/", api.RegistrationListApi.as_view(), name="events-registration-list"
    ),
    path("events/<int:pk>/check-in/", api.CheckInApi.as_view(), name="events-check-in"),
    path("events/<int:pk>/self-check-in/", api.SelfCheckInApi.as_view(), name="events-self-check-in"),
    path("events/<int:pk>/no-shows/", api.NoShowsApi.as_view(), name="events-no-shows"),
    path("events/<int:pk>/calendar.ics", api.EventIcsApi.as_view(), name="events-event-ics"),
    path(
        "events/registrations/<int:reg_pk>/cancel/",
        api.CancelApi.as_view(),
        name="events-registration-cancel",
    ),
    path(
        "events/registrations/<int:reg_pk>/offer/", api.OfferApi.as_view(), name="events-registration-offer"
    ),
    path(
        "events/registrations/<int:reg_pk>/answers/",
        api.AnswersApi.as_view(),
        name="events-registration-answers",
    ),
    path(
        "events/registrations/<int:reg_pk>/attendance/",
        api.AttendanceApi.as_view(),
        name="events-registration-attendance",
    ),
    path(
        "events/registrations/<int:reg_pk>/certificate.pdf",
        api.CertificateApi.as_view(),
        name="events-registration-certificate",
    ),
    path(
        "events/registrations/<int:reg_pk>/calendar.ics",
        api.RegistrationIcsApi.as_view(),
        name="events-registration-ics",
    ),
]
