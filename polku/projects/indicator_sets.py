"""The funder indicator sets a project can be reported against, and the automatic choice of one.

The identifiers and labels live here, with the project, so that the project's pages, forms and API name
the set in use without reaching up into polku.reporting; polku.reporting.indicators holds the indicator
definitions of each set and imports these names from here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from polku.projects.models import Project

ESF_PLUS_2021 = "esf_plus_2021"
ESF_2014 = "esf_2014"

SET_LABELS: dict[str, Promise] = {ESF_PLUS_2021: _("ESF+ 2021–2027"), ESF_2014: _("ESF 2014–2020")}

# The first day of the ESF+ 2021–2027 period: the automatic choice for a project of another funder.
ESF_PLUS_STARTS = dt.date(2021, 1, 1)


def indicator_set_for(project: Project) -> str:
    """The project's own choice, else its funder's period, else by when the project started."""
    chosen = getattr(project, "indicator_set", "")
    if chosen in SET_LABELS:
        return chosen
    if project.funder in SET_LABELS:
        return project.funder
    return ESF_2014 if project.starts_on < ESF_PLUS_STARTS else ESF_PLUS_2021
