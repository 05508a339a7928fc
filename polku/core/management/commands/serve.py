"""`polku serve`: the web server. Django's development server under POLKU_DEBUG, gunicorn otherwise."""

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
            "--workers", type=int, default=2, help="gunicorn worker processes (production mode)"
        )

    def handle(self, *args, bind: str, workers: int, **options) -> None:
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
                "--access-logfile",
                "-",
            ],
        )
