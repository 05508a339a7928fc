"""Competence profile API under /api/v1/competences/: the same access as the pages (the person, their
coordinators, an admin; anyone else 404) and the same services."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.competences import ranking, selectors, services
from polku.competences.models import Education, IscedField, OccupationSuggestion, SuggestionJob
from polku.competences.pdf import profile_pdf, profile_pdf_filename
from polku.core.api import FileNegotiation, file_response, validated_input
from polku.esco.models import Concept
from polku.participants.models import Cefr, Isced, LanguageSkill, Person
from polku.participants.selectors import visible_person

TAGS = ["competences"]
LANGUAGE_CHOICES = [(code, code) for code in ranking.LANGUAGES]


def _language(request: Request) -> str:
    code = (get_language() or "en")[:2]
    return code if code in ranking.LANGUAGES else "en"


def _person(request: AuthenticatedRequest, person_id: int) -> Person:
    return visible_person(access=access_for(request.user), person_id=person_id)


# --- serializers --------------------------------------------------------------------------------------


class EvidenceSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="text, cv, manual, completion or occupation")
    text = serializers.CharField(help_text="The supporting words, or a short description")
    created_at = serializers.DateTimeField()


class SkillSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Id of the profile skill (for decide and remove)")
    uri = serializers.CharField(help_text="ESCO concept URI")
    label = serializers.CharField(help_text="Preferred label in the request's language (English fallback)")  # type: ignore[assignment]  # an API field, not Field.label
    status = serializers.CharField(help_text="suggested, confirmed or rejected")
    score = serializers.FloatField(allow_null=True, help_text="The ranker's score of a suggestion")
    decided_at = serializers.DateTimeField(allow_null=True)
    evidence = EvidenceSerializer(many=True)


class LanguageSerializer(serializers.Serializer):
    language = serializers.CharField(max_length=3, help_text="ISO 639 code, e.g. fi, en, ar")
    level = serializers.ChoiceField(choices=Cefr.choices, help_text="Overall CEFR level (or native)")
    listening = serializers.ChoiceField(choices=Cefr.choices, required=False, allow_blank=True)
    reading = serializers.ChoiceField(choices=Cefr.choices, required=False, allow_blank=True)
    spoken_interaction = serializers.ChoiceField(choices=Cefr.choices, required=False, allow_blank=True)
    spoken_production = serializers.ChoiceField(choices=Cefr.choices, required=False, allow_blank=True)
    writing = serializers.ChoiceField(choices=Cefr.choices, required=False, allow_blank=True)


class EducationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    level = serializers.ChoiceField(choices=Isced.choices, help_text="ISCED 2011 level")
    isced_field = serializers.ChoiceField(
        choices=IscedField.choices, required=False, allow_blank=True, help_text="ISCED-F 2013 broad field"
    )
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    institution = serializers.CharField(max_length=200, required=False, allow_blank=True)
    country = serializers.CharField(
        max_length=2, required=False, allow_blank=True, help_text="ISO 3166 alpha-2"
    )
    year_completed = serializers.IntegerField(required=False, allow_null=True)


class OccupationHeldSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    occupation = serializers.CharField(
        required=False, allow_blank=True, help_text="ESCO occupation URI (or leave empty and give a title)"
    )
    label = serializers.CharField(read_only=True, help_text="The title, or the occupation's label")  # type: ignore[assignment]  # an API field, not Field.label
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    employer = serializers.CharField(max_length=200, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True)
    start_year = serializers.IntegerField(required=False, allow_null=True)
    end_year = serializers.IntegerField(required=False, allow_null=True)


class OccupationSuggestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    uri = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # an API field, not Field.label
    score = serializers.FloatField(allow_null=True)
    evidence = serializers.CharField()


class PersonRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ProfileSerializer(serializers.Serializer):
    person = PersonRefSerializer()
    skills = SkillSerializer(many=True, help_text="Confirmed skills")
    suggestions = SkillSerializer(many=True, help_text="Suggested skills waiting for a decision")
    languages = LanguageSerializer(many=True)
    education = EducationSerializer(many=True)
    occupations = OccupationHeldSerializer(many=True, help_text="Occupations held")
    occupation_suggestions = OccupationSuggestionSerializer(many=True)


class SuggestInputSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=services.MAX_TEXT, help_text="Free text about education, work, skills"
    )
    language = serializers.ChoiceField(
        choices=LANGUAGE_CHOICES, required=False, help_text="Language of the text; default the request's"
    )


class CvInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, DOCX or plain text; at most POLKU_CV_MAX_BYTES (5 MB)")
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False)


class JobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=SuggestionJob.Status.choices)
    skills_found = serializers.IntegerField()
    occupations_found = serializers.IntegerField()


class SuggestResultSerializer(serializers.Serializer):
    skills = serializers.IntegerField(help_text="New skill suggestions stored")
    occupations = serializers.IntegerField(help_text="New occupation suggestions stored")
    job = JobSerializer(allow_null=True, help_text="Set (with 202) when a long text is ranked in a task")


class DecideInputSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)
    decision = serializers.ChoiceField(choices=[("confirm", "confirm"), ("reject", "reject")])


class DecideResultSerializer(serializers.Serializer):
    changed = serializers.IntegerField()


class SkillAddInputSerializer(serializers.Serializer):
    uri = serializers.CharField(help_text="ESCO skill URI")


class OccupationDecideInputSerializer(serializers.Serializer):
    held = serializers.BooleanField(help_text="true: I have worked as this; false: dismiss")


# --- plain data ---------------------------------------------------------------------------------------


def _skill(row: selectors.SkillRow) -> dict[str, Any]:
    ps = row.profile_skill
    return {
        "id": ps.pk,
        "uri": ps.skill.uri,
        "label": row.label,
        "status": ps.status,
        "score": ps.score,
        "decided_at": ps.decided_at,
        "evidence": [{"kind": e.kind, "text": e.text, "created_at": e.created_at} for e in row.evidence],
    }


def _language_row(lang: LanguageSkill) -> dict[str, Any]:
    return {
        "language": lang.language,
        "level": lang.level,
        **{n: getattr(lang, n) for n in LanguageSkill.SKILL_FIELDS},
    }


def _education(edu: Education) -> dict[str, Any]:
    return {"id": edu.pk, **{n: getattr(edu, n) for n in services.EDUCATION_FIELDS}}


def _occupation(row: selectors.OccupationRow) -> dict[str, Any]:
    held = row.held
    return {
        "id": held.pk,
        "occupation": held.occupation.uri if held.occupation else "",
        "label": row.label,
        **{n: getattr(held, n) for n in services.OCCUPATION_FIELDS},
    }


def _occupation_suggestion(row: selectors.SuggestedOccupationRow) -> dict[str, Any]:
    s: OccupationSuggestion = row.suggestion
    return {"id": s.pk, "uri": s.occupation.uri, "label": row.label, "score": s.score, "evidence": s.evidence}


def _job(job: SuggestionJob) -> dict[str, Any]:
    return {
        "id": job.pk,
        "status": job.status,
        "skills_found": job.skills_found,
        "occupations_found": job.occupations_found,
    }


def _suggest_response(result: services.SuggestionOutcome | SuggestionJob) -> Response:
    if isinstance(result, SuggestionJob):
        body = {"skills": result.skills_found, "occupations": result.occupations_found, "job": _job(result)}
        done = result.status != SuggestionJob.Status.PENDING
        return Response(
            SuggestResultSerializer(body).data,
            status=status.HTTP_200_OK if done else status.HTTP_202_ACCEPTED,
        )
    body = {"skills": result.skills, "occupations": result.occupations, "job": None}
    return Response(SuggestResultSerializer(body).data)


# --- views --------------------------------------------------------------------------------------------


class ProfileApi(APIView):
    @extend_schema(
        operation_id="competences_profile",
        tags=TAGS,
        responses=ProfileSerializer,
        description="The person's competence profile: confirmed and suggested skills with evidence, languages, "
        "education, occupations held and suggested. The person, their coordinators and admins; staff reads are "
        "audited.",
    )
    def get(self, request: AuthenticatedRequest, person_id: int) -> Response:
        access = access_for(request.user)
        person = visible_person(access=access, person_id=person_id)
        language = _language(request)
        p = selectors.profile(access=access, person=person, actor=request.user, language=language)
        body = {
            "person": {"id": person.pk, "name": person.full_name},
            "skills": [_skill(r) for r in p.confirmed],
            "suggestions": [_skill(r) for r in p.suggested],
            "languages": [_language_row(lang) for lang in p.languages],
            "education": [_education(e) for e in p.educations],
            "occupations": [_occupation(o) for o in p.occupations],
            "occupation_suggestions": [_occupation_suggestion(o) for o in p.occupation_suggestions],
        }
        return Response(ProfileSerializer(body).data)


class ProfilePdfApi(APIView):
    content_negotiation_class = FileNegotiation

    @extend_schema(
        operation_id="competences_profile_pdf",
        tags=TAGS,
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="A PDF document")
        },
        description="The person's competence profile as a PDF (confirmed skills, languages, education, work), "
        "as the profile page prints it. The person, their coordinators and admins; staff reads are audited.",
    )
    def get(self, request: AuthenticatedRequest, person_id: int) -> HttpResponse:
        access = access_for(request.user)
        person = visible_person(access=access, person_id=person_id)
        p = selectors.profile(access=access, person=person, actor=request.user, language=_language(request))
        return file_response(
            profile_pdf(p), filename=profile_pdf_filename(person), content_type="application/pdf"
        )


class SuggestApi(APIView):
    @extend_schema(
        operation_id="competences_suggest",
        tags=TAGS,
        request=SuggestInputSerializer,
        responses={200: SuggestResultSerializer, 202: SuggestResultSerializer},
        description="Suggest skills and occupations from a text (stored as suggestions, nothing confirmed). Texts "
        "over 20,000 characters are ranked in a task: 202 with the job to poll. The text is not kept.",
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(SuggestInputSerializer, request)
        result = services.suggest_from_text(
            person=person,
            text=data["text"],
            language=data.get("language") or _language(request),
            actor=request.user,
        )
        return _suggest_response(result)


class CvApi(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        operation_id="competences_cv_upload",
        tags=TAGS,
        request={"multipart/form-data": CvInputSerializer},
        responses={200: SuggestResultSerializer, 202: SuggestResultSerializer},
        description="Suggest skills from an uploaded CV (PDF, DOCX or text, type checked by content). Neither the "
        "file nor its text is kept. A scanned PDF without text is refused with a message.",
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(CvInputSerializer, request)
        upload = data["file"]
        size_limit = services.cv_max_bytes()
        content = upload.read(size_limit + 1)
        result = services.suggest_from_cv(
            person=person,
            data=content,
            language=data.get("language") or _language(request),
            actor=request.user,
        )
        return _suggest_response(result)


class JobApi(APIView):
    @extend_schema(
        operation_id="competences_job",
        tags=TAGS,
        responses=JobSerializer,
        description="The state of a long text's suggestion task.",
    )
    def get(self, request: AuthenticatedRequest, person_id: int, pk: int) -> Response:
        person = _person(request, person_id)
        return Response(JobSerializer(_job(selectors.job_get(person=person, pk=pk))).data)


class SkillDecideApi(APIView):
    @extend_schema(
        operation_id="competences_skills_decide",
        tags=TAGS,
        request=DecideInputSerializer,
        responses=DecideResultSerializer,
        description="Confirm or reject suggested skills (ids of profile skills). A rejected skill is not "
        "suggested again.",
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(DecideInputSerializer, request)
        changed = services.skills_decide(
            person=person,
            ids=data["ids"],
            confirm=data["decision"] == "confirm",
            actor=request.user,
        )
        return Response({"changed": changed})


class SkillAddApi(APIView):
    @extend_schema(
        operation_id="competences_skill_add",
        tags=TAGS,
        request=SkillAddInputSerializer,
        responses={201: SkillSerializer},
        description="Add a skill (found by ESCO search) as confirmed, with evidence kind manual.",
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(SkillAddInputSerializer, request)
        concept = Concept.objects.filter(uri=data["uri"]).first()
        if concept is None:
            raise serializers.ValidationError({"uri": ["No ESCO skill has this URI."]})
        services.skill_add(person=person, skill=concept, actor=request.user)
        row = next(
            r
            for r in selectors.skill_rows(person, "confirmed", _language(request))
            if r.profile_skill.skill_id == concept.pk
        )
        return Response(SkillSerializer(_skill(row)).data, status=status.HTTP_201_CREATED)


class SkillRemoveApi(APIView):
    @extend_schema(
        operation_id="competences_skill_remove",
        tags=TAGS,
        responses={204: None},
        description="Remove a skill from the profile (kept as rejected so it is not suggested again).",
    )
    def delete(self, request: AuthenticatedRequest, person_id: int, pk: int) -> Response:
        person = _person(request, person_id)
        services.skill_remove(person=person, profile_skill_id=pk, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LanguageListApi(APIView):
    @extend_schema(
        operation_id="competences_language_list",
        tags=TAGS,
        responses=LanguageSerializer(many=True),
        description="Languages with the overall CEFR level and the optional levels per skill.",
    )
    def get(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        return Response(
            LanguageSerializer(
                [_language_row(x) for x in LanguageSkill.objects.filter(person=person)], many=True
            ).data
        )

    @extend_schema(
        operation_id="competences_language_set",
        tags=TAGS,
        request=LanguageSerializer,
        responses=LanguageSerializer,
        description="Add a language or change its levels.",
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(LanguageSerializer, request)
        row = services.language_set(person=person, actor=request.user, **data)
        return Response(LanguageSerializer(_language_row(row)).data)


class LanguageDetailApi(APIView):
    @extend_schema(operation_id="competences_language_remove", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, person_id: int, code: str) -> Response:
        person = _person(request, person_id)
        services.language_remove(person=person, language=code, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EducationListApi(APIView):
    @extend_schema(
        operation_id="competences_education_list", tags=TAGS, responses=EducationSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        return Response(
            EducationSerializer(
                [_education(e) for e in Education.objects.filter(person=person)], many=True
            ).data
        )

    @extend_schema(
        operation_id="competences_education_add",
        tags=TAGS,
        request=EducationSerializer,
        responses={201: EducationSerializer},
        description="Add an education (ISCED level and field).",
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(EducationSerializer, request)
        row = services.education_add(person=person, actor=request.user, **data)
        return Response(EducationSerializer(_education(row)).data, status=status.HTTP_201_CREATED)


class EducationDetailApi(APIView):
    @extend_schema(operation_id="competences_education_remove", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, person_id: int, pk: int) -> Response:
        person = _person(request, person_id)
        services.education_remove(person=person, pk=pk, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class OccupationListApi(APIView):
    @extend_schema(
        operation_id="competences_occupation_list", tags=TAGS, responses=OccupationHeldSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        rows = selectors.occupation_rows(person, _language(request))
        return Response(OccupationHeldSerializer([_occupation(o) for o in rows], many=True).data)

    @extend_schema(
        operation_id="competences_occupation_add",
        tags=TAGS,
        request=OccupationHeldSerializer,
        responses={201: OccupationHeldSerializer},
        description="Add an occupation held: an ESCO occupation URI or a free title. An ESCO occupation's "
        "essential skills are suggested (evidence kind occupation).",
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(OccupationHeldSerializer, request)
        uri = data.pop("occupation", "") or ""
        concept = None
        if uri:
            concept = Concept.objects.filter(uri=uri, kind=Concept.Kind.OCCUPATION).first()
            if concept is None:
                raise serializers.ValidationError({"occupation": ["No ESCO occupation has this URI."]})
        row = services.occupation_add(person=person, occupation=concept, actor=request.user, **data)
        found = next(o for o in selectors.occupation_rows(person, _language(request)) if o.held.pk == row.pk)
        return Response(OccupationHeldSerializer(_occupation(found)).data, status=status.HTTP_201_CREATED)


class OccupationDetailApi(APIView):
    @extend_schema(operation_id="competences_occupation_remove", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, person_id: int, pk: int) -> Response:
        person = _person(request, person_id)
        services.occupation_remove(person=person, pk=pk, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class OccupationSuggestionDecideApi(APIView):
    @extend_schema(
        operation_id="competences_occupation_suggestion_decide",
        tags=TAGS,
        request=OccupationDecideInputSerializer,
        responses={200: OccupationHeldSerializer, 204: None},
        description='"I have worked as this" (held=true: 200 with the occupation held) or dismiss (204).',
    )
    def post(self, request: AuthenticatedRequest, person_id: int, pk: int) -> Response:
        person = _person(request, person_id)
        data = validated_input(OccupationDecideInputSerializer, request)
        held = services.occupation_suggestion_decide(
            person=person, pk=pk, held=data["held"], actor=request.user
        )
        if held is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        found = next(o for o in selectors.occupation_rows(person, _language(request)) if o.held.pk == held.pk)
        return Response(OccupationHeldSerializer(_occupation(found)).data)
