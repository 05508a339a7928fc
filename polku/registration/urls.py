from django.urls import path

from polku.registration import views

app_name = "registration"
urlpatterns = [
    path("manage/", views.manage, name="manage"),
    path("manage/<int:pk>/open/", views.set_open, name="set_open"),
    path("<str:code>/", views.register, name="register"),
    path("<str:code>/steps/<slug:step>/", views.step, name="step"),
    path("<str:code>/check/", views.check, name="check"),
    path("<str:code>/resume/<str:token>/", views.resume, name="resume"),
    path("<str:code>/thanks/", views.thanks, name="thanks"),
]
