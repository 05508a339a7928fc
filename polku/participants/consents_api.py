"""REST API for a person's consents, reached through a participation the reader may see: the person
themselves, or a coordinator of the partner that serves them (recording consent given on paper, or a
withdrawal)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.consent.api import TAGS, ConsentSerializer
from polku.consent.models import Purpose
from polku.consent.selectors import consent_list
from polku.consent.services import consent_give, consent_withdraw, notice_current
from polku.core.api import Pagination, paginated_response
from polku.core.errors import ApplicationError
from polku.core.models import Language
from polku.participants.selectors import consent_get, participation_get


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
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
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
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
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
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        consent = consent_get(access=access_for(request.user), pk=pk)
        consent = consent_withdraw(actor=request.user, consent=consent)
        return Response(ConsentSerializer(consent).data)
