"""REST API of mentoring: programmes, mentees, matching runs and proposals, self-service requests, mentor
profiles and mentorships with their answers, goals, sessions, check-ins and closure.

The same services and selectors as the pages, so the same access rules: coordinators manage their
partner's programmes (the lead every programme of the project), mentors see their own mentees, mentees
their own mentorships, evaluators the programme list with counts only. Session notes reach only the pair.

- `serializers`: input and output shapes
- `programmes`: programmes, mentees, matching runs and proposals
- `mine`: self-service, the mentor's profile and mentorships

The views are re-exported here for `api_urls.py`.
"""

from polku.mentoring.api.mine import (
    CheckInAnswerApi,
    GoalListApi,
    MentorProfileApi,
    MentorRequestApi,
    MentorshipCloseApi,
    MentorshipDetailApi,
    MentorshipRespondApi,
    MyMentorshipsApi,
    RankedMentorsApi,
    SessionListApi,
)
from polku.mentoring.api.programmes import (
    MenteeListApi,
    ProgrammeDetailApi,
    ProgrammeListApi,
    ProposalDetailApi,
    RunDetailApi,
    RunListApi,
    RunProposalsApi,
    RunPublishApi,
)

__all__ = [
    "CheckInAnswerApi",
    "GoalListApi",
    "MenteeListApi",
    "MentorProfileApi",
    "MentorRequestApi",
    "MentorshipCloseApi",
    "MentorshipDetailApi",
    "MentorshipRespondApi",
    "MyMentorshipsApi",
    "ProgrammeDetailApi",
    "ProgrammeListApi",
    "ProposalDetailApi",
    "RankedMentorsApi",
    "RunDetailApi",
    "RunListApi",
    "RunProposalsApi",
    "RunPublishApi",
    "SessionListApi",
]
