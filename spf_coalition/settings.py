"""Settings of the SPF Coalition Hub.

Everything that differs between a laptop and a server comes from the environment
(see README.md, "Configuration"). With no environment at all the app runs in
debug mode on SQLite, which is what `make run` relies on.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=1 for a dev run).")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_filters",
    "import_export",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # The hub's own apps, bottom floor first (README, "How the pieces fit").
    "core",
    "countries",
    "agencies",
    "accounts",
    "activities",
    "workplan",
    "results",
    "rounds",
    "imports",
    "follows",
    "funding",
    "catalogues",
    "assessments",
    "decisions",
    "reminders",
    "api",
    "overview",
    "devtools",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads the session or the database: a NUL byte or an over-long query
    # value is refused with a 400 here (PostgreSQL refuses NUL in text).
    "core.middleware.RejectUnsafeInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A logged-in person's pages come in their profile's language, whatever the browser asks.
    "accounts.middleware.PersonLanguageMiddleware",
    # Answers to a logged-in person carry contacts or assessments: never kept by a cache.
    "core.middleware.PrivateResponsesMiddleware",
    "spf_coalition.middleware.PrivateSiteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A GET on a POST-only address gets a page that says so, not a blank 405.
    "core.not_allowed.NotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Anonymous GETs kept in the cache until the data changes, 304 when unchanged.
    "core.public_cache.PublicCacheMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "spf_coalition.urls"
WSGI_APPLICATION = "spf_coalition.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.site",
                "rounds.context_processors.round_banner",
            ],
        },
    },
    {
        # The partials drawn hundreds of times per page (matrix rows, grid, "My agency's
        # rows"): see core/jinja.py. Views ask for them by name with using="jinja2".
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "core.jinja.environment"},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Production keeps each connection for a minute (checked before reuse), saving a
        # connect per request; a dev run closes it after each request.
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0" if DEBUG else "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles a query to machine code (JIT) when its planner's cost estimate is
    # high, as the counts and joins over 100,000 activities are; for the hub's short queries
    # the compiling took longer than the query (the country page at 100,000 activities: 2.5 s
    # with it, 1.4 s without, on a loaded machine). The hub's queries are web requests: off.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Failed logins are counted and throttled before any backend checks a password.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # The only backend that checks a password (by username or email), once, so a wrong
    # password costs the same time whether the account exists or not.
    "accounts.backends.LoginBackend",
]
# Failed logins (accounts/throttle.py): five wrong passwords for one account, from any
# address, pause it for 15 minutes; SPF_LOGIN_ADDRESS_FAILURE_LIMIT (20) from one address,
# for any accounts, pause that address. A reset of the password by email lifts an account's
# pause. The handler reads the two counts in the order of AXES_LOCKOUT_PARAMETERS.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
SPF_LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("SPF_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "accounts.throttle.AccountAndAddressHandler"
AXES_RESET_ON_SUCCESS = True
# A username and its email, in any case, are one account: one key for their failures.
AXES_USERNAME_CALLABLE = "accounts.throttle.login_key"
# The client's address behind this many trusted reverse proxies, each appending to
# X-Forwarded-For (docs/production.md); 0: the connection's address, no header believed.
SPF_TRUSTED_PROXIES = int(os.environ.get("SPF_TRUSTED_PROXIES", "0"))
# Password resets (accounts/password_reset.py): requests per asking address, and emails per
# account, in an hour.
SPF_PASSWORD_RESET_ADDRESS_LIMIT = int(os.environ.get("SPF_PASSWORD_RESET_ADDRESS_LIMIT", "10"))
SPF_PASSWORD_RESET_ACCOUNT_LIMIT = int(os.environ.get("SPF_PASSWORD_RESET_ACCOUNT_LIMIT", "3"))
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Invitations and password-reset links are valid for 7 days and work once.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "activities:matrix"

# The coalition works in English, French and Spanish.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates day first in every language, through the locale's formats (spf_coalition/formats).
FORMAT_MODULE_PATH = ["spf_coalition.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# Names in ILO / UN usage where django-countries uses a common English name.
COUNTRIES_OVERRIDE = {
    "PS": _("Occupied Palestinian Territory"),
    "VN": _("Viet Nam"),
    "LA": _("Lao PDR"),
    # django-countries' Spanish catalogue writes "Trinidad yTobago": the hub's catalogue
    # (LOCALE_PATHS come first) names it right in each language.
    "TT": _("Trinidad and Tobago"),
    # ISO's own forms ("Naoero", "Bahamas (The)"; in French "Eswatini (République d')",
    # "Micronésie (États Fédérés de)", "Réunion, La"): the names people use instead.
    "BS": _("Bahamas"),
    "NR": _("Nauru"),
    "SZ": _("Eswatini"),
    "FM": _("Micronesia"),
    "RE": _("Réunion"),
}

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# collectstatic writes here (the Docker image builds it; the smoke test uses a temp dir).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
    # Meeting papers and outputs (decisions.Document): never served from a public URL, only
    # through the download view that checks the reader's right. A private directory by
    # default; an S3-compatible bucket when SPF_DOCUMENTS_S3_BUCKET is set (django-storages,
    # docs/production.md): private objects, read back by the app.
    "documents": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": os.environ["SPF_DOCUMENTS_S3_BUCKET"],
                "endpoint_url": os.environ.get("SPF_DOCUMENTS_S3_ENDPOINT_URL") or None,
                "region_name": os.environ.get("SPF_DOCUMENTS_S3_REGION") or None,
                "access_key": os.environ.get("SPF_DOCUMENTS_S3_ACCESS_KEY_ID") or None,
                "secret_key": os.environ.get("SPF_DOCUMENTS_S3_SECRET_ACCESS_KEY") or None,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
        if os.environ.get("SPF_DOCUMENTS_S3_BUCKET")
        else {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": os.environ.get("SPF_DOCUMENTS_ROOT", str(BASE_DIR / "documents")),
                "base_url": None,
            },
        }
    ),
}
# The largest document accepted (the upload form says so, naming the file).
SPF_DOCUMENT_MAX_BYTES = int(os.environ.get("SPF_DOCUMENT_MAX_BYTES", str(20 * 1024 * 1024)))

# Email. The console shows emails in a dev run; production sends through SMTP.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "SPF Coalition Hub <hub@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where members write to the secretariat: shown on the help page (empty: no address shown).
SPF_SECRETARIAT_EMAIL = os.environ.get("SPF_SECRETARIAT_EMAIL", "")
# Absolute links in emails (invitations, reminders) start with this. Unset in a dev run, it
# follows the address the dev server is reached at (core.devserver).
SITE_URL_FROM_ENVIRONMENT = bool(os.environ.get("SITE_URL"))
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if DEBUG and not SITE_URL_FROM_ENVIRONMENT:
    # Before the session: the address is known before any page can send an email.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "core.devserver.FollowDevServerMiddleware",
    )

# Celery with a Redis broker. Without REDIS_URL (a `make run`), tasks run in-process.
REDIS_URL = os.environ.get("REDIS_URL", "")
# The cache of public answers (core.public_cache): shared by every instance in Redis; in
# this process's memory without REDIS_URL (`make run`, one process).
SPF_CACHE_URL = os.environ.get("SPF_CACHE_URL", REDIS_URL)
if SPF_CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": SPF_CACHE_URL,
            "KEY_PREFIX": "spf",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SPF_PUBLIC_CACHE = env_bool("SPF_PUBLIC_CACHE", True)
SPF_PUBLIC_CACHE_SECONDS = int(os.environ.get("SPF_PUBLIC_CACHE_SECONDS", 24 * 3600))
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged after it ran, so a worker dying mid-task leaves it to another.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
# celery beat: the reminder sweep, every SPF_REMINDER_SWEEP_MINUTES (15). Each entry expires
# before its next run, so runs missed during an outage do not pile up and flood members.
# A sweep also notices reminders stuck for SPF_REMINDER_STUCK_MINUTES (below): a crash
# stays hidden at most the sum of the two (25 minutes by default).
REMINDER_SWEEP_SECONDS = 60 * int(os.environ.get("SPF_REMINDER_SWEEP_MINUTES", "15"))
CELERY_BEAT_SCHEDULE = {
    # Mondays at 06:00 (CELERY_TIMEZONE): each follower's email of the week's changes.
    "follows-weekly-digest": {
        "task": "follows.send_digests",
        "schedule": crontab(minute=0, hour=6, day_of_week=1),
        "options": {"expires": 6 * 24 * 3600},
    },
    "workplan-reminder-sweep": {
        "task": "workplan.sweep_reminders",
        "schedule": float(REMINDER_SWEEP_SECONDS),
        "options": {"expires": REMINDER_SWEEP_SECONDS * 0.9},
    },
}
# A reminder nothing moved for SPF_REMINDER_STUCK_MINUTES (10) is stuck: one "waiting to be
# sent" lost its task and is queued again; one "being sent" lost its worker in the middle of
# SMTP and becomes "uncertain" (it may or may not have gone out). Keep it well above the
# longest send of one email (EMAIL_TIMEOUT, 30 s) and the send task's longest retry
# back-off (2 minutes).
SPF_REMINDER_STUCK_MINUTES = float(os.environ.get("SPF_REMINDER_STUCK_MINUTES", "10"))
# Redis hands a task a worker took (acknowledged late) to another worker when it has not
# been acknowledged after this long: a task lost with its worker comes back within the same
# window as the sweep's own rescue. Longer than any countdown of a retry (2 minutes); a send
# task running longer is safe, as each email's rows are taken by one run only
# (reminders' sending.take).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(SPF_REMINDER_STUCK_MINUTES * 60)}
# A reminder whose sending failed (the mail server down past the send task's retries) is
# tried again by the sweeps, waiting longer each time (up to an hour), for this many hours
# after it was claimed; then it stays failed, counted in the admin and on /healthz.
SPF_REMINDER_RETRY_HOURS = float(os.environ.get("SPF_REMINDER_RETRY_HOURS", "24"))
# Uncertain reminders: off (default) leaves them for a person in the admin, so none goes out
# twice but one may never arrive (at most once); on sends them again at the next sweep, so
# none is lost but one may arrive twice (at least once).
SPF_REMINDER_RESEND_UNCERTAIN = env_bool("SPF_REMINDER_RESEND_UNCERTAIN", False)
# celery beat keeps its last-run times here: a writable volume in docker-compose.yml.
CELERY_BEAT_SCHEDULE_FILENAME = os.environ.get(
    "CELERY_BEAT_SCHEDULE_FILENAME", "celerybeat-schedule"
)

# Hub behaviour
# SPF_PRIVATE_SITE=1 makes every page require login (the default lets the public read
# the matrix, without contact details).
SPF_PRIVATE_SITE = env_bool("SPF_PRIVATE_SITE", False)
SPF_MATRIX_PAGE_SIZE = 50
# A comment's author may correct it for this many minutes; after that it stands as written.
SPF_COMMENT_EDIT_MINUTES = int(os.environ.get("SPF_COMMENT_EDIT_MINUTES", "15"))

# The read-only API (api/): tokens first, so that a wrong token is a 401, not a quiet
# anonymous answer; JSON only (the docs page is Swagger UI, served by the app).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.tokens.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ReadsThePages"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["api.filters.PageFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.HubPagination",
    "DEFAULT_SCHEMA_CLASS": "api.schema.HubSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SPF Coalition Hub API",
    "DESCRIPTION": (
        "Read-only: the matrix of country activities, countries, agencies, focal points, "
        "the workplan, the coalition's meetings and decisions, and the joint country "
        "workplans. Send `Authorization: Token <key>` (your token is on /api/token/) "
        "to read contact details."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # A "status" enum shows in several components (a deliverable's, a country's, a result's):
    # each keeps the name it has always had.
    "ENUM_NAME_OVERRIDES": {
        "Guarantee": "activities.models.Guarantee",
        "ReviewStatus": "results.choices.ReviewStatus",
        "Language": "core.languages.LANGUAGE_CHOICES",
        # The language a meeting's text or a document was written in (the site's three), under
        # the name it had before the results came with their own list.
        "LanguageEnum": LANGUAGES,
        "DeliverableStatusEnum": "workplan.status.STATUS_CHOICES",
        "CountryStatusStatusEnum": "decisions.models.countries.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.refuse_nul_in_text_parameters",
    ],
}

# IATI export of the matrix (api/iati.py): the organisation that reports it. Each activity's
# iati-identifier is this ref, a dash, and the activity's reference (stable across edits).
SPF_IATI_ORG_REF = os.environ.get("SPF_IATI_ORG_REF", "XM-DAC-41302")
SPF_IATI_ORG_NAME = os.environ.get(
    "SPF_IATI_ORG_NAME", "International Labour Organization (SPF coalition secretariat)"
)
SPF_IATI_ORG_TYPE = os.environ.get("SPF_IATI_ORG_TYPE", "40")  # IATI OrganisationType
# The IATI file is public, and amounts are for members and the secretariat (funding/rules.py):
# activity budgets go into it only when the coalition decides to publish them.
SPF_IATI_PUBLISH_BUDGETS = env_bool("SPF_IATI_PUBLISH_BUDGETS", False)

IMPORT_EXPORT_SKIP_ADMIN_ACTION_EXPORT_UI = False
# Spreadsheet imports: the largest file accepted (the upload page says so beyond it).
# Uploads over FILE_UPLOAD_MAX_MEMORY_SIZE (Django's 2.5 MB) go to a temporary file first.
SPF_IMPORT_MAX_BYTES = int(os.environ.get("SPF_IMPORT_MAX_BYTES", str(50 * 1024 * 1024)))

# Security: strict unless running in debug mode.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# The language cookie (Django's switch, accounts.middleware) goes to this site only, and
# over HTTPS only outside debug (below); no script reads it.
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Permissions-Policy (core.middleware): the hub uses no camera, microphone, location,
# payment or sensor, so no page, nor anything injected into one, may ask for them.
SPF_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)
# Content-Security-Policy (django-csp): scripts, styles, images and forms come from this site
# only; no inline script, no inline style, no framing, no plugin. The hub's templates hold no
# inline script, handler or style (tests/security/test_no_inline_script.py): static/js/ and
# static/css/ do. Third-party admin templates keep a few inline attributes; their hashes
# ('unsafe-hashes' makes a hash match an attribute) allow exactly those and nothing else:
# django-import-export's export page (its "Select all" box, two styles) and
# django-simple-history's history list (one style).
THIRD_PARTY_HANDLERS = [
    "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='",  # onSelectToggleChange(event)
]
THIRD_PARTY_STYLE_ATTRIBUTES = [
    "'sha256-mHgUAqxc8GPXM/QhzkHrHujcrQTU9fd6ZjWz+icxKcA='",  # padding: 0;
    "'sha256-+YWRMZ88jMyO7jVlBA52tZADiPobPIUA8LAWee68Fvs='",  # font-weight: bold;
    "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",  # border-top: 0
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-hashes'", *THIRD_PARTY_HANDLERS],
        "style-src": ["'self'", "'unsafe-hashes'", *THIRD_PARTY_STYLE_ATTRIBUTES],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The container's health probe talks plain HTTP from inside: no redirect for it.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Addresses whose error answers are JSON (the REST API): the site-wide input check
# (core.middleware) answers them as the API's own errors do.
SPF_JSON_PATH_PREFIXES = ("/api/",)
