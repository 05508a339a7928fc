"""REST API after an event: the people one met there with where staying in touch stands, asking, answering."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import validated_input
from polku.events.models import ContactRequest
from polku.events.selectors.contacts import MetPerson, people_met
from polku.events.selectors.events import event_get
from polku.events.selectors.meetings import attendee_get, require_own_registration
from polku.events.services import contacts as services

TAGS = ["events"]
STATES = ["none", "asked", "asks_me", "accepted", "declined"]


class EventMetPersonSerializer(serializers.Serializer):
    registration = serializers.IntegerField(source="registration.pk")
    name = serializers.CharField(source="registration.name")
    contact_request = serializers.IntegerField(source="request.pk", allow_null=True, default=None)
    state = serializers.ChoiceField(
        choices=STATES,
        help_text=_("none; asked (by me, waiting); asks_me (waiting for my answer); accepted; declined"),
    )
    email = serializers.CharField(help_text=_("Only once both agreed to stay in touch"))


class EventContactRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactRequest
        fields = ["id", "event", "sender", "recipient", "status", "created_at", "answered_at"]
        read_only_fields = fields


class EventContactInputSerializer(serializers.Serializer):
    recipient = serializers.IntegerField(min_value=1, help_text=_("The registration of someone you met"))


class EventContactAnswerSerializer(serializers.Serializer):
    accept = serializers.BooleanField()


class MetApi(APIView):
    @extend_schema(
        operation_id="events_whom_i_met",
        tags=TAGS,
        responses=EventMetPersonSerializer(many=True),
        description=_(
            "The people met in meetings attended and in the rounds that took place, each with where asking "
            "to stay in touch stands."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        registration = require_own_registration(access=access, event=event_get(access=access, pk=pk))
        rows: list[MetPerson] = people_met(registration)
        return Response(EventMetPersonSerializer(rows, many=True).data)


class ContactRequestApi(APIView):
    @extend_schema(
        operation_id="events_contact_request",
        tags=TAGS,
        request=EventContactInputSerializer,
        responses={201: EventContactRequestSerializer},
        description=_("Ask someone you met at the event to stay in touch; they get an e-mail."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = event_get(access=access, pk=pk)
        other = attendee_get(
            event=event, pk=validated_input(EventContactInputSerializer, request)["recipient"]
        )
        contact = services.contact_request(access=access, event=event, recipient=other)
        return Response(EventContactRequestSerializer(contact).data, status=status.HTTP_201_CREATED)


class ContactAnswerApi(APIView):
    @extend_schema(
        operation_id="events_contact_answer",
        tags=TAGS,
        request=EventContactAnswerSerializer,
        responses=EventContactRequestSerializer,
        description=_("The person asked accepts (both then see each other's e-mail) or declines."),
    )
    def post(self, request: AuthenticatedRequest, contact_pk: int) -> Response:
        access = access_for(request.user)
        contact = get_object_or_404(ContactRequest, pk=contact_pk)
        event_get(access=access, pk=contact.event_id)  # 404 for those the event is not open to
        accept = validated_input(EventContactAnswerSerializer, request)["accept"]
        contact = services.contact_answer(access=access, contact=contact, accept=accept)
        return Response(EventContactRequestSerializer(contact).data)
