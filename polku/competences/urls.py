from django.urls import path

from polku.competences import views

app_name = "competences"
urlpatterns = [
    path("me/", views.me_view, name="me"),
    path("people/<int:person_id>/", views.profile_view, name="profile"),
    path("people/<int:person_id>/print/", views.print_view, name="print"),
    path("people/<int:person_id>/pdf/", views.pdf_view, name="pdf"),
    path("people/<int:person_id>/suggest/", views.suggest_view, name="suggest"),
    path("people/<int:person_id>/jobs/<int:pk>/", views.job_view, name="job"),
    path("people/<int:person_id>/review/", views.review_view, name="review"),
    path("people/<int:person_id>/skills/add/", views.add_skill_view, name="add_skill"),
    path("people/<int:person_id>/skills/<int:pk>/remove/", views.remove_skill_view, name="remove_skill"),
    path("people/<int:person_id>/languages/", views.languages_view, name="languages"),
    path("people/<int:person_id>/education/", views.education_view, name="education"),
    path("people/<int:person_id>/occupations/", views.occupations_view, name="occupations"),
]
