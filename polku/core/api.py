"""Shared pieces of the REST API: pagination, one rendering of business errors, and the shape of a
published figure (polku.suppression.Figure) wherever one is served."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse
from rest_framework import exceptions, serializers, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from polku.core.errors import AccessDenied, ApplicationError


class Pagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200


class FigureSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True)
    hidden = serializers.BooleanField()


def exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        body: dict = {"detail": exc.message}
        body.update(exc.field_errors)
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, AccessDenied) and exc.args:
        # The service's message says what the actor may not do; DRF would replace it with a generic one.
        exc = exceptions.PermissionDenied(detail=str(exc.args[0]))
    return drf_exception_handler(exc, context)


def paginated_response(
    *,
    request: Request,
    view: APIView,
    rows: Iterable[Any],
    serializer_class: type[serializers.BaseSerializer],
) -> Response:
    """One page of `rows` as {count, next, previous, results}; the view sets `pagination_class = Pagination`
    so that the schema describes the page too."""
    paginator = Pagination()
    page: list[Any] | None = paginator.paginate_queryset(rows, request, view=view)  # type: ignore[arg-type]
    return paginator.get_paginated_response(serializer_class(page, many=True).data)


def validated_input(
    serializer_class: type[serializers.Serializer], request: Request, **kwargs: Any
) -> dict[str, Any]:
    """The request body checked by `serializer_class` (400 with field errors otherwise), as a dict."""
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class FileNegotiation(DefaultContentNegotiation):
    """For routes that answer with a file: a client that asks for the file's type (Accept: application/pdf)
    gets it, and any JSON answer (an error, a 202 with a background job) is rendered as JSON rather than
    refused with 406."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except exceptions.NotAcceptable:
            return renderers[0], renderers[0].media_type


def file_response(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """A file to download: its content type and `Content-Disposition: attachment` with its name."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
