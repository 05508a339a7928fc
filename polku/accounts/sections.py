"""What apps above `accounts` show on a staff member's home page (polku.core.sections explains the pattern).

`home_sections`: the signed-in staff member's start page ("/", `accounts.views.home`), under the heading
"Needs attention", above the list of their projects. It is shown to everyone with a role in a project
(coordinators, project leads, evaluators, mentors, employer representatives) and to admins; participants
without a staff role go to their own page instead. Each context function is called with

- `user`: the signed-in `User`;
- `access`: their `Access` (the section checks its own rules with it, and audits any read of personal data);
- `request`: the request;
- `today`: the local date, so every section agrees on what "overdue" and "this week" mean;

and returns None when it has nothing for this reader (then nothing of it is shown, not even a heading).
A section is short: what needs doing soon, each item linking to where it is done (the next steps due of
guidance; upcoming events, waitlists to handle, … as apps add them), most urgent first. Register it in
the app's AppConfig.ready():

    from polku.accounts.sections import home_sections

    home_sections.register("guidance", template="guidance/_home_steps.html", context=home_steps, order=10)

The page's <h2> is "Needs attention", so a section's headings are <h3>.
"""

from __future__ import annotations

from polku.core.sections import SectionRegistry

home_sections = SectionRegistry("home")

# `hub_sections`: the participant's home ("/" for a person whose only role is participant): a phone-first hub
# of short cards — the next event or booking, the mentor, the peer group, the plan's next step, surveys to
# answer, messages when an app offers them — each card one tap away from the whole page it summarises.
# Context functions are called like the home sections' (`user`, `access`, `request`, `today`) and return None
# when the card does not concern this reader at all, or a context whose template shows an empty state ("No
# coming events. See what is open to you") when the card concerns them but has nothing yet. A card is a
# <section class="hub-card"> with an <h2>; keep it to a few lines and one or two links. The place "intro" is
# the greeting above the cards (the page's <h1>, registered by participants).
hub_sections = SectionRegistry("participant home", places=("intro", "main"))
