"""Matching engines: mentor–mentee assignment with capacities, scores that explain themselves, diverse
group formation, an event's meeting schedule and networking rounds.

Nothing here imports Django: plain data in, plain data out, so the engines are tested, benchmarked and
called from the command line (`polku match assign|groups|schedule|rounds`) on their own. The Django apps
(mentoring, peer groups, employers, events) turn their rows into these plain structures and back.
"""
