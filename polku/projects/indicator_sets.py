"""The funder indicator sets a project can be reported against, and the automatic choice of one.

The identifiers and labels live here, with the project, so that the project's pages, forms and API name
the set in use without reaching up into polku.reporting; polku.reporting.indicators holds the indicator
definitions of each set and imports these names from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from polku.projects.models import Project

ESF_PLUS_2021 = "esf_plus_2021"
ESF_2014 = "esf_2014"

SET_LABELS: dict[str, Promise] = {ESF_PLUS_2021: _("ESF+ 2021–2027"), ESF_2014: _("ESF 2014–2020")}

NO_SET = ""  # the project reports no ESF indicators (its funder is not the ESF and none was chosen)


def indicator_set_for(project: Project) -> str:
    """The project's own choice, else its ESF funder's period; a project of another funder (ERDF,
    Erasmus+, national money) reports no ESF indicators unless a set is chosen for it (NO_SET)."""
    chosen = getattr(project, "indicator_set", "")
    if chosen in SET_LABELS:
        return chosen
    if project.funder in SET_LABELS:
        return project.funder
    return NO_SET


def indicator_set_label(project: Project) -> str:
    """The set in use in words, or why there is none."""
    name = indicator_set_for(project)
    if name:
        return str(SET_LABELS[name])
    return str(_("None: the funder is not the ESF, and no indicator set is chosen"))
