"""Completions API: a person's completions, marking an opportunity completed by hand, and completions
imported from a MOOC platform's CSV export (a dry run by default) for a partner's participants."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
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
from polku.learning.models import Completion
from polku.learning.services.completions import completion_record
from polku.learning.services.mooc import mooc_import, mooc_summary
from polku.projects.models import Partner


class CompletionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Completion
        fields = ["id", "person", "opportunity", "completed_on", "grade", "note", "source"]
        read_only_fields = fields


class CompletionInputSerializer(serializers.Serializer):
    person = serializers.IntegerField(required=False, help_text=_("Leave out for yourself"))
    opportunity = serializers.IntegerField()
    completed_on = serializers.DateField()
    grade = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class MoocImportInputSerializer(CsvImportInputSerializer):
    partner = serializers.IntegerField()
    mapping = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        default=dict,
        help_text=_("email/course/completed_on/grade → column name"),
    )


class MoocRowSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    email = serializers.CharField()
    course = serializers.CharField()
    completed_on = serializers.DateField(allow_null=True)
    grade = serializers.CharField()
    status = serializers.CharField()
    message = serializers.CharField()


class MoocImportSerializer(serializers.Serializer):
    summary = serializers.DictField(child=serializers.IntegerField())
    rows = MoocRowSerializer(many=True)


class PersonCompletionsApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="learning_person_completions",
        tags=TAGS,
        responses=CompletionSerializer(many=True),
        description="Completions of a person: themselves, their coordinators, admins.",
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        person = selectors.person_get(access=access_for(request.user), pk=pk)
        rows = selectors.completions_of(person)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=CompletionSerializer
        )


class CompletionListApi(APIView):
    @extend_schema(
        operation_id="learning_completion_create",
        tags=TAGS,
        request=CompletionInputSerializer,
        responses={201: CompletionSerializer, 200: CompletionSerializer},
        description="Mark an opportunity completed by hand: its skills are added to the profile as evidence "
        "and the person's plans move on. A repeat answers 200 with the existing completion.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(CompletionInputSerializer, request)
        person_id = data.pop("person", None) or access.person_id
        if person_id is None:
            raise AccessDenied(_("Say whose completion this is."))
        person = selectors.person_get(access=access, pk=person_id)
        opportunity = selectors.opportunity_get(access=access, pk=data.pop("opportunity"))
        completion, created = completion_record(
            access=access,
            actor=request.user,
            person=person,
            opportunity=opportunity,
            **data,
        )
        return Response(
            CompletionSerializer(completion).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class MoocImportApi(APIView):
    parser_classes = [MultiPartParser, JSONParser]

    @extend_schema(
        operation_id="learning_completion_import",
        tags=TAGS,
        request={
            "multipart/form-data": MoocImportInputSerializer,
            "application/json": MoocImportInputSerializer,
        },
        responses=MoocImportSerializer,
        description="Completions from a MOOC platform's CSV export (Moodle, mooc.fi or a mapping of columns), "
        "matched by e-mail within the partner. Unmatched rows are reported; re-importing changes nothing.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(MoocImportInputSerializer, request)
        partner = Partner.objects.filter(pk=data["partner"]).first()
        if partner is None or not access.can_manage_partner(partner.pk):
            raise AccessDenied(_("You can import completions only for your own partner organisation."))
        rows = mooc_import(
            access=access,
            actor=request.user,
            partner=partner,
            content=csv_bytes(data),
            mapping=data["mapping"] or None,
            dry_run=data["dry_run"],
        )
        return Response({"summary": mooc_summary(rows), "rows": [r.as_json() for r in rows]})
