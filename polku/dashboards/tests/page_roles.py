from django.urls import reverse

from polku.testing.roles import NON_MEMBERS

# Members who see counts: the lead, evaluators, admins (whole project) and coordinators (own partner).
PAGES = {
    "dashboards_dashboard": (
        lambda w: reverse("dashboards:dashboard", args=[w.project.code]),
        NON_MEMBERS,
        200,
    ),
    "dashboards_report": (lambda w: reverse("dashboards:report", args=[w.project.code]), NON_MEMBERS, 200),
    "dashboards_report_xlsx": (
        lambda w: reverse("dashboards:report_download", args=[w.project.code, "xlsx"]),
        NON_MEMBERS,
        200,
    ),
    "dashboards_report_csv": (
        lambda w: reverse("dashboards:report_download", args=[w.project.code, "csv"]),
        NON_MEMBERS,
        200,
    ),
    "dashboards_report_pdf": (
        lambda w: reverse("dashboards:report_download", args=[w.project.code, "pdf"]),
        NON_MEMBERS,
        200,
    ),
}
