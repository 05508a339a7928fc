"""Mentor-day routes of the REST API (appended to config.api_urls)."""

from django.urls import path

from polku.mentordays import api

urlpatterns = [
    path("mentor-days/", api.DayListApi.as_view(), name="mentordays-day-list"),
    path("mentor-days/my-bookings/", api.MyBookingsApi.as_view(), name="mentordays-my-bookings"),
    path("mentor-days/<int:pk>/", api.DayDetailApi.as_view(), name="mentordays-day-detail"),
    path("mentor-days/<int:pk>/experts/", api.ExpertListApi.as_view(), name="mentordays-expert-list"),
    path(
        "mentor-days/<int:pk>/experts/<int:expert_pk>/",
        api.ExpertDetailApi.as_view(),
        name="mentordays-expert-detail",
    ),
    path("mentor-days/<int:pk>/slots/", api.SlotListApi.as_view(), name="mentordays-slot-list"),
    path("mentor-days/<int:pk>/slots/new/", api.SlotCreateApi.as_view(), name="mentordays-slot-create"),
    path(
        "mentor-days/<int:pk>/slots/generate/", api.SlotGenerateApi.as_view(), name="mentordays-slot-generate"
    ),
    path(
        "mentor-days/<int:pk>/slots/<int:slot_pk>/",
        api.SlotDetailApi.as_view(),
        name="mentordays-slot-detail",
    ),
    path("mentor-days/<int:pk>/bookings/", api.BookingListApi.as_view(), name="mentordays-booking-list"),
    path("mentor-days/<int:pk>/waitlist/", api.WaitlistApi.as_view(), name="mentordays-waitlist"),
    path(
        "mentor-days/bookings/<int:booking_pk>/cancel/",
        api.BookingCancelApi.as_view(),
        name="mentordays-booking-cancel",
    ),
    path(
        "mentor-days/bookings/<int:booking_pk>/calendar.ics",
        api.BookingIcsApi.as_view(),
        name="mentordays-booking-ics",
    ),
    path(
        "mentor-days/bookings/<int:booking_pk>/attendance/",
        api.AttendanceApi.as_view(),
        name="mentordays-booking-attendance",
    ),
    path(
        "mentor-days/waitlist/<int:entry_pk>/leave/",
        api.WaitlistLeaveApi.as_view(),
        name="mentordays-waitlist-leave",
    ),
]
