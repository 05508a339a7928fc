"""REST API for peer-group rounds: the partner's coordinators create, form, move, publish and run meetings,
and read each meeting's attendance and reflections in the round's detail; a participant opts in, reads
their own published groups (with their presence and the group's reflections) and writes reflections."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import validated_input
from polku.core.errors import AccessDenied
from polku.participants.models import Participation
from polku.peergroups import services
from polku.peergroups.models import ATTRIBUTES, PeerGroupMeeting, PeerGroupRound
from polku.peergroups.selectors import (
    MeetingView,
    my_groups,
    round_get,
    round_list,
    round_meetings,
    round_scores,
)
from polku.projects.models import Partner

TAGS = ["peer groups"]


class RoundSerializer(serializers.ModelSerializer):
    min_language_level = serializers.CharField(read_only=True)

    class Meta:
        model = PeerGroupRound
        fields = [
            "id",
            "project",
            "partner",
            "activity",
            "name",
            "group_size",
            "min_language_level",
            "attributes",
            "status",
            "published_at",
        ]
        read_only_fields = fields


class RoundInputSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    name = serializers.CharField(max_length=200)
    group_size = serializers.IntegerField(min_value=2, default=6)
    min_language_level = serializers.RegexField(
        r"^(A1|A2|B1|B2|C1|C2)$", default="B1", help_text=_("A1 … C2")
    )
    attributes = serializers.ListField(child=serializers.ChoiceField(choices=ATTRIBUTES), required=False)


class MemberSerializer(serializers.Serializer):
    participation = serializers.IntegerField()
    first_name = serializers.CharField()


class AttendanceRowSerializer(serializers.Serializer):
    participation = serializers.IntegerField()
    first_name = serializers.CharField()
    present = serializers.BooleanField()


class ReflectionRowSerializer(serializers.Serializer):
    participation = serializers.IntegerField()
    first_name = serializers.CharField()
    text = serializers.CharField()
    written_at = serializers.DateTimeField(help_text=_("When it was last written"))


class RoundMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    starts_at = serializers.DateTimeField()
    place = serializers.CharField()
    online_link = serializers.CharField()
    topic = serializers.CharField()
    attendance = AttendanceRowSerializer(many=True, help_text=_("Members marked present or absent"))
    reflections = ReflectionRowSerializer(many=True)


class GroupScoreSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    members = MemberSerializer(many=True)
    diversity = serializers.FloatField()
    language = serializers.CharField(allow_null=True)
    repeats = serializers.IntegerField()
    violations = serializers.ListField(child=serializers.CharField())
    meetings = RoundMeetingSerializer(many=True)


class RoundDetailSerializer(serializers.Serializer):
    round = RoundSerializer()
    objective = serializers.FloatField(allow_null=True)
    bound = serializers.FloatField(allow_null=True)
    groups = GroupScoreSerializer(many=True)


def _meeting(view: MeetingView) -> dict[str, Any]:
    meeting = view.meeting
    return {
        "id": meeting.pk,
        "starts_at": meeting.starts_at,
        "place": meeting.place,
        "online_link": meeting.online_link,
        "topic": meeting.topic,
        "attendance": [
            {
                "participation": row.participation_id,
                "first_name": row.participation.person.first_name,
                "present": row.present,
            }
            for row in view.attendance
        ],
        "reflections": [
            {
                "participation": row.participation_id,
                "first_name": row.participation.person.first_name,
                "text": row.text,
                "written_at": row.updated_at,
            }
            for row in view.reflections
        ],
    }


def _detail(peer_round: PeerGroupRound, *, actor: Any) -> Any:
    scores = round_scores(peer_round=peer_round)
    meetings = round_meetings(actor=actor, peer_round=peer_round) if scores else {}
    groups = [
        {
            "number": g.group.number,
            "members": [{"participation": p.pk, "first_name": p.person.first_name} for p in g.members],
            "diversity": g.diversity,
            "language": g.language,
            "repeats": g.repeats,
            "violations": g.violations,
            "meetings": [_meeting(view) for view in meetings.get(g.group.number, [])],
        }
        for g in (scores.groups if scores else [])
    ]
    return RoundDetailSerializer(
        {
            "round": peer_round,
            "objective": scores.objective if scores else None,
            "bound": scores.bound if scores else None,
            "groups": groups,
        }
    ).data


class RoundListApi(APIView):
    @extend_schema(operation_id="peer_group_round_list", tags=TAGS, responses=RoundSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        return Response(RoundSerializer(round_list(access=access_for(request.user)), many=True).data)

    @extend_schema(
        operation_id="peer_group_round_create",
        tags=TAGS,
        request=RoundInputSerializer,
        responses={201: RoundSerializer},
        description=_("A coordinator creates a draft round for their own partner."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_manage_peer_groups():
            raise AccessDenied(_("Peer-group rounds are for coordinators."))
        data = validated_input(RoundInputSerializer, request)
        partner = get_object_or_404(Partner, pk=data.pop("partner"))
        peer_round = services.round_create(actor=request.user, access=access, partner=partner, **data)
        return Response(RoundSerializer(peer_round).data, status=status.HTTP_201_CREATED)


class RoundDetailApi(APIView):
    @extend_schema(
        operation_id="peer_group_round_retrieve",
        tags=TAGS,
        responses=RoundDetailSerializer,
        description=_(
            "The round with its groups scored live: diversity, shared language, repeats, violations; and each "
            "group's meetings with who was present and the members' reflections (each reflection read is "
            "written to the audit log)."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        return Response(_detail(round_get(access=access_for(request.user), pk=pk), actor=request.user))


class RoundFormApi(APIView):
    @extend_schema(
        operation_id="peer_group_round_form", tags=TAGS, request=None, responses=RoundDetailSerializer
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        peer_round = round_get(access=access, pk=pk)
        services.round_form(actor=request.user, access=access, peer_round=peer_round)
        return Response(_detail(peer_round, actor=request.user))


class MoveInputSerializer(serializers.Serializer):
    participation = serializers.IntegerField()
    group = serializers.IntegerField(help_text=_("The number of the group to move to"))


class RoundMoveApi(APIView):
    @extend_schema(
        operation_id="peer_group_round_move",
        tags=TAGS,
        request=MoveInputSerializer,
        responses=RoundDetailSerializer,
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        peer_round = round_get(access=access, pk=pk)
        data = validated_input(MoveInputSerializer, request)
        services.round_move(
            actor=request.user,
            access=access,
            peer_round=peer_round,
            participation_id=data["participation"],
            group_number=data["group"],
        )
        return Response(_detail(peer_round, actor=request.user))


class RoundPublishApi(APIView):
    @extend_schema(
        operation_id="peer_group_round_publish", tags=TAGS, request=None, responses=RoundSerializer
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        peer_round = round_get(access=access, pk=pk)
        services.round_publish(actor=request.user, access=access, peer_round=peer_round)
        peer_round.refresh_from_db()
        return Response(RoundSerializer(peer_round).data)


class OptInInputSerializer(serializers.Serializer):
    participation = serializers.IntegerField()


class RoundOptInApi(APIView):
    @extend_schema(
        operation_id="peer_group_round_opt_in",
        tags=TAGS,
        request=OptInInputSerializer,
        responses={204: None},
        description=_("A participant opts themself in; a coordinator adds their own partner's participant."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        if access.user_id is None:
            raise AccessDenied(_("Sign in first."))
        data = validated_input(OptInInputSerializer, request)
        participation = get_object_or_404(Participation, pk=data["participation"])
        if not access.can_opt_in_peer_round(
            person_id=participation.person_id, partner_id=participation.partner_id
        ):
            get_object_or_404(Participation.objects.none(), pk=0)
        peer_round = get_object_or_404(PeerGroupRound, pk=pk, partner_id=participation.partner_id)
        services.round_opt_in(
            actor=request.user, access=access, peer_round=peer_round, participation=participation
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = PeerGroupMeeting
        fields = ["id", "group", "starts_at", "place", "online_link", "topic"]
        read_only_fields = ["id", "group"]


class MyReflectionSerializer(serializers.Serializer):
    first_name = serializers.CharField(source="participation.person.first_name")
    text = serializers.CharField()
    written_at = serializers.DateTimeField(source="updated_at")
    mine = serializers.SerializerMethodField(help_text=_("Whether the reader wrote it"))

    def get_mine(self, reflection: Any) -> bool:
        return bool(reflection.participation.person_id == self.context.get("person_id"))


class MyMeetingSerializer(MeetingSerializer):
    present = serializers.SerializerMethodField(
        help_text=_("Whether the reader was marked present (null: not marked yet)")
    )
    reflections = MyReflectionSerializer(
        many=True, read_only=True, help_text=_("The group members' reflections")
    )

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "present", "reflections"]
        read_only_fields = fields

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_present(self, meeting: Any) -> bool | None:
        person_id = self.context.get("person_id")
        marks = [row.present for row in meeting.attendance.all() if row.participation.person_id == person_id]
        return marks[0] if marks else None


class MyGroupSerializer(serializers.Serializer):
    round = serializers.CharField(source="round.name")
    number = serializers.IntegerField()
    language = serializers.CharField()
    members = serializers.SerializerMethodField()
    meetings = MyMeetingSerializer(many=True)

    def get_members(self, group: Any) -> list[str]:
        return [m.participation.person.first_name for m in group.memberships.all()]


class MyGroupsApi(APIView):
    @extend_schema(
        operation_id="peer_group_mine",
        tags=TAGS,
        responses=MyGroupSerializer(many=True),
        description=_(
            "The reader's groups in published rounds: members' first names, the working language, and the "
            "meetings with whether the reader was present and the group's reflections."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if access.user_id is None:
            raise AccessDenied(_("Sign in first."))
        groups = my_groups(access=access)
        return Response(MyGroupSerializer(groups, many=True, context={"person_id": access.person_id}).data)


class MeetingCreateApi(APIView):
    @extend_schema(
        operation_id="peer_group_meeting_create",
        tags=TAGS,
        request=MeetingSerializer,
        responses={201: MeetingSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int, number: int) -> Response:
        access = access_for(request.user)
        peer_round = round_get(access=access, pk=pk)
        group = get_object_or_404(peer_round.groups, number=number)
        data = validated_input(MeetingSerializer, request)
        meeting = services.meeting_create(access=access, group=group, **data)
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)


class PeerGroupAttendanceInputSerializer(serializers.Serializer):
    participation = serializers.IntegerField()
    present = serializers.BooleanField()


class AttendanceApi(APIView):
    @extend_schema(
        operation_id="peer_group_attendance",
        tags=TAGS,
        request=PeerGroupAttendanceInputSerializer,
        responses={204: None},
    )
    def post(self, request: AuthenticatedRequest, meeting_pk: int) -> Response:
        access = access_for(request.user)
        meeting = get_object_or_404(
            PeerGroupMeeting.objects.filter(group__round__in=round_list(access=access)), pk=meeting_pk
        )
        data = validated_input(PeerGroupAttendanceInputSerializer, request)
        services.attendance_record(
            actor=request.user,
            access=access,
            meeting=meeting,
            participation_id=data["participation"],
            present=data["present"],
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReflectionInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000)


class ReflectionApi(APIView):
    @extend_schema(
        operation_id="peer_group_reflection",
        tags=TAGS,
        request=ReflectionInputSerializer,
        responses={204: None},
    )
    def post(self, request: AuthenticatedRequest, meeting_pk: int) -> Response:
        access = access_for(request.user)
        if access.user_id is None:
            raise AccessDenied(_("Sign in first."))
        meeting = get_object_or_404(
            PeerGroupMeeting.objects.filter(group__in=my_groups(access=access)), pk=meeting_pk
        )
        data = validated_input(ReflectionInputSerializer, request)
        services.reflection_write(actor=request.user, access=access, meeting=meeting, text=data["text"])
        return Response(status=status.HTTP_204_NO_CONTENT)
