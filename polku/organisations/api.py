"""REST API for organisations: members of a project see the organisations taking part in it; admins manage them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response
from polku.organisations.models import Organisation
from polku.organisations.selectors import organisation_get, organisation_list
from polku.organisations.services import organisation_create, organisation_update

TAGS = ["organisations"]


class OrganisationSerializer(serializers.ModelSerializer):
    # a web address, or "" when none is known (a URL field's schema would not allow the empty string)
    website = serializers.CharField(read_only=True, help_text=_("The web address; empty when not known"))

    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "country", "business_id", "website", "created_at", "updated_at"]
        read_only_fields = fields


class OrganisationInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=Organisation.Kind.choices)
    country = serializers.CharField(min_length=2, max_length=2, help_text=_("ISO 3166 country code, e.g. FI"))
    business_id = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Finnish business ID (Y-tunnus), e.g. 0201256-6; Finnish organisations only"),
    )
    website = serializers.URLField(max_length=200, required=False, allow_blank=True, default="")


class OrganisationListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="organisation_list", tags=TAGS, responses=OrganisationSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        organisations = organisation_list(access=access_for(request.user))
        return paginated_response(
            request=request, view=self, rows=organisations, serializer_class=OrganisationSerializer
        )

    @extend_schema(
        operation_id="organisation_create",
        tags=TAGS,
        request=OrganisationInputSerializer,
        responses={201: OrganisationSerializer},
        description=_("Platform admins only."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        serializer = OrganisationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = organisation_create(access=access_for(request.user), **serializer.validated_data)
        return Response(OrganisationSerializer(organisation).data, status=status.HTTP_201_CREATED)


class OrganisationDetailApi(APIView):
    @extend_schema(operation_id="organisation_retrieve", tags=TAGS, responses=OrganisationSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        organisation = organisation_get(access=access_for(request.user), pk=pk)
        return Response(OrganisationSerializer(organisation).data)

    @extend_schema(
        operation_id="organisation_update",
        tags=TAGS,
        request=OrganisationInputSerializer,
        responses=OrganisationSerializer,
        description=_("Platform admins only. Fields not given stay as they are."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        organisation = organisation_get(access=access, pk=pk)
        serializer = OrganisationInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        organisation = organisation_update(
            access=access, organisation=organisation, data=serializer.validated_data
        )
        return Response(OrganisationSerializer(organisation).data)
