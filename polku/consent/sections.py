"""What consent shows on the project page (registered in ConsentConfig.ready()): the link to the
project's privacy notices among the project's facts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from polku.accounts.access import Access
from polku.projects.models import Project
from polku.projects.sections import project_sections


def project_notices_section(*, project: Project, access: Access, request: HttpRequest) -> dict[str, Any]:
    return {"can_publish": access.can_manage_project(project.pk)}


def register() -> None:
    project_sections.register(
        "privacy_notices",
        template="consent/_project_notices.html",
        context=project_notices_section,
        place="facts",
    )
