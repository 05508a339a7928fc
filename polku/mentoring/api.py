"""REST API of mentoring: programmes, mentees, matching runs and proposals, self-service requests, mentor
profiles and mentorships with their answers, goals, sessions, check-ins and closure.

The same services and selectors as the pages, so the same access rules: coordinators manage their
partner's programmes (the lead every programme of the project), mentors see their own mentees, mentees
their own mentorships, evaluators the programme list with counts only. Session notes reach only the pair.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.mentoring import selectors, services
from polku.mentoring.models import (
    CheckIn,
    Goal,
    Kind,
    MatchingRun,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
    Session,
)
from polku.participants.models import Participation
from polku.projects.models import Partner, Project

TAGS = ["mentoring"]


# --- serializers ------------------------------------------------------------------------------


class PartSerializer(serializers.Serializer):
    criterion = serializers.CharField()
    weight = serializers.FloatField()
    value = serializers.FloatField()
    contribution = serializers.FloatField()
    matched = serializers.ListField(child=serializers.CharField())
    missing = serializers.ListField(child=serializers.CharField())


class ProgrammeSerializer(serializers.ModelSerializer):
    project_code = serializers.CharField(source="project.code", read_only=True)
    mentee_count = serializers.IntegerField(read_only=True, default=None)
    active_count = serializers.IntegerField(read_only=True, default=None)
    pending_count = serializers.IntegerField(read_only=True, default=None)
    weights = serializers.DictField(child=serializers.FloatField())

    class Meta:
        model = MentoringProgramme
        fields = [
            "id",
            "project_code",
            "partner",
            "name",
            "description",
            "starts_on",
            "ends_on",
            "mode",
            "status",
            "weights",
            "min_language_level",
            "forbid_same_employer",
            "reminder_days",
            "mentee_count",
            "active_count",
            "pending_count",
        ]
        read_only_fields = fields


class ProgrammeInputSerializer(serializers.Serializer):
    project = serializers.SlugRelatedField(
        slug_field="code", queryset=Project.objects.all(), help_text=_("Project code")
    )
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(),
        allow_null=True,
        default=None,
        help_text=_("Empty for the whole project"),
    )
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    mode = serializers.ChoiceField(
        choices=MentoringProgramme.Mode.choices, default=MentoringProgramme.Mode.COORDINATOR
    )
    weights = serializers.DictField(
        child=serializers.FloatField(), required=False, default=None, allow_null=True
    )
    min_language_level = serializers.CharField(max_length=6, default="B1")
    forbid_same_employer = serializers.BooleanField(default=True)
    reminder_days = serializers.IntegerField(min_value=1, max_value=365, default=21)


class ProgrammeUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False)
    mode = serializers.ChoiceField(choices=MentoringProgramme.Mode.choices, required=False)
    status = serializers.ChoiceField(choices=MentoringProgramme.Status.choices, required=False)
    weights = serializers.DictField(child=serializers.FloatField(), required=False)
    min_language_level = serializers.CharField(max_length=6, required=False)
    forbid_same_employer = serializers.BooleanField(required=False)
    reminder_days = serializers.IntegerField(min_value=1, max_value=365, required=False)


class MenteeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="participation.person.full_name", read_only=True)
    partner = serializers.IntegerField(source="participation.partner_id", read_only=True)

    class Meta:
        model = MenteeRequest
        fields = [
            "id",
            "participation",
            "name",
            "partner",
            "kind",
            "skills",
            "industries",
            "availability",
            "employer",
            "wishes",
        ]
        read_only_fields = fields


class MenteeInputSerializer(serializers.Serializer):
    participation = serializers.IntegerField(
        required=False, help_text=_("A coordinator's participant; leave out to join yourself")
    )
    kind = serializers.ChoiceField(choices=Kind.choices)
    skills = serializers.ListField(child=serializers.CharField(max_length=300), required=False, default=list)
    industries = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list
    )
    availability = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, default=list
    )
    employer = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    wishes = serializers.CharField(required=False, allow_blank=True, default="")
    wished_mentors = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)


class ProposalSerializer(serializers.ModelSerializer):
    mentee_name = serializers.CharField(source="mentee.participation.person.full_name", read_only=True)
    mentor_name = serializers.CharField(source="mentor.user.__str__", read_only=True)
    breakdown = PartSerializer(many=True, read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "mentee",
            "mentee_name",
            "mentor",
            "mentor_name",
            "score",
            "breakdown",
            "by_hand",
            "status",
        ]
        read_only_fields = fields


class RunSerializer(serializers.ModelSerializer):
    proposals = serializers.SerializerMethodField()
    summary = serializers.DictField(read_only=True)

    class Meta:
        model = MatchingRun
        fields = ["id", "programme", "objective", "created_at", "published_at", "summary", "proposals"]
        read_only_fields = fields

    @extend_schema_field(ProposalSerializer(many=True))
    def get_proposals(self, run: MatchingRun) -> Any:
        return ProposalSerializer(self.context.get("proposals", []), many=True).data


class RunInputSerializer(serializers.Serializer):
    objective = serializers.ChoiceField(
        choices=MatchingRun.Objective.choices, default=MatchingRun.Objective.TOTAL
    )


class PairInputSerializer(serializers.Serializer):
    mentee = serializers.IntegerField()
    mentor = serializers.IntegerField()


class MentorProfileSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.__str__", read_only=True)
    languages = serializers.DictField(child=serializers.CharField())
    expertise = serializers.ListField(child=serializers.CharField())
    industries = serializers.ListField(child=serializers.CharField())
    kinds = serializers.ListField(child=serializers.ChoiceField(choices=Kind.choices))
    availability = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = MentorProfile
        fields = [
            "id",
            "name",
            "bio",
            "organisation",
            "expertise",
            "industries",
            "languages",
            "kinds",
            "availability",
            "location",
            "capacity",
            "seats_taken",
            "is_available",
        ]
        read_only_fields = ["id", "name", "seats_taken"]


class RankedMentorSerializer(serializers.Serializer):
    mentor = MentorProfileSerializer(source="profile")
    score = serializers.FloatField()
    breakdown = PartSerializer(many=True)


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "held_on", "duration_minutes", "topics", "notes", "status", "logged_by"]
        read_only_fields = ["id", "logged_by"]


class GoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Goal
        fields = ["id", "text", "status"]
        read_only_fields = ["id"]


class MentorshipSerializer(serializers.ModelSerializer):
    mentee_name = serializers.CharField(source="mentee.participation.person.full_name", read_only=True)
    mentor_name = serializers.CharField(source="mentor.user.__str__", read_only=True)
    breakdown = PartSerializer(many=True, read_only=True)

    class Meta:
        model = Mentorship
        fields = [
            "id",
            "programme",
            "mentee",
            "mentee_name",
            "mentor",
            "mentor_name",
            "origin",
            "status",
            "mentee_response",
            "mentor_response",
            "score",
            "breakdown",
            "started_on",
            "closed_on",
        ]
        read_only_fields = fields


class MentorshipDetailSerializer(MentorshipSerializer):
    goals = GoalSerializer(many=True, read_only=True)
    sessions = serializers.SerializerMethodField()

    class Meta(MentorshipSerializer.Meta):
        fields = [*MentorshipSerializer.Meta.fields, "goals", "sessions"]
        read_only_fields = fields

    @extend_schema_field(SessionSerializer(many=True))
    def get_sessions(self, mentorship: Mentorship) -> Any:
        return SessionSerializer(self.context["sessions"], many=True).data


class RespondInputSerializer(serializers.Serializer):
    accept = serializers.BooleanField()


class RatingInputSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    text = serializers.CharField(required=False, allow_blank=True, default="")


class CloseInputSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True, default=None)
    text = serializers.CharField(required=False, allow_blank=True, default="")


class CheckInSerializer(serializers.ModelSerializer):
    class Meta:
        model = CheckIn
        fields = ["id", "mentorship", "side", "due_on", "rating", "text", "answered_at"]
        read_only_fields = fields


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
    proposals = selectors.proposal_list(actor=request.user, run=run)
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
            mentee=get_object_or_404(MenteeRequest, pk=data["mentee"], programme=run.programme),
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


# --- self-service -----------------------------------------------------------------------------


def _own_mentee(request: AuthenticatedRequest, pk: int) -> tuple[Access, MenteeRequest]:
    access = access_for(request.user)
    programme, _participation = selectors.programme_for_participant(access=access, pk=pk)
    mentee = selectors.own_mentee_request(access=access, programme=programme)
    if mentee is None:
        from django.http import Http404

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
        if not (access.is_admin or "mentor" in access.roles):
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
        if not (access.is_admin or "mentor" in access.roles):
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
