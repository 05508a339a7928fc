"""REST API of a project's people: staff invitations (list, create, revoke, re-send), accepting an
invitation by its token as the signed-in user, and memberships (list, change, end).

A new person without a log-in accepts on the page the link opens (/invitations/<token>/), where they set
their password; the API accepts for a signed-in user only.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.accounts.invitations import invitation_by_token
from polku.accounts.models import Invitation, Membership, Role
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.models import Language
from polku.projects.models import Partner
from polku.projects.people import invitations, memberships, selectors
from polku.projects.people.acceptance import invitation_accept
from polku.projects.selectors import project_get

TAGS = ["people and roles"]


class InvitationSerializer(serializers.ModelSerializer):
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    partner_name = serializers.CharField(source="partner.organisation.name", read_only=True, allow_null=True)
    project = serializers.CharField(source="project.code", read_only=True)
    status = serializers.ChoiceField(choices=Invitation.Status.choices, read_only=True)
    invited_by = serializers.CharField(source="invited_by.email", read_only=True, allow_null=True)

    class Meta:
        model = Invitation
        fields = [
            "id",
            "email",
            "role",
            "role_label",
            "project",
            "partner",
            "partner_name",
            "language",
            "status",
            "invited_by",
            "sent_at",
            "expires_at",
            "accepted_at",
            "revoked_at",
        ]
        read_only_fields = fields


class InvitationInputSerializer(serializers.Serializer):
    email = serializers.EmailField()
    role = serializers.ChoiceField(choices=Role.choices)
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "Id of a partner of the project: required for coordinators, optional for mentors and employer representatives, empty for the lead and evaluators"
        ),
    )
    language = serializers.ChoiceField(
        choices=Language.choices, default="en", help_text=_("The language of the e-mail")
    )


class AcceptInputSerializer(serializers.Serializer):
    token = serializers.CharField(
        max_length=100, help_text=_("The token of the invitation link (its last part)")
    )


class ProjectMembershipSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.full_name", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    partner_name = serializers.CharField(source="partner.organisation.name", read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = [
            "id",
            "user",
            "name",
            "email",
            "role",
            "role_label",
            "partner",
            "partner_name",
            "created_at",
        ]
        read_only_fields = fields


class MembershipInputSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(), required=False, allow_null=True, default=None
    )


class InvitationListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="invitation_list",
        tags=TAGS,
        responses=InvitationSerializer(many=True),
        description=_(
            "The project's staff invitations: all for the lead and admins, a coordinator's own partner's "
            "mentors and employer representatives."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        rows = selectors.invitation_list(access=access, project=project)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=InvitationSerializer
        )

    @extend_schema(
        operation_id="invitation_create",
        tags=TAGS,
        request=InvitationInputSerializer,
        responses={201: InvitationSerializer},
        description=_(
            "E-mail an invitation to a role. The lead and admins invite to any role; a coordinator invites "
            "mentors and employer representatives of their own partner."
        ),
    )
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        data = validated_input(InvitationInputSerializer, request)
        invitation = invitations.staff_invite(actor=request.user, access=access, project=project, **data)
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


def _invitation(request: AuthenticatedRequest, code: str, pk: int) -> tuple[Access, Invitation]:
    """The reader's access and the invitation of the project they may see (404 otherwise)."""
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    return access, selectors.invitation_get(access=access, project=project, pk=pk)


class InvitationRevokeApi(APIView):
    @extend_schema(
        operation_id="invitation_revoke",
        tags=TAGS,
        request=None,
        responses=InvitationSerializer,
        description=_("Withdraw the invitation: its link stops working."),
    )
    def post(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, invitation = _invitation(request, code, pk)
        invitation = invitations.invitation_revoke(actor=request.user, access=access, invitation=invitation)
        return Response(InvitationSerializer(invitation).data)


class InvitationResendApi(APIView):
    @extend_schema(
        operation_id="invitation_resend",
        tags=TAGS,
        request=None,
        responses=InvitationSerializer,
        description=_("E-mail a new link, valid for 14 days; the old link stops working."),
    )
    def post(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, invitation = _invitation(request, code, pk)
        invitation = invitations.invitation_resend(actor=request.user, access=access, invitation=invitation)
        return Response(InvitationSerializer(invitation).data)


class InvitationAcceptApi(APIView):
    @extend_schema(
        operation_id="invitation_accept",
        tags=TAGS,
        request=AcceptInputSerializer,
        responses=InvitationSerializer,
        description=_(
            "Accept an invitation sent to the signed-in user's e-mail address (403 for another address, 404 "
            "for an unknown token, 400 for an expired, withdrawn or used one). A person without a log-in "
            "accepts on the page the link opens, where they set their password."
        ),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        data = validated_input(AcceptInputSerializer, request)
        invitation = invitation_by_token(data["token"])
        if invitation is None:
            raise Http404
        invitation = invitation_accept(invitation=invitation, user=request.user)
        return Response(InvitationSerializer(invitation).data)


class MembershipListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="membership_list",
        tags=TAGS,
        responses=ProjectMembershipSerializer(many=True),
        description=_("Who has which role in the project: its lead, its coordinators and admins."),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        rows = selectors.membership_list(access=access, project=project)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=ProjectMembershipSerializer
        )


class MembershipDetailApi(APIView):
    def _get(self, request: AuthenticatedRequest, code: str, pk: int) -> Membership:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return get_object_or_404(selectors.membership_list(access=access, project=project), pk=pk)

    @extend_schema(
        operation_id="membership_update",
        tags=TAGS,
        request=MembershipInputSerializer,
        responses=ProjectMembershipSerializer,
        description=_("Change the role or partner: the project lead and admins. The project keeps a lead."),
    )
    def patch(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        membership = self._get(request, code, pk)
        data = validated_input(MembershipInputSerializer, request)
        membership = memberships.membership_update(
            actor=request.user, access=access_for(request.user), membership=membership, **data
        )
        return Response(ProjectMembershipSerializer(membership).data)

    @extend_schema(
        operation_id="membership_end",
        tags=TAGS,
        responses={204: None},
        description=_("End the role: the project lead and admins. The project keeps a lead."),
    )
    def delete(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        membership = self._get(request, code, pk)
        memberships.membership_end(actor=request.user, access=access_for(request.user), membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)
