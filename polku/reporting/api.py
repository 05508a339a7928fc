"""REST API: a project's funder indicator table.

Suppressed for the project lead and evaluators (figures across partners); exact for a coordinator's own
partner and for platform admins. The same computation as the CLI and the report pages.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.projects.selectors import project_get
from polku.reporting.selectors import indicator_table

TAGS = ["reporting"]


class IndicatorTableApi(APIView):
    class InputSerializer(serializers.Serializer):
        from_ = serializers.DateField(required=False, help_text=_("First day of the period (ISO date)"))
        to = serializers.DateField(required=False, help_text=_("Last day of the period (ISO date)"))
        partner = serializers.IntegerField(required=False, help_text=_("Only this partner's participants"))

        def get_fields(self):
            fields = super().get_fields()
            fields["from"] = fields.pop("from_")
            return fields

    class RowSerializer(serializers.Serializer):
        code = serializers.CharField()
        label = serializers.CharField()  # type: ignore[assignment]  # an API field, not Field.label
        kind = serializers.ChoiceField(choices=["output", "result"])
        total = serializers.IntegerField(allow_null=True)
        women = serializers.IntegerField(allow_null=True)
        men = serializers.IntegerField(allow_null=True)
        non_binary = serializers.IntegerField(allow_null=True)
        unknown = serializers.IntegerField(allow_null=True, help_text=_("Gender declined or not asked"))
        unanswered = serializers.IntegerField(
            allow_null=True, help_text=_("The indicator's facts are unknown (declined, not asked, no answer)")
        )

    class OutputSerializer(serializers.Serializer):
        project_code = serializers.CharField()
        indicator_set = serializers.ChoiceField(
            choices=["esf_plus_2021", "esf_2014", ""],
            help_text=_(
                "Empty: the project reports no ESF indicators (its funder is not the ESF and none is chosen)"
            ),
        )
        period_from = serializers.DateField(allow_null=True)
        period_to = serializers.DateField(allow_null=True)
        partner_id = serializers.IntegerField(allow_null=True)
        suppressed = serializers.BooleanField(help_text=_("Cells below the threshold are null"))
        threshold = serializers.IntegerField(allow_null=True)
        rows = serializers.SerializerMethodField()

        def get_rows(self, table) -> list[dict]:
            return list(IndicatorTableApi.RowSerializer(table.rows, many=True).data)

    @extend_schema(
        operation_id="indicator_table",
        tags=TAGS,
        parameters=[
            OpenApiParameter("from", str, description=_("First day of the period (ISO date)")),
            OpenApiParameter("to", str, description=_("Last day of the period (ISO date)")),
            OpenApiParameter("partner", int, description=_("Only this partner's participants")),
        ],
        responses=OutputSerializer,
        description=_(
            "The project's funder indicators by gender. Outputs count participants who entered in the "
            "period, results those who exited in it. Suppressed (small cells null) for the project lead and "
            "evaluators; exact for a coordinator's own partner and for admins."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        table = indicator_table(
            access=access,
            project=project,
            period_from=data.get("from"),
            period_to=data.get("to"),
            partner_id=data.get("partner"),
        )
        return Response(self.OutputSerializer(table).data)
