from django.urls import path

from polku.surveys import views

app_name = "surveys"
urlpatterns = [
    path("", views.my_feedback_view, name="mine"),
    path("<int:pk>/", views.feedback_results_view, name="results"),
    path("<int:pk>/answer/", views.feedback_answer_view, name="answer"),
    path("activity/<str:code>/<int:pk>/", views.feedback_manage_view, name="manage"),
]
