"""Reads about organisations: visible to members of a project the organisation takes part in."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.organisations.models import Organisation


def organisation_list(*, access: Access) -> QuerySet[Organisation]:
    organisations = Organisation.objects.all()
    if not access.is_admin:
        organisations = organisations.filter(partnerships__project_id__in=access.project_ids()).distinct()
    return organisations


def organisation_get(*, access: Access, pk: int) -> Organisation:
    return get_object_or_404(organisation_list(access=access), pk=pk)


def organisation_partnerships(*, access: Access, organisation: Organisation) -> QuerySet[Any]:
    """The organisation's partnerships (projects.Partner rows, reached through the reverse relation: projects
    sits above organisations) in the projects the reader is a member of."""
    partnerships = organisation.partnerships.select_related("project")
    if not access.is_admin:
        partnerships = partnerships.filter(project_id__in=access.project_ids())
    return partnerships
