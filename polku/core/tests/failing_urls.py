"""The site's URLs plus one view that fails, for the tests of what an unhandled error leaves behind."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the test view failed on purpose")


urlpatterns = [path("test-failure/", fail), *site_urlpatterns]
