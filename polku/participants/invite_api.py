"""REST routes of "Invite to Polku": one participant, or many by participation ids."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for, coordinator_access
from polku.accounts.http import AuthenticatedRequest
from polku.accounts.models import Invitation
from polku.core.api import validated_input
from polku.participants.invitations import participant_invite, participant_invite_many
from polku.participants.models import Participation
from polku.participants.selectors import participation_get

TAGS = ["participants"]


class ParticipantInvitationSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=Invitation.Status.choices, read_only=True)

    class Meta:
        model = Invitation
        fields = ["id", "email", "language", "status", "sent_at", "expires_at"]
        read_only_fields = fields


class InviteManyInputSerializer(serializers.Serializer):
    participations = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        min_length=1,
        max_length=1000,
        help_text=_("Ids of participations of the caller's partners"),
    )


class InviteCountsSerializer(serializers.Serializer):
    sent = serializers.IntegerField()
    skipped_with_login = serializers.IntegerField(help_text=_("People who have a log-in already"))
    skipped_without_email = serializers.IntegerField(help_text=_("People without an e-mail address"))


class ParticipantInviteApi(APIView):
    @extend_schema(
        operation_id="participant_invite",
        tags=TAGS,
        request=None,
        responses={201: ParticipantInvitationSerializer},
        description=_(
            "E-mail the participant a link to make a log-in, in their preferred language: their partner's "
            "coordinators. A waiting invitation is sent again with a new link. 400 when the person has a "
            "log-in or no e-mail address."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        if not access.can_manage_partner(participation.partner_id):
            raise Http404
        invitation = participant_invite(actor=request.user, access=access, participation=participation)
        return Response(ParticipantInvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class ParticipantInviteManyApi(APIView):
    @extend_schema(
        operation_id="participant_invite_many",
        tags=TAGS,
        request=InviteManyInputSerializer,
        responses=InviteCountsSerializer,
        description=_(
            "Invite many participants at once; those with a log-in or without an e-mail address are skipped "
            "and counted. 404 when an id is not a participation of the caller's partners."
        ),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = coordinator_access(request.user, refusal=gettext("Only coordinators invite participants."))
        ids = set(validated_input(InviteManyInputSerializer, request)["participations"])
        rows = Participation.objects.filter(access.participation_filter(), pk__in=ids)
        if rows.count() != len(ids):
            raise Http404
        counts = participant_invite_many(
            actor=request.user,
            access=access,
            participations=rows.select_related("person", "project", "partner"),
        )
        data = {
            "sent": counts.sent,
            "skipped_with_login": counts.with_login,
            "skipped_without_email": counts.without_email,
        }
        return Response(InviteCountsSerializer(data).data)
