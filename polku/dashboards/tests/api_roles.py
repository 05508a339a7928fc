from polku.testing.roles import STAFF_READ, Case

PROJECT = "/api/v1/projects/S29999"

CASES = [
    Case("dashboards-dashboard", lambda w: ("get", f"{PROJECT}/dashboard/", None), STAFF_READ),
    Case("dashboards-report", lambda w: ("get", f"{PROJECT}/report/", None), STAFF_READ),
    Case("dashboards-report-xlsx", lambda w: ("get", f"{PROJECT}/report.xlsx", None), STAFF_READ),
    Case("dashboards-report-csv", lambda w: ("get", f"{PROJECT}/report.csv", None), STAFF_READ),
    Case("dashboards-report-pdf", lambda w: ("get", f"{PROJECT}/report.pdf", None), STAFF_READ),
]
