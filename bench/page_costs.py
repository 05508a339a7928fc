"""What one page of the load mix (bench/load.py) costs the server: time and SQL queries per request.

Runs Django's test client in this process against the configured database (no HTTP server, no load
generator), so the figures are the server's own work per page, the quantity that decides how many
requests per second two cores serve. Use the load database of docs/benchmarks.md, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polku_load POLKU_MFA_REQUIRED_FOR_STAFF=false \
        python bench/page_costs.py --repeat 30 [--profile /participants/me/]

Prints, per page, the median and 90th-percentile milliseconds and the number of SQL queries; with
--profile, the 25 functions of that page with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("POLKU_ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

SIGN_INS = {
    "coordinator": "coordinator.tamk@polku.example",
    "lead": "admin@polku.example",
    "participant": "oksana.melnyk@polku.example",
}


class SecureClient(Client):
    """Requests over https, as production mode asks (it redirects plain http)."""

    def get(self, path, *args, **kwargs):  # type: ignore[override]
        return super().get(path, *args, secure=True, **kwargs)


def client_of(email: str) -> Client:
    client = SecureClient()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def pages(clients: dict[str, Client]) -> list[tuple[str, str]]:
    listing = clients["coordinator"].get("/participants/").content.decode()
    person = re.findall(r'href="/participants/(\d+)/"', listing)[0]
    projects = clients["lead"].get("/projects/").content.decode()
    code = sorted(set(re.findall(r'href="/projects/([A-Za-z0-9-]+)/"', projects)) - {"new"})[0]
    events = clients["participant"].get("/events/").content.decode()
    event = (re.findall(r'href="/events/(\d+)/"', events) or [None])[0]
    found = [
        ("coordinator", "/participants/"),
        ("coordinator", "/participants/?q=an"),
        ("coordinator", f"/participants/{person}/"),
        ("coordinator", "/projects/"),
        ("coordinator", "/"),
        ("lead", f"/projects/{code}/dashboard/"),
        ("participant", "/participants/me/"),
        ("participant", "/events/"),
    ]
    if event:
        found.append(("participant", f"/events/{event}/"))
    return found


def measure(client: Client, path: str, repeat: int) -> tuple[float, float, int]:
    client.get(path)  # warm caches
    times = []
    for _ in range(repeat):
        reset_queries()
        start = time.perf_counter()
        answer = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, (path, answer.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", help="a path of the mix to profile")
    args = parser.parse_args()
    clients = {role: client_of(email) for role, email in SIGN_INS.items()}
    mix = pages(clients)
    print(f"{'role':<12} {'page':<36} {'median ms':>10} {'p90 ms':>8} {'queries':>8}")
    for role, path in mix:
        median, p90, queries = measure(clients[role], path, args.repeat)
        print(f"{role:<12} {path:<36} {median:>10.1f} {p90:>8.1f} {queries:>8}")
    if args.profile:
        role = next(r for r, p in mix if p == args.profile)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            clients[role].get(args.profile)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
            int(os.environ.get("TOP", "25"))
        )


if __name__ == "__main__":
    main()
