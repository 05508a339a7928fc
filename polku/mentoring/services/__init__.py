"""Writes of mentoring, one module per sub-domain; the verbs are re-exported here, so callers write
`from polku.mentoring import services` and `services.matching_run(...)`.

- `profiles`: a mentor's own profile, and the atomic counter of the mentor's places
- `programmes`: programmes, and participants joining them as mentees
- `runs`: matching runs, their proposals, publishing them as mentorships
- `self_service`: a participant asks a mentor directly
- `relationships`: the pair's answers, goals, sessions, check-ins and closing
- `reminders`: the periodic session-log reminders and check-ins

Every verb checks access through `Access`, applies the rules and writes in one transaction; e-mails
(`polku.mentoring.emails`) are queued on commit.
"""

from polku.mentoring.services.profiles import PROFILE_FIELDS, mentor_profile_save
from polku.mentoring.services.programmes import (
    PROGRAMME_FIELDS,
    mentee_join,
    programme_create,
    programme_update,
)
from polku.mentoring.services.relationships import (
    checkin_answer,
    goal_add,
    goal_set_status,
    mentorship_close,
    mentorship_respond,
    session_log,
)
from polku.mentoring.services.reminders import checkin_due_dates, send_due_checkins, send_session_reminders
from polku.mentoring.services.runs import matching_run, pair_score, proposal_add, proposal_remove, run_publish
from polku.mentoring.services.self_service import mentor_request

__all__ = [
    "PROFILE_FIELDS",
    "PROGRAMME_FIELDS",
    "checkin_answer",
    "checkin_due_dates",
    "goal_add",
    "goal_set_status",
    "matching_run",
    "mentee_join",
    "mentor_profile_save",
    "mentor_request",
    "mentorship_close",
    "mentorship_respond",
    "pair_score",
    "programme_create",
    "programme_update",
    "proposal_add",
    "proposal_remove",
    "run_publish",
    "send_due_checkins",
    "send_session_reminders",
    "session_log",
]
