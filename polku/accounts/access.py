"""What a signed-in user may see: computed once per request from their memberships.

Every selector and service that touches participants takes an `Access` and filters through it,
so partner isolation holds in pages, the API and the CLI alike, not only in templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet

from polku.accounts.models import STAFF_ROLES, Membership, Role
from polku.core.errors import AccessDenied

if TYPE_CHECKING:
    from polku.accounts.models import User


@dataclass(frozen=True)
class Access:
    user_id: int | None
    is_admin: bool = False
    coordinator_partner_ids: frozenset[int] = frozenset()
    lead_project_ids: frozenset[int] = frozenset()
    evaluator_project_ids: frozenset[int] = frozenset()
    member_project_ids: frozenset[int] = frozenset()
    coordinator_project_ids: frozenset[int] = frozenset()
    roles: frozenset[str] = frozenset()
    person_id: int | None = None

    @property
    def is_staff_role(self) -> bool:
        """Roles that reach other people's personal data or aggregates (and so need MFA)."""
        return self.is_admin or bool(self.roles & STAFF_ROLES)

    @property
    def needs_mfa(self) -> bool:
        """Who must set up two-factor authentication: the staff roles, and employer representatives, who
        read candidates' profiles and, once a participant approves, their names and contact details."""
        return self.is_staff_role or Role.EMPLOYER in self.roles

    @property
    def is_coordinator(self) -> bool:
        return self.is_admin or bool(self.coordinator_partner_ids)

    @property
    def is_participant(self) -> bool:
        return self.person_id is not None

    def project_ids(self) -> frozenset[int]:
        return self.member_project_ids

    def can_view_project(self, project_id: int) -> bool:
        return self.is_admin or project_id in self.member_project_ids

    def can_view_aggregates(self, project_id: int) -> bool:
        """Figures across all partners: the project lead, evaluators, admins."""
        return (
            self.is_admin or project_id in self.lead_project_ids or project_id in self.evaluator_project_ids
        )

    def can_manage_partner(self, partner_id: int) -> bool:
        """See and edit the people of this partner."""
        return self.is_admin or partner_id in self.coordinator_partner_ids

    def can_manage_project(self, project_id: int) -> bool:
        """Edit the project's structure (work packages, targets, activities): its lead or an admin."""
        return self.is_admin or project_id in self.lead_project_ids

    def coordinates_in(self, project_id: int) -> bool:
        """Coordinates a partner of this project (or is an admin)."""
        return self.is_admin or project_id in self.coordinator_project_ids

    def can_view_counts(self, project_id: int) -> bool:
        """Counts of the project at all: those who see aggregates, and the project's coordinators."""
        return self.can_view_aggregates(project_id) or self.coordinates_in(project_id)

    def can_view_partner_counts(self, project_id: int, partner_id: int) -> bool:
        """One partner's counts: those who see the whole project's aggregates, and that partner's coordinators."""
        return self.can_view_aggregates(project_id) or self.can_manage_partner(partner_id)

    def can_manage_activity(self, project_id: int, partner_id: int | None) -> bool:
        """The project lead (or an admin) runs every activity; a coordinator those of their own partner."""
        return self.can_manage_project(project_id) or (
            partner_id is not None and self.can_manage_partner(partner_id)
        )

    def participation_filter(self, prefix: str = "") -> Q:
        """Q that limits participations (or rows reached through `prefix`) to what a coordinator may see."""
        if self.is_admin:
            return Q()
        return Q(**{f"{prefix}partner_id__in": self.coordinator_partner_ids})

    def visible_participations(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(self.participation_filter())

    def is_project_staff(self) -> bool:
        """Coordinates, leads or evaluates in some project, or is an admin: the staff entries of the menu."""
        return self.is_admin or bool(
            self.coordinator_partner_ids or self.lead_project_ids or self.evaluator_project_ids
        )

    def can_view_retention(self) -> bool:
        """The retention overview: project leads (their projects) and admins."""
        return self.is_admin or bool(self.lead_project_ids)

    def can_see_background_jobs(self) -> bool:
        """The failed and stuck background jobs and undelivered e-mails, and retrying them: platform admins."""
        return self.is_admin

    def can_view_person(self, person_id: int, partner_ids: set[int]) -> bool:
        return (
            self.is_admin or person_id == self.person_id or bool(partner_ids & self.coordinator_partner_ids)
        )

    # people and roles of a project (polku.projects.people)

    def can_manage_people(self, project_id: int) -> bool:
        """Invite anyone to any role of the project, change and end its memberships: its lead and admins."""
        return self.can_manage_project(project_id)

    def can_view_people(self, project_id: int) -> bool:
        """The project's staff list (read only for coordinators): its lead, its coordinators and admins."""
        return self.can_manage_people(project_id) or self.coordinates_in(project_id)

    def can_invite(self, *, project_id: int, role: str, partner_id: int | None) -> bool:
        """Invite someone to a role of the project (and revoke or re-send that invitation): the lead and
        admins any role; a coordinator only mentors and employer representatives of their own partner."""
        if self.can_manage_people(project_id):
            return True
        return role in (Role.MENTOR, Role.EMPLOYER) and partner_id in self.coordinator_partner_ids

    def staff_invitation_filter(self, project_id: int) -> Q:
        """Q that limits a project's staff invitations to those `can_invite` lets the reader handle."""
        if self.can_manage_people(project_id):
            return Q()
        return Q(role__in=[Role.MENTOR, Role.EMPLOYER], partner_id__in=self.coordinator_partner_ids)

    # learning and knowledge

    def can_view_catalogue(self) -> bool:
        """The learning catalogue describes courses, not people: every signed-in user reads its active rows."""
        return self.user_id is not None

    def can_add_opportunities(self) -> bool:
        """Add learning opportunities (and see the catalogue's inactive rows they own): admins, and every
        coordinator and project lead, each for the owners `can_manage_opportunities` allows them."""
        return self.is_admin or bool(self.coordinator_partner_ids or self.lead_project_ids)

    def can_manage_opportunities(self, *, partner_id: int | None, project_id: int | None) -> bool:
        """Offer, edit and delete the learning opportunities of an owner: a partner (`partner_id`, with its
        project as `project_id`) – its coordinators and the project's lead; a project (`partner_id` None)
        – its lead; the whole platform (both None) – admins only. Admins manage every owner's."""
        if self.is_admin:
            return True
        if partner_id is not None:
            return self.can_manage_partner(partner_id) or (
                project_id is not None and self.can_manage_project(project_id)
            )
        if project_id is not None:
            return self.can_manage_project(project_id)
        return False

    def managed_opportunities_filter(self) -> Q:
        """`can_manage_opportunities` as a filter on learning opportunities (rows with `partner` and
        `project` owners)."""
        if self.is_admin:
            return Q()
        return (
            Q(partner_id__in=self.coordinator_partner_ids)
            | Q(partner__project_id__in=self.lead_project_ids)
            | Q(project_id__in=self.lead_project_ids, partner__isnull=True)
        )

    def can_view_plan_list(self) -> bool:
        """The development-plans page: participants (their own plans), coordinators and admins (their
        people's plans), project leads and evaluators (counts per partner only)."""
        return (
            self.is_participant
            or self.is_coordinator
            or bool(self.lead_project_ids or self.evaluator_project_ids)
        )

    def sees_only_own_plans(self) -> bool:
        """The plans page holds only the user's own plans: a participant who coordinates nobody."""
        return self.is_participant and not self.is_coordinator

    def can_create_own_plan(self) -> bool:
        """Make a development plan for oneself: a participant (staff make plans for their participants)."""
        return self.is_participant

    def plan_filter(self) -> Q:
        """The development plans the user may read and edit, as a filter on plans: those of the people
        `can_view_person` lets them see (themselves, the participants of their partners; admins all)."""
        if self.user_id is None:
            return Q(pk__in=[])
        if self.is_admin:
            return Q()
        condition = Q(person__participations__partner_id__in=self.coordinator_partner_ids)
        if self.person_id is not None:
            condition |= Q(person_id=self.person_id)
        return condition

    def can_author_knowledge(self, project_id: int | None) -> bool:
        """Write good practices and handbook pages for this project (or, with None, for no project): an
        admin anywhere; a project lead or coordinator in their own projects, and without a project."""
        if self.is_admin:
            return True
        staff_projects = self.lead_project_ids | self.coordinator_project_ids
        if project_id is None:
            return bool(staff_projects)
        return project_id in staff_projects

    def can_edit_knowledge(self, *, project_id: int | None, author_id: int | None) -> bool:
        """Edit a good practice or handbook page: admins; other authors (`can_author_knowledge`) those of
        their own projects and those they wrote themselves."""
        if self.is_admin:
            return True
        if not self.can_author_knowledge(None):
            return False
        return (project_id is not None and self.can_author_knowledge(project_id)) or (
            author_id is not None and author_id == self.user_id
        )

    def knowledge_edit_filter(self) -> Q:
        """`can_edit_knowledge` as a filter on good practices and handbook pages (Q() for every row)."""
        if self.is_admin:
            return Q()
        if not self.can_author_knowledge(None):
            return Q(pk__in=[])
        staff_projects = self.lead_project_ids | self.coordinator_project_ids
        return Q(project_id__in=staff_projects) | Q(author_id=self.user_id)

    def can_use_evaluation_notes(self, project_id: int) -> bool:
        """Read a project's evaluation notes and write new ones: its coordinators, its lead, its evaluators
        and admins; never participants."""
        return self.can_view_aggregates(project_id) or self.coordinates_in(project_id)

    def can_use_partner_evaluation_notes(self, project_id: int, partner_id: int) -> bool:
        """Read and write the notes of one partner of the project (not the whole project's): those who see
        the whole project's aggregates, and that partner's coordinators."""
        return self.can_view_aggregates(project_id) or self.can_manage_partner(partner_id)

    def can_use_any_evaluation_notes(self) -> bool:
        """The index of evaluation notes: admins, and the coordinators, leads and evaluators of a project."""
        return self.is_admin or bool(
            self.lead_project_ids | self.evaluator_project_ids | self.coordinator_project_ids
        )

    # mentoring, mentor days, peer groups

    def is_own_person(self, person_id: int | None) -> bool:
        """The reader is this person: a participant acting for themself."""
        return self.person_id is not None and person_id == self.person_id

    def is_mentor(self) -> bool:
        """Has a mentor (or expert) membership in some project."""
        return Role.MENTOR in self.roles

    # the community network (polku.community)

    def can_use_community(self) -> bool:
        """Keep a directory profile, connect and message: participants, mentors (and speakers, who are
        mentors or experts in Polku) and employer representatives; never staff as staff."""
        return self.is_participant or bool(self.roles & {Role.MENTOR, Role.EMPLOYER})

    def can_handle_community_reports(self, partner_id: int | None = None) -> bool:
        """Reports of directory profiles go to the coordinators of the reporter's partner (and admins), who
        may hide the profile; without `partner_id`: handles any partner's reports at all."""
        if partner_id is None:
            return self.is_coordinator
        return self.can_manage_partner(partner_id)

    def can_keep_mentor_profile(self) -> bool:
        """Has a mentor profile to read and edit: mentors, and admins."""
        return self.is_admin or self.is_mentor()

    def can_use_my_mentoring(self) -> bool:
        """The "my mentoring" page: participants (as mentees) and mentors."""
        return self.is_participant or self.is_mentor()

    def can_view_mentoring_programmes(self) -> bool:
        """The staff list of mentoring programmes: coordinators, project leads, evaluators and admins."""
        return self.is_admin or bool(
            self.coordinator_partner_ids or self.lead_project_ids or self.evaluator_project_ids
        )

    def mentoring_programme_filter(self, prefix: str = "") -> Q:
        """Q that limits mentoring programmes (or rows reached through `prefix`) to the reader's staff list:
        every programme of a project they lead or evaluate; as a coordinator, the project-wide programmes
        of their projects and their own partners' programmes. Counts only; managing is another rule."""
        if self.is_admin:
            return Q()
        return (
            Q(**{f"{prefix}project_id__in": self.lead_project_ids | self.evaluator_project_ids})
            | Q(**{f"{prefix}project_id__in": self.coordinator_project_ids, f"{prefix}partner__isnull": True})
            | Q(**{f"{prefix}partner_id__in": self.coordinator_partner_ids})
        )

    def mentoring_project_filter(self) -> Q:
        """Q that limits projects to those the reader may start a mentoring programme in: the projects they
        lead or coordinate a partner of (every project for an admin)."""
        if self.is_admin:
            return Q()
        return Q(pk__in=self.lead_project_ids | self.coordinator_project_ids)

    def can_manage_mentoring_programme(self, project_id: int, partner_id: int | None) -> bool:
        """Run a mentoring programme (edit it, add mentees, match, publish, close pairs): the project lead
        (or an admin) every programme of the project, a coordinator those of their own partner."""
        return self.can_manage_activity(project_id, partner_id)

    def mentoring_mentee_filter(
        self, project_id: int, programme_partner_id: int | None, prefix: str = ""
    ) -> Q:
        """Q that limits a programme's mentees (`MenteeRequest` rows, or rows reached through `prefix`, a path
        to the mentee request) to those whose mentoring profile the reader sees. A partner sees only its own
        participants; in a project-wide programme, those who run it also see the mentees of other partners
        who agreed at joining to share it with them (decision 0060). Admins see every mentee."""
        if self.is_admin:
            return Q()
        own = Q(**{f"{prefix}participation__partner_id__in": self.coordinator_partner_ids})
        if programme_partner_id is None and self.can_manage_mentoring_programme(project_id, None):
            return own | Q(**{f"{prefix}shared_with_other_partners_at__isnull": False})
        return own

    def can_see_mentee(
        self, *, project_id: int, programme_partner_id: int | None, mentee_partner_id: int, shared: bool
    ) -> bool:
        """One mentee's mentoring profile, by the rule of `mentoring_mentee_filter`."""
        return self.can_manage_partner(mentee_partner_id) or (
            shared and programme_partner_id is None and self.can_manage_mentoring_programme(project_id, None)
        )

    def can_enrol_mentee(
        self, *, person_id: int, partner_id: int, project_id: int, programme_partner_id: int | None
    ) -> bool:
        """Put a participant into a mentoring programme: the participant themself, or a coordinator of the
        participant's partner who also runs the programme."""
        return self.is_own_person(person_id) or (
            self.can_manage_partner(partner_id)
            and self.can_manage_mentoring_programme(project_id, programme_partner_id)
        )

    def mentoring_side(self, *, mentee_person_id: int, mentor_user_id: int) -> str | None:
        """ "mentee" or "mentor" when the reader is one of the pair of a mentorship, else None."""
        if self.is_own_person(mentee_person_id):
            return "mentee"
        if self.user_id is not None and mentor_user_id == self.user_id:
            return "mentor"
        return None

    def can_oversee_mentorship(
        self,
        *,
        project_id: int,
        programme_partner_id: int | None,
        mentee_partner_id: int,
        mentee_shared: bool = False,
    ) -> bool:
        """A mentorship for someone outside the pair (never its session notes): one who runs the programme
        and sees the mentee (`can_see_mentee`: the mentee's own partner, or a project-wide programme's staff
        when the mentee shares their profile with them)."""
        return self.can_manage_mentoring_programme(project_id, programme_partner_id) and self.can_see_mentee(
            project_id=project_id,
            programme_partner_id=programme_partner_id,
            mentee_partner_id=mentee_partner_id,
            shared=mentee_shared,
        )

    def can_use_mentor_days(self) -> bool:
        """The mentor-days page in the navigation: participants, coordinators, project leads and admins."""
        return self.is_participant or self.is_coordinator or bool(self.lead_project_ids)

    def can_manage_mentor_days(self) -> bool:
        """Runs mentor days at all: project leads, coordinators and admins."""
        return self.is_admin or bool(self.lead_project_ids or self.coordinator_partner_ids)

    def can_manage_mentor_day(self, project_id: int, partner_id: int | None) -> bool:
        """Run a mentor day (its experts, slots, attendance), or add one for a partner: the project lead
        (or an admin) every day of the project, a coordinator the days of their own partner."""
        return self.can_manage_activity(project_id, partner_id)

    def mentor_day_filter(self, prefix: str = "") -> Q:
        """Q that limits mentor days (or rows reached through `prefix`) to those the reader runs, as
        `can_manage_mentor_day` decides it one by one."""
        if self.is_admin:
            return Q()
        return Q(**{f"{prefix}activity__project_id__in": self.lead_project_ids}) | Q(
            **{f"{prefix}activity__partner_id__in": self.coordinator_partner_ids}
        )

    def mentor_day_partner_filter(self) -> Q:
        """Q that limits partners to those the reader may add mentor days for: every partner of a project
        they lead, their own as coordinator (every partner for an admin)."""
        if self.is_admin:
            return Q()
        return Q(project_id__in=self.lead_project_ids) | Q(pk__in=self.coordinator_partner_ids)

    def can_cancel_mentor_day_booking(
        self, *, person_id: int, project_id: int, partner_id: int | None
    ) -> bool:
        """Cancel a booking or leave a waitlist of a mentor day: the participant themself, or one who runs
        the day."""
        return self.is_own_person(person_id) or self.can_manage_mentor_day(project_id, partner_id)

    # events

    def can_use_events(self) -> bool:
        """The events pages in the navigation: participants and everyone with a role in a project."""
        return self.is_participant or self.is_admin or bool(self.member_project_ids)

    def can_manage_events(self) -> bool:
        """Organises events at all: project leads, coordinators and admins."""
        return self.can_manage_mentor_days()

    def can_manage_event(self, project_id: int, partner_id: int | None) -> bool:
        """Organise an event (its registrations, check-in, meetings and rounds), or add one for a partner:
        the project lead (or an admin) every event of the project, a coordinator their own partner's."""
        return self.can_manage_activity(project_id, partner_id)

    def event_filter(self, prefix: str = "") -> Q:
        """Q that limits events (or rows reached through `prefix`) to those the reader organises, as
        `can_manage_event` decides it one by one."""
        return self.mentor_day_filter(prefix)

    def is_staff_in(self, project_id: int) -> bool:
        """Has a staff role in the project (coordinator, lead, evaluator), or is an admin: the audience of
        staff events such as the coordinators' reflection meetings."""
        return self.is_admin or (
            project_id in self.member_project_ids
            and (
                project_id in self.coordinator_project_ids
                or project_id in self.lead_project_ids
                or project_id in self.evaluator_project_ids
            )
        )

    def can_manage_peer_groups(self) -> bool:
        """Peer-group rounds at all (the list of rounds, starting one): coordinators and admins."""
        return self.is_coordinator

    def can_manage_peer_round(self, partner_id: int) -> bool:
        """Run a partner's peer-group round (form, move, publish, meetings, attendance): the partner's
        coordinators and admins; the project lead does not."""
        return self.can_manage_partner(partner_id)

    def peer_round_filter(self, field: str = "partner_id") -> Q:
        """Q that limits rows by a partner field (`partner_id` of rounds, `pk` of partners) to the
        partners whose peer-group rounds the reader runs (every partner for an admin)."""
        if self.is_admin:
            return Q()
        return Q(**{f"{field}__in": self.coordinator_partner_ids})

    def can_opt_in_peer_round(self, *, person_id: int, partner_id: int) -> bool:
        """Put a participant in a peer-group round's pool: the participant themself, or their partner's
        coordinator."""
        return self.is_own_person(person_id) or self.can_manage_peer_round(partner_id)

    def can_join_peer_groups(self) -> bool:
        """A participant's own peer groups, the rounds open to them and their reflections: participants."""
        return self.is_participant

    # individual guidance

    def can_guide(self, partner_id: int) -> bool:
        """Record and change guidance sessions with a participant of this partner, and read their private
        notes: the partner's coordinators and admins. The project lead and evaluators see counts only
        (`can_view_guidance_counts`); the participant sees the next steps agreed with them."""
        return self.can_manage_partner(partner_id)

    def guidance_filter(self, prefix: str = "") -> Q:
        """`can_guide` as a filter on participations (or rows reached through `prefix`, a path to one)."""
        return self.participation_filter(prefix)

    def can_view_guidance_counts(self, project_id: int) -> bool:
        """How many guidance sessions a project has held, by kind (never who or what was said): those who
        see the project's counts."""
        return self.can_view_counts(project_id)

    # entrepreneurship

    def can_have_business_ideas(self) -> bool:
        """Own business ideas, a successor profile and introductions to companies for sale: participants."""
        return self.is_participant

    def can_run_entrepreneurship(self) -> bool:
        """The pipeline of business ideas, transfer listings, matches and introductions: coordinators and
        admins (each sees their own partners' rows)."""
        return self.is_coordinator

    def can_spar_ideas(self) -> bool:
        """The "ideas I spar" page: mentors (experts and business advisers) and admins."""
        return self.is_admin or self.is_mentor()

    def can_coach_idea(self, partner_id: int) -> bool:
        """Read a business idea of a participant of this partner (each read audited), comment on it, attach
        sparring experts and record the company founded: the partner's coordinators and admins."""
        return self.can_manage_partner(partner_id)

    def idea_filter(self) -> Q:
        """The business ideas the reader reaches: their own team's, their partners' (coordinators), those
        they spar (experts); every idea for an admin."""
        if self.user_id is None:
            return Q(pk__in=[])
        if self.is_admin:
            return Q()
        condition = Q(participation__partner_id__in=self.coordinator_partner_ids) | Q(
            sparrings__expert_id=self.user_id
        )
        if self.person_id is not None:
            condition |= Q(participation__person_id=self.person_id) | Q(co_founders__id=self.person_id)
        return condition

    def can_manage_listing(self, project_id: int, partner_id: int) -> bool:
        """Enter and change a business-transfer listing, match it, propose introductions and record the
        owner's agreement: the coordinators of its partner, the project lead and admins."""
        return self.can_manage_activity(project_id, partner_id)

    def listing_filter(self, prefix: str = "") -> Q:
        """`can_manage_listing` as a filter on listings (or rows reached through `prefix`)."""
        if self.is_admin:
            return Q()
        return Q(**{f"{prefix}partner__project_id__in": self.lead_project_ids}) | Q(
            **{f"{prefix}partner_id__in": self.coordinator_partner_ids}
        )

    # employers (polku.employers): `represented` is the set of employer ids the user acts for, read by
    # the employers app from its representative rows (the rows live above accounts)

    def is_employer_representative(self) -> bool:
        """Has an employer representative's membership in some project."""
        return Role.EMPLOYER in self.roles

    def can_manage_employers(self, project_id: int) -> bool:
        """Add employers to a project and see its employers, needs and introductions: its lead, its
        coordinators and admins."""
        return self.can_manage_project(project_id) or self.coordinates_in(project_id)

    def can_manage_employer(self, project_id: int, partner_id: int) -> bool:
        """Record needs and cooperation for an employer, invite its representatives, propose introductions
        and record their results: the project lead (or an admin), and the coordinators of the partner that
        keeps the relationship with the company."""
        return self.can_manage_activity(project_id, partner_id)

    def can_act_for_employer(self, employer_id: int, represented: frozenset[int]) -> bool:
        """An employer representative acts for their own employer only: its needs, its blind candidates,
        asking for introductions, and the people who approved one."""
        return self.is_employer_representative() and employer_id in represented

    def employer_filter(self, represented: frozenset[int], prefix: str = "") -> Q:
        """Employers (or rows reached through `prefix`, a path to an employer) the reader sees: every
        employer of the projects they lead or coordinate in (companies are not personal data), and the
        employer they act for (`can_act_for_employer`)."""
        if self.is_admin:
            return Q()
        where = Q(**{f"{prefix}project_id__in": self.lead_project_ids | self.coordinator_project_ids})
        if self.is_employer_representative() and represented:
            where |= Q(**{f"{prefix}id__in": sorted(represented)})
        return where

    def can_be_found_by_employers(self) -> bool:
        """The "Opportunities for me" page: participants (who opt in to be found, or not)."""
        return self.is_participant

    def can_decide_introduction(self, person_id: int) -> bool:
        """Approve or decline an introduction to an employer: the participant themself, nobody else."""
        return self.is_own_person(person_id)


ANONYMOUS = Access(user_id=None)


def access_for(user: User | None) -> Access:
    """The user's access, cached on the user object for the rest of the request."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_polku_access", None)
    if cached is not None:
        return cached
    memberships = list(Membership.objects.filter(user=user).values_list("role", "project_id", "partner_id"))
    person_id = getattr(getattr(user, "person", None), "pk", None) if _has_person(user) else None
    access = Access(
        user_id=user.pk,
        is_admin=user.is_superuser,
        coordinator_partner_ids=frozenset(p for r, _, p in memberships if r == Role.COORDINATOR and p),
        lead_project_ids=frozenset(pr for r, pr, _ in memberships if r == Role.PROJECT_LEAD),
        evaluator_project_ids=frozenset(pr for r, pr, _ in memberships if r == Role.EVALUATOR),
        member_project_ids=frozenset(pr for _, pr, _ in memberships),
        coordinator_project_ids=frozenset(pr for r, pr, _ in memberships if r == Role.COORDINATOR),
        roles=frozenset(r for r, _, _ in memberships),
        person_id=person_id,
    )
    user._polku_access = access  # type: ignore[attr-defined]
    return access


def _has_person(user: User) -> bool:
    # `person` is the reverse side of participants.Person.user; the app above accounts owns the model,
    # so the missing row is caught as Django's base exception rather than Person.DoesNotExist.
    try:
        return user.person is not None
    except ObjectDoesNotExist:
        return False


def coordinator_access(user: User | None, *, refusal: str) -> Access:
    """The user's access when they coordinate a partner (or are an admin); AccessDenied(refusal) otherwise."""
    access = access_for(user)
    if not access.is_coordinator:
        raise AccessDenied(refusal)
    return access
