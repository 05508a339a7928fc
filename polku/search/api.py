"""GET /api/v1/search/?q=…: the staff's search as data (the same rules as the page)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import coordinator_access
from polku.accounts.http import AuthenticatedRequest
from polku.search.selectors import MAX_QUERY, global_search

TAGS = ["search"]


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=MAX_QUERY, help_text=gettext_lazy("Words to look for (2 characters or more)")
    )


class SearchHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    detail = serializers.CharField()


class SearchResultsSerializer(serializers.Serializer):
    q = serializers.CharField()
    people = SearchHitSerializer(many=True)
    activities = SearchHitSerializer(many=True)
    events = SearchHitSerializer(many=True)
    organisations = SearchHitSerializer(many=True)


class SearchApi(APIView):
    @extend_schema(
        operation_id="search",
        tags=TAGS,
        parameters=[OpenApiParameter("q", str, required=True)],
        responses=SearchResultsSerializer,
        description=gettext_lazy(
            "People (participations of the reader's partners), activities, events and organisations "
            "matching every word. Coordinators and platform admins."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = coordinator_access(request.user, refusal=_("The search is for coordinators."))
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = global_search(access=access, q=query.validated_data["q"])
        data = {
            "q": found.q,
            "people": [
                {"id": p.pk, "name": p.person.full_name, "detail": p.project.name} for p in found.people
            ],
            "activities": [{"id": a.pk, "name": a.name, "detail": a.project.name} for a in found.activities],
            "events": [
                {"id": e.pk, "name": e.title, "detail": e.starts_at.date().isoformat()} for e in found.events
            ],
            "organisations": [{"id": o.pk, "name": o.name, "detail": ""} for o in found.organisations],
        }
        return Response(SearchResultsSerializer(data).data)
