"""Old against new dashboard selectors on the same data: results, page bodies and alternate timings.

    git show main:polku/dashboards/selectors.py > /tmp/old_selectors.py
    DATABASE_URL=postgres://... RUNS=10 python bench/dashboard_compare.py /tmp/old_selectors.py

Expects the database of bench/indicators.py (`--single-project 100000`, project S21307). Compares the
`dashboard_get` results of the old module and the current one for the lead, a coordinator and an
evaluator under eight filters, and the bodies of the dashboard page, its API and the funder report (CSRF
token and generation time removed), then requests each page RUNS times with old and new alternately
(the old module patched into the views) and prints the medians with the 1-minute load. Prints figures;
it is not a test.
"""

import datetime as dt
import importlib.util
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django

django.setup()
from unittest import mock  # noqa: E402

from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

import polku.dashboards.report as report  # noqa: E402
import polku.dashboards.selectors as new  # noqa: E402
import polku.dashboards.views as views  # noqa: E402
from polku.accounts.access import access_for  # noqa: E402
from polku.accounts.models import Membership, Role  # noqa: E402
from polku.projects.models import Project  # noqa: E402

spec = importlib.util.spec_from_file_location("old_selectors", sys.argv[1])
old = importlib.util.module_from_spec(spec)
sys.modules["old_selectors"] = old
spec.loader.exec_module(old)


def plain(board):
    def fig(f):
        return f.value

    return (
        {k: fig(v) for k, v in board.funnel.items()},
        [(r.label, r.country, {k: fig(v) for k, v in r.stages.items()}) for r in board.partner_rows],
        [(r.label, {k: fig(v) for k, v in r.stages.items()}) for r in board.country_rows],
        [(t.target.pk, fig(t.actual), t.percent) for t in board.targets],
        [(w.label, fig(w.activities), fig(w.participants)) for w in board.work_packages],
        [(m.month, {k: fig(v) for k, v in m.kinds.items()}, fig(m.total)) for m in board.months],
        {k: fig(v) for k, v in board.kind_totals.items()},
        fig(board.outcome_total),
        board.any_hidden,
        board.scope.partner_ids,
        board.scope.exact,
    )


project = Project.objects.get(code="S21307")
readers = {}
for role in (Role.PROJECT_LEAD, Role.COORDINATOR, Role.EVALUATOR):
    m = Membership.objects.filter(role=role, project=project).select_related("user").first()
    if m:
        readers[role] = m.user
print("readers:", {str(k): v.email for k, v in readers.items()})
F = new.Filters
filters = [
    F(),
    F(period_from=dt.date(2020, 1, 1)),
    F(period_to=dt.date(2021, 6, 30)),
    F(period_from=dt.date(2019, 3, 1), period_to=dt.date(2022, 2, 28)),
    F(partner_id=2),
    F(country="FI"),
    F(country="SE"),
    F(partner_id=1, period_to=dt.date(2018, 12, 31)),
]
same = 0
for role, user in readers.items():
    access = access_for(user)
    for f in filters:
        oldf = old.Filters(**f.__dict__)
        try:
            a = plain(old.dashboard_get(access=access, project=project, filters=oldf))
        except Exception as e:
            a = repr(e)
        try:
            b = plain(new.dashboard_get(access=access, project=project, filters=f))
        except Exception as e:
            b = repr(e)
        if a != b:
            print("DIFF", role, f)
            print(" old", a)
            print(" new", b)
        else:
            same += 1
print(f"dashboard objects identical: {same} of {len(readers) * len(filters)}")

plain_static = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def scrub(body):
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    body = re.sub(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", "T", body)
    body = re.sub(r"\"X-CSRFToken\": \"[^\"]+\"", "", body)
    body = re.sub(
        r"\d{1,2}\.\d{1,2}\.\d{4} (klo )?\d{1,2}[.:]\d{2}(:\d{2})?|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?[^<\"]*|\d{1,2} [A-Z][a-z]+ \d{4},? \d{1,2}:\d{2}|[A-Z][a-z]+\.? \d{1,2}, \d{4},? \d{1,2}:\d{2}( [ap]\.m\.)?",
        "T",
        body,
    )
    return body


runs = int(os.environ.get("RUNS", "5"))
with override_settings(STORAGES=plain_static):
    c = Client()
    c.force_login(readers[Role.PROJECT_LEAD])
    paths = [
        f"/projects/{project.code}/dashboard/",
        f"/projects/{project.code}/dashboard/?period_to=2021-06-30",
        f"/api/v1/projects/{project.code}/dashboard/",
        f"/projects/{project.code}/report/",
    ]
    times = {}
    for path in paths:
        bodies = {}
        for version, module in (("old", old), ("new", new)):
            with (
                mock.patch.object(views, "dashboard_get", module.dashboard_get),
                mock.patch.object(report, "dashboard_get", module.dashboard_get),
                mock.patch("polku.dashboards.api.dashboard_get", module.dashboard_get, create=True),
            ):
                r = c.get(path)
                assert r.status_code == 200, (path, r.status_code)
                bodies[version] = scrub(r.content.decode())
        print(path, "bodies identical" if bodies["old"] == bodies["new"] else "BODIES DIFFER")
        if bodies["old"] != bodies["new"]:
            import difflib

            print(
                "\n".join(
                    list(
                        difflib.unified_diff(
                            bodies["old"].splitlines(), bodies["new"].splitlines(), lineterm=""
                        )
                    )[:40]
                )
            )
    for path in paths:
        for i in range(runs + 1):
            for version, module in (("old", old), ("new", new)):
                with (
                    mock.patch.object(views, "dashboard_get", module.dashboard_get),
                    mock.patch.object(report, "dashboard_get", module.dashboard_get),
                    mock.patch("polku.dashboards.api.dashboard_get", module.dashboard_get, create=True),
                ):
                    t = time.perf_counter()
                    c.get(path)
                    e = time.perf_counter() - t
                if i:
                    times.setdefault((path, version), []).append((e, os.getloadavg()[0]))
    print("| what | load (1 min) | old ms | new ms |")
    for path in paths:
        o, n = times[(path, "old")], times[(path, "new")]
        loads = [load for _, load in o + n]
        print(
            f"| `{path}` | {min(loads):.1f}–{max(loads):.1f} | {statistics.median(x for x, _ in o) * 1000:.0f} | {statistics.median(x for x, _ in n) * 1000:.0f} |"
        )
