"""REST API of ESCO: concept search, a concept by id or by URI, the loaded releases. Any signed-in user."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.core.api import Pagination, paginated_response
from polku.esco import selectors
from polku.esco.forms import SearchForm
from polku.esco.models import Concept, Label, Release

TAGS = ["esco"]
MAX_RESULTS = 500
KINDS = ["skill", "occupation", "skill-group", "isco-group"]


class EscoHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    uri = serializers.CharField()
    kind = serializers.ChoiceField(choices=Concept.Kind.choices)
    label = serializers.CharField(help_text=_("Preferred label in the asked language, else English"))  # type: ignore[assignment]  # an API field, not Field.label
    language = serializers.CharField(help_text=_("The label's language"))


class EscoLabelSerializer(serializers.ModelSerializer):
    alternatives = serializers.SerializerMethodField()

    class Meta:
        model = Label
        fields = ["language", "preferred", "alternatives", "description"]

    def get_alternatives(self, label: Label) -> list[str]:
        return [a for a in label.alternatives.split("\n") if a]


class EscoLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="concept.pk")
    uri = serializers.CharField(source="concept.uri")
    kind = serializers.CharField(source="concept.kind")
    label = serializers.CharField()  # type: ignore[assignment]  # an API field, not Field.label
    language = serializers.CharField()
    relation = serializers.CharField(help_text=_("essential, optional or empty"))


class EscoConceptSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="concept.pk")
    uri = serializers.CharField(source="concept.uri")
    kind = serializers.ChoiceField(source="concept.kind", choices=Concept.Kind.choices)
    code = serializers.CharField(source="concept.code")
    skill_type = serializers.CharField(source="concept.skill_type")
    reuse_level = serializers.CharField(source="concept.reuse_level")
    isco_group = serializers.CharField(source="concept.isco_group")
    label = serializers.CharField()  # type: ignore[assignment]  # an API field, not Field.label
    language = serializers.CharField()
    description = serializers.CharField()
    labels = EscoLabelSerializer(many=True)
    broader = EscoLinkSerializer(many=True)
    narrower = EscoLinkSerializer(many=True)
    essential = EscoLinkSerializer(many=True, help_text=_("An occupation's essential skills"))
    optional = EscoLinkSerializer(many=True, help_text=_("An occupation's optional skills"))
    occupations = EscoLinkSerializer(many=True, help_text=_("A skill's occupations"))
    related = EscoLinkSerializer(many=True, help_text=_("A skill's related skills"))
    collections = serializers.SerializerMethodField()

    def get_collections(self, detail: Any) -> list[str]:
        return [c.code for c in detail.collections]


class EscoReleaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Release
        fields = ["id", "version", "language", "source", "counts", "loaded_at"]


def _language(request: Request) -> str:
    return (request.query_params.get("lang") or get_language() or "en")[:8]


LANG = OpenApiParameter(
    "lang", str, description=_("Language of the labels (fi, sv, en, …); default: the interface language")
)


class EscoConceptListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="esco_concept_search",
        tags=TAGS,
        parameters=[
            OpenApiParameter("q", str, description=_("Words of a preferred or alternative label")),
            OpenApiParameter("kind", str, enum=KINDS, description=_("Default: skills and occupations")),
            LANG,
        ],
        responses=EscoHitSerializer(many=True),
        description=_(
            "Search ESCO concepts by label in a language (English where it has none); best matches first, "
            "at most 500. An empty q gives no results."
        ),
    )
    def get(self, request: Request) -> Response:
        kind = request.query_params.get("kind", "")
        if kind and kind not in KINDS:
            raise serializers.ValidationError({"kind": [_("Choose one of: %s.") % ", ".join(KINDS)]})
        form = SearchForm({"q": request.query_params.get("q", "")[:200]})
        form.is_valid()
        kinds = (kind,) if kind else (Concept.Kind.SKILL, Concept.Kind.OCCUPATION)
        hits = selectors.search_ranked(
            form.cleaned_data.get("q", ""), _language(request), kinds, limit=MAX_RESULTS
        )
        rows = [
            {"id": c.pk, "uri": c.uri, "kind": c.kind, "label": label, "language": lang}
            for c, label, lang in hits
        ]
        return paginated_response(request=request, view=self, rows=rows, serializer_class=EscoHitSerializer)


def _detail_response(request: Request, concept: Concept | None) -> Response:
    if concept is None:
        raise NotFound(_("No such ESCO concept."))
    detail = selectors.concept_detail(concept, _language(request))
    return Response(EscoConceptSerializer(detail).data)


class EscoConceptDetailApi(APIView):
    @extend_schema(
        operation_id="esco_concept_detail",
        tags=TAGS,
        parameters=[LANG],
        responses=EscoConceptSerializer,
        description=_("One ESCO concept with its labels in every loaded language and its relations."),
    )
    def get(self, request: Request, pk: int) -> Response:
        return _detail_response(request, selectors.concept_by_id(pk))


class EscoConceptByUriApi(APIView):
    @extend_schema(
        operation_id="esco_concept_by_uri",
        tags=TAGS,
        parameters=[OpenApiParameter("uri", str, required=True, description=_("The ESCO URI")), LANG],
        responses=EscoConceptSerializer,
        description=_("One ESCO concept by its URI (the same in every ESCO version)."),
    )
    def get(self, request: Request) -> Response:
        return _detail_response(request, selectors.concept_by_uri(request.query_params.get("uri", "")))


class EscoReleaseListApi(APIView):
    @extend_schema(
        operation_id="esco_release_list",
        tags=TAGS,
        responses=EscoReleaseSerializer(many=True),
        description=_("The ESCO loads in this database: version, language, counts, when."),
    )
    def get(self, request: Request) -> Response:
        return Response(EscoReleaseSerializer(selectors.releases(), many=True).data)
