"""Mentoring API of those who run programmes: programmes (the list with counts for evaluators too),
their mentees, matching runs, proposals and publishing."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.mentoring import selectors, services
from polku.mentoring.api.serializers import (
    MenteeInputSerializer,
    MenteeSerializer,
    MentorshipSerializer,
    PairInputSerializer,
    ProgrammeInputSerializer,
    ProgrammeSerializer,
    ProgrammeUpdateSerializer,
    ProposalSerializer,
    RunInputSerializer,
    RunSerializer,
)
from polku.mentoring.models import (
    MatchingRun,
    MentorProfile,
)
from polku.participants.models import Participation

TAGS = ["mentoring"]


# --- programmes -------------------------------------------------------------------------------


class ProgrammeListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="mentoring_programme_list",
        tags=TAGS,
        responses=ProgrammeSerializer(many=True),
        description=_(
            "Programmes with counts: coordinators their partner's and project-wide ones, leads and evaluators every one of their projects."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = selectors.programme_list(access=access_for(request.user))
        return paginated_response(request=request, view=self, rows=rows, serializer_class=ProgrammeSerializer)

    @extend_schema(
        operation_id="mentoring_programme_create",
        tags=TAGS,
        request=ProgrammeInputSerializer,
        responses={201: ProgrammeSerializer},
        description=_(
            "A coordinator for their partner; the project lead for any partner or the whole project."
        ),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(ProgrammeInputSerializer, request)
        project = data.pop("project")
        if not access.can_view_project(project.pk):
            raise AccessDenied(_("Only the project's coordinators can create mentoring programmes."))
        programme = services.programme_create(access=access, project=project, **data)
        return Response(ProgrammeSerializer(programme).data, status=status.HTTP_201_CREATED)


class ProgrammeDetailApi(APIView):
    @extend_schema(operation_id="mentoring_programme_retrieve", tags=TAGS, responses=ProgrammeSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        programme = selectors.programme_get(access=access_for(request.user), pk=pk)
        return Response(ProgrammeSerializer(programme).data)

    @extend_schema(
        operation_id="mentoring_programme_update",
        tags=TAGS,
        request=ProgrammeUpdateSerializer,
        responses=ProgrammeSerializer,
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        programme = selectors.programme_get(access=access, pk=pk)
        programme = services.programme_update(
            access=access,
            programme=programme,
            data=validated_input(ProgrammeUpdateSerializer, request, partial=True),
        )
        return Response(ProgrammeSerializer(programme).data)


class MenteeListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="mentoring_mentee_list", tags=TAGS, responses=MenteeSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        programme = selectors.programme_get(access=access, pk=pk)
        rows = selectors.mentee_list(access=access, programme=programme)
        return paginated_response(request=request, view=self, rows=rows, serializer_class=MenteeSerializer)

    @extend_schema(
        operation_id="mentoring_mentee_create",
        tags=TAGS,
        request=MenteeInputSerializer,
        responses={201: MenteeSerializer},
        description=_(
            "A participant joins an open programme of their project, or their coordinator adds them."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        data = validated_input(MenteeInputSerializer, request)
        participation_id = data.pop("participation", None)
        if participation_id is None:
            programme, participation = selectors.programme_for_participant(access=access, pk=pk)
        else:
            programme = selectors.programme_get(access=access, pk=pk)
            participation = get_object_or_404(
                Participation.objects.filter(access.participation_filter()), pk=participation_id
            )
        mentee = services.mentee_join(
            actor=request.user,
            access=access,
            programme=programme,
            participation=participation,
            wished_mentor_ids=data.pop("wished_mentors"),
            **data,
        )
        return Response(MenteeSerializer(mentee).data, status=status.HTTP_201_CREATED)


# --- matching ---------------------------------------------------------------------------------


def _run_data(request: AuthenticatedRequest, run: MatchingRun) -> Any:
    proposals = selectors.proposal_list(access=access_for(request.user), actor=request.user, run=run)
    return RunSerializer(run, context={"proposals": proposals}).data


class RunListApi(APIView):
    @extend_schema(
        operation_id="mentoring_run_create",
        tags=TAGS,
        request=RunInputSerializer,
        responses={201: RunSerializer},
        description=_(
            "Run the matching engine over the programme's unmatched mentees and mentors with free places."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        programme = selectors.programme_get(access=access, pk=pk)
        run = services.matching_run(
            actor=request.user,
            access=access,
            programme=programme,
            objective=validated_input(RunInputSerializer, request)["objective"],
        )
        return Response(_run_data(request, run), status=status.HTTP_201_CREATED)


class RunDetailApi(APIView):
    @extend_schema(operation_id="mentoring_run_retrieve", tags=TAGS, responses=RunSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        run = selectors.run_get(access=access_for(request.user), pk=pk)
        return Response(_run_data(request, run))


class RunProposalsApi(APIView):
    @extend_schema(
        operation_id="mentoring_proposal_create",
        tags=TAGS,
        request=PairInputSerializer,
        responses={201: ProposalSerializer},
        description=_("Add a pair by hand; it gets the computed reasons. Refused when the rules forbid it."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        run = selectors.run_get(access=access, pk=pk)
        data = validated_input(PairInputSerializer, request)
        proposal = services.proposal_add(
            access=access,
            run=run,
            mentee=selectors.mentee_get(access=access, programme=run.programme, pk=data["mentee"]),
            mentor=get_object_or_404(MentorProfile, pk=data["mentor"]),
        )
        return Response(ProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)


class ProposalDetailApi(APIView):
    @extend_schema(operation_id="mentoring_proposal_remove", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        services.proposal_remove(access=access, proposal=selectors.proposal_get(access=access, pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RunPublishApi(APIView):
    @extend_schema(
        operation_id="mentoring_run_publish",
        tags=TAGS,
        request=None,
        responses={201: MentorshipSerializer(many=True)},
        description=_(
            "Publish the live proposals as mentorships waiting for both sides' answers; e-mails both."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        run = selectors.run_get(access=access, pk=pk)
        created = services.run_publish(actor=request.user, access=access, run=run)
        return Response(MentorshipSerializer(created, many=True).data, status=status.HTTP_201_CREATED)
