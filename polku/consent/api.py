"""REST API for consents (a participant's own, or those of a person the coordinator's partner serves) and
for a project's privacy notices (members read every version; the project lead publishes the next one)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.consent.models import Consent, PrivacyNotice, Purpose
from polku.consent.selectors import consent_get, consent_list, notice_list
from polku.consent.services import NoticeText, consent_give, consent_withdraw, notice_current, notice_publish
from polku.core.api import Pagination, paginated_response
from polku.core.errors import ApplicationError
from polku.core.models import Language
from polku.participants.selectors import participation_get
from polku.projects.selectors import project_get

TAGS = ["consents"]


class PrivacyNoticeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PrivacyNotice
        fields = ["id", "version", "language", "title", "published_at"]
        read_only_fields = fields


class ConsentSerializer(serializers.ModelSerializer):
    notice = PrivacyNoticeSerializer(read_only=True)
    is_active = serializers.BooleanField(read_only=True)

    class Meta:
        model = Consent
        fields = ["id", "purpose", "project", "notice", "given_at", "withdrawn_at", "is_active"]
        read_only_fields = fields


class ConsentGiveSerializer(serializers.Serializer):
    purposes = serializers.ListField(child=serializers.ChoiceField(choices=Purpose.choices), min_length=1)
    notice_language = serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        default="en",
        help_text=_("Language of the privacy notice the person read"),
    )


class ParticipantConsentsApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="consent_list",
        tags=TAGS,
        responses=ConsentSerializer(many=True),
        description=_("The person's consents in the participation's project, withdrawn ones included."),
    )
    def get(self, request: Request, pk: int) -> Response:
        participation = participation_get(access=access_for(request.user), pk=pk)
        rows = consent_list(person_id=participation.person_id, project_id=participation.project_id)
        return paginated_response(request=request, view=self, rows=rows, serializer_class=ConsentSerializer)

    @extend_schema(
        operation_id="consent_give",
        tags=TAGS,
        request=ConsentGiveSerializer,
        responses={201: ConsentSerializer(many=True)},
        description=_(
            "Record consents against the project's current privacy notice in the language the person read. "
            "Returns the consents created; purposes already given stay as they are."
        ),
    )
    def post(self, request: Request, pk: int) -> Response:
        participation = participation_get(access=access_for(request.user), pk=pk)
        serializer = ConsentGiveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        notice = notice_current(
            project_id=participation.project_id, language=serializer.validated_data["notice_language"]
        )
        if notice is None:
            raise ApplicationError(
                gettext("This project has no privacy notice yet; the project lead must publish one first.")
            )
        consents = consent_give(
            actor=request.user,
            person=participation.person,
            project_id=participation.project_id,
            purposes=serializer.validated_data["purposes"],
            notice=notice,
        )
        return Response(ConsentSerializer(consents, many=True).data, status=status.HTTP_201_CREATED)


class ConsentWithdrawApi(APIView):
    @extend_schema(
        operation_id="consent_withdraw",
        tags=TAGS,
        request=None,
        responses=ConsentSerializer,
        description=_(
            "Withdraw a consent: the person themselves, or a coordinator recording the person's withdrawal. "
            "Withdrawing consent to take part is a request to leave the project."
        ),
    )
    def post(self, request: Request, pk: int) -> Response:
        consent = consent_get(access=access_for(request.user), pk=pk)
        consent = consent_withdraw(actor=request.user, consent=consent)
        return Response(ConsentSerializer(consent).data)


# --- privacy notices --------------------------------------------------------------------------

NOTICE_TAGS = ["privacy notices"]


class PrivacyNoticeTextSerializer(serializers.ModelSerializer):
    class Meta:
        model = PrivacyNotice
        fields = ["id", "version", "language", "title", "body", "published_at"]
        read_only_fields = fields


class NoticePublishSerializer(serializers.Serializer):
    """Title and text per language; a language left out (or blank) is not part of the new version."""

    title_fi = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    body_fi = serializers.CharField(required=False, allow_blank=True, default="")
    title_sv = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    body_sv = serializers.CharField(required=False, allow_blank=True, default="")
    title_en = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    body_en = serializers.CharField(required=False, allow_blank=True, default="")

    def texts(self) -> dict[str, NoticeText]:
        data = self.validated_data
        return {
            code: NoticeText(title=data[f"title_{code}"], body=data[f"body_{code}"])
            for code in Language.values
        }


class ProjectNoticesApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="privacy_notice_list",
        tags=NOTICE_TAGS,
        responses=PrivacyNoticeTextSerializer(many=True),
        description=_(
            "Every version of the project's privacy notice in every language, newest version first."
        ),
    )
    def get(self, request: Request, code: str) -> Response:
        project = project_get(access=access_for(request.user), code=code)
        rows = notice_list(project_id=project.pk)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=PrivacyNoticeTextSerializer
        )

    @extend_schema(
        operation_id="privacy_notice_publish",
        tags=NOTICE_TAGS,
        request=NoticePublishSerializer,
        responses={201: PrivacyNoticeTextSerializer(many=True)},
        description=_(
            "The project lead or an admin publishes the next version (the next integer, published now) in "
            "the languages given, at least one. Consents already given keep their version."
        ),
    )
    def post(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        serializer = NoticePublishSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        notices = notice_publish(actor=request.user, access=access, project=project, texts=serializer.texts())
        return Response(PrivacyNoticeTextSerializer(notices, many=True).data, status=status.HTTP_201_CREATED)
