"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.accounts.access import Access
from polku.core.navigation import main_menu
from polku.employers.matchdata import candidate_participations_for_person


def _staff(access: Access) -> bool:
    return access.is_admin or bool(access.lead_project_ids or access.coordinator_project_ids)


def _opted_in(access: Access) -> bool:
    return access.person_id is not None and candidate_participations_for_person(access.person_id).exists()


def register() -> None:
    main_menu.register(
        "employers", label=_("Employers"), url="employers:index", group="matching", visible=_staff, order=40
    )
    main_menu.register(
        "employer-introductions",
        label=_("Introductions"),
        url="employers:introductions",
        group="matching",
        visible=_staff,
        order=41,
    )
    main_menu.register(
        "my-talent-needs",
        label=_("My talent needs"),
        url="employers:index",
        group="mine",
        visible=lambda a: a.is_employer_representative() and not _staff(a),
        order=5,
        primary=True,
    )
    main_menu.register(
        "employer-candidates",
        label=_("Candidates"),
        url="employers:introductions",
        group="mine",
        visible=lambda a: a.is_employer_representative() and not _staff(a),
        order=6,
        primary=True,
    )
    main_menu.register(
        "my-opportunities",
        label=_("Opportunities for me"),
        url="employers:mine",
        group="mine",
        visible=lambda a: a.can_be_found_by_employers() and _opted_in(a),
        order=30,
        primary=True,
    )
    main_menu.register(
        "my-opportunities-off",
        label=_("Opportunities for me"),
        url="employers:mine",
        group="mine",
        visible=lambda a: a.can_be_found_by_employers() and not _opted_in(a),
        order=30,
    )
    main_menu.register(
        "my-introduction-requests",
        label=_("Introduction requests"),
        url="employers:mine_introductions",
        group="mine",
        visible=lambda a: a.can_be_found_by_employers(),
        order=31,
    )
