"""The one table of environment variables Polku reads, with types and defaults.

`.env.example` lists the same names (a test keeps the two in step). Defaults are the
secure ones: DEBUG off, no hosts allowed, HTTPS cookies on unless DEBUG is set.
"""

from __future__ import annotations

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

# name: (type, default, what it is for)
SCHEMA: dict[str, tuple[type, object, str]] = {
    "POLKU_DEBUG": (bool, False, "Django debug mode; never in production"),
    "POLKU_SECRET_KEY": (str, "", "Secret key; required unless POLKU_DEBUG is on"),
    "POLKU_ALLOWED_HOSTS": (list, [], "Host names the site answers to, comma-separated"),
    "POLKU_CSRF_TRUSTED_ORIGINS": (list, [], "Origins trusted for CSRF, e.g. https://polku.example.fi"),
    "DATABASE_URL": (
        str,
        f"sqlite:///{BASE_DIR / 'var' / 'polku.sqlite3'}",
        "Database; SQLite by default, postgres://… in production",
    ),
    "POLKU_TASK_BACKEND": (
        str,
        "database",
        "Task queue: database (default), rq (Redis) or immediate (tests)",
    ),
    "REDIS_URL": (str, "redis://127.0.0.1:6379/0", "Redis for the rq task backend and the shared cache"),
    "POLKU_CACHE": (
        str,
        "database",
        "Cache shared by every process (log-in rate limits): database (default), redis, or locmem (one process only)",
    ),
    "EMAIL_URL": (
        str,
        "consolemail://",
        "E-mail transport; consolemail:// prints, smtp+tls://user:pass@host:587 sends",
    ),
    "EMAIL_TIMEOUT": (
        int,
        20,
        "Seconds to wait for the mail server at each step before the e-mail fails (and is tried again)",
    ),
    "POLKU_TASK_STALE_SECONDS": (
        int,
        120,
        "A task whose worker has not been heard from for this long is lost and tried again",
    ),
    "POLKU_TASK_RETRY_DELAYS": (
        list,
        ["60", "300", "1500"],
        "Seconds before each automatic retry of a lost (or failed e-mail) task; their number is the limit",
    ),
    "POLKU_HTTP_TIMEOUT": (int, 10, "Seconds to wait for other servers (OIDC sign-in) before giving up"),
    "POLKU_PRH_CHECK": (
        bool,
        False,
        "Look Finnish business IDs up in the business register's open data (PRH) when a company is recorded",
    ),
    "POLKU_PRH_URL": (
        str,
        "https://avoindata.prh.fi/opendata-ytj-api/v3/companies",
        "The PRH open-data companies endpoint (used only with POLKU_PRH_CHECK)",
    ),
    "POLKU_FROM_EMAIL": (str, "Polku <no-reply@polku.invalid>", "Sender of outgoing e-mail"),
    "POLKU_MEETING_ROOM_BASE": (
        str,
        "https://meet.jit.si/",
        "Video-meeting server for generated event room links (a Jitsi server's address)",
    ),
    "POLKU_SITE_URL": (
        str,
        "http://127.0.0.1:8000",
        "Public address of the site, for links in scheduled e-mails",
    ),
    "POLKU_SECURE_SSL": (
        bool,
        True,
        "Redirect to HTTPS, HSTS and secure cookies (turned off when POLKU_DEBUG is on)",
    ),
    "POLKU_HSTS_SECONDS": (int, 31536000, "HSTS max-age in seconds when POLKU_SECURE_SSL is on"),
    "POLKU_MFA_REQUIRED_FOR_STAFF": (
        bool,
        True,
        "Staff roles must set up TOTP before they reach personal data",
    ),
    "POLKU_OIDC_ENABLED": (bool, False, "Offer sign-in through an OIDC broker (Suomi.fi via Keycloak)"),
    "POLKU_OIDC_SERVER_URL": (str, "", "OIDC issuer URL, e.g. https://sso.example.fi/realms/polku"),
    "POLKU_OIDC_CLIENT_ID": (str, "", "OIDC client id"),
    "POLKU_OIDC_CLIENT_SECRET": (str, "", "OIDC client secret"),
    "POLKU_OIDC_NAME": (str, "Suomi.fi", "Name of the OIDC sign-in button"),
    "POLKU_IMPORT_MAX_BYTES": (int, 5 * 1024 * 1024, "Largest participant list file accepted for import"),
    "POLKU_CV_MAX_BYTES": (
        int,
        5 * 1024 * 1024,
        "Largest CV file (PDF, DOCX, TXT) accepted for skill suggestions",
    ),
    "POLKU_UPLOAD_MAX_UNPACKED": (
        int,
        50 * 1024 * 1024,
        "Largest unpacked size (all parts together) of an uploaded XLSX workbook or DOCX document",
    ),
    "POLKU_UPLOAD_MAX_PART": (
        int,
        20 * 1024 * 1024,
        "Largest unpacked size of one part of an uploaded XLSX or DOCX",
    ),
    "POLKU_UPLOAD_MAX_RATIO": (
        int,
        100,
        "Largest ratio of unpacked to packed size of a part (over 1 MB) of an uploaded ZIP (compression bombs)",
    ),
    "POLKU_UPLOAD_MAX_PARTS": (
        int,
        1000,
        "Most parts (files inside the ZIP) an uploaded XLSX, DOCX or ZIP may hold",
    ),
    "POLKU_SHEET_MAX_CELLS": (
        int,
        150000,
        "Most cells in one sheet of an uploaded workbook (participant import)",
    ),
    "POLKU_SHEET_MAX_CELL_CHARS": (int, 1000, "Most characters in one cell of an uploaded participant list"),
    "POLKU_ESCO_MAX_UNPACKED": (int, 1024 * 1024 * 1024, "Largest unpacked size of an ESCO download zip"),
    "POLKU_IMPORT_INLINE_ROWS": (
        int,
        200,
        "Participant lists with more rows are checked and imported by the task worker, with progress shown",
    ),
    "POLKU_IMPORT_TASK_SECONDS": (
        int,
        600,
        "Time limit of checking or importing one participant list in the task worker",
    ),
    "POLKU_SUPPRESSION_THRESHOLD": (
        int,
        5,
        "Indicator cells below this are hidden from leads and evaluators (small-cell suppression)",
    ),
    "POLKU_LOG_LEVEL": (str, "INFO", "Log level of Polku's own loggers"),
    "POLKU_SENTRY_DSN": (
        str,
        "",
        "Send unhandled errors to Sentry (or a Sentry-compatible service such as GlitchTip) at this DSN; "
        "empty: off",
    ),
    "POLKU_SENTRY_ENVIRONMENT": (str, "production", "Environment name reported to Sentry"),
    "POLKU_ESCO_AUTOLOAD": (
        bool,
        True,
        "Load the shipped ESCO v1.1.1 after `migrate` when the ESCO tables are empty",
    ),
    "POLKU_SKILLS_MODEL": (
        str,
        "",
        "Folder of a local sentence-transformers model for skill suggestions (needs polku[semantic]); "
        "empty: the shipped static embedding",
    ),
    "POLKU_SKILLS_CACHE": (str, "", "Folder for the concept vectors of POLKU_SKILLS_MODEL; empty: none kept"),
    "POLKU_REPORT_BACKGROUND_OVER": (
        int,
        20000,
        "A funder report file of a project with more participations than this is made as a background job",
    ),
    "POLKU_JOB_FILE_HOURS": (int, 72, "Hours a background job's file is kept for download before removal"),
    "POLKU_EMAIL_KEEP_DAYS": (
        int,
        90,
        "Days the record of a sent or failed e-mail (to, subject, when) is kept",
    ),
    "POLKU_WEB_WORKERS": (int, 0, "polku serve: gunicorn worker processes; 0: one per core and one more"),
    "POLKU_WEB_THREADS": (int, 1, "polku serve: threads per worker process; 1: sync workers"),
    "POLKU_TRUSTED_PROXY_COUNT": (
        int,
        0,
        "Reverse proxies in front of Polku whose X-Forwarded-For is trusted (rate limits, audit IPs)",
    ),
}


def load() -> environ.Env:
    env = environ.Env(**{name: (kind, default) for name, (kind, default, _) in SCHEMA.items()})
    env_file = BASE_DIR / ".env"
    if env_file.exists():
        environ.Env.read_env(str(env_file), overwrite=False)
    return env
