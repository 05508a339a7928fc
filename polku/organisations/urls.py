from django.urls import path

from polku.organisations import views

app_name = "organisations"
urlpatterns = [path("<int:pk>/", views.organisation_detail_view, name="detail")]
