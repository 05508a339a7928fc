"""REST API of knowledge: published good practices and handbook pages for everyone, editing for staff,
and a project's evaluation notes for its staff."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest, request_access, signed_in
from polku.accounts.models import User
from polku.core.errors import AccessDenied
from polku.knowledge.models import LANGUAGES, EvaluationNote, GoodPractice, HandbookPage
from polku.knowledge.selectors import (
    evaluation_note_list,
    good_practice_get,
    good_practice_list,
    handbook_page_get,
    handbook_page_list,
)
from polku.knowledge.services import evaluation_note_create, good_practice_save, handbook_page_save
from polku.projects.models import Partner, Project
from polku.projects.selectors import project_get

TAGS = ["knowledge"]
PRACTICE_TEXTS = [f"{n}_{c}" for n in GoodPractice.FIELDS for c in LANGUAGES]
PAGE_TEXTS = [f"{n}_{c}" for n in HandbookPage.FIELDS for c in LANGUAGES]


class GoodPracticeSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(
        slug_field="code", queryset=Project.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = GoodPractice
        fields = ["id", "slug", "project", "status", "published_at", *PRACTICE_TEXTS]
        read_only_fields = ["id", "published_at"]


class HandbookPageSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(
        slug_field="code", queryset=Project.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = HandbookPage
        fields = ["id", "slug", "kind", "project", "status", *PAGE_TEXTS]
        read_only_fields = ["id"]


class GoodPracticeListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="good_practice_list",
        tags=TAGS,
        responses=GoodPracticeSerializer(many=True),
        description=_("Published good practices; public, no login needed."),
    )
    def get(self, request: Request) -> Response:
        rows = good_practice_list(access=request_access(request))
        return Response(GoodPracticeSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="good_practice_create",
        tags=TAGS,
        request=GoodPracticeSerializer,
        responses={201: GoodPracticeSerializer},
        description=_("A project lead or coordinator writes a good practice (a draft until published)."),
    )
    def post(self, request: Request) -> Response:
        actor, access = signed_in(request, refusal=_("Sign in to write good practices."))
        data = GoodPracticeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        saved = good_practice_save(
            actor=actor,
            access=access,
            data=data.validated_data,
        )
        return Response(GoodPracticeSerializer(saved).data, status=status.HTTP_201_CREATED)


class GoodPracticeDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(operation_id="good_practice_retrieve", tags=TAGS, responses=GoodPracticeSerializer)
    def get(self, request: Request, slug: str) -> Response:
        return Response(
            GoodPracticeSerializer(good_practice_get(access=request_access(request), slug=slug)).data
        )

    @extend_schema(
        operation_id="good_practice_update",
        tags=TAGS,
        request=GoodPracticeSerializer(partial=True),
        responses=GoodPracticeSerializer,
    )
    def patch(self, request: Request, slug: str) -> Response:
        actor, access = signed_in(request, refusal=_("Sign in to edit good practices."))
        practice = good_practice_get(access=access, slug=slug, for_edit=True)
        data = GoodPracticeSerializer(instance=practice, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        saved = good_practice_save(
            actor=actor,
            access=access,
            practice=practice,
            data=data.validated_data,
        )
        return Response(GoodPracticeSerializer(saved).data)


class HandbookPageListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="handbook_page_list",
        tags=TAGS,
        responses=HandbookPageSerializer(many=True),
        description=_("Published handbook and tool-book pages; public."),
    )
    def get(self, request: Request) -> Response:
        return Response(
            HandbookPageSerializer(handbook_page_list(access=request_access(request)), many=True).data
        )

    @extend_schema(
        operation_id="handbook_page_create",
        tags=TAGS,
        request=HandbookPageSerializer,
        responses={201: HandbookPageSerializer},
    )
    def post(self, request: Request) -> Response:
        actor, access = signed_in(request, refusal=_("Sign in to write handbook pages."))
        data = HandbookPageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        saved = handbook_page_save(
            actor=actor,
            access=access,
            data=data.validated_data,
        )
        return Response(HandbookPageSerializer(saved).data, status=status.HTTP_201_CREATED)


class HandbookPageDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(operation_id="handbook_page_retrieve", tags=TAGS, responses=HandbookPageSerializer)
    def get(self, request: Request, slug: str) -> Response:
        return Response(
            HandbookPageSerializer(handbook_page_get(access=request_access(request), slug=slug)).data
        )

    @extend_schema(
        operation_id="handbook_page_update",
        tags=TAGS,
        request=HandbookPageSerializer(partial=True),
        responses=HandbookPageSerializer,
    )
    def patch(self, request: Request, slug: str) -> Response:
        actor, access = signed_in(request, refusal=_("Sign in to edit handbook pages."))
        page = handbook_page_get(access=access, slug=slug, for_edit=True)
        data = HandbookPageSerializer(instance=page, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        saved = handbook_page_save(
            actor=actor,
            access=access,
            page=page,
            data=data.validated_data,
        )
        return Response(HandbookPageSerializer(saved).data)


class EvaluationNoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvaluationNote
        fields = [
            "id",
            "date",
            "kind",
            "title",
            "partner",
            "attendees",
            "other_attendees",
            "notes",
            "decisions",
            "author",
            "created_at",
        ]
        read_only_fields = fields


class EvaluationNoteInputSerializer(serializers.Serializer):
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=EvaluationNote.Kind.choices, default=EvaluationNote.Kind.NOTE)
    title = serializers.CharField(max_length=200)
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(), allow_null=True, required=False
    )
    attendees = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), many=True, required=False)
    other_attendees = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    decisions = serializers.ListField(child=serializers.CharField(), required=False)


class EvaluationNoteListApi(APIView):
    @extend_schema(
        operation_id="evaluation_note_list",
        tags=TAGS,
        responses=EvaluationNoteSerializer(many=True),
        description=_(
            "The project's evaluation notes and reflection meetings (its coordinators, lead, evaluators)."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        if not access.can_use_evaluation_notes(project.pk):
            raise AccessDenied(_("Evaluation notes are for the project's staff."))
        return Response(
            EvaluationNoteSerializer(evaluation_note_list(access=access, project=project), many=True).data
        )

    @extend_schema(
        operation_id="evaluation_note_create",
        tags=TAGS,
        request=EvaluationNoteInputSerializer,
        responses={201: EvaluationNoteSerializer},
    )
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        data = EvaluationNoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = evaluation_note_create(
            actor=request.user,
            access=access,
            project=project,
            **data.validated_data,
        )
        return Response(EvaluationNoteSerializer(note).data, status=status.HTTP_201_CREATED)
