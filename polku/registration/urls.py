from django.urls import path

from polku.registration import views

app_name = "registration"
urlpatterns = [
    path("manage/", views.manage, name="manage"),
    path("manage/<int:pk>/open/", views.set_open, name="set_open"),
    path("<str:code>/", views.register, name="register"),
    path("<str:code>/thanks/", views.thanks, name="thanks"),
]
