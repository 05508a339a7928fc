"""The background jobs for platform admins over the API: the same lists and retries as the page."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.models import OutgoingEmail
from polku.operations import selectors, services

TAGS = ["operations"]


class QueuedTaskRunSerializer(serializers.Serializer):
    id = serializers.CharField()
    task = serializers.CharField()
    state = serializers.ChoiceField(choices=[("failed", _("Failed")), ("stuck", _("Stuck"))])
    reason = serializers.CharField()
    error = serializers.CharField()
    attempt = serializers.IntegerField()
    enqueued_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    can_retry = serializers.BooleanField()


class OutgoingEmailSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = OutgoingEmail
        fields = [
            "id",
            "subject",
            "recipients",
            "status",
            "status_label",
            "attempts",
            "last_error",
            "created_at",
        ]
        read_only_fields = fields


class RetriedJobSerializer(serializers.Serializer):
    id = serializers.CharField(help_text=_("The new run of the task"))


class JobListApi(APIView):
    @extend_schema(
        operation_id="operations_job_list", tags=TAGS, responses=QueuedTaskRunSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = selectors.failed_jobs(access=access_for(request.user))
        return Response(QueuedTaskRunSerializer(rows, many=True).data)


class JobRetryApi(APIView):
    @extend_schema(
        operation_id="operations_job_retry", tags=TAGS, request=None, responses=RetriedJobSerializer
    )
    def post(self, request: AuthenticatedRequest, pk: str) -> Response:
        access = access_for(request.user)
        selectors.require_admin(access)
        try:
            result = DBTaskResult.objects.get(pk=pk)
        except (DBTaskResult.DoesNotExist, ValueError) as error:
            raise Http404 from error
        new = services.job_retry(actor=request.user, access=access, result=result)
        return Response({"id": str(new.id)})


class EmailListApi(APIView):
    @extend_schema(
        operation_id="operations_email_list", tags=TAGS, responses=OutgoingEmailSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = selectors.undelivered_emails(access=access_for(request.user))
        return Response(OutgoingEmailSerializer(rows, many=True).data)


class EmailRetryApi(APIView):
    @extend_schema(
        operation_id="operations_email_retry", tags=TAGS, request=None, responses=OutgoingEmailSerializer
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        selectors.require_admin(access)
        email = services.email_retry(
            actor=request.user, access=access, email=get_object_or_404(OutgoingEmail, pk=pk)
        )
        return Response(OutgoingEmailSerializer(email).data)
