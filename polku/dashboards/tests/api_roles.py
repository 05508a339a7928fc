from polku.testing.roles import STAFF_READ, Case

PROJECT = "/api/v1/projects/S29999"

CASES = [
    Case("dashboards-dashboard", lambda w: ("get", f"{PROJECT}/dashboard/", None), STAFF_READ),
    Case("dashboards-report", lambda w: ("get", f"{PROJECT}/report/", None), STAFF_READ),
]
