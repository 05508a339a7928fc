"""Django settings: every value comes from the table in config/env.py."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, load
from polku.core.requestid import init_sentry

env = load()

DEBUG = env("POLKU_DEBUG")
SECRET_KEY = env("POLKU_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("POLKU_SECRET_KEY must be set when POLKU_DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105
ALLOWED_HOSTS = env("POLKU_ALLOWED_HOSTS") or (["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env("POLKU_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "polku.accounts",  # before allauth: its templates override allauth's layout and pages
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "polku.core",
    "polku.audit",
    "polku.operations",
    "polku.organisations",
    "polku.projects",
    "polku.participants",
    "polku.activities",
    "polku.consent",
    "polku.registration",
    "polku.imports",
    "polku.outcomes",
    "polku.guidance",
    "polku.entrepreneurship",
    "polku.privacy",
    "polku.knowledge",
    "polku.mentoring",
    "polku.mentordays",
    "polku.peergroups",
    "polku.reporting",
    "polku.dashboards",
    "polku.search",
    "polku.surveys",
    "polku.esco",
    "polku.competences",
    "polku.assessments",
    "polku.learning",
    "polku.events",
    "polku.community",
    "polku.employers",
    "polku.demo",
]

MIDDLEWARE = [
    "polku.core.middleware.RequestIdMiddleware",  # first: every response and log line gets the id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "polku.core.headers.ResponseHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "polku.core.middleware.RejectNulMiddleware",  # after locale: the 400 is in the user's language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "polku.core.middleware.RequestContextMiddleware",
    "polku.accounts.middleware.StaffMfaMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "polku" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "polku.accounts.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = 0 if DATABASES["default"]["ENGINE"].endswith("sqlite3") else 60
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    (BASE_DIR / "var").mkdir(exist_ok=True)
    # WAL lets the worker and the web process use the file at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# allauth: e-mail log-in, verified e-mail, built-in rate limits on log-in and reset.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_ALLOW_SIGNUPS = False  # people join through a project's registration link or an import
ACCOUNT_ADAPTER = "polku.accounts.adapters.AccountAdapter"
# Failed log-ins (decision 0062): per address (10 a minute, 60 an hour) and per account *and* address
# (5 in 15 minutes; polku.accounts.adapters keys it so), so a stranger cannot lock the owner out; and per
# account from every address together (100 an hour), the cap on guessing spread over many addresses.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,60/h/ip,5/15m/key",
    "login_failed_account": "100/h/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Polku"
MFA_TOTP_TOLERANCE = 1  # accept the neighbouring 30-second step: phone clocks drift
POLKU_TRUSTED_PROXY_COUNT = env("POLKU_TRUSTED_PROXY_COUNT")
ALLAUTH_TRUSTED_PROXY_COUNT = POLKU_TRUSTED_PROXY_COUNT
POLKU_MFA_REQUIRED_FOR_STAFF = env("POLKU_MFA_REQUIRED_FOR_STAFF")

SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = env("POLKU_HTTP_TIMEOUT")  # OIDC discovery, token and user-info calls
SOCIALACCOUNT_PROVIDERS: dict = {}
if env("POLKU_OIDC_ENABLED"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "polku-oidc",
                "name": env("POLKU_OIDC_NAME"),
                "client_id": env("POLKU_OIDC_CLIENT_ID"),
                "secret": env("POLKU_OIDC_CLIENT_SECRET"),
                "settings": {"server_url": env("POLKU_OIDC_SERVER_URL")},
            }
        ],
    }

# Languages: Finnish, Swedish, English; content falls back fi → sv → en.
LANGUAGE_CODE = "en"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "polku" / "locale"]
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["polku.formats"]
TIME_ZONE = "Europe/Helsinki"
LANGUAGE_COOKIE_NAME = "polku_language"
LANGUAGE_COOKIE_SECURE = not DEBUG and env("POLKU_SECURE_SSL")
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing root
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = BASE_DIR / "var" / "media"

# Cache: log-in rate-limit counters and used TOTP codes live here, so every web process must see the same
# one (decision 0062): the database (default; no other server, `polku migrate` makes its table) or Redis.
# locmem is one process's memory: several processes would each count on their own.
POLKU_DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "polku_cache",
    # culling drops live entries once the table is full: room for many counters at once
    "OPTIONS": {"MAX_ENTRIES": 50_000},
}
_caches = {
    "database": POLKU_DATABASE_CACHE,
    "redis": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
        "OPTIONS": {
            "socket_connect_timeout": env("POLKU_HTTP_TIMEOUT"),
            "socket_timeout": env("POLKU_HTTP_TIMEOUT"),
        },
    },
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
if env("POLKU_CACHE") not in _caches:
    raise ImproperlyConfigured("POLKU_CACHE must be database, redis or locmem.")
CACHES = {"default": _caches[env("POLKU_CACHE")]}

# Background work through Django's tasks API (the django-tasks backport on 5.2).
_task_backend = env("POLKU_TASK_BACKEND")
RQ_QUEUES = {"default": {"URL": env("REDIS_URL")}}
if _task_backend == "rq":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif _task_backend == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif _task_backend == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured("POLKU_TASK_BACKEND must be database, rq or immediate.")

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
EMAIL_TIMEOUT = env("EMAIL_TIMEOUT")  # one mail server that does not answer must not stall the queue
# Recovery of tasks whose worker died (polku.core.recovery, decision 0059).
POLKU_TASK_STALE_SECONDS = env("POLKU_TASK_STALE_SECONDS")
POLKU_TASK_RETRY_DELAYS = [int(s) for s in env("POLKU_TASK_RETRY_DELAYS")]
POLKU_HTTP_TIMEOUT = env("POLKU_HTTP_TIMEOUT")
POLKU_PRH_CHECK = env("POLKU_PRH_CHECK")
POLKU_PRH_URL = env("POLKU_PRH_URL")
DEFAULT_FROM_EMAIL = env("POLKU_FROM_EMAIL")
POLKU_SITE_URL = env("POLKU_SITE_URL").rstrip("/")
POLKU_MEETING_ROOM_BASE = env("POLKU_MEETING_ROOM_BASE")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: secure unless DEBUG.
_secure = env("POLKU_SECURE_SSL") and not DEBUG
SECURE_SSL_REDIRECT = _secure
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = _secure
CSRF_COOKIE_SECURE = _secure
SECURE_HSTS_SECONDS = env("POLKU_HSTS_SECONDS") if _secure else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _secure
SECURE_HSTS_PRELOAD = _secure
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): scripts and styles only from Polku's own static files, no inline
# script, style or event handler (a test scans the templates). The API docs page relaxes style-src
# (config/urls.py). Sign-in through OIDC posts a form that redirects to the broker: form-action names it.
# Permissions-Policy and Cache-Control: polku.core.headers.
_form_action = [SELF]
if env("POLKU_OIDC_ENABLED") and env("POLKU_OIDC_SERVER_URL"):
    _oidc = urlsplit(env("POLKU_OIDC_SERVER_URL"))
    _form_action.append(f"{_oidc.scheme}://{_oidc.netloc}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": _form_action,
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "polku.core.schema.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "polku.core.api.Pagination",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "polku.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Polku API",
    "DESCRIPTION": "Projects, partners, participants, entry data and consents. Same access rules as the pages.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "polku.core.schema.add_error_responses",
    ],
    # Choice sets used under several field names get one name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "ActivityKindEnum": "polku.activities.models.Activity.Kind",
        "IndicatorSetEnum": ["esf_plus_2021", "esf_2014"],
        "ErasureStatusEnum": "polku.privacy.models.ErasureRequest.Status",
        "KnowledgeStatusEnum": "polku.knowledge.models.Status",
        "EvaluationKindEnum": "polku.knowledge.models.EvaluationNote.Kind",
        "HandbookKindEnum": "polku.knowledge.models.HandbookPage.Kind",
        "AnswerEnum": "polku.participants.models.Answer",
        "ExitStatusEnum": "polku.outcomes.models.ExitStatus",
        "LabourStatusEnum": "polku.participants.models.LabourStatus",
        "FollowUpStatusEnum": "polku.outcomes.models.FollowUp.Status",
        "OutcomeKindEnum": "polku.outcomes.models.Outcome.Kind",
        "GuidanceKindEnum": "polku.guidance.models.Kind",
        "GuidanceChannelEnum": "polku.guidance.models.Channel",
        # the participation's channel kept its name when guidance added a second "channel"
        "ChannelEnum": "polku.participants.models.Participation.Channel",
        "GuidanceTopicEnum": "polku.guidance.models.Topic",
        "NextStepOwnerEnum": "polku.guidance.models.NextStep.Owner",
        "SourceEnum": "polku.outcomes.models.Source",
        "LanguageEnum": "polku.core.models.Language",
        "InvitationStatusEnum": "polku.accounts.models.Invitation.Status",
        "OrganisationKindEnum": "polku.organisations.models.Organisation.Kind",
        "PurposeEnum": "polku.consent.models.Purpose",
        "MentoringKindEnum": "polku.mentoring.models.Kind",
        "MentoringSideEnum": "polku.mentoring.models.Side",
        "MentoringProgrammeStatusEnum": "polku.mentoring.models.MentoringProgramme.Status",
        "MentoringProposalStatusEnum": "polku.mentoring.models.Proposal.Status",
        "MentorshipStatusEnum": "polku.mentoring.models.Mentorship.Status",
        "MentorshipResponseEnum": "polku.mentoring.models.Mentorship.Response",
        "MentoringSessionStatusEnum": "polku.mentoring.models.Session.Status",
        "MentoringGoalStatusEnum": "polku.mentoring.models.Goal.Status",
        "MentorDayStatusEnum": "polku.mentordays.models.MentorDay.Status",
        "BusinessIdeaStageEnum": "polku.entrepreneurship.models.Stage",
        "TransferListingStatusEnum": "polku.entrepreneurship.models.TransferListing.Status",
        "TransferIntroductionStatusEnum": "polku.entrepreneurship.models.Introduction.Status",
        "ExperimentResultEnum": "polku.entrepreneurship.models.Experiment.Result",
        "SparringReadinessEnum": "polku.entrepreneurship.models.Readiness",
        "CompanyHowEnum": "polku.entrepreneurship.models.Company.How",
        "CompanyFormEnum": "polku.entrepreneurship.models.CompanyForm",
        "CapitalBandEnum": "polku.entrepreneurship.models.CapitalBand",
        "SuccessionTimelineEnum": "polku.entrepreneurship.models.Timeline",
        "EventKindEnum": "polku.events.models.Event.Kind",
        "TalentNeedKindEnum": "polku.employers.models.NeedKind",
        "TalentNeedStatusEnum": "polku.employers.models.TalentNeed.Status",
        "TalentNeedModeEnum": "polku.employers.models.WorkMode",
        "EmployerIntroductionStatusEnum": "polku.employers.models.Introduction.Status",
        "EmployerIntroductionResultEnum": "polku.employers.models.Introduction.Result",
        "EmployerIntroductionSideEnum": "polku.employers.models.Introduction.Side",
        "CooperationKindEnum": "polku.employers.models.CooperationEntry.Kind",
        "CooperationWayEnum": "polku.employers.models.Way",
        "EventStatusEnum": "polku.events.models.Event.Status",
        "EventAudienceEnum": "polku.events.models.Event.Audience",
        "EventQuestionKindEnum": "polku.events.models.Question.Kind",
        "EventRegistrationStatusEnum": "polku.events.models.Registration.Status",
        "EventAttendanceEnum": "polku.events.models.Registration.Attendance",
        "EventMeetingRequestStatusEnum": "polku.events.models.MeetingRequest.Status",
        "EventMeetingStatusEnum": "polku.events.models.Meeting.Status",
        "EventIntentEnum": "polku.events.models.Intent",
        "CommunityAudienceEnum": "polku.community.models.Audience",
        "CommunityContactAudienceEnum": "polku.community.models.CONTACT_AUDIENCE_CHOICES",
        "CommunityNotifyEnum": "polku.community.models.Notify",
        "BookingStatusEnum": "polku.mentordays.models.Booking.Status",
        "WaitlistStatusEnum": "polku.mentordays.models.WaitlistEntry.Status",
        "AttendanceEnum": "polku.mentordays.models.ATTENDANCE_CHOICES",
        "EscoConceptKindEnum": "polku.esco.models.Concept.Kind",
        "CefrLevelEnum": "polku.participants.models.Cefr",
        "IscedLevelEnum": "polku.participants.models.Isced",
        "CompetencesTextLanguageEnum": "polku.competences.api.LANGUAGE_CHOICES",
        "LearningKindEnum": "polku.learning.models.LearningOpportunity.Kind",
        "LearningModeEnum": "polku.learning.models.Mode",
        "LearningPlanStatusEnum": "polku.learning.models.Plan.Status",
        "LearningItemStatusEnum": "polku.learning.models.PlanItem.Status",
        "LearningMilestoneStatusEnum": "polku.learning.models.Milestone.Status",
        "MentoringModeEnum": "polku.mentoring.models.MentoringProgramme.Mode",
    },
}

POLKU_IMPORT_MAX_BYTES = env("POLKU_IMPORT_MAX_BYTES")
POLKU_CV_MAX_BYTES = env("POLKU_CV_MAX_BYTES")
# Uploaded archives are checked before any parser opens them (polku.core.uploads, decision 0058).
POLKU_UPLOAD_MAX_UNPACKED = env("POLKU_UPLOAD_MAX_UNPACKED")
POLKU_UPLOAD_MAX_PART = env("POLKU_UPLOAD_MAX_PART")
POLKU_UPLOAD_MAX_RATIO = env("POLKU_UPLOAD_MAX_RATIO")
POLKU_UPLOAD_MAX_PARTS = env("POLKU_UPLOAD_MAX_PARTS")
POLKU_SHEET_MAX_CELLS = env("POLKU_SHEET_MAX_CELLS")
POLKU_SHEET_MAX_CELL_CHARS = env("POLKU_SHEET_MAX_CELL_CHARS")
POLKU_ESCO_MAX_UNPACKED = env("POLKU_ESCO_MAX_UNPACKED")
POLKU_IMPORT_INLINE_ROWS = env("POLKU_IMPORT_INLINE_ROWS")
POLKU_IMPORT_TASK_SECONDS = env("POLKU_IMPORT_TASK_SECONDS")
POLKU_SUPPRESSION_THRESHOLD = env("POLKU_SUPPRESSION_THRESHOLD")
POLKU_REPORT_BACKGROUND_OVER = env("POLKU_REPORT_BACKGROUND_OVER")
# polku serve (production mode): gunicorn's threaded workers, sized to the machine (docs/benchmarks.md, "Load")
POLKU_WEB_WORKERS = env("POLKU_WEB_WORKERS") or (os.cpu_count() or 1) + 1
POLKU_WEB_THREADS = env("POLKU_WEB_THREADS")
POLKU_JOB_FILE_HOURS = env("POLKU_JOB_FILE_HOURS")
POLKU_EMAIL_KEEP_DAYS = env("POLKU_EMAIL_KEEP_DAYS")
POLKU_ESCO_AUTOLOAD = env("POLKU_ESCO_AUTOLOAD")
POLKU_SKILLS_MODEL = env("POLKU_SKILLS_MODEL")
POLKU_SKILLS_CACHE = env("POLKU_SKILLS_CACHE")

# Every unhandled error (django.request) and Polku's own messages go to standard error in every mode, each
# line with the request's id, which the error page shows (decision 0058).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "polku.core.requestid.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [request %(request_id)s] %(message)s"}
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "loggers": {
        "polku": {"handlers": ["stderr"], "level": env("POLKU_LOG_LEVEL")},
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}
if env("POLKU_SENTRY_DSN"):
    init_sentry(dsn=env("POLKU_SENTRY_DSN"), environment=env("POLKU_SENTRY_ENVIRONMENT"))
