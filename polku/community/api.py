"""REST API of the community network, with the pages' rules: one's own profile and its audiences, turning
the directory on and off, the photo; the directory search, a profile, suggestions with reasons in words;
connections, blocks, reports; threads and messages; the coordinators' reports, the lead's sharing choice
and the project's counts. Another member's profile is a 404 unless the reader reaches it right now."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import BasePagination
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.community import selectors, services
from polku.community.models import (
    CONTACT_AUDIENCE_CHOICES,
    FIELD_GROUPS,
    Audience,
    Connection,
    Notify,
    Report,
    audience_field,
)
from polku.community.suggestions import suggestions
from polku.core.api import validated_input
from polku.core.errors import AccessDenied
from polku.events.models import Intent
from polku.participants.models import Cefr
from polku.projects.models import Project
from polku.projects.selectors import project_get

TAGS = ["community"]


def _member(request: AuthenticatedRequest) -> Access:
    access = access_for(request.user)
    if not access.can_use_community():
        raise Http404
    return access


def _viewer(request: AuthenticatedRequest) -> selectors.Viewer:
    _member(request)
    viewer = selectors.viewer_for(request.user)
    if viewer is None:
        raise Http404
    return viewer


class CommunityLanguageSerializer(serializers.Serializer):
    language = serializers.RegexField(r"^[a-z]{2,3}$", help_text=_("A language code, e.g. fi"))
    level = serializers.ChoiceField(choices=Cefr.choices)


class CommunityProfileInputSerializer(serializers.Serializer):
    display_name = serializers.CharField(max_length=120, required=False)
    introduction = serializers.CharField(max_length=1500, required=False, allow_blank=True)
    introduction_language = serializers.CharField(max_length=3, required=False, allow_blank=True)
    city = serializers.CharField(max_length=100, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True)
    offers = serializers.ListField(child=serializers.ChoiceField(choices=Intent.choices), required=False)
    looks_for = serializers.ListField(child=serializers.ChoiceField(choices=Intent.choices), required=False)
    links = serializers.ListField(child=serializers.URLField(), required=False, max_length=5)
    contact_email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    notify = serializers.ChoiceField(choices=Notify.choices, required=False)
    languages = CommunityLanguageSerializer(many=True, required=False)
    skills = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text=_("Ids of skills the person confirmed")
    )


for _group in FIELD_GROUPS:
    CommunityProfileInputSerializer._declared_fields[audience_field(_group)] = serializers.ChoiceField(
        choices=CONTACT_AUDIENCE_CHOICES if _group == "contact" else Audience.choices,
        required=False,
    )


class CommunityOwnProfileSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    in_directory = serializers.BooleanField()
    display_name = serializers.CharField()
    introduction = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField()
    offers = serializers.ListField(child=serializers.CharField())
    looks_for = serializers.ListField(child=serializers.CharField())
    links = serializers.ListField(child=serializers.CharField())
    contact_email = serializers.CharField()
    phone = serializers.CharField()
    notify = serializers.CharField()
    audiences = serializers.DictField(child=serializers.CharField())


def _own(profile: Any) -> dict[str, Any]:
    names = ("display_name", "introduction", "city", "country", "offers", "looks_for", "links")
    data: dict[str, Any] = {name: getattr(profile, name) for name in names}
    data |= {"contact_email": profile.contact_email, "phone": profile.phone, "notify": profile.notify}
    data["pk"] = profile.pk
    data["in_directory"] = selectors.is_live(profile)
    data["audiences"] = {group: getattr(profile, audience_field(group)) for group in FIELD_GROUPS}
    return data


class CommunityCardSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    relation = serializers.CharField(help_text=_("self, connected, asked, asks_me or none"))
    shown = serializers.DictField(
        source="fields", help_text=_("Only the parts of the profile the reader may see")
    )


class CommunitySuggestionSerializer(serializers.Serializer):
    profile = CommunityCardSerializer(source="card")
    reasons = serializers.ListField(child=serializers.CharField(), help_text=_("Why, in words"))


class CommunityConnectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    other = serializers.IntegerField(help_text=_("The other person's profile"))
    other_name = serializers.CharField()
    status = serializers.CharField()
    message = serializers.CharField()


def _connection(connection: Connection, me_id: int) -> dict[str, Any]:
    mine = connection.sender_id == me_id
    other = connection.recipient if mine else connection.sender
    shown = connection.status
    if mine and shown == Connection.Status.DECLINED:
        shown = Connection.Status.PENDING  # a decline is never told to the one who asked
    return {
        "id": connection.pk,
        "other": other.pk,
        "other_name": other.display_name,
        "status": shown,
        "message": connection.message,
    }


class CommunityMessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    mine = serializers.BooleanField()
    text = serializers.CharField()
    sent = serializers.DateTimeField()


class CommunityThreadSerializer(serializers.Serializer):
    other = serializers.IntegerField(allow_null=True)
    other_name = serializers.CharField()
    unread = serializers.IntegerField()


class CommunityReportSerializer(serializers.ModelSerializer):
    reported_name = serializers.CharField(source="reported.display_name")
    reporter_name = serializers.CharField(source="reporter.display_name")

    class Meta:
        model = Report
        fields = ["id", "reported", "reported_name", "reporter_name", "reason", "status", "created_at"]
        read_only_fields = fields


class CommunityCountsSerializer(serializers.Serializer):
    profiles_on = serializers.IntegerField()
    connections = serializers.IntegerField()
    across_partners = serializers.IntegerField()
    across_countries = serializers.IntegerField()


class CommunitySharingSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()
    partners = serializers.ListField(child=serializers.CharField(), help_text=_("Codes of projects chosen"))
    shared_with = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_("Codes of projects that chose this one back"),
    )


# --- own profile ------------------------------------------------------------------------------------


class MyProfileApi(APIView):
    @extend_schema(
        operation_id="community_my_profile_retrieve", tags=TAGS, responses=CommunityOwnProfileSerializer
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        _member(request)
        profile = selectors.own_profile(request.user)
        if profile is None:
            raise Http404
        return Response(CommunityOwnProfileSerializer(_own(profile)).data)

    @extend_schema(
        operation_id="community_my_profile_update",
        tags=TAGS,
        request=CommunityProfileInputSerializer,
        responses=CommunityOwnProfileSerializer,
        description=_(
            "Make or change one's own profile and the audience of each part; it stays out of the directory until turned on."
        ),
    )
    def patch(self, request: AuthenticatedRequest) -> Response:
        access = _member(request)
        data = validated_input(CommunityProfileInputSerializer, request)
        if "languages" in data:
            data["languages"] = [dict(row) for row in data["languages"]]
        profile = services.profile_save(actor=request.user, access=access, data=data)
        return Response(CommunityOwnProfileSerializer(_own(profile)).data)


class MyDirectoryApi(APIView):
    @extend_schema(
        operation_id="community_directory_on",
        tags=TAGS,
        request=None,
        responses=CommunityOwnProfileSerializer,
        description=_("Put one's profile in the directory: gives the directory consent (participants)."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = _member(request)
        profile = services.directory_turn_on(
            actor=request.user, access=access, language=selectors.reader_language()
        )
        return Response(CommunityOwnProfileSerializer(_own(profile)).data)

    @extend_schema(
        operation_id="community_directory_off",
        tags=TAGS,
        request=None,
        responses={204: None},
        description=_("Take one's profile out of the directory at once: withdraws the directory consent."),
    )
    def delete(self, request: AuthenticatedRequest) -> Response:
        access = _member(request)
        services.directory_turn_off(actor=request.user, access=access)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommunityPhotoInputSerializer(serializers.Serializer):
    photo = serializers.FileField()


class MyPhotoApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="community_photo_update",
        tags=TAGS,
        request={"multipart/form-data": CommunityPhotoInputSerializer},
        responses={204: None},
        description=_("A JPEG, PNG, WebP or GIF of at most 5 MB; Polku resizes it and removes its metadata."),
    )
    def put(self, request: AuthenticatedRequest) -> Response:
        access = _member(request)
        data = validated_input(CommunityPhotoInputSerializer, request)
        services.photo_set(actor=request.user, access=access, content=data["photo"].read())
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- the directory ------------------------------------------------------------------------------------


class DirectoryPagination(BasePagination):
    """Pages of the directory by number, without a total (see `selectors.page_of`)."""

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [{"name": "page", "required": False, "in": "query", "schema": {"type": "integer"}}]


class DirectoryApi(APIView):
    pagination_class = DirectoryPagination

    @extend_schema(
        operation_id="community_profile_list",
        tags=TAGS,
        responses=CommunityCardSerializer(many=True),
        parameters=[
            OpenApiParameter("text", str),
            OpenApiParameter("skill", int),
            OpenApiParameter("language", str),
            OpenApiParameter("country", str),
            OpenApiParameter("offers", str, enum=Intent.values),
            OpenApiParameter("looks_for", str, enum=Intent.values),
        ],
        description=_("The directory as the reader may see it (only while their own profile is in it)."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        viewer = _viewer(request)
        params = request.query_params
        skill = params.get("skill", "")
        filters = selectors.Filters(
            text=params.get("text", "").strip()[:100],
            skill=int(skill) if skill.isdigit() else None,
            language=params.get("language", "")[:3],
            country=params.get("country", "")[:2],
            offers=params.get("offers", "") if params.get("offers") in Intent.values else "",
            looks_for=params.get("looks_for", "") if params.get("looks_for") in Intent.values else "",
        )
        rows = selectors.directory_search(viewer=viewer, filters=filters)
        number = params.get("page", "1")
        page = selectors.page_of(rows, int(number) if number.isdigit() else 1)
        url = request.build_absolute_uri()
        return Response(
            {
                "next": replace_query_param(url, "page", page.number + 1) if page.has_next else None,
                "previous": replace_query_param(url, "page", page.number - 1) if page.has_previous else None,
                "results": CommunityCardSerializer(selectors.cards(viewer, page.rows), many=True).data,
            }
        )


class ProfileDetailApi(APIView):
    @extend_schema(operation_id="community_profile_retrieve", tags=TAGS, responses=CommunityCardSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        viewer = _viewer(request)
        profile = selectors.profile_for(viewer=viewer, pk=pk)
        return Response(CommunityCardSerializer(selectors.cards(viewer, [profile], full=True)[0]).data)


class SuggestionsApi(APIView):
    @extend_schema(
        operation_id="community_suggestion_list",
        tags=TAGS,
        responses=CommunitySuggestionSerializer(many=True),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        viewer = _viewer(request)
        return Response(CommunitySuggestionSerializer(suggestions(viewer=viewer), many=True).data)


# --- connections, blocks, reports -----------------------------------------------------------------


class CommunityConnectInputSerializer(serializers.Serializer):
    message = serializers.CharField(max_length=300, required=False, allow_blank=True)


class ConnectApi(APIView):
    @extend_schema(
        operation_id="community_connect",
        tags=TAGS,
        request=CommunityConnectInputSerializer,
        responses={201: CommunityConnectionSerializer},
        description=_("Ask to connect. A second request to someone who declined is refused quietly."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        viewer = _viewer(request)
        other = selectors.profile_for(viewer=viewer, pk=pk)
        data = validated_input(CommunityConnectInputSerializer, request)
        connection = services.connection_request(
            actor=request.user, recipient=other, message=data.get("message", "")
        )
        return Response(
            CommunityConnectionSerializer(_connection(connection, viewer.profile.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ConnectionListApi(APIView):
    @extend_schema(
        operation_id="community_connection_list",
        tags=TAGS,
        responses=CommunityConnectionSerializer(many=True),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        viewer = _viewer(request)
        me = viewer.profile
        rows = (
            Connection.objects.filter(sender=me).select_related("recipient")
            | Connection.objects.filter(recipient=me).exclude(status=Connection.Status.DECLINED)
        ).select_related("sender", "recipient")
        live = set(
            selectors.live_profiles()
            .values_list("pk", flat=True)
            .filter(pk__in=[r.sender_id for r in rows] + [r.recipient_id for r in rows])
        )
        shown = [
            _connection(r, me.pk)
            for r in rows
            if (r.recipient_id if r.sender_id == me.pk else r.sender_id) in live
            and (r.recipient_id if r.sender_id == me.pk else r.sender_id) not in viewer.blocked
        ]
        return Response(CommunityConnectionSerializer(shown, many=True).data)


class CommunityAnswerInputSerializer(serializers.Serializer):
    accept = serializers.BooleanField()


class ConnectionAnswerApi(APIView):
    @extend_schema(
        operation_id="community_connection_answer",
        tags=TAGS,
        request=CommunityAnswerInputSerializer,
        responses=CommunityConnectionSerializer,
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        viewer = _viewer(request)
        connection = get_object_or_404(Connection, pk=pk, recipient=viewer.profile)
        data = validated_input(CommunityAnswerInputSerializer, request)
        connection = services.connection_answer(
            actor=request.user, connection=connection, accept=data["accept"]
        )
        return Response(CommunityConnectionSerializer(_connection(connection, viewer.profile.pk)).data)


class BlockApi(APIView):
    @extend_schema(operation_id="community_block", tags=TAGS, request=None, responses={204: None})
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        viewer = _viewer(request)
        services.block(actor=request.user, other=selectors.profile_for(viewer=viewer, pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(operation_id="community_unblock", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        _member(request)
        services.unblock(actor=request.user, other_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommunityReportInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class ReportCreateApi(APIView):
    @extend_schema(
        operation_id="community_report_create",
        tags=TAGS,
        request=CommunityReportInputSerializer,
        responses={201: None},
        description=_("Report a profile to the coordinators of one's own partner."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        viewer = _viewer(request)
        other = selectors.profile_for(viewer=viewer, pk=pk)
        data = validated_input(CommunityReportInputSerializer, request)
        services.report_create(actor=request.user, reported=other, reason=data["reason"])
        return Response(status=status.HTTP_201_CREATED)


# --- messages ----------------------------------------------------------------------------------------


class ThreadListApi(APIView):
    @extend_schema(
        operation_id="community_thread_list", tags=TAGS, responses=CommunityThreadSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        _member(request)
        profile = selectors.own_profile(request.user)
        rows = selectors.thread_list(profile) if profile else []
        data = [
            {
                "other": r.other.pk if r.other else None,
                "other_name": r.other.display_name if r.other else "",
                "unread": r.unread,
            }
            for r in rows
        ]
        return Response(CommunityThreadSerializer(data, many=True).data)


class CommunityMessageInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=4000)


class MessagesApi(APIView):
    @extend_schema(
        operation_id="community_message_list",
        tags=TAGS,
        responses=CommunityMessageSerializer(many=True),
        description=_("The messages with one member; reading marks them read (never shown to the sender)."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        viewer = _viewer(request)
        other = selectors.profile_for(viewer=viewer, pk=pk)
        thread = selectors.thread_between(viewer.profile, other)
        rows = []
        if thread is not None:
            services.thread_mark_read(profile=viewer.profile, thread=thread)
            rows = [
                {
                    "id": m.pk,
                    "mine": m.sender_id == viewer.profile.pk,
                    "text": selectors.message_text(m),
                    "sent": m.created_at,
                }
                for m in thread.messages.all()
            ]
        return Response(CommunityMessageSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="community_message_send",
        tags=TAGS,
        request=CommunityMessageInputSerializer,
        responses={201: CommunityMessageSerializer},
        description=_("Send a message to a connection; refused to anyone else."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        viewer = _viewer(request)
        other = selectors.profile_for(viewer=viewer, pk=pk)
        data = validated_input(CommunityMessageInputSerializer, request)
        message = services.message_send(actor=request.user, recipient=other, body=data["body"])
        body = {"id": message.pk, "mine": True, "text": message.body, "sent": message.created_at}
        return Response(CommunityMessageSerializer(body).data, status=status.HTTP_201_CREATED)


# --- coordinators and the lead ------------------------------------------------------------------------


class ReportListApi(APIView):
    @extend_schema(
        operation_id="community_report_list", tags=TAGS, responses=CommunityReportSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_handle_community_reports():
            raise Http404
        return Response(CommunityReportSerializer(selectors.report_list(access=access)[:200], many=True).data)


class CommunityHandleInputSerializer(serializers.Serializer):
    hide = serializers.BooleanField(
        help_text=_("Hide the reported profile, or close the report without action")
    )


class ReportHandleApi(APIView):
    @extend_schema(
        operation_id="community_report_handle",
        tags=TAGS,
        request=CommunityHandleInputSerializer,
        responses=CommunityReportSerializer,
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        report = selectors.report_get(access=access, pk=pk)
        data = validated_input(CommunityHandleInputSerializer, request)
        report = services.report_handle(actor=request.user, access=access, report=report, hide=data["hide"])
        return Response(CommunityReportSerializer(report).data)


class SharingApi(APIView):
    def _data(self, project: Project) -> dict[str, Any]:
        sharing = getattr(project, "directory_sharing", None)
        mutual = selectors.sharing_projects(project.pk) - {project.pk}
        return {
            "enabled": bool(sharing and sharing.enabled),
            "partners": sorted(sharing.partners.values_list("code", flat=True)) if sharing else [],
            "shared_with": sorted(Project.objects.filter(pk__in=mutual).values_list("code", flat=True)),
        }

    @extend_schema(operation_id="community_sharing_retrieve", tags=TAGS, responses=CommunitySharingSerializer)
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        if not access.can_manage_project(project.pk):
            raise AccessDenied(_("Only the project lead chooses with whom the directory is shared."))
        return Response(CommunitySharingSerializer(self._data(project)).data)

    @extend_schema(
        operation_id="community_sharing_update",
        tags=TAGS,
        request=CommunitySharingSerializer,
        responses=CommunitySharingSerializer,
    )
    def put(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        data = validated_input(CommunitySharingSerializer, request)
        ids = list(Project.objects.filter(code__in=data["partners"]).values_list("pk", flat=True))
        services.sharing_set(
            actor=request.user, access=access, project=project, enabled=data["enabled"], partner_ids=ids
        )
        project.refresh_from_db()
        return Response(CommunitySharingSerializer(self._data(project)).data)


class CountsApi(APIView):
    @extend_schema(
        operation_id="community_counts",
        tags=TAGS,
        responses=CommunityCountsSerializer,
        description=_(
            "Profiles in the directory and connections made, across partners and countries: counts only."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        if not access.can_view_counts(project.pk):
            raise AccessDenied(_("Only those who see the project's figures see these counts."))
        counts = selectors.project_counts(project_id=project.pk)
        return Response(CommunityCountsSerializer(counts).data)
