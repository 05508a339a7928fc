"""REST API of employers, with the pages' access: employers and their needs for the project's staff and
the employer's own representatives; blind candidates of a need; introductions (the person named only
after their approval; the contact route is a 404 before it, and each read of it is audited); the
cooperation log for the employer's coordinators; the participant's opportunities, choice and decisions."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.employers import assignment, selectors, services
from polku.employers.models import (
    CooperationEntry,
    Employer,
    Introduction,
    NeedKind,
    TalentNeed,
    Way,
    WorkMode,
)
from polku.participants.models import Person
from polku.projects.models import Partner
from polku.projects.selectors import project_get

TAGS = ["employers"]


def _language() -> str:
    return (get_language() or "en")[:2]


class EmployerSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="organisation.name", read_only=True)
    business_id = serializers.CharField(source="organisation.business_id", read_only=True)
    project_code = serializers.CharField(source="project.code", read_only=True)

    class Meta:
        model = Employer
        fields = ["id", "name", "business_id", "project_code", "partner", "created_at"]
        read_only_fields = fields


class EmployerInputSerializer(serializers.Serializer):
    partner = serializers.IntegerField(
        help_text=_("The partner that keeps the relationship with the company")
    )
    name = serializers.CharField(max_length=200)
    business_id = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    country = serializers.CharField(max_length=2, required=False, default="FI")
    website = serializers.URLField(required=False, allow_blank=True, default="")


class InviteInputSerializer(serializers.Serializer):
    email = serializers.EmailField()
    language = serializers.CharField(max_length=5, default="fi")


class InvitationOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()


class NeedSerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.organisation.name", read_only=True)
    languages = serializers.SerializerMethodField()
    skills = serializers.SerializerMethodField()

    class Meta:
        model = TalentNeed
        fields = [
            "id",
            "employer",
            "employer_name",
            "kind",
            "title",
            "description",
            "mode",
            "location",
            "starts_on",
            "closes_on",
            "openings",
            "status",
            "languages",
            "skills",
        ]
        read_only_fields = fields

    def get_languages(self, need: TalentNeed) -> dict[str, str]:
        return {row.language: row.level for row in need.languages.all()}

    def get_skills(self, need: TalentNeed) -> list[dict]:
        return [
            {"id": r.id, "label": r.label, "required": r.required, "confirmed": r.confirmed}
            for r in selectors.need_skill_rows(need=need, language=_language())
        ]


class NeedInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=NeedKind.choices)
    title = serializers.CharField(max_length=200, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    mode = serializers.ChoiceField(choices=WorkMode.choices)
    location = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    closes_on = serializers.DateField(required=False, allow_null=True, default=None)
    openings = serializers.IntegerField(default=1)
    languages = serializers.DictField(
        child=serializers.CharField(), required=False, default=dict, help_text=_("Language: least CEFR level")
    )
    open_now = serializers.BooleanField(default=False)


class NeedUpdateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=NeedKind.choices, required=False)
    title = serializers.CharField(max_length=200, allow_blank=True, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    mode = serializers.ChoiceField(choices=WorkMode.choices, required=False)
    location = serializers.CharField(max_length=100, required=False, allow_blank=True)
    starts_on = serializers.DateField(required=False, allow_null=True)
    closes_on = serializers.DateField(required=False, allow_null=True)
    openings = serializers.IntegerField(required=False)
    languages = serializers.DictField(child=serializers.CharField(), required=False)
    status = serializers.ChoiceField(choices=TalentNeed.Status.choices, required=False)


class SkillDecisionSerializer(serializers.Serializer):
    confirm = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    nice_to_have = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    remove = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    suggest = serializers.BooleanField(
        default=False, help_text=_("First suggest skills from the need's text")
    )


class BlindLanguageSerializer(serializers.Serializer):
    language = serializers.CharField()
    level = serializers.CharField()


class BlindProfileSerializer(serializers.Serializer):
    ref = serializers.CharField()
    skills = serializers.ListField(child=serializers.CharField())
    languages = BlindLanguageSerializer(many=True)
    education = serializers.CharField()
    experience_years = serializers.IntegerField()
    goals = serializers.ListField(child=serializers.CharField())


class FitSerializer(serializers.Serializer):
    percent = serializers.IntegerField()
    words = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())


class CandidateSerializer(serializers.Serializer):
    profile = BlindProfileSerializer()
    fit = FitSerializer()
    introduction_status = serializers.CharField(allow_null=True)


class ProposeInputSerializer(serializers.Serializer):
    candidate = serializers.CharField(
        max_length=40, help_text=_("The candidate's reference from the candidates list")
    )
    message = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class IntroductionSerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.organisation.name", read_only=True)
    need_title = serializers.CharField(source="need.title", read_only=True)
    person_name = serializers.SerializerMethodField()

    class Meta:
        model = Introduction
        fields = [
            "id",
            "need",
            "need_title",
            "employer",
            "employer_name",
            "status",
            "proposed_side",
            "decided_at",
            "interview_on",
            "result",
            "started_on",
            "person_name",
        ]
        read_only_fields = fields

    def get_person_name(self, introduction: Introduction) -> str | None:
        """The name only for readers who may see who the person is (null before approval)."""
        if not self.context.get("identity", {}).get(introduction.pk):
            return None
        return introduction.participation.person.full_name


class IntroductionRecordSerializer(serializers.Serializer):
    interview_on = serializers.DateField(required=False, allow_null=True)
    result = serializers.ChoiceField(choices=Introduction.Result.choices, required=False, allow_blank=True)


class StartInputSerializer(serializers.Serializer):
    started_on = serializers.DateField()


class ContactSerializer(serializers.Serializer):
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()


class EntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = CooperationEntry
        fields = [
            "id",
            "employer",
            "partner",
            "kind",
            "happened_on",
            "summary",
            "needs_identified",
            "ways",
            "follow_up_on",
            "follow_up_done_at",
        ]
        read_only_fields = fields


class EntryInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CooperationEntry.Kind.choices)
    happened_on = serializers.DateField()
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    needs_identified = serializers.CharField(required=False, allow_blank=True, default="")
    ways = serializers.ListField(
        child=serializers.ChoiceField(choices=Way.choices), required=False, default=list
    )
    follow_up_on = serializers.DateField(required=False, allow_null=True, default=None)


class InternshipPlanRowSerializer(serializers.Serializer):
    need = serializers.IntegerField(source="need.pk")
    candidate = serializers.CharField(source="ref")
    fit = FitSerializer()
    asked = serializers.BooleanField()


class InternshipPlanInputSerializer(serializers.Serializer):
    propose = serializers.BooleanField(default=False, help_text=_("Also propose the plan's introductions"))


class InternshipPlanSerializer(serializers.Serializer):
    rows = InternshipPlanRowSerializer(many=True)
    proposed = serializers.IntegerField()


class TalentOpportunitySerializer(serializers.Serializer):
    need = NeedSerializer()
    fit = FitSerializer()


class ChoiceInputSerializer(serializers.Serializer):
    participation = serializers.IntegerField()
    found_by_employers = serializers.BooleanField()


class DecisionInputSerializer(serializers.Serializer):
    approve = serializers.BooleanField()


def _require(condition: bool) -> None:
    if not condition:
        raise Http404


# --- employers ----------------------------------------------------------------------------------------------


class EmployerListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="employer_list",
        tags=TAGS,
        responses=EmployerSerializer(many=True),
        description=_("Employers the reader sees: the staff of their projects, a representative their own."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = selectors.employer_list(access=access_for(request.user))
        return paginated_response(request=request, view=self, rows=rows, serializer_class=EmployerSerializer)

    @extend_schema(
        operation_id="employer_create",
        tags=TAGS,
        request=EmployerInputSerializer,
        responses={201: EmployerSerializer},
        description=_("Add a company a partner works with (its coordinators, the project lead)."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(EmployerInputSerializer, request)
        partner = get_object_or_404(Partner.objects.select_related("project"), pk=data.pop("partner"))
        _require(access.can_view_project(partner.project_id))
        employer = services.employer_add(
            actor=request.user, access=access, project=partner.project, partner=partner, **data
        )
        return Response(EmployerSerializer(employer).data, status=status.HTTP_201_CREATED)


class EmployerDetailApi(APIView):
    @extend_schema(operation_id="employer_retrieve", tags=TAGS, responses=EmployerSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        return Response(
            EmployerSerializer(selectors.employer_get(access=access_for(request.user), pk=pk)).data
        )


class EmployerInviteApi(APIView):
    @extend_schema(
        operation_id="employer_representative_invite",
        tags=TAGS,
        request=InviteInputSerializer,
        responses={201: InvitationOutSerializer},
        description=_("Invite a representative of the employer by e-mail."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        employer = selectors.employer_get(access=access, pk=pk)
        data = validated_input(InviteInputSerializer, request)
        invitation = services.representative_invite(
            actor=request.user, access=access, employer=employer, **data
        )
        return Response({"id": invitation.pk, "email": invitation.email}, status=status.HTTP_201_CREATED)


class NeedListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="employer_need_list", tags=TAGS, responses=NeedSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        employer = selectors.employer_get(access=access_for(request.user), pk=pk)
        rows = selectors.need_list(employer=employer).prefetch_related("languages")
        return paginated_response(request=request, view=self, rows=rows, serializer_class=NeedSerializer)

    @extend_schema(
        operation_id="employer_need_create",
        tags=TAGS,
        request=NeedInputSerializer,
        responses={201: NeedSerializer},
        description=_(
            "Record a talent need (a draft unless open_now); languages as {language: least level}."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        employer = selectors.employer_get(access=access, pk=pk)
        data = validated_input(NeedInputSerializer, request)
        languages = data.pop("languages")
        open_now = data.pop("open_now")
        need = services.need_create(
            actor=request.user,
            access=access,
            employer=employer,
            data=data,
            languages=languages,
            open_now=open_now,
        )
        return Response(NeedSerializer(need).data, status=status.HTTP_201_CREATED)


class NeedDetailApi(APIView):
    @extend_schema(operation_id="employer_need_retrieve", tags=TAGS, responses=NeedSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        return Response(NeedSerializer(selectors.need_get(access=access_for(request.user), pk=pk)).data)

    @extend_schema(
        operation_id="employer_need_update", tags=TAGS, request=NeedUpdateSerializer, responses=NeedSerializer
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        need = selectors.need_get(access=access, pk=pk)
        data = validated_input(NeedUpdateSerializer, request, partial=True)
        new_status = data.pop("status", None)
        languages = data.pop("languages", None)
        if data or languages is not None:
            services.need_update(actor=request.user, access=access, need=need, data=data, languages=languages)
        if new_status:
            services.need_set_status(actor=request.user, access=access, need=need, status=new_status)
        return Response(NeedSerializer(need).data)


class NeedSkillsApi(APIView):
    @extend_schema(
        operation_id="employer_need_skills",
        tags=TAGS,
        request=SkillDecisionSerializer,
        responses=NeedSerializer,
        description=_("Suggest skills from the need's text, and confirm or remove them."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        need = selectors.need_get(access=access, pk=pk)
        data = validated_input(SkillDecisionSerializer, request)
        if data.pop("suggest"):
            services.need_suggest_skills(actor=request.user, access=access, need=need, language=_language())
        services.need_skills_decide(actor=request.user, access=access, need=need, **data)
        return Response(NeedSerializer(need).data)


class NeedCandidatesApi(APIView):
    @extend_schema(
        operation_id="employer_need_candidates",
        tags=TAGS,
        responses=CandidateSerializer(many=True),
        description=_("Blind profiles of the need's best candidates with their fit in words."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        need = selectors.need_get(access=access, pk=pk)
        _require(selectors.can_act(access, need.employer))
        rows = selectors.need_candidates(need=need, language=_language(), today=timezone.localdate())
        out = [
            {
                "profile": r.profile,
                "fit": r.fit.__dict__,
                "introduction_status": r.introduction.status if r.introduction else None,
            }
            for r in rows
        ]
        return Response(CandidateSerializer(out, many=True).data)


class NeedProposeApi(APIView):
    @extend_schema(
        operation_id="employer_introduction_propose",
        tags=TAGS,
        request=ProposeInputSerializer,
        responses={201: IntroductionSerializer},
        description=_(
            "Ask for an introduction of a candidate; refused with the reason when the person has not opted in or declined this employer."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        need = selectors.need_get(access=access, pk=pk)
        _require(selectors.can_act(access, need.employer))
        data = validated_input(ProposeInputSerializer, request)
        participation = selectors.candidate_by_ref(need=need, ref=data["candidate"])
        introduction = services.introduction_propose(
            actor=request.user, access=access, need=need, participation=participation, message=data["message"]
        )
        return Response(IntroductionSerializer(introduction).data, status=status.HTTP_201_CREATED)


# --- introductions -----------------------------------------------------------------------------------------


class IntroductionListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="employer_introduction_list", tags=TAGS, responses=IntroductionSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        paginator = Pagination()
        page = (
            paginator.paginate_queryset(selectors.introduction_list(access=access), request, view=self) or []
        )
        context = {"identity": {i.pk: selectors.sees_identity(access, i) for i in page}}
        return paginator.get_paginated_response(IntroductionSerializer(page, many=True, context=context).data)


class IntroductionDetailApi(APIView):
    @extend_schema(operation_id="employer_introduction_retrieve", tags=TAGS, responses=IntroductionSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        introduction = selectors.introduction_get(access=access, pk=pk)
        context = {"identity": {introduction.pk: selectors.sees_identity(access, introduction)}}
        return Response(IntroductionSerializer(introduction, context=context).data)

    @extend_schema(
        operation_id="employer_introduction_record",
        tags=TAGS,
        request=IntroductionRecordSerializer,
        responses=IntroductionSerializer,
        description=_("Record the interview and its result."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        introduction = selectors.introduction_get(access=access, pk=pk)
        data = validated_input(IntroductionRecordSerializer, request, partial=True)
        services.introduction_record(actor=request.user, access=access, introduction=introduction, data=data)
        context = {"identity": {introduction.pk: selectors.sees_identity(access, introduction)}}
        return Response(IntroductionSerializer(introduction, context=context).data)


class IntroductionContactApi(APIView):
    @extend_schema(
        operation_id="employer_introduction_contact",
        tags=TAGS,
        responses=ContactSerializer,
        description=_(
            "The person's name and contact: only after they approved (404 before); each read audited."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        contact = selectors.introduction_contact(access=access_for(request.user), actor=request.user, pk=pk)
        return Response(ContactSerializer(contact).data)


class IntroductionStartApi(APIView):
    @extend_schema(
        operation_id="employer_placement_start",
        tags=TAGS,
        request=StartInputSerializer,
        responses=IntroductionSerializer,
        description=_(
            "The internship or job started: records the participant's outcome (their coordinator)."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        introduction = selectors.introduction_get(access=access, pk=pk)
        data = validated_input(StartInputSerializer, request)
        services.placement_start(actor=request.user, access=access, introduction=introduction, **data)
        context = {"identity": {introduction.pk: True}}
        return Response(IntroductionSerializer(introduction, context=context).data)


# --- the cooperation log --------------------------------------------------------------------------------------


class CooperationListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="employer_cooperation_list", tags=TAGS, responses=EntrySerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        employer = selectors.employer_get(access=access, pk=pk)
        _require(selectors.can_manage(access, employer))
        rows = selectors.cooperation_list(employer=employer)
        return paginated_response(request=request, view=self, rows=rows, serializer_class=EntrySerializer)

    @extend_schema(
        operation_id="employer_cooperation_create",
        tags=TAGS,
        request=EntryInputSerializer,
        responses={201: EntrySerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        employer = selectors.employer_get(access=access, pk=pk)
        _require(selectors.can_manage(access, employer))
        entry = services.cooperation_add(
            actor=request.user,
            access=access,
            employer=employer,
            data=validated_input(EntryInputSerializer, request),
        )
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class FollowUpDoneApi(APIView):
    @extend_schema(operation_id="employer_follow_up_done", tags=TAGS, request=None, responses=EntrySerializer)
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        entry = selectors.cooperation_entry_get(access=access, pk=pk)
        return Response(
            EntrySerializer(services.follow_up_done(actor=request.user, access=access, entry=entry)).data
        )


class InternshipPlanApi(APIView):
    @extend_schema(
        operation_id="employer_internship_plan",
        tags=TAGS,
        request=InternshipPlanInputSerializer,
        responses=InternshipPlanSerializer,
        description=_(
            "Place candidates in the project's open internship places with their openings (exact assignment); optionally propose the introductions."
        ),
    )
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        _require(access.can_manage_employers(project.pk))
        data = validated_input(InternshipPlanInputSerializer, request)
        plan = assignment.internship_plan(access=access, project=project, language=_language())
        made = (
            assignment.plan_propose(actor=request.user, access=access, project=project, plan=plan)
            if data["propose"]
            else 0
        )
        rows = [{"need": r.need, "ref": r.ref, "fit": r.fit.__dict__, "asked": r.asked} for r in plan]
        return Response(InternshipPlanSerializer({"rows": rows, "proposed": made}).data)


# --- the participant's side ----------------------------------------------------------------------------------


def _person(request: AuthenticatedRequest) -> Person:
    access = access_for(request.user)
    _require(access.person_id is not None)
    return get_object_or_404(Person, pk=access.person_id)


class MyOpportunitiesApi(APIView):
    @extend_schema(
        operation_id="my_opportunity_list",
        tags=TAGS,
        responses=TalentOpportunitySerializer(many=True),
        description=_(
            "Open talent needs that fit the participant, with reasons, in the projects where they chose to be found."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        person = _person(request)
        out = []
        for participation, opted_in in selectors.person_candidacies(person=person):
            if opted_in:
                for row in selectors.opportunities(participation=participation, language=_language()):
                    out.append({"need": row.need, "fit": row.fit.__dict__})
        return Response(TalentOpportunitySerializer(out, many=True).data)


class MyEmployerChoiceApi(APIView):
    @extend_schema(
        operation_id="my_employer_choice",
        tags=TAGS,
        request=ChoiceInputSerializer,
        responses=ChoiceInputSerializer,
        description=_("Choose to be found by the project's employers, or stop (at once)."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        person = _person(request)
        data = validated_input(ChoiceInputSerializer, request)
        participation = get_object_or_404(person.participations.all(), pk=data["participation"])
        if data["found_by_employers"]:
            services.employers_opt_in(
                actor=request.user, person=person, participation=participation, language=_language()
            )
        else:
            services.employers_opt_out(actor=request.user, person=person, participation=participation)
        return Response(data)


class MyIntroductionListApi(APIView):
    @extend_schema(
        operation_id="my_introduction_list", tags=TAGS, responses=IntroductionSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = list(selectors.person_introductions(person=_person(request)))
        return Response(
            IntroductionSerializer(rows, many=True, context={"identity": {i.pk: True for i in rows}}).data
        )


class MyIntroductionDecisionApi(APIView):
    @extend_schema(
        operation_id="my_introduction_decide",
        tags=TAGS,
        request=DecisionInputSerializer,
        responses=IntroductionSerializer,
        description=_(
            "Approve (the employer then sees your name and contact) or decline (never proposed again)."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        introduction = selectors.own_introduction(access=access, pk=pk)
        data = validated_input(DecisionInputSerializer, request)
        services.introduction_decide(
            actor=request.user, access=access, introduction=introduction, approve=data["approve"]
        )
        return Response(
            IntroductionSerializer(introduction, context={"identity": {introduction.pk: True}}).data
        )
