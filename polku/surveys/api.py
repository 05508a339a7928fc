"""REST API of surveys: an activity's feedback form, its results, a participant's answer and open forms."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.activities.selectors import activity_get
from polku.assessments.api import ProjectDeltasSerializer
from polku.core.api import FigureSerializer, FileNegotiation, file_response
from polku.core.sheets import table_csv, table_xlsx
from polku.participants.models import Participation
from polku.projects.selectors import project_get
from polku.surveys.exports import results_filename, results_rows
from polku.surveys.models import FeedbackForm
from polku.surveys.selectors import (
    feedback_form_get,
    feedback_results,
    open_forms_for,
    self_assessment_deltas,
)
from polku.surveys.services import feedback_answer, feedback_form_save

TAGS = ["surveys"]


class FeedbackFormSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeedbackForm
        fields = ["id", "activity", "title", "questions", "is_open"]
        read_only_fields = fields


class FeedbackFormInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    questions = serializers.ListField(
        child=serializers.CharField(max_length=500), required=False, default=list
    )
    is_open = serializers.BooleanField(required=False, default=True)


class AnswerInputSerializer(serializers.Serializer):
    satisfaction = serializers.IntegerField(min_value=1, max_value=5)
    answers = serializers.ListField(
        child=serializers.CharField(allow_blank=True), required=False, default=list
    )


class ResultsSerializer(serializers.Serializer):
    exact = serializers.BooleanField()
    responses = FigureSerializer()
    average = serializers.FloatField(allow_null=True)
    distribution = serializers.DictField(child=FigureSerializer())
    free_text = serializers.ListField(child=serializers.DictField())
    self_assessments = ProjectDeltasSerializer(
        many=True,
        help_text=_(
            "Before/after DigComp and EntreComp deltas of the activity's participants in view, per framework "
            "any of them has taken (same rules as the project's deltas)"
        ),
    )


class OpenFormSerializer(serializers.Serializer):
    form = FeedbackFormSerializer()
    activity_name = serializers.CharField()
    answered = serializers.BooleanField()


class ActivityFeedbackFormApi(APIView):
    def _activity(self, request: AuthenticatedRequest, code: str, pk: int) -> Any:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return access, activity_get(project=project, pk=pk)

    @extend_schema(operation_id="feedback_form_retrieve", tags=TAGS, responses=FeedbackFormSerializer)
    def get(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        _access, activity = self._activity(request, code, pk)
        return Response(FeedbackFormSerializer(get_object_or_404(FeedbackForm, activity=activity)).data)

    @extend_schema(
        operation_id="feedback_form_save",
        tags=TAGS,
        request=FeedbackFormInputSerializer,
        responses=FeedbackFormSerializer,
        description=_("Create or change the activity's feedback form: its coordinators or the project lead."),
    )
    def put(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, activity = self._activity(request, code, pk)
        data = FeedbackFormInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        form = feedback_form_save(actor=request.user, access=access, activity=activity, **data.validated_data)
        return Response(FeedbackFormSerializer(form).data)


class FeedbackResultsApi(APIView):
    @extend_schema(
        operation_id="feedback_results",
        tags=TAGS,
        responses=ResultsSerializer,
        description=_(
            "Exact for the activity's coordinators; suppressed for the project lead and evaluators."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        survey = feedback_form_get(access=access, pk=pk)
        results = feedback_results(access=access, form=survey)
        fig = lambda f: {"value": f.value, "hidden": f.hidden}  # noqa: E731
        data = {
            "exact": results.exact,
            "responses": fig(results.responses),
            "average": results.average,
            "distribution": {str(s): fig(v) for s, v in results.distribution.items()},
            "free_text": [{"question": q, "answers": a} for q, a in results.free_text],
            "self_assessments": self_assessment_deltas(access=access, form=survey),
        }
        return Response(ResultsSerializer(data).data)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RESULTS_FILE = _(
    "The feedback results as a file to open in a spreadsheet: answers, average and distribution of "
    "satisfaction, the free-text answers and the participants' self-assessment deltas. Same readers and "
    "suppression as the JSON; a hidden figure is written as the word for hidden."
)


class FeedbackResultsFileApi(APIView):
    fmt = ""
    content_negotiation_class = FileNegotiation

    def get(self, request: AuthenticatedRequest, pk: int) -> HttpResponse:
        access = access_for(request.user)
        survey = feedback_form_get(access=access, pk=pk)
        results = feedback_results(access=access, form=survey)
        deltas = self_assessment_deltas(access=access, form=survey)
        rows = results_rows(form=survey, results=results, deltas=deltas, lang=(get_language() or "en")[:2])
        name = results_filename(survey, self.fmt)
        if self.fmt == "xlsx":
            content = table_xlsx(str(_("Feedback")), rows, bold_rows=())
            return file_response(content, filename=name, content_type=XLSX)
        return file_response(table_csv(rows), filename=name, content_type="text/csv; charset=utf-8")


class FeedbackResultsCsvApi(FeedbackResultsFileApi):
    fmt = "csv"

    @extend_schema(
        operation_id="feedback_results_csv",
        tags=TAGS,
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description=_("CSV, semicolons"))},
        description=RESULTS_FILE,
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> HttpResponse:
        return super().get(request, pk)


class FeedbackResultsXlsxApi(FeedbackResultsFileApi):
    fmt = "xlsx"

    @extend_schema(
        operation_id="feedback_results_xlsx",
        tags=TAGS,
        responses={(200, XLSX): OpenApiResponse(OpenApiTypes.BINARY, description=_("An Excel workbook"))},
        description=RESULTS_FILE,
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> HttpResponse:
        return super().get(request, pk)


class FeedbackAnswerApi(APIView):
    @extend_schema(
        operation_id="feedback_answer",
        tags=TAGS,
        request=AnswerInputSerializer,
        responses={201: None},
        description=_("The signed-in participant answers a form of an activity they are enrolled in, once."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        form = feedback_form_get(access=access, pk=pk)
        participation = get_object_or_404(
            Participation, person_id=access.person_id or 0, project_id=form.activity.project_id
        )
        data = AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feedback_answer(actor=request.user, form=form, participation=participation, **data.validated_data)
        return Response(status=status.HTTP_201_CREATED)


class MyFeedbackFormsApi(APIView):
    @extend_schema(operation_id="my_feedback_forms", tags=TAGS, responses=OpenFormSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = [
            {"form": form, "activity_name": form.activity.name, "answered": answered}
            for form, _participation, answered in open_forms_for(access=access_for(request.user))
        ]
        return Response(OpenFormSerializer(rows, many=True).data)
