"""Plans API: development plans (list, create from the engine's proposal, read with the gap explained,
change, delete, propose again) and plan counts per partner. A plan is read and edited by its person,
their coordinators and admins (others get 404); project leads and evaluators get counts only."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.esco.models import Concept
from polku.learning import explain, selectors
from polku.learning.api.common import TAGS, response_language
from polku.learning.models import Comment, Milestone, Mode, Plan, PlanItem
from polku.learning.services.plans import build_plan, plan_delete, plan_update, propose
from polku.projects.models import Project


class GapItemSerializer(serializers.Serializer):
    uri = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # an API field, not Field.label
    essential = serializers.BooleanField()
    status = serializers.CharField()
    explanation = serializers.CharField()


class PlanItemSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    explanation = serializers.SerializerMethodField()

    class Meta:
        model = PlanItem
        fields = [
            "id",
            "opportunity",
            "text",
            "title",
            "order",
            "status",
            "source",
            "reason",
            "covers",
            "explanation",
            "enrolled_on",
            "completed_on",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_title(self, item: PlanItem) -> str:
        return item.opportunity.title(response_language()) if item.opportunity else item.text

    @extend_schema_field(serializers.CharField())
    def get_explanation(self, item: PlanItem) -> str:
        if item.source != PlanItem.Source.ENGINE:
            return ""
        return explain.choice_sentence(
            item.reason, item.covers, explain.labels_for(item.covers, response_language())
        )


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_on", "status", "done_at", "item"]
        read_only_fields = fields


class CommentSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.__str__", read_only=True, default="")

    class Meta:
        model = Comment
        fields = ["id", "author", "text", "is_review", "created_at"]
        read_only_fields = fields


class PlanSerializer(serializers.ModelSerializer):
    target = serializers.CharField(source="target.uri", read_only=True, default=None)

    class Meta:
        model = Plan
        fields = [
            "id",
            "person",
            "goal_kind",
            "target",
            "business_goal",
            "preferred_mode",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class PlanDetailSerializer(PlanSerializer):
    gap = serializers.SerializerMethodField()
    gap_counts = serializers.SerializerMethodField()
    items = serializers.SerializerMethodField()
    milestones = serializers.SerializerMethodField()
    comments = serializers.SerializerMethodField()
    excluded = serializers.SerializerMethodField()

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields,
            "gap_counts",
            "gap",
            "items",
            "excluded",
            "milestones",
            "comments",
        ]
        read_only_fields = fields

    @extend_schema_field(GapItemSerializer(many=True))
    def get_gap(self, plan: Plan) -> Any:
        rows = explain.gap_rows(plan.gap, response_language())
        return [
            {
                "uri": r.uri,
                "label": r.label,
                "essential": r.essential,
                "status": r.status,
                "explanation": r.sentence,
            }
            for r in rows
        ]

    @extend_schema_field(serializers.DictField(child=serializers.IntegerField()))
    def get_gap_counts(self, plan: Plan) -> dict[str, int]:
        return {
            k: int(plan.gap.get(k, 0))
            for k in ("essential_total", "essential_covered", "optional_total", "optional_covered")
        }

    @extend_schema_field(PlanItemSerializer(many=True))
    def get_items(self, plan: Plan) -> Any:
        return PlanItemSerializer(
            plan.items.select_related("opportunity").order_by("order", "id"), many=True
        ).data

    @extend_schema_field(serializers.ListField(child=serializers.DictField(child=serializers.CharField())))
    def get_excluded(self, plan: Plan) -> Any:
        return [
            {"opportunity": str(o.pk), "code": o.code, "explanation": s}
            for o, s in explain.exclusions(plan.gap, response_language())
        ]

    @extend_schema_field(MilestoneSerializer(many=True))
    def get_milestones(self, plan: Plan) -> Any:
        return MilestoneSerializer(plan.milestones.all(), many=True).data

    @extend_schema_field(CommentSerializer(many=True))
    def get_comments(self, plan: Plan) -> Any:
        return CommentSerializer(plan.comments.select_related("author"), many=True).data


class PlanInputSerializer(serializers.Serializer):
    person = serializers.IntegerField(
        required=False, help_text=_("A coordinator's participant; leave out for yourself")
    )
    goal_kind = serializers.ChoiceField(choices=Plan.GoalKind.choices)
    target = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("ESCO occupation URI")
    )
    business_goal = serializers.CharField(required=False, allow_blank=True, default="")
    preferred_mode = serializers.ChoiceField(
        choices=Mode.choices, required=False, allow_blank=True, default=""
    )


class PlanUpdateSerializer(serializers.Serializer):
    goal_kind = serializers.ChoiceField(choices=Plan.GoalKind.choices, required=False)
    target = serializers.CharField(required=False, help_text=_("ESCO occupation URI"))
    business_goal = serializers.CharField(required=False, allow_blank=True)
    preferred_mode = serializers.ChoiceField(choices=Mode.choices, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=Plan.Status.choices, required=False)


class PlanCountsSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    partner_name = serializers.CharField()
    plans = serializers.IntegerField()
    active = serializers.IntegerField()
    done = serializers.IntegerField()
    completions = serializers.IntegerField()


def _occupation(uri: str) -> Concept | None:
    return Concept.objects.filter(uri=uri, kind=Concept.Kind.OCCUPATION).first() if uri else None


class PlanListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="learning_plan_list",
        tags=TAGS,
        parameters=[OpenApiParameter("person", int)],
        responses=PlanSerializer(many=True),
        description="Plans the user may see: their own, and a coordinator's participants'.",
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        person = request.query_params.get("person")
        rows = selectors.plan_list(
            access=access_for(request.user), person_id=int(person) if person and person.isdigit() else None
        )
        return paginated_response(request=request, view=self, rows=rows, serializer_class=PlanSerializer)

    @extend_schema(
        operation_id="learning_plan_create",
        tags=TAGS,
        request=PlanInputSerializer,
        responses={201: PlanDetailSerializer},
        description="A new plan with the engine's proposal (gap analysis and least-effort recommendation) as items.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(PlanInputSerializer, request)
        person_id = data.get("person") or access.person_id
        if person_id is None:
            raise AccessDenied(_("Say whose plan this is."))
        person = selectors.person_get(access=access, pk=person_id)
        plan = build_plan(
            access=access,
            actor=request.user,
            person=person,
            goal_kind=data["goal_kind"],
            target=_occupation(data["target"]),
            business_goal=data["business_goal"],
            preferred_mode=data["preferred_mode"],
        )
        return Response(PlanDetailSerializer(plan).data, status=status.HTTP_201_CREATED)


class PlanDetailApi(APIView):
    @extend_schema(operation_id="learning_plan_retrieve", tags=TAGS, responses=PlanDetailSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        plan = selectors.plan_get(access=access_for(request.user), pk=pk, actor=request.user)
        return Response(PlanDetailSerializer(plan).data)

    @extend_schema(
        operation_id="learning_plan_update",
        tags=TAGS,
        request=PlanUpdateSerializer,
        responses=PlanDetailSerializer,
        description="Change the goal, preferred mode or status; a changed goal or mode is proposed again.",
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        data = validated_input(PlanUpdateSerializer, request)
        if "target" in data:
            data["target"] = _occupation(data["target"])
        plan = plan_update(access=access, actor=request.user, plan=plan, data=data)
        return Response(PlanDetailSerializer(plan).data)

    @extend_schema(operation_id="learning_plan_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        plan_delete(access=access, actor=request.user, plan=plan)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PlanProposeApi(APIView):
    @extend_schema(
        operation_id="learning_plan_propose",
        tags=TAGS,
        request=None,
        responses=PlanDetailSerializer,
        description="Analyse the gap again and replace the engine's still-planned items with a new proposal.",
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        plan = propose(access=access, actor=request.user, plan=plan)
        return Response(PlanDetailSerializer(plan).data)


class PlanCountsApi(APIView):
    @extend_schema(
        operation_id="learning_plan_counts",
        tags=TAGS,
        responses=PlanCountsSerializer(many=True),
        description="Per partner: plans, active and done plans, completions. Counts only, for the project lead, "
        "evaluators and coordinators (their own partner).",
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = get_object_or_404(Project, code=code)
        return Response(
            PlanCountsSerializer(selectors.plan_counts(access=access, project=project), many=True).data
        )
