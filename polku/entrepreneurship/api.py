"""REST API of entrepreneurship, with the pages' access: ideas for their team, the owner's coordinators and
sparring experts (staff reads audited); sparring notes for the team and the expert; listings for their
partner's coordinators and the project lead; a successor sees a listing through an introduction, its
confidential fields only once the names are exchanged (the fields are left out, not emptied)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.accounts.models import User
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied, ApplicationError
from polku.entrepreneurship import codes, selectors
from polku.entrepreneurship.models import (
    CANVAS_FIELDS,
    BusinessIdea,
    CapitalBand,
    Company,
    CompanyForm,
    Experiment,
    IdeaComment,
    Interview,
    Introduction,
    Milestone,
    Readiness,
    Sparring,
    SparringSession,
    Stage,
    StageChange,
    SuccessorProfile,
    Timeline,
    TransferListing,
)
from polku.entrepreneurship.services import companies, ideas, sparring, transfers
from polku.esco.models import Concept
from polku.participants.models import Participation
from polku.projects.models import Partner

TAGS = ["entrepreneurship"]


def _person_required(request: AuthenticatedRequest) -> Any:
    access = access_for(request.user)
    if not access.can_have_business_ideas():
        raise AccessDenied(_("Business ideas of one's own are for participants."))
    return access, request.user.person


# --- serializers ----------------------------------------------------------------------------------


class InterviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = Interview
        fields = ["id", "interviewee", "held_on", "learnt"]
        read_only_fields = ["id"]


class ExperimentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Experiment
        fields = ["id", "assumption", "method", "result", "learnt", "done_on"]
        read_only_fields = ["id"]
        extra_kwargs = {"result": {"required": False}}


class IdeaMilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_on", "reached_on"]
        read_only_fields = ["id"]


class IdeaCommentSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.full_name", read_only=True, default=None)

    class Meta:
        model = IdeaComment
        fields = ["id", "body", "author_name", "created_at"]
        read_only_fields = ["id", "author_name", "created_at"]


class StageChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = StageChange
        fields = ["from_stage", "to_stage", "changed_on", "note"]
        read_only_fields = fields


class IdeaListSerializer(serializers.ModelSerializer):
    industry_name = serializers.SerializerMethodField()
    owner_name = serializers.CharField(source="participation.person.full_name", read_only=True)
    co_founder_names = serializers.SerializerMethodField()

    class Meta:
        model = BusinessIdea
        fields = [
            "id",
            "title",
            "pitch",
            "industry",
            "industry_name",
            "stage",
            "stage_since",
            "owner_name",
            "co_founder_names",
        ]
        read_only_fields = fields

    def get_industry_name(self, idea: BusinessIdea) -> str:
        return codes.industry_name(idea.industry)

    def get_co_founder_names(self, idea: BusinessIdea) -> list[str]:
        return [person.full_name for person in idea.co_founders.all()]


class IdeaSerializer(IdeaListSerializer):
    interviews = InterviewSerializer(many=True, read_only=True)
    experiments = ExperimentSerializer(many=True, read_only=True)
    milestones = IdeaMilestoneSerializer(many=True, read_only=True)
    comments = IdeaCommentSerializer(many=True, read_only=True)
    stage_changes = StageChangeSerializer(many=True, read_only=True)

    class Meta(IdeaListSerializer.Meta):
        fields = [
            *IdeaListSerializer.Meta.fields,
            *CANVAS_FIELDS,
            "interviews",
            "experiments",
            "milestones",
            "comments",
            "stage_changes",
        ]
        read_only_fields = fields


class IdeaInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120, required=False, allow_blank=True)
    pitch = serializers.CharField(max_length=200, required=False, allow_blank=True)
    industry = serializers.CharField(
        max_length=3,
        required=False,
        allow_blank=True,
        help_text=gettext_lazy("A NACE Rev. 2 division, e.g. 56"),
    )
    participation = serializers.IntegerField(
        required=False, help_text=gettext_lazy("Which of your participations (when you have several)")
    )
    problem = serializers.CharField(required=False, allow_blank=True)
    customer_segments = serializers.CharField(required=False, allow_blank=True)
    unique_value = serializers.CharField(required=False, allow_blank=True)
    solution = serializers.CharField(required=False, allow_blank=True)
    channels = serializers.CharField(required=False, allow_blank=True)
    revenue_streams = serializers.CharField(required=False, allow_blank=True)
    cost_structure = serializers.CharField(required=False, allow_blank=True)
    key_metrics = serializers.CharField(required=False, allow_blank=True)
    unfair_advantage = serializers.CharField(required=False, allow_blank=True)


class StageInputSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class IdeaCommentInputSerializer(serializers.Serializer):
    body = serializers.CharField(allow_blank=True)


class SparringInputSerializer(serializers.Serializer):
    expert = serializers.IntegerField(help_text=gettext_lazy("The user id of a mentor of the project"))
    sessions_agreed = serializers.IntegerField()


class SparringSessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SparringSession
        fields = ["id", "held_on", "duration_minutes", "notes", "slot"]
        read_only_fields = ["id"]
        extra_kwargs = {"slot": {"required": False, "allow_null": True}}


class SparringSerializer(serializers.ModelSerializer):
    expert_name = serializers.CharField(source="expert.full_name", read_only=True)
    idea_title = serializers.CharField(source="idea.title", read_only=True)
    sessions = SparringSessionSerializer(many=True, read_only=True)

    class Meta:
        model = Sparring
        fields = [
            "id",
            "idea",
            "idea_title",
            "expert_name",
            "sessions_agreed",
            "readiness",
            "readiness_note",
            "ended_on",
            "sessions",
        ]
        read_only_fields = fields


class SparringListSerializer(serializers.ModelSerializer):
    idea_title = serializers.CharField(source="idea.title", read_only=True)
    idea_stage = serializers.ChoiceField(source="idea.stage", choices=Stage.choices, read_only=True)

    class Meta:
        model = Sparring
        fields = ["id", "idea", "idea_title", "idea_stage", "sessions_agreed", "readiness"]
        read_only_fields = fields


class ReadinessInputSerializer(serializers.Serializer):
    readiness = serializers.ChoiceField(choices=Readiness.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


PUBLIC_LISTING_FIELDS = [
    "id",
    "headline",
    "industry",
    "industry_name",
    "country",
    "region",
    "region_name",
    "region_text",
    "staff_band",
    "turnover_band",
    "reason",
    "handover_by",
    "skills",
    "experience_years",
    "languages",
    "capital_band",
    "status",
]


class ListingPublicSerializer(serializers.ModelSerializer):
    """A listing without its confidential fields (name, exact figures, owner's contact)."""

    industry_name = serializers.SerializerMethodField()
    region_name = serializers.SerializerMethodField()
    skills: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="uri", many=True, read_only=True
    )

    class Meta:
        model = TransferListing
        fields = PUBLIC_LISTING_FIELDS
        read_only_fields = fields

    def get_industry_name(self, listing: TransferListing) -> str:
        return codes.industry_name(listing.industry)

    def get_region_name(self, listing: TransferListing) -> str:
        return codes.region_name(listing.region) or listing.region_text


class ListingSerializer(ListingPublicSerializer):
    """A listing with its confidential fields, for those who manage it."""

    class Meta(ListingPublicSerializer.Meta):
        fields = [*PUBLIC_LISTING_FIELDS, *TransferListing.CONFIDENTIAL, "partner"]
        read_only_fields = fields


class ListingInputSerializer(serializers.Serializer):
    partner = serializers.IntegerField(required=False)
    headline = serializers.CharField(max_length=150, required=False, allow_blank=True)
    industry = serializers.CharField(max_length=3, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False)
    region = serializers.CharField(max_length=2, required=False, allow_blank=True)
    region_text = serializers.CharField(max_length=100, required=False, allow_blank=True)
    staff_band = serializers.CharField(required=False)
    turnover_band = serializers.CharField(required=False)
    reason = serializers.CharField(required=False, allow_blank=True)
    handover_by = serializers.DateField(required=False, allow_null=True)
    skills = serializers.ListField(
        child=serializers.CharField(), required=False, help_text=gettext_lazy("ESCO skill URIs")
    )
    experience_years = serializers.IntegerField(required=False, min_value=0, max_value=60)
    languages = serializers.DictField(child=serializers.CharField(), required=False)
    capital_band = serializers.IntegerField(required=False)
    company_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    figures = serializers.CharField(required=False, allow_blank=True)
    owner_contact = serializers.CharField(max_length=300, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=TransferListing.Status.choices, required=False)


class SuccessorProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = SuccessorProfile
        fields = [
            "id",
            "industries",
            "regions",
            "anywhere_in_finland",
            "capital_band",
            "timeline",
            "experience_years",
            "note",
            "active",
        ]
        read_only_fields = ["id"]


class SuccessorProfileInputSerializer(serializers.Serializer):
    industries = serializers.ListField(child=serializers.CharField(max_length=3), required=False)
    regions = serializers.ListField(child=serializers.CharField(max_length=2), required=False)
    anywhere_in_finland = serializers.BooleanField(required=False)
    capital_band = serializers.ChoiceField(choices=CapitalBand.choices, required=False)
    timeline = serializers.ChoiceField(choices=Timeline.choices, required=False)
    experience_years = serializers.IntegerField(required=False, min_value=0, max_value=60)
    note = serializers.CharField(required=False, allow_blank=True)
    active = serializers.BooleanField(required=False)


class MatchSerializer(serializers.Serializer):
    listing = serializers.IntegerField(source="listing.pk")
    listing_headline = serializers.CharField(source="listing.headline")
    successor = serializers.IntegerField(source="successor.pk")
    successor_name = serializers.CharField(source="successor.participation.person.full_name")
    fit = serializers.ChoiceField(choices=["strong", "good", "fair", "weak"])
    fit_words = serializers.SerializerMethodField()
    reasons = serializers.ListField(child=serializers.CharField())
    introduction = serializers.IntegerField(source="introduction.pk", allow_null=True, default=None)

    def get_fit_words(self, row: selectors.MatchRow) -> str:
        return selectors.fit_word(row.fit)


class TransferProposeInputSerializer(serializers.Serializer):
    successor = serializers.IntegerField()


class TransferIntroductionSerializer(serializers.ModelSerializer):
    """An introduction; its listing with the confidential fields only for readers who may see them."""

    listing = serializers.SerializerMethodField()
    successor_name = serializers.SerializerMethodField()

    class Meta:
        model = Introduction
        fields = [
            "id",
            "listing",
            "successor_name",
            "status",
            "reasons",
            "participant_agreed_at",
            "owner_agreed_at",
            "names_exchanged_at",
            "declined_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_listing(self, intro: Introduction) -> dict[str, Any]:
        access = self.context["access"]
        if selectors.confidential_visible(access, intro):
            return ListingSerializer(intro.listing).data
        return ListingPublicSerializer(intro.listing).data

    def get_successor_name(self, intro: Introduction) -> str | None:
        """The owner learns the successor's name once the names are exchanged; the coordinators know it."""
        access = self.context["access"]
        participation = intro.successor.participation
        if access.can_manage_partner(participation.partner_id) or access.is_own_person(
            participation.person_id
        ):
            return participation.person.full_name
        return participation.person.full_name if intro.names_exchanged_at else None


class IntroductionAnswerInputSerializer(serializers.Serializer):
    agree = serializers.BooleanField()


class CompanyInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    country = serializers.ChoiceField(choices=[("FI", "FI"), ("SE", "SE"), ("NO", "NO")], required=False)
    business_id = serializers.CharField(max_length=20, allow_blank=True)
    company_form = serializers.ChoiceField(choices=CompanyForm.choices)
    registered_on = serializers.DateField()
    industry = serializers.CharField(max_length=3, required=False, allow_blank=True)


class CompanySerializer(serializers.ModelSerializer):
    class Meta:
        model = Company
        fields = [
            "id",
            "how",
            "name",
            "country",
            "business_id",
            "company_form",
            "registered_on",
            "industry",
            "idea",
            "listing",
            "outcome",
            "register_name",
        ]
        read_only_fields = fields


# --- ideas ----------------------------------------------------------------------------------------


class MyIdeaListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="my_business_idea_list",
        tags=TAGS,
        responses=IdeaListSerializer(many=True),
        description=gettext_lazy("The participant's own business ideas, and those they co-founded."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        _access, person = _person_required(request)
        rows = selectors.my_ideas(person=person)
        return paginated_response(request=request, view=self, rows=rows, serializer_class=IdeaListSerializer)

    @extend_schema(
        operation_id="my_business_idea_create",
        tags=TAGS,
        request=IdeaInputSerializer,
        responses={201: IdeaSerializer},
        description=gettext_lazy("A new business idea of the participant, at the stage “idea”."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access, person = _person_required(request)
        data = validated_input(IdeaInputSerializer, request)
        mine = list(selectors.my_participations(person=person))
        chosen = data.pop("participation", None)
        participation = (
            next((p for p in mine if p.pk == chosen), None) if chosen else (mine[0] if mine else None)
        )
        if participation is None:
            raise ApplicationError(
                _("Choose the project the idea belongs to."),
                field_errors={"participation": [_("Choose one of your projects.")]},
            )
        idea = ideas.idea_create(actor=request.user, access=access, participation=participation, data=data)
        return Response(IdeaSerializer(idea).data, status=status.HTTP_201_CREATED)


class IdeaListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="business_idea_list",
        tags=TAGS,
        responses=IdeaListSerializer(many=True),
        description=gettext_lazy(
            "The business ideas of the reader's partners' participants (coordinators), by stage; `stage` filters."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_run_entrepreneurship():
            raise AccessDenied(_("The pipeline of business ideas is for coordinators."))
        board = selectors.pipeline(access=access)
        stage = request.query_params.get("stage")
        rows = [idea for key, column in board.items() if not stage or key == stage for idea in column]
        return paginated_response(request=request, view=self, rows=rows, serializer_class=IdeaListSerializer)


class IdeaDetailApi(APIView):
    @extend_schema(
        operation_id="business_idea_retrieve",
        tags=TAGS,
        responses=IdeaSerializer,
        description=gettext_lazy("An idea with its canvas and evidence; a read outside its team is audited."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        idea = selectors.idea_read(access=access_for(request.user), actor=request.user, pk=pk)
        return Response(IdeaSerializer(idea).data)

    @extend_schema(
        operation_id="business_idea_update",
        tags=TAGS,
        request=IdeaInputSerializer,
        responses=IdeaSerializer,
        description=gettext_lazy("Change the pitch, industry or canvas: the team and their coordinators."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        idea = selectors.idea_get(access=access, pk=pk)
        data = validated_input(IdeaInputSerializer, request)
        data.pop("participation", None)
        idea = ideas.idea_update(actor=request.user, access=access, idea=idea, data=data)
        return Response(IdeaSerializer(idea).data)


class IdeaStageApi(APIView):
    @extend_schema(
        operation_id="business_idea_stage",
        tags=TAGS,
        request=StageInputSerializer,
        responses=IdeaSerializer,
        description=gettext_lazy(
            "Move the idea to another stage by the stage rules; the error names the rule."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        idea = selectors.idea_get(access=access, pk=pk)
        data = validated_input(StageInputSerializer, request)
        idea = ideas.stage_move(
            actor=request.user, access=access, idea=idea, to_stage=data["stage"], note=data["note"]
        )
        return Response(IdeaSerializer(idea).data)


def _evidence_view(
    operation: str, serializer: type[serializers.ModelSerializer], verb: Any, text: Any
) -> type[APIView]:
    class EvidenceApi(APIView):
        @extend_schema(
            operation_id=operation,
            tags=TAGS,
            request=serializer,
            responses={201: serializer},
            description=text,
        )
        def post(self, request: AuthenticatedRequest, pk: int) -> Response:
            access = access_for(request.user)
            idea = selectors.idea_get(access=access, pk=pk)
            data = validated_input(serializer, request)
            row = verb(actor=request.user, access=access, idea=idea, data=data)
            return Response(serializer(row).data, status=status.HTTP_201_CREATED)

    EvidenceApi.__name__ = EvidenceApi.__qualname__ = f"{operation.title().replace('_', '')}Api"
    return EvidenceApi


InterviewCreateApi = _evidence_view(
    "business_idea_interview_create",
    InterviewSerializer,
    ideas.interview_add,
    gettext_lazy("A customer interview: who, when and what was learnt."),
)
ExperimentCreateApi = _evidence_view(
    "business_idea_experiment_create",
    ExperimentSerializer,
    ideas.experiment_add,
    gettext_lazy("An experiment with its result."),
)
MilestoneCreateApi = _evidence_view(
    "business_idea_milestone_create",
    IdeaMilestoneSerializer,
    ideas.milestone_add,
    gettext_lazy("A milestone with its due date."),
)


class CommentCreateApi(APIView):
    @extend_schema(
        operation_id="business_idea_comment_create",
        tags=TAGS,
        request=IdeaCommentInputSerializer,
        responses={201: IdeaCommentSerializer},
        description=gettext_lazy("A comment of the idea's coordinators or sparring experts."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        idea = selectors.idea_get(access=access, pk=pk)
        data = validated_input(IdeaCommentInputSerializer, request)
        row = ideas.comment_add(actor=request.user, access=access, idea=idea, body=data["body"])
        return Response(IdeaCommentSerializer(row).data, status=status.HTTP_201_CREATED)


class SparringCreateApi(APIView):
    @extend_schema(
        operation_id="business_idea_sparring_create",
        tags=TAGS,
        request=SparringInputSerializer,
        responses={201: SparringSerializer},
        description=gettext_lazy("Attach an expert of the project to the idea for a number of sessions."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        idea = selectors.idea_get(access=access, pk=pk)
        data = validated_input(SparringInputSerializer, request)
        expert = User.objects.filter(pk=data["expert"]).first()
        if expert is None:
            raise ApplicationError(
                _("Please correct the errors below."),
                field_errors={"expert": [_("Choose an expert or business adviser of the project.")]},
            )
        row = sparring.sparring_attach(
            actor=request.user,
            access=access,
            idea=idea,
            expert=expert,
            sessions_agreed=data["sessions_agreed"],
        )
        return Response(SparringSerializer(row).data, status=status.HTTP_201_CREATED)


class CoFoundersInputSerializer(serializers.Serializer):
    participants = serializers.ListField(
        child=serializers.IntegerField(),
        allow_empty=True,
        help_text=gettext_lazy("Participation ids of the co-founders, participants of the same partner"),
    )


class IdeaCoFoundersApi(APIView):
    @extend_schema(
        operation_id="business_idea_co_founders",
        tags=TAGS,
        request=CoFoundersInputSerializer,
        responses=IdeaSerializer,
        description=gettext_lazy(
            "Set the idea's co-founders (they join its team): the coordinators of the owner's partner."
        ),
    )
    def put(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        idea = selectors.idea_get(access=access, pk=pk)
        if not access.can_coach_idea(idea.participation.partner_id):
            raise AccessDenied(_("The idea's coordinators choose its co-founders."))
        data = validated_input(CoFoundersInputSerializer, request)
        rows = Participation.objects.filter(access.participation_filter(), pk__in=data["participants"])
        people = [row.person for row in rows.select_related("person")]
        if len(people) != len(set(data["participants"])):
            raise ApplicationError(
                _("Please correct the errors below."),
                field_errors={"participants": [_("Choose participants of your own partner.")]},
            )
        idea = ideas.idea_set_co_founders(actor=request.user, access=access, idea=idea, people=people)
        return Response(IdeaSerializer(idea).data)


class IdeaCompanyApi(APIView):
    @extend_schema(
        operation_id="business_idea_company_create",
        tags=TAGS,
        request=CompanyInputSerializer,
        responses={201: CompanySerializer},
        description=gettext_lazy(
            "Record the company founded from the idea, with its business ID (FI, SE or NO, check digit "
            "checked); it is also recorded as the outcome “Founded a company”."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        idea = selectors.idea_get(access=access, pk=pk)
        data = validated_input(CompanyInputSerializer, request)
        data.setdefault("name", idea.title)
        company = companies.company_founded(actor=request.user, access=access, idea=idea, data=data)
        return Response(CompanySerializer(company).data, status=status.HTTP_201_CREATED)


# --- sparring -------------------------------------------------------------------------------------


class MySparringListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="my_sparring_list",
        tags=TAGS,
        responses=SparringListSerializer(many=True),
        description=gettext_lazy("The ideas the expert spars."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_spar_ideas():
            raise AccessDenied(_("Sparring is for experts and business advisers."))
        rows = selectors.ideas_i_spar(user=request.user)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=SparringListSerializer
        )


class SparringDetailApi(APIView):
    @extend_schema(
        operation_id="sparring_retrieve",
        tags=TAGS,
        responses=SparringSerializer,
        description=gettext_lazy(
            "A sparring with its private session notes: the idea's team and the expert."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        row = selectors.sparring_read(access=access_for(request.user), actor=request.user, pk=pk)
        return Response(SparringSerializer(row).data)


class SparringSessionCreateApi(APIView):
    @extend_schema(
        operation_id="sparring_session_create",
        tags=TAGS,
        request=SparringSessionSerializer,
        responses={201: SparringSessionSerializer},
        description=gettext_lazy("A sparring session held (optionally a mentor-day slot): the expert."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        row = selectors.sparring_get(access=access, pk=pk)
        data = validated_input(SparringSessionSerializer, request)
        session = sparring.session_add(actor=request.user, access=access, sparring=row, data=data)
        return Response(SparringSessionSerializer(session).data, status=status.HTTP_201_CREATED)


class SparringReadinessApi(APIView):
    @extend_schema(
        operation_id="sparring_readiness",
        tags=TAGS,
        request=ReadinessInputSerializer,
        responses=SparringSerializer,
        description=gettext_lazy("The expert's feedback on how ready the idea is."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        row = selectors.sparring_get(access=access, pk=pk)
        data = validated_input(ReadinessInputSerializer, request)
        row = sparring.readiness_give(
            actor=request.user, access=access, sparring=row, readiness=data["readiness"], note=data["note"]
        )
        return Response(SparringSerializer(row).data)


# --- listings -------------------------------------------------------------------------------------


def _skills(uris: list[str] | None) -> list[Concept] | None:
    if uris is None:
        return None
    found = list(Concept.objects.filter(uri__in=uris))
    if len(found) != len(set(uris)):
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"skills": [_("Choose skills from ESCO.")]}
        )
    return found


class ListingListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="transfer_listing_list",
        tags=TAGS,
        responses=ListingSerializer(many=True),
        description=gettext_lazy("The business-transfer listings the reader manages."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not access.can_run_entrepreneurship() and not access.lead_project_ids:
            raise AccessDenied(_("Transfer listings are for coordinators and project leads."))
        rows = selectors.listings(access=access).prefetch_related("skills")
        return paginated_response(request=request, view=self, rows=rows, serializer_class=ListingSerializer)

    @extend_schema(
        operation_id="transfer_listing_create",
        tags=TAGS,
        request=ListingInputSerializer,
        responses={201: ListingSerializer},
        description=gettext_lazy(
            "A company looking for a successor, entered for its owner; industry and region are required."
        ),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(ListingInputSerializer, request)
        partner_id = data.pop("partner", None)
        if partner_id is None and len(access.coordinator_partner_ids) == 1:
            partner_id = next(iter(access.coordinator_partner_ids))
        partner = get_object_or_404(Partner.objects.select_related("project"), pk=partner_id or 0)
        skills = _skills(data.pop("skills", None)) or []
        data.pop("status", None)
        listing = transfers.listing_create(
            actor=request.user, access=access, partner=partner, data=data, skills=skills
        )
        return Response(ListingSerializer(listing).data, status=status.HTTP_201_CREATED)


class ListingDetailApi(APIView):
    @extend_schema(
        operation_id="transfer_listing_retrieve",
        tags=TAGS,
        responses=ListingSerializer,
        description=gettext_lazy("A listing with its confidential fields; the read is audited."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        listing = selectors.listing_read(access=access_for(request.user), actor=request.user, pk=pk)
        return Response(ListingSerializer(listing).data)

    @extend_schema(
        operation_id="transfer_listing_update",
        tags=TAGS,
        request=ListingInputSerializer,
        responses=ListingSerializer,
        description=gettext_lazy("Change a listing, or withdraw it."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        listing = selectors.listing_get(access=access, pk=pk)
        data = validated_input(ListingInputSerializer, request)
        data.pop("partner", None)
        skills = _skills(data.pop("skills", None))
        listing = transfers.listing_update(
            actor=request.user, access=access, listing=listing, data=data, skills=skills
        )
        return Response(ListingSerializer(listing).data)


class ListingMatchesApi(APIView):
    @extend_schema(
        operation_id="transfer_listing_matches",
        tags=TAGS,
        responses=MatchSerializer(many=True),
        description=gettext_lazy(
            "The reader's successors for the listing, best first, with reasons in words."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        listing = selectors.listing_get(access=access, pk=pk)
        rows = selectors.successors_for_listing(
            access=access, listing=listing, language=get_language() or "en"
        )
        return Response(MatchSerializer(rows, many=True).data)


class ListingIntroductionCreateApi(APIView):
    @extend_schema(
        operation_id="transfer_introduction_create",
        tags=TAGS,
        request=TransferProposeInputSerializer,
        responses={201: TransferIntroductionSerializer},
        description=gettext_lazy("Propose to introduce a successor of the reader's partner to the owner."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        listing = selectors.listing_get(access=access, pk=pk)
        data = validated_input(TransferProposeInputSerializer, request)
        successor = selectors.successor_get(access=access, pk=data["successor"])
        reasons = next(
            (
                m.reasons
                for m in selectors.successors_for_listing(
                    access=access, listing=listing, language=get_language() or "en", top_k=1000
                )
                if m.successor.pk == successor.pk
            ),
            [],
        )
        intro = transfers.introduction_propose(
            actor=request.user, access=access, listing=listing, successor=successor, reasons=reasons
        )
        return Response(
            TransferIntroductionSerializer(intro, context={"access": access}).data,
            status=status.HTTP_201_CREATED,
        )


class SuccessorMatchesApi(APIView):
    @extend_schema(
        operation_id="successor_matches",
        tags=TAGS,
        responses=MatchSerializer(many=True),
        description=gettext_lazy("The open listings the reader manages for one successor, best first."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        profile = selectors.successor_get(access=access, pk=pk)
        rows = selectors.listings_for_successor(
            access=access, profile=profile, language=get_language() or "en"
        )
        return Response(MatchSerializer(rows, many=True).data)


class MySuccessorProfileApi(APIView):
    @extend_schema(
        operation_id="my_successor_profile_retrieve",
        tags=TAGS,
        responses=SuccessorProfileSerializer,
        description=gettext_lazy("The participant's wish to take over a company (404 before they have one)."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        _access, person = _person_required(request)
        profile = selectors.my_successor_profile(person=person)
        if profile is None:
            return Response({"detail": _("No successor profile yet.")}, status=status.HTTP_404_NOT_FOUND)
        return Response(SuccessorProfileSerializer(profile).data)

    @extend_schema(
        operation_id="my_successor_profile_update",
        tags=TAGS,
        request=SuccessorProfileInputSerializer,
        responses=SuccessorProfileSerializer,
        description=gettext_lazy("Create or change the participant's successor profile."),
    )
    def put(self, request: AuthenticatedRequest) -> Response:
        access, person = _person_required(request)
        data = validated_input(SuccessorProfileInputSerializer, request)
        existing = selectors.my_successor_profile(person=person)
        participation = (
            existing.participation if existing else selectors.my_participations(person=person).first()
        )
        if participation is None:
            raise ApplicationError(_("You take part in no project now."))
        profile = transfers.successor_profile_save(
            actor=request.user, access=access, participation=participation, data=data
        )
        return Response(SuccessorProfileSerializer(profile).data)


# --- introductions --------------------------------------------------------------------------------


class MyTransferIntroductionListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="my_transfer_introduction_list",
        tags=TAGS,
        responses=TransferIntroductionSerializer(many=True),
        description=gettext_lazy(
            "Introductions proposed to the participant, confidential fields hidden until agreed."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access, person = _person_required(request)
        rows = list(selectors.my_introductions(person=person))
        page = Pagination()
        chunk = page.paginate_queryset(rows, request, view=self)
        return page.get_paginated_response(
            TransferIntroductionSerializer(chunk, many=True, context={"access": access}).data
        )


class IntroductionDetailApi(APIView):
    @extend_schema(
        operation_id="introduction_retrieve",
        tags=TAGS,
        responses=TransferIntroductionSerializer,
        description=gettext_lazy(
            "An introduction: the successor, the listing's and the successor's coordinators."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        intro = selectors.introduction_get(access=access, pk=pk)
        return Response(TransferIntroductionSerializer(intro, context={"access": access}).data)


class IntroductionAnswerApi(APIView):
    @extend_schema(
        operation_id="introduction_answer",
        tags=TAGS,
        request=IntroductionAnswerInputSerializer,
        responses=TransferIntroductionSerializer,
        description=gettext_lazy("The participant agrees to the introduction, or declines it."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        intro = selectors.introduction_get(access=access, pk=pk)
        data = validated_input(IntroductionAnswerInputSerializer, request)
        intro = transfers.introduction_participant_answer(
            actor=request.user, access=access, introduction=intro, agree=data["agree"]
        )
        return Response(TransferIntroductionSerializer(intro, context={"access": access}).data)


class IntroductionOwnerAnswerApi(APIView):
    @extend_schema(
        operation_id="introduction_owner_answer",
        tags=TAGS,
        request=IntroductionAnswerInputSerializer,
        responses=TransferIntroductionSerializer,
        description=gettext_lazy("The coordinator records the owner's answer."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        intro = selectors.introduction_get(access=access, pk=pk)
        data = validated_input(IntroductionAnswerInputSerializer, request)
        intro = transfers.introduction_owner_answer(
            actor=request.user, access=access, introduction=intro, agree=data["agree"]
        )
        return Response(TransferIntroductionSerializer(intro, context={"access": access}).data)


class IntroductionCompanyApi(APIView):
    @extend_schema(
        operation_id="introduction_company_create",
        tags=TAGS,
        request=CompanyInputSerializer,
        responses={201: CompanySerializer},
        description=gettext_lazy(
            "Record the company taken over (also the outcome “Took over a company”); the listing is completed."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        intro = selectors.introduction_get(access=access, pk=pk)
        data = validated_input(CompanyInputSerializer, request)
        company = companies.company_taken_over(
            actor=request.user, access=access, introduction=intro, data=data
        )
        return Response(CompanySerializer(company).data, status=status.HTTP_201_CREATED)
