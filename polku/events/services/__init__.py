"""Writes about events, in modules by sub-domain (`from polku.events.services import events`):

- `events`: the event, series, speakers and questions, set up by the organisers
- `registrations`: registration, waitlist and offers, cancellation, reminders, check-in and attendance
- `meetings`: 1:1 meetings at an event: profiles, suggestions, requests, scheduling, agenda
- `rounds`: networking rounds of online events
"""
