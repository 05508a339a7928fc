"""The staff's search page: one box, results by kind; with HTMX only the results are swapped."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from polku.accounts.access import coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.search.forms import SearchForm
from polku.search.selectors import Results, global_search


@login_required
def search_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = coordinator_access(request.user, refusal=_("The search is for coordinators."))
    form = SearchForm(request.GET or None)
    if form.is_bound and form.is_valid():
        results = global_search(access=access, q=form.cleaned_data["q"])
    else:
        results = Results(q=request.GET.get("q", ""))  # a search that could not be read finds nothing
    template = "search/search.html"
    if request.htmx and request.htmx.target == "search-results":
        template += "#results"
    return TemplateResponse(request, template, {"form": form, "results": results})
