"""REST API of background jobs (polku.core.jobs): the caller's own jobs, one job's status and progress,
and its file when ready. Routes that may start a job answer 202 with the job (`job_accepted`)."""

from __future__ import annotations

from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.core.api import Pagination
from polku.core.job_views import job_file_response
from polku.core.jobs import job_get_own, jobs_of
from polku.core.models import BackgroundJob

TAGS = ["jobs"]


class BackgroundJobSerializer(serializers.ModelSerializer):
    status_url = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = BackgroundJob
        fields = [
            "id",
            "kind",
            "title",
            "status",
            "progress",
            "message",
            "filename",
            "content_type",
            "created_at",
            "started_at",
            "finished_at",
            "expires_at",
            "status_url",
            "download_url",
        ]
        read_only_fields = fields

    def get_status_url(self, job: BackgroundJob) -> str:
        return reverse("api:job-detail", args=[job.pk])

    def get_download_url(self, job: BackgroundJob) -> str | None:
        return reverse("api:job-download", args=[job.pk]) if job.ready else None


class JobNotReadySerializer(serializers.Serializer):
    detail = serializers.CharField()


def job_accepted(job: BackgroundJob) -> Response:
    """202 Accepted with the job and its status address in `Location`: the file comes later."""
    response = Response(BackgroundJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)
    response["Location"] = reverse("api:job-detail", args=[job.pk])
    return response


def file_responses(content_type: str, description: str | Promise) -> dict:
    """The schema of a file route that may start a background job instead: 200 the file, 202 the job."""
    return {
        (200, content_type): OpenApiResponse(OpenApiTypes.BINARY, description=description),
        (202, "application/json"): OpenApiResponse(
            BackgroundJobSerializer,
            description=_(
                "The file is being made as a background job: follow status_url until download_url is set."
            ),
        ),
    }


class JobListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="job_list",
        tags=TAGS,
        responses=BackgroundJobSerializer(many=True),
        description=_("The caller's own background jobs that have not expired, newest first."),
    )
    def get(self, request: Request) -> Response:
        paginator = Pagination()
        page = paginator.paginate_queryset(jobs_of(request.user), request, view=self)
        return paginator.get_paginated_response(BackgroundJobSerializer(page, many=True).data)


class JobDetailApi(APIView):
    @extend_schema(
        operation_id="job_retrieve",
        tags=TAGS,
        responses=BackgroundJobSerializer,
        description=_(
            "One of the caller's background jobs: status (queued, running, done, failed), progress 0–100 "
            "and a message in the caller's language. Another user's job answers 404."
        ),
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(BackgroundJobSerializer(job_get_own(user=request.user, pk=pk)).data)


class JobDownloadApi(APIView):
    @extend_schema(
        operation_id="job_download",
        tags=TAGS,
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description=_("The job's file, with its own content type and name")
            ),
            409: OpenApiResponse(
                JobNotReadySerializer, description=_("The job has not finished with a file")
            ),
        },
    )
    def get(self, request: Request, pk: int) -> HttpResponseBase:
        job = job_get_own(user=request.user, pk=pk)
        if not job.ready:
            return Response({"detail": job.message or _("The file is not ready yet.")}, status=409)
        return job_file_response(job)
