from django.urls import path

from polku.mentordays import views

app_name = "mentordays"
urlpatterns = [
    path("", views.index_view, name="index"),
    path("new/", views.create_view, name="create"),
    path("<int:pk>/", views.day_view, name="day"),
    path("<int:pk>/book/", views.book_view, name="book"),
    path("<int:pk>/waitlist/", views.waitlist_join_view, name="waitlist_join"),
    path("<int:pk>/expert/", views.expert_view, name="expert"),
    path("<int:pk>/manage/", views.manage_view, name="manage"),
    path("<int:pk>/edit/", views.edit_view, name="edit"),
    path("<int:pk>/experts/", views.expert_add_view, name="expert_add"),
    path("<int:pk>/experts/<int:expert_pk>/remove/", views.expert_remove_view, name="expert_remove"),
    path("<int:pk>/slots/generate/", views.generate_view, name="generate"),
    path("<int:pk>/slots/<int:slot_pk>/edit/", views.slot_edit_view, name="slot_edit"),
    path("<int:pk>/slots/<int:slot_pk>/remove/", views.slot_delete_view, name="slot_delete"),
    path("bookings/<int:booking_pk>/cancel/", views.booking_cancel_view, name="booking_cancel"),
    path("bookings/<int:booking_pk>/attendance/", views.attendance_view, name="attendance"),
    path("bookings/<int:booking_pk>/calendar.ics", views.booking_ics_view, name="booking_ics"),
    path("waitlist/<int:entry_pk>/leave/", views.waitlist_leave_view, name="waitlist_leave"),
]
