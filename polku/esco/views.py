"""ESCO pages: search skills and occupations, a concept's page, the loaded releases. Any signed-in user."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from polku.esco import selectors
from polku.esco.forms import SearchForm

PAGE_SIZE = 25
MAX_RESULTS = 500


def _language() -> str:
    return (get_language() or "en")[:2]


@login_required
def search_view(request: HttpRequest) -> TemplateResponse:
    form = SearchForm(request.GET or None)
    language = _language()
    page = None
    query = ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        hits = selectors.search_ranked(query, language, form.kinds(), limit=MAX_RESULTS)
        page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
    params = urlencode({"q": query, "kind": form.cleaned_data.get("kind", "") if form.is_valid() else ""})
    context = {
        "form": form,
        "page": page,
        "query": query,
        "params": params,
        "language": language,
        "max_results": MAX_RESULTS,
        "releases": selectors.releases()[:1],
    }
    return TemplateResponse(request, "esco/search.html", context)


@login_required
def concept_view(request: HttpRequest, pk: int) -> TemplateResponse:
    concept = selectors.concept_by_id(pk)
    if concept is None:
        raise Http404
    language = _language()
    context = {
        "detail": selectors.concept_detail(concept, language),
        "language": language,
        "releases": selectors.releases()[:1],
    }
    return TemplateResponse(request, "esco/concept.html", context)


@login_required
def releases_view(request: HttpRequest) -> TemplateResponse:
    kinds = selectors.kind_counts()
    context = {
        "releases": selectors.releases(),
        "label_counts": selectors.label_counts(),
        "counts": {
            "skills": kinds.get("skill", 0),
            "occupations": kinds.get("occupation", 0),
            "skill_groups": kinds.get("skill-group", 0),
            "isco_groups": kinds.get("isco-group", 0),
        },
        "language": _language(),
    }
    return TemplateResponse(request, "esco/releases.html", context)
