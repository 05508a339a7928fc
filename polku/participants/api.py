"""REST API for participants: a coordinator's own partner's people, and a participant's own data.

Participations outside the reader's partners answer 404, so their existence does not leak. The
project lead and evaluators see no people here; they have the participant counts of the project.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response
from polku.participants.models import Participation
from polku.participants.selectors import (
    ParticipantFilter,
    participation_detail_for_staff,
    participation_get,
    participation_list,
)
from polku.participants.serializers import (
    EntryDataInputSerializer,
    EntryDataSerializer,
    ExitInputSerializer,
    ParticipantFilterSerializer,
    ParticipationCreateSerializer,
    ParticipationDetailSerializer,
    ParticipationSerializer,
    PersonSerializer,
    PersonUpdateSerializer,
)
from polku.participants.services import (
    entry_data_update,
    participant_register,
    participation_exit,
    person_update,
)

TAGS = ["participants"]


class ParticipationListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="participation_list",
        tags=TAGS,
        parameters=[ParticipantFilterSerializer],
        responses=ParticipationSerializer(many=True),
        description=_("Participations of the reader's partner organisations (all for admins), newest first."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        params = ParticipantFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        filters = ParticipantFilter(
            q=params.validated_data.get("q", ""),
            project_id=params.validated_data.get("project"),
            partner_id=params.validated_data.get("partner"),
            status=params.validated_data.get("status", ""),
        )
        rows = participation_list(access=access_for(request.user), filters=filters)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=ParticipationSerializer
        )

    @extend_schema(
        operation_id="participation_create",
        tags=TAGS,
        request=ParticipationCreateSerializer,
        responses={201: ParticipationSerializer},
        description=_(
            "A coordinator registers a person for their own partner: contact data, entry facts, languages and "
            "the consents the person gave. An e-mail already known is reused for the same person."
        ),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        serializer = ParticipationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        participation = participant_register(
            actor=request.user,
            access=access_for(request.user),
            partner=serializer.validated_data["partner"],
            registration=serializer.registration(),
            channel=Participation.Channel.COORDINATOR,
        )
        return Response(ParticipationSerializer(participation).data, status=status.HTTP_201_CREATED)


class ParticipationDetailApi(APIView):
    @extend_schema(
        operation_id="participation_retrieve",
        tags=TAGS,
        responses=ParticipationDetailSerializer,
        description=_(
            "The participation with profile and entry data. A staff member's read is written to the audit log."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        participation = participation_detail_for_staff(
            access=access_for(request.user), actor=request.user, pk=pk
        )
        return Response(ParticipationDetailSerializer(participation).data)


class ParticipationExitApi(APIView):
    @extend_schema(
        operation_id="participation_exit",
        tags=TAGS,
        request=ExitInputSerializer,
        responses=ParticipationSerializer,
        description=_("A coordinator of the participation's partner records the exit date."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        serializer = ExitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        participation = participation_exit(
            actor=request.user,
            access=access,
            participation=participation,
            exit_date=serializer.validated_data["exit_date"],
        )
        return Response(ParticipationSerializer(participation).data)


class EntryDataApi(APIView):
    @extend_schema(
        operation_id="entry_data_retrieve",
        tags=TAGS,
        responses=EntryDataSerializer,
        description=_("The entry facts. A staff member's read is written to the audit log."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        participation = participation_detail_for_staff(
            access=access_for(request.user), actor=request.user, pk=pk
        )
        if participation.entry is None:  # type: ignore[attr-defined]
            raise NotFound(gettext("No entry data has been recorded for this participation."))
        return Response(EntryDataSerializer(participation.entry).data)  # type: ignore[attr-defined]

    @extend_schema(
        operation_id="entry_data_replace",
        tags=TAGS,
        request=EntryDataInputSerializer,
        responses=EntryDataSerializer,
        description=_(
            'Replace the entry facts: an item left out becomes "not answered". The person themselves or a '
            "coordinator of the participation's partner."
        ),
    )
    def put(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        serializer = EntryDataInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry_data = entry_data_update(
            actor=request.user, access=access, participation=participation, data=serializer.entry()
        )
        return Response(EntryDataSerializer(entry_data).data)


class PersonApi(APIView):
    @extend_schema(
        operation_id="person_update",
        tags=TAGS,
        request=PersonUpdateSerializer,
        responses=PersonSerializer,
        description=_(
            "Correct contact and profile data of the participation's person. Fields not given stay as they are; "
            "languages, when given, replace the person's languages."
        ),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        serializer = PersonUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        person = person_update(
            actor=request.user,
            access=access,
            person=participation.person,
            data=serializer.person_data(),
            languages=serializer.language_pairs(),
        )
        return Response(PersonSerializer(person).data)
