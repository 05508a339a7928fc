"""Catalogue API: learning opportunities (list with filters, create, read, change, delete) and the
catalogue's CSV export and import (a dry run by default). Everyone signed in reads the active catalogue;
`Access.can_manage_opportunities` decides who changes what."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.learning import selectors
from polku.learning.api.common import TAGS, CsvImportInputSerializer, csv_bytes
from polku.learning.models import LearningOpportunity, Mode
from polku.learning.services.catalogue import (
    OPPORTUNITY_FIELDS,
    Owner,
    catalogue_check,
    catalogue_export,
    catalogue_import,
    opportunity_delete,
    opportunity_save,
    owner_from_key,
)


class OpportunitySerializer(serializers.ModelSerializer):
    skills = serializers.SerializerMethodField()
    owner = serializers.SerializerMethodField()
    languages = serializers.DictField(child=serializers.CharField())
    competences = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = LearningOpportunity
        fields = [
            "id",
            "code",
            "kind",
            "provider",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "languages",
            "mode",
            "hours",
            "ects",
            "cost",
            "self_paced",
            "starts_on",
            "ends_on",
            "url",
            "skills",
            "competences",
            "owner",
            "is_active",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_skills(self, opportunity: LearningOpportunity) -> list[str]:
        return sorted(s.uri for s in opportunity.skills.all())

    @extend_schema_field(serializers.CharField())
    def get_owner(self, opportunity: LearningOpportunity) -> str:
        if opportunity.partner_id is not None:
            return f"partner:{opportunity.partner_id}"
        if opportunity.project_id is not None:
            return f"project:{opportunity.project_id}"
        return "platform"


class OpportunityInputSerializer(serializers.Serializer):
    owner = serializers.CharField(help_text=_('"partner:<id>", "project:<id>" or "platform"'))
    code = serializers.CharField(max_length=80)
    kind = serializers.ChoiceField(choices=LearningOpportunity.Kind.choices, default="course")
    provider = serializers.CharField(max_length=200)
    title_fi = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    title_sv = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description_fi = serializers.CharField(required=False, allow_blank=True, default="")
    description_sv = serializers.CharField(required=False, allow_blank=True, default="")
    description_en = serializers.CharField(required=False, allow_blank=True, default="")
    languages = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        default=dict,
        help_text=_("Language → minimum CEFR level"),
    )
    mode = serializers.ChoiceField(choices=Mode.choices, default="online")
    hours = serializers.DecimalField(max_digits=6, decimal_places=1)
    ects = serializers.DecimalField(
        max_digits=5, decimal_places=1, required=False, allow_null=True, default=None
    )
    cost = serializers.DecimalField(max_digits=8, decimal_places=2, required=False, default=Decimal(0))
    self_paced = serializers.BooleanField(required=False, default=False)
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    url = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    skills = serializers.ListField(
        child=serializers.CharField(), required=False, default=list, help_text=_("ESCO skill URIs")
    )
    competences = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    is_active = serializers.BooleanField(required=False, default=True)


class OpportunityUpdateSerializer(OpportunityInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            field.default = serializers.empty


class CatalogueImportInputSerializer(CsvImportInputSerializer):
    owner = serializers.CharField(help_text=_('"partner:<id>", "project:<id>" or "platform"'))


class RowResultSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    code = serializers.CharField()
    # DRF's metaclass takes declared fields off the class, so this does not hide `Serializer.errors`
    errors = serializers.ListField(child=serializers.CharField())  # type: ignore[assignment]


class CatalogueImportSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    imported = serializers.IntegerField()
    rows = RowResultSerializer(many=True)


class OpportunityListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="learning_opportunity_list",
        tags=TAGS,
        parameters=[
            OpenApiParameter("language", str, description="Teaching language"),
            OpenApiParameter("mode", str, description="online, onsite or blended"),
            OpenApiParameter("skill", str, description="Words of a skill label, or an ESCO URI"),
            OpenApiParameter("kind", str),
        ],
        responses=OpportunitySerializer(many=True),
        description="Active learning opportunities (and inactive ones the user may edit), filtered.",
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        rows = selectors.opportunity_list(
            access=access,
            language=request.query_params.get("language", ""),
            mode=request.query_params.get("mode", ""),
            skill=request.query_params.get("skill", ""),
            kind=request.query_params.get("kind", ""),
            include_inactive=access.can_add_opportunities(),
        )
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=OpportunitySerializer
        )

    @extend_schema(
        operation_id="learning_opportunity_create",
        tags=TAGS,
        request=OpportunityInputSerializer,
        responses={201: OpportunitySerializer},
        description="Add an opportunity: coordinators for their partner, project leads for their project, admins.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_add_opportunities():
            raise AccessDenied(_("Only coordinators, project leads and admins add learning opportunities."))
        data = validated_input(OpportunityInputSerializer, request)
        owner = owner_from_key(data.pop("owner"))
        skills = data.pop("skills")
        opportunity = opportunity_save(
            access=access, actor=request.user, values=data, skill_uris=skills, owner=owner
        )
        return Response(OpportunitySerializer(opportunity).data, status=status.HTTP_201_CREATED)


class OpportunityDetailApi(APIView):
    @extend_schema(operation_id="learning_opportunity_retrieve", tags=TAGS, responses=OpportunitySerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        return Response(
            OpportunitySerializer(selectors.opportunity_get(access=access_for(request.user), pk=pk)).data
        )

    @extend_schema(
        operation_id="learning_opportunity_update",
        tags=TAGS,
        request=OpportunityUpdateSerializer,
        responses=OpportunitySerializer,
        description="Change an opportunity (its owner's coordinators, the project lead, admins).",
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        opportunity = selectors.opportunity_get(access=access, pk=pk)
        if not access.can_manage_opportunities(
            partner_id=opportunity.partner_id, project_id=opportunity.owner_project_id
        ):
            raise AccessDenied(_("You can edit only the opportunities of your own partner or project."))
        data = validated_input(OpportunityUpdateSerializer, request)
        owner_key = data.pop("owner", None)
        owner = (
            owner_from_key(owner_key)
            if owner_key
            else Owner(partner=opportunity.partner, project=opportunity.project)
        )
        skills = data.pop("skills", None)
        values = {n: getattr(opportunity, n) for n in OPPORTUNITY_FIELDS} | data
        uris = skills if skills is not None else [s.uri for s in opportunity.skills.all()]
        opportunity = opportunity_save(
            access=access,
            actor=request.user,
            values=values,
            skill_uris=uris,
            owner=owner,
            opportunity=opportunity,
        )
        return Response(OpportunitySerializer(opportunity).data)

    @extend_schema(
        operation_id="learning_opportunity_delete",
        tags=TAGS,
        responses={204: None},
        description="Delete an opportunity nobody has planned or completed; otherwise make it inactive instead.",
    )
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        opportunity = selectors.opportunity_get(access=access, pk=pk)
        opportunity_delete(access=access, actor=request.user, opportunity=opportunity)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CatalogueExportApi(APIView):
    @extend_schema(
        operation_id="learning_catalogue_export",
        tags=TAGS,
        responses={(200, "text/csv"): OpenApiTypes.STR},
        description="The catalogue as CSV (the columns of docs/learning.md); it imports back unchanged.",
    )
    def get(self, request: AuthenticatedRequest) -> HttpResponse:
        access = access_for(request.user)
        rows = selectors.opportunity_list(access=access, include_inactive=access.can_add_opportunities())
        response = HttpResponse(catalogue_export(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="learning-catalogue.csv"'
        return response


class CatalogueImportApi(APIView):
    parser_classes = [MultiPartParser, JSONParser]

    @extend_schema(
        operation_id="learning_catalogue_import",
        tags=TAGS,
        request={
            "multipart/form-data": CatalogueImportInputSerializer,
            "application/json": CatalogueImportInputSerializer,
        },
        responses={200: CatalogueImportSerializer},
        description="Check (dry_run, the default) or import a catalogue CSV. Nothing is imported if any row fails: "
        "the answer is 400 with the rows' errors.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_add_opportunities():
            raise AccessDenied(
                _("Only coordinators, project leads and admins import learning opportunities.")
            )
        data = validated_input(CatalogueImportInputSerializer, request)
        owner = owner_from_key(data["owner"])
        content = csv_bytes(data)
        check = catalogue_check(access=access, content=content, owner=owner)
        imported = 0
        if not data["dry_run"]:
            imported = catalogue_import(access=access, actor=request.user, content=content, owner=owner)
        return Response({"ok": check.ok, "imported": imported, "rows": check.as_json()})
