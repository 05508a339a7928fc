"""REST API for a project's privacy notices (members read every version; the project lead publishes the
next one) and the serializers of consents. A person's consents are read and given through their
participation, so those routes live in `polku.participants.consents_api`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.consent.models import Consent, PrivacyNotice
from polku.consent.selectors import notice_list
from polku.consent.services import NoticeText, notice_publish
from polku.core.api import Pagination, paginated_response
from polku.core.models import Language
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
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
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
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        serializer = NoticePublishSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        notices = notice_publish(actor=request.user, access=access, project=project, texts=serializer.texts())
        return Response(PrivacyNoticeTextSerializer(notices, many=True).data, status=status.HTTP_201_CREATED)
