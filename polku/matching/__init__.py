"""Matching engines: mentor–mentee assignment with capacities, scores that explain themselves, and
diverse group formation.

Nothing here imports Django: plain data in, plain data out, so the engines are tested, benchmarked and
called from the command line (`polku match assign`, `polku match groups`) on their own. The Django apps
(mentoring, peer groups, employers) turn their rows into these plain structures and back.
"""
