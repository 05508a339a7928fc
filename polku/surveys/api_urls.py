from django.urls import path

from polku.surveys.api import (
    ActivityFeedbackFormApi,
    FeedbackAnswerApi,
    FeedbackResultsApi,
    FeedbackResultsCsvApi,
    FeedbackResultsXlsxApi,
    MyFeedbackFormsApi,
)

urlpatterns = [
    path(
        "projects/<str:code>/activities/<int:pk>/feedback-form/",
        ActivityFeedbackFormApi.as_view(),
        name="surveys-activity-feedback-form",
    ),
    path("feedback-forms/<int:pk>/results/", FeedbackResultsApi.as_view(), name="surveys-feedback-results"),
    path(
        "feedback-forms/<int:pk>/results.csv",
        FeedbackResultsCsvApi.as_view(),
        name="surveys-feedback-results-csv",
    ),
    path(
        "feedback-forms/<int:pk>/results.xlsx",
        FeedbackResultsXlsxApi.as_view(),
        name="surveys-feedback-results-xlsx",
    ),
    path("feedback-forms/<int:pk>/answers/", FeedbackAnswerApi.as_view(), name="surveys-feedback-answer"),
    path("me/feedback-forms/", MyFeedbackFormsApi.as_view(), name="surveys-my-feedback-forms"),
]
