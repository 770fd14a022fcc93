"""Settings shared by every environment. Everything deploy-specific comes from the environment."""

from __future__ import annotations

from pathlib import Path

from corsheaders.defaults import default_headers as default_cors_headers
from django.core.exceptions import ImproperlyConfigured

from .database import database_from_url
from .email import email_settings
from .env import env_bool, env_int, env_list, env_str
from .languages import DEFAULT_LANGUAGES, parse_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "dev-insecure-secret-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "pages",
    "pages.review",
    "demo",
    "providers",
    "api",
    "api.cdn",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "cms.admin_site.SuperuserAdminConfig",  # django.contrib.admin, for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Response headers only; above the API cache so responses it answers itself get the header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.db_router.ReplicaReadMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses after the API cache has set its strong ETag and answered 304s (it weakens the ETag of what it
    # compresses; If-None-Match compares weakly, so both forms still match). Above CORS: headers only.
    "django.middleware.gzip.GZipMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "api.middleware.ApiRequestGuardMiddleware",
    "api.caching.middleware.ApiCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "pages.review.middleware.ReviewErrorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL selects the database; without it an SQLite file in the repository is used.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# PostgreSQL cancels any statement running longer than this (0: no limit; production defaults to 15 s).
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 0)
DATABASES = {
    "default": database_from_url(
        DATABASE_URL,
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        connect_timeout=env_int("DB_CONNECT_TIMEOUT", 5),
        statement_timeout_ms=DB_STATEMENT_TIMEOUT_MS,
    )
}
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# The public API's hot reads run as server-side prepared statements on PostgreSQL (api.published.prepared). Behind
# PgBouncer in transaction mode, turn this off unless PgBouncer tracks them (1.21+, max_prepared_statements > 0).
DB_PREPARED_STATEMENTS = env_bool("DB_PREPARED_STATEMENTS", True)
# Read replicas (DATABASE_REPLICA_URLS) and the router that sends public API reads to them.
from .databases import *  # noqa: E402,F401,F403
from .databases import replica_databases  # noqa: E402

DATABASES.update(replica_databases(DATABASES["default"]))
DATABASE_REPLICA_ALIASES = [alias for alias in DATABASES if alias.startswith("replica_")]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---------------------------------------------------------------------------------
# The cache only accelerates: which cached API response is current is decided by tag versions in the database
# (api.caching.versions), so losing any key, or Redis, costs speed, never correctness. Redis when REDIS_URL is
# set, otherwise the database cache; both fail open (an outage behaves like an empty cache and is logged).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "api.caching.backends.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "verity"),
            # Fail fast when Redis is unreachable; the breaker then skips it for a few seconds.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "api.caching.backends.FailOpenDatabaseCache",
            "LOCATION": "verity_cache",
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "verity"),
        }
    }

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin lockout after repeated wrong passwords (unknown users are treated the same way). Failures count per
# username *and* client address together, so a stranger guessing `admin` locks out only themselves.
AXES_FAILURE_LIMIT = env_int("ADMIN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("ADMIN_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The same client address the API rate limit counts (TRUSTED_PROXY_COUNT decides which X-Forwarded-For hop).
AXES_CLIENT_IP_CALLABLE = "api.caching.throttling.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)

TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
# Content languages (see languages.py): the first is the default locale. Translations are separate pages, each
# clinically signed off on its own (pages.review), so a locale is only ever as public as its own sign-offs.
LANGUAGES = parse_languages(env_list("LANGUAGES", DEFAULT_LANGUAGES))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media in S3-compatible object storage with MEDIA_STORAGE=s3 (see storage.py).
from .storage import MEDIA_STORAGE, media_storage  # noqa: E402,F401

STORAGES["default"] = media_storage()
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Verity")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt"]
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Workflow approval publishes the approved revision, not the latest one (see pages/review/finish.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "pages.review.finish.publish_approved_revision"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin makes no third-party requests: no avatars (users' e-mail hashes stay here), no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- E-mail (workflow notifications) ----------------------------------------------------------
# One URL (console://, smtp://, smtp+tls://, smtps://; see cms/settings/email.py). Development prints to the console.
EMAIL_URL = env_str("EMAIL_URL", "console://")
globals().update(email_settings(EMAIL_URL))  # EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS…
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "verity@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Public frontend and API ----------------------------------------------------------------
# Absolute URLs in API responses are built from these, never from the request's Host header.
FRONTEND_BASE_URL = env_str("FRONTEND_BASE_URL", "http://localhost:3000").rstrip("/")
MEDIA_BASE_URL = env_str("MEDIA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Empty (the default): "Preview on frontend" shows the draft's preview JSON and token URL in the admin instead.
FRONTEND_PREVIEW_URL = env_str("FRONTEND_PREVIEW_URL", "")
PREVIEW_TOKEN_TTL = env_int("PREVIEW_TOKEN_TTL", 3600)
# Frontend routes that call-to-action blocks point at ("intake" and "center locator" actions).
FRONTEND_INTAKE_PATH = env_str("FRONTEND_INTAKE_PATH", "/get-started/")
FRONTEND_CENTER_LOCATOR_PATH = env_str("FRONTEND_CENTER_LOCATOR_PATH", "/locations/")
# The organization publishing the content (JSON-LD publisher, and author of articles that name none).
ORGANIZATION_NAME = env_str("ORGANIZATION_NAME", WAGTAIL_SITE_NAME)
ORGANIZATION_URL = env_str("ORGANIZATION_URL", f"{FRONTEND_BASE_URL}/")
ORGANIZATION_LOGO_URL = env_str("ORGANIZATION_LOGO_URL", "")
API_CACHE_CONTROL = env_str("API_CACHE_CONTROL", "public, max-age=60, stale-while-revalidate=600")
API_PAGE_SIZE = 20
# The locale served when a request names none (``?locale=``): one of LANGUAGES, the default locale unless set.
API_DEFAULT_LOCALE = env_str("API_DEFAULT_LOCALE", LANGUAGE_CODE)
if API_DEFAULT_LOCALE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"API_DEFAULT_LOCALE must be one of LANGUAGES, got {API_DEFAULT_LOCALE!r}")
# Rate limit per client address for every /api/ request ("600/min", or "off"); see api/caching/throttling.py.
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "600/min")
# Proxies in front of the app that each append the client address to X-Forwarded-For (0: use the socket peer).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
API_MAX_PAGE_SIZE = 100
# Search ranks at most this many matches per type (the most recently updated): bounded work per request.
SEARCH_CANDIDATES = env_int("SEARCH_CANDIDATES", 1000)

# Clinical review policy.
REVIEW_CADENCE_MONTHS = env_int("REVIEW_CADENCE_MONTHS", 12)
REVIEW_DUE_SOON_DAYS = env_int("REVIEW_DUE_SOON_DAYS", 30)
REVIEW_REQUIRE_BOTH_ROLES = env_bool("REVIEW_REQUIRE_BOTH_ROLES", False)
# A reviewer may not sign off a revision with changes they saved since the last review unless this is on.
REVIEW_ALLOW_SELF_REVIEW = env_bool("REVIEW_ALLOW_SELF_REVIEW", False)
# Editor accounts set up by the project's commands get Django's is_staff only if this is on (the Django admin
# itself is for superusers either way).
EDITORS_ARE_STAFF = env_bool("EDITORS_ARE_STAFF", False)
CREDENTIAL_EXPIRY_WARNING_DAYS = env_int("CREDENTIAL_EXPIRY_WARNING_DAYS", 30)
CREDENTIAL_STALE_AFTER_DAYS = env_int("CREDENTIAL_STALE_AFTER_DAYS", 365)
# Health literacy: articles above this Flesch-Kincaid grade get a warning (never a refusal).
READING_GRADE_TARGET = env_int("READING_GRADE_TARGET", 8)

# Webhooks.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", False)
WEBHOOKS_MAX_ATTEMPTS = env_int("WEBHOOKS_MAX_ATTEMPTS", 6)
WEBHOOKS_TIMEOUT_SECONDS = env_int("WEBHOOKS_TIMEOUT_SECONDS", 5)
# A claim older than this is a worker that died mid-send (default 2 x timeout + 30 s); the sweep runs this often.
WEBHOOKS_STALE_CLAIM_SECONDS = env_int("WEBHOOKS_STALE_CLAIM_SECONDS", 2 * WEBHOOKS_TIMEOUT_SECONDS + 30)
WEBHOOKS_SWEEP_SECONDS = env_int("WEBHOOKS_SWEEP_SECONDS", 60)

# Background tasks: a database-backed queue drained by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- CORS: read-only API, allowlisted origins ------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# Conditional requests from browser code (304s need the validators sent cross-origin and readable).
CORS_ALLOW_HEADERS = [*default_cors_headers, "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Cache-Tag", "Surrogate-Key", "Link", "Retry-After", "Content-Language"]
CORS_PREFLIGHT_MAX_AGE = 86400

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_REFERRER_POLICY = "same-origin"

from .cdn import *  # noqa: E402,F401,F403 - CDN purge settings
from .logging import LOGGING  # noqa: E402,F401
from .rest_framework import REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: E402,F401
