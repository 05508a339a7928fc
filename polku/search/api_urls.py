from django.urls import path

from polku.search.api import SearchApi

urlpatterns = [path("search/", SearchApi.as_view(), name="search")]
