"""Mentoring pages, in two modules re-exported here for `urls.py`:

- `programmes`: the staff's programme list and, for those who run a programme, its page and matching
- `mine`: mentors' and participants' own pages and the page of one mentorship
- `invite`: "Invite a mentor" of a programme
"""

from polku.mentoring.views.invite import mentor_invite_view
from polku.mentoring.views.mine import (
    checkin_view,
    choose_mentor_view,
    close_view,
    goal_create_view,
    goal_status_view,
    mentor_profile_view,
    mentorship_view,
    my_mentoring_view,
    programme_join_view,
    respond_view,
    session_create_view,
)
from polku.mentoring.views.programmes import (
    programme_create_view,
    programme_detail_view,
    programme_edit_view,
    programme_list_view,
    proposal_remove_view,
    run_create_view,
    run_detail_view,
    run_publish_view,
)

__all__ = [
    "checkin_view",
    "choose_mentor_view",
    "close_view",
    "goal_create_view",
    "goal_status_view",
    "mentor_invite_view",
    "mentor_profile_view",
    "mentorship_view",
    "my_mentoring_view",
    "programme_create_view",
    "programme_detail_view",
    "programme_edit_view",
    "programme_join_view",
    "programme_list_view",
    "proposal_remove_view",
    "respond_view",
    "run_create_view",
    "run_detail_view",
    "run_publish_view",
    "session_create_view",
]
