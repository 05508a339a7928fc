"""Load scenario (locust): coordinators, a project lead and participants using Polku at the same time.

Run against a server in production mode with demo data (docs/benchmarks.md, "Load"), e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polku_load POLKU_ALLOWED_HOSTS=127.0.0.1 \
        POLKU_MFA_REQUIRED_FOR_STAFF=false polku serve --bind 127.0.0.1:8000 &
    locust -f bench/load.py --headless --host http://127.0.0.1:8000 -u 200 -r 20 -t 90s --only-summary

What each simulated person does, with a think time of 1–3 s between requests:
- a coordinator (6 in 10): the participant list, a search in it, a participant's page, the project list;
- the project lead (1 in 10): the project dashboard;
- a participant (3 in 10): their own page, the events list and an event's page, and registering for an
  event (a second registration of the same person is refused with a message: still a full request).

The demo's accounts sign in once each when the run starts (`SIGN_INS`), and every simulated person of a
role reuses that session: 200 simulated users are not 200 log-ins, which the log-in throttle would
rightly refuse from one address. At the end the script prints the machine's load average beside
locust's own table (requests/s, failures, median and 95th percentile).
"""

from __future__ import annotations

import os
import random
import re

import requests
from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("POLKU_DEMO_PASSWORD", "polku-demo-2025")
SIGN_INS = {
    "coordinator": os.environ.get("LOAD_COORDINATOR", "coordinator.tamk@polku.example"),
    "lead": os.environ.get("LOAD_LEAD", "admin@polku.example"),
    "participant": os.environ.get("LOAD_PARTICIPANT", "oksana.melnyk@polku.example"),
}
SEARCHES = ("an", "ko", "mar", "li", "sa")
SESSIONS: dict[str, dict[str, str]] = {}
FOUND: dict[str, list[str]] = {"participants": [], "events": [], "projects": []}


def _sign_in(host: str, email: str) -> dict[str, str]:
    session = requests.Session()
    page = session.get(f"{host}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if token is None:
        raise RuntimeError("no sign-in form at /accounts/login/")
    answer = session.post(
        f"{host}/accounts/login/",
        data={"csrfmiddlewaretoken": token.group(1), "login": email, "password": PASSWORD},
        headers={"Referer": f"{host}/accounts/login/"},
        timeout=30,
    )
    if "sessionid" not in session.cookies:
        raise RuntimeError(f"{email} could not sign in ({answer.status_code})")
    return session.cookies.get_dict()


@events.test_start.add_listener
def _sign_in_everyone(environment, **_kwargs) -> None:
    host = environment.host.rstrip("/")
    for role, email in SIGN_INS.items():
        SESSIONS[role] = _sign_in(host, email)
    coordinator = requests.Session()
    coordinator.cookies.update(SESSIONS["coordinator"])
    listing = coordinator.get(f"{host}/participants/", timeout=30).text
    FOUND["participants"] = sorted(set(re.findall(r'href="/participants/(\d+)/"', listing)))
    lead = requests.Session()
    lead.cookies.update(SESSIONS["lead"])
    codes = set(
        re.findall(r'href="/projects/([A-Za-z0-9-]+)/"', lead.get(f"{host}/projects/", timeout=30).text)
    )
    FOUND["projects"] = sorted(codes - {"new"})  # "new" is the new-project page, not a code
    participant = requests.Session()
    participant.cookies.update(SESSIONS["participant"])
    events_page = participant.get(f"{host}/events/", timeout=30).text
    FOUND["events"] = sorted(set(re.findall(r'href="/events/(\d+)/"', events_page)))
    print("found:", {key: len(values) for key, values in FOUND.items()})


@events.quitting.add_listener
def _load_average(environment, **_kwargs) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"load average at the end: {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)")


class _SignedIn(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    role = ""

    def on_start(self) -> None:
        self.client.cookies.update(SESSIONS[self.role])
        self.csrf = SESSIONS[self.role].get("csrftoken", "")


class Coordinator(_SignedIn):
    weight = 6
    role = "coordinator"

    @task(3)
    def participant_list(self) -> None:
        self.client.get("/participants/", name="/participants/")

    @task(2)
    def search(self) -> None:
        self.client.get(f"/participants/?q={random.choice(SEARCHES)}", name="/participants/?q=")

    @task(3)
    def participant_page(self) -> None:
        if FOUND["participants"]:
            pk = random.choice(FOUND["participants"])
            self.client.get(f"/participants/{pk}/", name="/participants/<pk>/")

    @task(1)
    def projects(self) -> None:
        self.client.get("/projects/", name="/projects/")


class Lead(_SignedIn):
    weight = 1
    role = "lead"

    @task
    def dashboard(self) -> None:
        if FOUND["projects"]:
            code = random.choice(FOUND["projects"])
            self.client.get(f"/projects/{code}/dashboard/", name="/projects/<code>/dashboard/")


class Participant(_SignedIn):
    weight = 3
    role = "participant"

    @task(3)
    def own_page(self) -> None:
        self.client.get("/participants/me/", name="/participants/me/")

    @task(2)
    def events_list(self) -> None:
        self.client.get("/events/", name="/events/")

    @task(1)
    def register(self) -> None:
        if not FOUND["events"]:
            return
        pk = random.choice(FOUND["events"])
        self.client.get(f"/events/{pk}/", name="/events/<pk>/")
        with self.client.post(
            f"/events/{pk}/register/",
            data={"csrfmiddlewaretoken": self.csrf},
            headers={"Referer": f"{self.host}/events/{pk}/", "X-CSRFToken": self.csrf},
            name="/events/<pk>/register/",
            catch_response=True,
        ) as answer:
            # registered (redirect), or refused with the reason on the form (400: already registered,
            # registration closed): both are whole answers; only a server error or no answer fails
            if answer.status_code in (200, 302, 400):
                answer.success()
