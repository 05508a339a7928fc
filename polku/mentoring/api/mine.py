"""Mentoring API of mentors and participants: self-service (ranked mentors, asking one), the mentor's own
profile, and mentorships with their answers, goals, sessions, check-ins and closing; session notes reach
only the pair."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import validated_input
from polku.core.errors import AccessDenied
from polku.mentoring import selectors, services
from polku.mentoring.api.serializers import (
    CheckInSerializer,
    CloseInputSerializer,
    GoalSerializer,
    MentorProfileSerializer,
    MentorshipDetailSerializer,
    MentorshipSerializer,
    RankedMentorSerializer,
    RatingInputSerializer,
    RespondInputSerializer,
    SessionSerializer,
)
from polku.mentoring.models import (
    MenteeRequest,
    MentorProfile,
)

TAGS = ["mentoring"]


# --- self-service -----------------------------------------------------------------------------


def _own_mentee(request: AuthenticatedRequest, pk: int) -> tuple[Access, MenteeRequest]:
    access = access_for(request.user)
    programme, _participation = selectors.programme_for_participant(access=access, pk=pk)
    mentee = selectors.own_mentee_request(access=access, programme=programme)
    if mentee is None:
        raise Http404
    return access, mentee


class RankedMentorsApi(APIView):
    @extend_schema(
        operation_id="mentoring_ranked_mentors",
        tags=TAGS,
        responses=RankedMentorSerializer(many=True),
        description=_(
            "For a participant who joined the programme: its mentors with free places, best first, with reasons."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        _access, mentee = _own_mentee(request, pk)
        return Response(RankedMentorSerializer(selectors.ranked_mentors(mentee=mentee), many=True).data)


class MentorRequestApi(APIView):
    @extend_schema(
        operation_id="mentoring_mentor_request",
        tags=TAGS,
        request=serializers.Serializer,
        responses={201: MentorshipSerializer},
        description=_(
            "Self-service: ask a mentor; takes one of the mentor's places atomically or answers 400."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int, mentor_pk: int) -> Response:
        access, mentee = _own_mentee(request, pk)
        mentor = get_object_or_404(MentorProfile, pk=mentor_pk)
        mentorship = services.mentor_request(actor=request.user, access=access, mentee=mentee, mentor=mentor)
        return Response(MentorshipSerializer(mentorship).data, status=status.HTTP_201_CREATED)


# --- mentor profile ---------------------------------------------------------------------------


class MentorProfileApi(APIView):
    @extend_schema(
        operation_id="mentoring_mentor_profile_retrieve", tags=TAGS, responses=MentorProfileSerializer
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_keep_mentor_profile():
            raise AccessDenied(_("Only mentors have a mentor profile."))
        profile = selectors.mentor_profile_of(user=request.user) or MentorProfile(user=request.user)
        return Response(MentorProfileSerializer(profile).data)

    @extend_schema(
        operation_id="mentoring_mentor_profile_update",
        tags=TAGS,
        request=MentorProfileSerializer,
        responses=MentorProfileSerializer,
        description=_("The signed-in mentor's own profile; created on the first save."),
    )
    def put(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_keep_mentor_profile():
            raise AccessDenied(_("Only mentors have a mentor profile."))
        data = validated_input(MentorProfileSerializer, request, partial=True)
        profile = services.mentor_profile_save(actor=request.user, access=access, data=data)
        return Response(MentorProfileSerializer(profile).data)


# --- mentorships ------------------------------------------------------------------------------


class MyMentorshipsApi(APIView):
    @extend_schema(
        operation_id="mentoring_my_mentorships",
        tags=TAGS,
        responses=MentorshipSerializer(many=True),
        description=_("The reader's mentorships as a mentee and as a mentor."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        mine = selectors.my_mentorships(access=access_for(request.user))
        return Response(MentorshipSerializer([*mine["mentee"], *mine["mentor"]], many=True).data)


def _mentorship(request: AuthenticatedRequest, pk: int) -> tuple[Access, selectors.MentorshipView]:
    access = access_for(request.user)
    return access, selectors.mentorship_get(access=access, actor=request.user, pk=pk)


def _detail(view: selectors.MentorshipView) -> Any:
    return MentorshipDetailSerializer(view.mentorship, context={"sessions": view.sessions}).data


class MentorshipDetailApi(APIView):
    @extend_schema(
        operation_id="mentoring_mentorship_retrieve",
        tags=TAGS,
        responses=MentorshipDetailSerializer,
        description=_("For the pair, and for the programme's coordinators without session notes."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        _access, view = _mentorship(request, pk)
        return Response(_detail(view))


class MentorshipRespondApi(APIView):
    @extend_schema(
        operation_id="mentoring_mentorship_respond",
        tags=TAGS,
        request=RespondInputSerializer,
        responses=MentorshipSerializer,
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, view = _mentorship(request, pk)
        mentorship = services.mentorship_respond(
            actor=request.user,
            access=access,
            mentorship=view.mentorship,
            accept=validated_input(RespondInputSerializer, request)["accept"],
        )
        return Response(MentorshipSerializer(mentorship).data)


class GoalListApi(APIView):
    @extend_schema(
        operation_id="mentoring_goal_create",
        tags=TAGS,
        request=GoalSerializer,
        responses={201: GoalSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, view = _mentorship(request, pk)
        goal = services.goal_add(
            access=access, mentorship=view.mentorship, text=validated_input(GoalSerializer, request)["text"]
        )
        return Response(GoalSerializer(goal).data, status=status.HTTP_201_CREATED)


class SessionListApi(APIView):
    @extend_schema(
        operation_id="mentoring_session_create",
        tags=TAGS,
        request=SessionSerializer,
        responses={201: SessionSerializer},
        description=_("Either side logs a session, or that the other side did not come (status no_show)."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, view = _mentorship(request, pk)
        session = services.session_log(
            access=access, mentorship=view.mentorship, **validated_input(SessionSerializer, request)
        )
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class MentorshipCloseApi(APIView):
    @extend_schema(
        operation_id="mentoring_mentorship_close",
        tags=TAGS,
        request=CloseInputSerializer,
        responses=MentorshipSerializer,
        description=_("Either side closes with their feedback (rating required), or a coordinator closes."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, view = _mentorship(request, pk)
        mentorship = services.mentorship_close(
            actor=request.user,
            access=access,
            mentorship=view.mentorship,
            **validated_input(CloseInputSerializer, request),
        )
        return Response(MentorshipSerializer(mentorship).data)


class CheckInAnswerApi(APIView):
    @extend_schema(
        operation_id="mentoring_checkin_answer",
        tags=TAGS,
        request=RatingInputSerializer,
        responses=CheckInSerializer,
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        checkin = selectors.checkin_get(access=access, pk=pk)
        checkin = services.checkin_answer(
            access=access, checkin=checkin, **validated_input(RatingInputSerializer, request)
        )
        return Response(CheckInSerializer(checkin).data)
