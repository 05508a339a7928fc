"""Sections other apps add to the competence profile page (self-assessments, learning plans, …).

An app registers a section once, in its AppConfig.ready() (see `polku.core.sections`):

    from polku.competences.sections import profile_sections

    profile_sections.register(
        "assessments",
        template="assessments/_profile_section.html",
        context=profile_section,  # called with person=, access=, request=
        order=20,
    )

The profile page (and its print view) includes each template below the skills, languages, education and
work; a function returning None leaves the section out for that person or reader. The function is
responsible for its own access checks and audit entries.
"""

from __future__ import annotations

from polku.core.sections import SectionRegistry

profile_sections = SectionRegistry("competence profile")
