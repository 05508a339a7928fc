"""REST API of learning: the catalogue (CRUD, CSV export and import), plans with their items, milestones
and comments, completions (by hand and imported from a MOOC platform's CSV) and plan counts per partner.

The same selectors and services as the pages, so the same access rules: anyone signed in reads the active
catalogue; a plan is read and edited by its person, their coordinators and admins (others get 404);
project leads and evaluators get counts only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied, ApplicationError
from polku.esco.models import Concept
from polku.learning import explain, selectors, services
from polku.learning.models import (
    Comment,
    Completion,
    LearningOpportunity,
    Milestone,
    Mode,
    Plan,
    PlanItem,
)
from polku.projects.models import Partner, Project

TAGS = ["learning"]


def _language() -> str:
    return (get_language() or "en")[:2]


# --- serializers ----------------------------------------------------------------------------------


class OpportunitySerializer(serializers.ModelSerializer):
    skills = serializers.SerializerMethodField()
    owner = serializers.SerializerMethodField()
    languages = serializers.DictField(child=serializers.CharField())
    competences = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = LearningOpportunity
        fields = [
            "id",
            "code",
            "kind",
            "provider",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "languages",
            "mode",
            "hours",
            "ects",
            "cost",
            "self_paced",
            "starts_on",
            "ends_on",
            "url",
            "skills",
            "competences",
            "owner",
            "is_active",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_skills(self, opportunity: LearningOpportunity) -> list[str]:
        return sorted(s.uri for s in opportunity.skills.all())

    @extend_schema_field(serializers.CharField())
    def get_owner(self, opportunity: LearningOpportunity) -> str:
        if opportunity.partner_id is not None:
            return f"partner:{opportunity.partner_id}"
        if opportunity.project_id is not None:
            return f"project:{opportunity.project_id}"
        return "platform"


class OpportunityInputSerializer(serializers.Serializer):
    owner = serializers.CharField(help_text=_('"partner:<id>", "project:<id>" or "platform"'))
    code = serializers.CharField(max_length=80)
    kind = serializers.ChoiceField(choices=LearningOpportunity.Kind.choices, default="course")
    provider = serializers.CharField(max_length=200)
    title_fi = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    title_sv = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description_fi = serializers.CharField(required=False, allow_blank=True, default="")
    description_sv = serializers.CharField(required=False, allow_blank=True, default="")
    description_en = serializers.CharField(required=False, allow_blank=True, default="")
    languages = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        default=dict,
        help_text=_("Language → minimum CEFR level"),
    )
    mode = serializers.ChoiceField(choices=Mode.choices, default="online")
    hours = serializers.DecimalField(max_digits=6, decimal_places=1)
    ects = serializers.DecimalField(
        max_digits=5, decimal_places=1, required=False, allow_null=True, default=None
    )
    cost = serializers.DecimalField(max_digits=8, decimal_places=2, required=False, default=Decimal(0))
    self_paced = serializers.BooleanField(required=False, default=False)
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    url = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    skills = serializers.ListField(
        child=serializers.CharField(), required=False, default=list, help_text=_("ESCO skill URIs")
    )
    competences = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    is_active = serializers.BooleanField(required=False, default=True)


class OpportunityUpdateSerializer(OpportunityInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            field.default = serializers.empty


class CsvImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, help_text=_("The CSV file (multipart)"))
    csv = serializers.CharField(required=False, help_text=_("Or the CSV text itself (JSON)"))
    dry_run = serializers.BooleanField(default=True, help_text=_("Only check the rows"))


class CatalogueImportInputSerializer(CsvImportInputSerializer):
    owner = serializers.CharField(help_text=_('"partner:<id>", "project:<id>" or "platform"'))


class RowResultSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    code = serializers.CharField()
    # DRF's metaclass takes declared fields off the class, so this does not hide `Serializer.errors`
    errors = serializers.ListField(child=serializers.CharField())  # type: ignore[assignment]


class CatalogueImportSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    imported = serializers.IntegerField()
    rows = RowResultSerializer(many=True)


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
        return item.opportunity.title(_language()) if item.opportunity else item.text

    @extend_schema_field(serializers.CharField())
    def get_explanation(self, item: PlanItem) -> str:
        if item.source != PlanItem.Source.ENGINE:
            return ""
        return explain.choice_sentence(item.reason, item.covers, explain.labels_for(item.covers, _language()))


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
        rows = explain.gap_rows(plan.gap, _language())
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
            for o, s in explain.exclusions(plan.gap, _language())
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


class ItemInputSerializer(serializers.Serializer):
    opportunity = serializers.IntegerField(required=False, allow_null=True, default=None)
    text = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ItemUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=PlanItem.Status.choices, required=False)
    order = serializers.IntegerField(min_value=0, required=False)
    text = serializers.CharField(max_length=300, required=False, allow_blank=True)
    completed_on = serializers.DateField(required=False)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class MilestoneInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    due_on = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=Milestone.Status.choices, required=False)
    item = serializers.IntegerField(required=False, allow_null=True)


class CommentInputSerializer(serializers.Serializer):
    text = serializers.CharField()


class CompletionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Completion
        fields = ["id", "person", "opportunity", "completed_on", "grade", "note", "source"]
        read_only_fields = fields


class CompletionInputSerializer(serializers.Serializer):
    person = serializers.IntegerField(required=False, help_text=_("Leave out for yourself"))
    opportunity = serializers.IntegerField()
    completed_on = serializers.DateField()
    grade = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class MoocImportInputSerializer(CsvImportInputSerializer):
    partner = serializers.IntegerField()
    mapping = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        default=dict,
        help_text=_("email/course/completed_on/grade → column name"),
    )


class MoocRowSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    email = serializers.CharField()
    course = serializers.CharField()
    completed_on = serializers.DateField(allow_null=True)
    grade = serializers.CharField()
    status = serializers.CharField()
    message = serializers.CharField()


class MoocImportSerializer(serializers.Serializer):
    summary = serializers.DictField(child=serializers.IntegerField())
    rows = MoocRowSerializer(many=True)


class PlanCountsSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    partner_name = serializers.CharField()
    plans = serializers.IntegerField()
    active = serializers.IntegerField()
    done = serializers.IntegerField()
    completions = serializers.IntegerField()


def _csv_bytes(data: dict[str, Any]) -> bytes:
    if data.get("file") is not None:
        return data["file"].read()
    if data.get("csv"):
        return str(data["csv"]).encode("utf-8")
    raise ApplicationError(gettext("Send a CSV file."), field_errors={"file": [gettext("Send a CSV file.")]})


# --- catalogue ------------------------------------------------------------------------------------


class OpportunityListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="learning_opportunity_list",
        tags=TAGS,
        parameters=[
            OpenApiParameter("language", str, description="Teaching language"),
            OpenApiParameter("mode", str, description="online, onsite or blended"),
            OpenApiParameter("skill", str, description="Words of a skill label, or an ESCO URI"),
            OpenApiParameter("kind", str),
        ],
        responses=OpportunitySerializer(many=True),
        description="Active learning opportunities (and inactive ones the user may edit), filtered.",
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        rows = selectors.opportunity_list(
            access=access,
            language=request.query_params.get("language", ""),
            mode=request.query_params.get("mode", ""),
            skill=request.query_params.get("skill", ""),
            kind=request.query_params.get("kind", ""),
            include_inactive=services.can_create_opportunities(access),
        )
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=OpportunitySerializer
        )

    @extend_schema(
        operation_id="learning_opportunity_create",
        tags=TAGS,
        request=OpportunityInputSerializer,
        responses={201: OpportunitySerializer},
        description="Add an opportunity: coordinators for their partner, project leads for their project, admins.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not services.can_create_opportunities(access):
            raise AccessDenied(_("Only coordinators, project leads and admins add learning opportunities."))
        data = validated_input(OpportunityInputSerializer, request)
        owner = services.owner_from_key(data.pop("owner"))
        skills = data.pop("skills")
        opportunity = services.opportunity_save(
            access=access, actor=request.user, values=data, skill_uris=skills, owner=owner
        )
        return Response(OpportunitySerializer(opportunity).data, status=status.HTTP_201_CREATED)


class OpportunityDetailApi(APIView):
    @extend_schema(operation_id="learning_opportunity_retrieve", tags=TAGS, responses=OpportunitySerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        return Response(
            OpportunitySerializer(selectors.opportunity_get(access=access_for(request.user), pk=pk)).data
        )

    @extend_schema(
        operation_id="learning_opportunity_update",
        tags=TAGS,
        request=OpportunityUpdateSerializer,
        responses=OpportunitySerializer,
        description="Change an opportunity (its owner's coordinators, the project lead, admins).",
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        opportunity = selectors.opportunity_get(access=access, pk=pk)
        if not selectors.can_edit_opportunity(access, opportunity):
            raise AccessDenied(_("You can edit only the opportunities of your own partner or project."))
        data = validated_input(OpportunityUpdateSerializer, request)
        owner_key = data.pop("owner", None)
        owner = (
            services.owner_from_key(owner_key)
            if owner_key
            else services.Owner(partner=opportunity.partner, project=opportunity.project)
        )
        skills = data.pop("skills", None)
        values = {n: getattr(opportunity, n) for n in services.OPPORTUNITY_FIELDS} | data
        uris = skills if skills is not None else [s.uri for s in opportunity.skills.all()]
        opportunity = services.opportunity_save(
            access=access,
            actor=request.user,
            values=values,
            skill_uris=uris,
            owner=owner,
            opportunity=opportunity,
        )
        return Response(OpportunitySerializer(opportunity).data)

    @extend_schema(
        operation_id="learning_opportunity_delete",
        tags=TAGS,
        responses={204: None},
        description="Delete an opportunity nobody has planned or completed; otherwise make it inactive instead.",
    )
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        opportunity = selectors.opportunity_get(access=access, pk=pk)
        services.opportunity_delete(access=access, actor=request.user, opportunity=opportunity)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CatalogueExportApi(APIView):
    @extend_schema(
        operation_id="learning_catalogue_export",
        tags=TAGS,
        responses={(200, "text/csv"): OpenApiTypes.STR},
        description="The catalogue as CSV (the columns of docs/learning.md); it imports back unchanged.",
    )
    def get(self, request: AuthenticatedRequest) -> HttpResponse:
        access = access_for(request.user)
        rows = selectors.opportunity_list(
            access=access, include_inactive=services.can_create_opportunities(access)
        )
        response = HttpResponse(services.catalogue_export(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="learning-catalogue.csv"'
        return response


class CatalogueImportApi(APIView):
    parser_classes = [MultiPartParser, JSONParser]

    @extend_schema(
        operation_id="learning_catalogue_import",
        tags=TAGS,
        request={
            "multipart/form-data": CatalogueImportInputSerializer,
            "application/json": CatalogueImportInputSerializer,
        },
        responses={200: CatalogueImportSerializer},
        description="Check (dry_run, the default) or import a catalogue CSV. Nothing is imported if any row fails: "
        "the answer is 400 with the rows' errors.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not services.can_create_opportunities(access):
            raise AccessDenied(
                _("Only coordinators, project leads and admins import learning opportunities.")
            )
        data = validated_input(CatalogueImportInputSerializer, request)
        owner = services.owner_from_key(data["owner"])
        content = _csv_bytes(data)
        check = services.catalogue_check(access=access, content=content, owner=owner)
        imported = 0
        if not data["dry_run"]:
            imported = services.catalogue_import(
                access=access, actor=request.user, content=content, owner=owner
            )
        return Response({"ok": check.ok, "imported": imported, "rows": check.as_json()})


# --- plans ----------------------------------------------------------------------------------------


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
        plan = services.build_plan(
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
        plan = services.plan_update(access=access, actor=request.user, plan=plan, data=data)
        return Response(PlanDetailSerializer(plan).data)

    @extend_schema(operation_id="learning_plan_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        services.plan_delete(access=access, actor=request.user, plan=plan)
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
        plan = services.propose(access=access, actor=request.user, plan=plan)
        return Response(PlanDetailSerializer(plan).data)


class ItemListApi(APIView):
    @extend_schema(
        operation_id="learning_item_create",
        tags=TAGS,
        request=ItemInputSerializer,
        responses={201: PlanItemSerializer},
        description="Add an opportunity of the catalogue, or a free-text item, to the plan.",
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        data = validated_input(ItemInputSerializer, request)
        opportunity = None
        if data["opportunity"] is not None:
            opportunity = selectors.opportunity_get(access=access, pk=data["opportunity"])
        item = services.item_add(
            access=access, actor=request.user, plan=plan, opportunity=opportunity, text=data["text"]
        )
        return Response(PlanItemSerializer(item).data, status=status.HTTP_201_CREATED)


def _item(request: AuthenticatedRequest, pk: int) -> tuple[Access, PlanItem]:
    access = access_for(request.user)
    item = get_object_or_404(PlanItem.objects.select_related("plan__person", "opportunity"), pk=pk)
    selectors.plan_get(access=access, pk=item.plan_id, audit=False)
    return access, item


class ItemDetailApi(APIView):
    @extend_schema(
        operation_id="learning_item_update",
        tags=TAGS,
        request=ItemUpdateSerializer,
        responses=PlanItemSerializer,
        description="Change status (enrolled, completed – which records the completion –, dropped), order or text.",
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, item = _item(request, pk)
        data = validated_input(ItemUpdateSerializer, request)
        item = services.item_update(access=access, actor=request.user, item=item, data=data)
        return Response(PlanItemSerializer(item).data)

    @extend_schema(operation_id="learning_item_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, item = _item(request, pk)
        services.item_remove(access=access, actor=request.user, item=item)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _milestone_data(plan: Plan, data: dict[str, Any]) -> dict[str, Any]:
    if data.get("item"):
        item = plan.items.filter(pk=data["item"]).first()
        if item is None:
            raise ApplicationError(
                gettext("The item is not part of this plan."),
                field_errors={"item": [gettext("Choose an item of this plan.")]},
            )
        data["item"] = item
    elif "item" in data:
        data["item"] = None
    return data


class MilestoneListApi(APIView):
    @extend_schema(
        operation_id="learning_milestone_create",
        tags=TAGS,
        request=MilestoneInputSerializer,
        responses={201: MilestoneSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        data = _milestone_data(plan, validated_input(MilestoneInputSerializer, request))
        milestone = services.milestone_save(access=access, actor=request.user, plan=plan, data=data)
        return Response(MilestoneSerializer(milestone).data, status=status.HTTP_201_CREATED)


def _milestone(request: AuthenticatedRequest, pk: int) -> tuple[Access, Milestone]:
    access = access_for(request.user)
    milestone = get_object_or_404(Milestone.objects.select_related("plan"), pk=pk)
    selectors.plan_get(access=access, pk=milestone.plan_id, audit=False)
    return access, milestone


class MilestoneDetailApi(APIView):
    @extend_schema(
        operation_id="learning_milestone_update",
        tags=TAGS,
        request=MilestoneInputSerializer,
        responses=MilestoneSerializer,
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, milestone = _milestone(request, pk)
        data = _milestone_data(milestone.plan, validated_input(MilestoneInputSerializer, request))
        milestone = services.milestone_save(
            access=access, actor=request.user, plan=milestone.plan, data=data, milestone=milestone
        )
        return Response(MilestoneSerializer(milestone).data)

    @extend_schema(operation_id="learning_milestone_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, milestone = _milestone(request, pk)
        services.milestone_delete(access=access, actor=request.user, milestone=milestone)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommentListApi(APIView):
    @extend_schema(operation_id="learning_comment_list", tags=TAGS, responses=CommentSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        plan = selectors.plan_get(access=access_for(request.user), pk=pk, actor=request.user)
        return Response(CommentSerializer(plan.comments.select_related("author"), many=True).data)

    @extend_schema(
        operation_id="learning_comment_create",
        tags=TAGS,
        request=CommentInputSerializer,
        responses={201: CommentSerializer},
        description="Comment on the plan; a coordinator's comment is a review.",
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        data = validated_input(CommentInputSerializer, request)
        comment = services.comment_add(access=access, actor=request.user, plan=plan, text=data["text"])
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


# --- completions ----------------------------------------------------------------------------------


class PersonCompletionsApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="learning_person_completions",
        tags=TAGS,
        responses=CompletionSerializer(many=True),
        description="Completions of a person: themselves, their coordinators, admins.",
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        person = selectors.person_get(access=access_for(request.user), pk=pk)
        rows = selectors.completions_of(person)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=CompletionSerializer
        )


class CompletionListApi(APIView):
    @extend_schema(
        operation_id="learning_completion_create",
        tags=TAGS,
        request=CompletionInputSerializer,
        responses={201: CompletionSerializer, 200: CompletionSerializer},
        description="Mark an opportunity completed by hand: its skills are added to the profile as evidence "
        "and the person's plans move on. A repeat answers 200 with the existing completion.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(CompletionInputSerializer, request)
        person_id = data.pop("person", None) or access.person_id
        if person_id is None:
            raise AccessDenied(_("Say whose completion this is."))
        person = selectors.person_get(access=access, pk=person_id)
        opportunity = selectors.opportunity_get(access=access, pk=data.pop("opportunity"))
        completion, created = services.completion_record(
            access=access,
            actor=request.user,
            person=person,
            opportunity=opportunity,
            **data,
        )
        return Response(
            CompletionSerializer(completion).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class MoocImportApi(APIView):
    parser_classes = [MultiPartParser, JSONParser]

    @extend_schema(
        operation_id="learning_completion_import",
        tags=TAGS,
        request={
            "multipart/form-data": MoocImportInputSerializer,
            "application/json": MoocImportInputSerializer,
        },
        responses=MoocImportSerializer,
        description="Completions from a MOOC platform's CSV export (Moodle, mooc.fi or a mapping of columns), "
        "matched by e-mail within the partner. Unmatched rows are reported; re-importing changes nothing.",
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(MoocImportInputSerializer, request)
        partner = Partner.objects.filter(pk=data["partner"]).first()
        if partner is None or not (access.is_admin or partner.pk in access.coordinator_partner_ids):
            raise AccessDenied(_("You can import completions only for your own partner organisation."))
        rows = services.mooc_import(
            access=access,
            actor=request.user,
            partner=partner,
            content=_csv_bytes(data),
            mapping=data["mapping"] or None,
            dry_run=data["dry_run"],
        )
        return Response({"summary": services.mooc_summary(rows), "rows": [r.as_json() for r in rows]})


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
