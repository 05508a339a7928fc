"""Dashboard and funder report pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from django.urls import reverse

from polku.testing.roles import MEMBERS_WITHOUT_FIGURES, NON_MEMBERS

# Members who see counts: the lead, evaluators, admins (whole project) and coordinators (own partner);
# other members (mentors, employer representatives) are refused, non-members do not learn the project exists.
FIGURES = NON_MEMBERS | MEMBERS_WITHOUT_FIGURES

PAGES = {
    "dashboards_dashboard": (
        lambda w: reverse("dashboards:dashboard", args=[w.project.code]),
        FIGURES,
        200,
    ),
    "dashboards_report": (lambda w: reverse("dashboards:report", args=[w.project.code]), FIGURES, 200),
    "dashboards_report_xlsx": (
        lambda w: reverse("dashboards:report_download", args=[w.project.code, "xlsx"]),
        FIGURES,
        200,
    ),
    "dashboards_report_csv": (
        lambda w: reverse("dashboards:report_download", args=[w.project.code, "csv"]),
        FIGURES,
        200,
    ),
    "dashboards_report_pdf": (
        lambda w: reverse("dashboards:report_download", args=[w.project.code, "pdf"]),
        FIGURES,
        200,
    ),
}
