"""`polku serve`: the web server. Django's development server under POLKU_DEBUG, gunicorn otherwise.

gunicorn runs sync workers, one per core and one more by default (POLKU_WEB_WORKERS; POLKU_WEB_THREADS above
1 switches to threaded gthread workers). Measured with bench/load.py on 2 cores (docs/benchmarks.md,
"Load"): 3 sync workers served 63 requests/s to 200 users with no errors, while 4 gthread workers of 4
threads served 53/s with connection resets (a keep-alive race) and a p95 2.5 times longer: the pages are
CPU-bound, so threads add contention for the interpreter, not throughput. Each worker is replaced after
about 2,000 requests, so no slow leak grows for ever.
"""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from polku.core.pdf import static_fonts


class Command(BaseCommand):
    help = "Serve Polku over HTTP (default 127.0.0.1:8000)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.POLKU_WEB_WORKERS,
            help="gunicorn worker processes (production mode); default POLKU_WEB_WORKERS, two per core",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=settings.POLKU_WEB_THREADS,
            help="threads per worker process (production mode); default POLKU_WEB_THREADS",
        )

    def handle(self, *args, bind: str, workers: int, threads: int, **options) -> None:
        if settings.DEBUG:
            call_command("runserver", bind, use_reloader=False)
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        static_fonts()  # the PDF fonts' static instances, made once per machine (seconds), not in a request
        os.execvp(  # noqa: S606 — replaces this process with gunicorn
            sys.executable,
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--worker-class",
                "gthread" if threads > 1 else "sync",
                "--threads",
                str(threads),
                "--max-requests",
                "2000",
                "--max-requests-jitter",
                "200",
                "--access-logfile",
                "-",
            ],
        )
