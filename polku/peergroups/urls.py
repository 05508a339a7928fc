from django.urls import path

from polku.peergroups import views

app_name = "peergroups"

urlpatterns = [
    path("", views.round_list_view, name="list"),
    path("mine/", views.mine_view, name="mine"),
    path("meetings/<int:meeting_pk>/reflection/", views.reflection_view, name="reflection"),
    path("<int:pk>/", views.round_detail_view, name="detail"),
    path("<int:pk>/<str:action>/", views.round_action_view, name="action"),
]
