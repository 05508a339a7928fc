"""People and roles of a project: staff invitations, their acceptance, and the project's memberships.

Modules, each a handful of verbs: `invitations` (invite, revoke, re-send; `invitation_issue`, which
participants' invitations share), `acceptance` (open a link, accept it as a new or a signed-in user),
`memberships` (change and end a role), `selectors` (the reads), `emails` (the invitation e-mail); pages in
`views` and `accept_views`, the REST API in `api`. Models are in polku.accounts (Invitation, Membership).
"""
