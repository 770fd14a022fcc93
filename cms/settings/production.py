"""Production: everything deploy-specific is required from the environment."""

from .base import *  # noqa: F403
from .database import set_statement_timeout
from .email import email_settings
from .env import env_bool, env_int, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [env_required("ALLOWED_HOSTS")]
env_required("DATABASE_URL")
# One request can never hold a worker for long: PostgreSQL cancels a statement after this (gunicorn's own
# timeout, gunicorn.conf.py, is the outer bound).
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 15000)
set_statement_timeout(DATABASES["default"], DB_STATEMENT_TIMEOUT_MS)  # noqa: F405

# Production mails through SMTP (EMAIL_URL); without it, a mail server on localhost:25 as Django assumes.
EMAIL_URL = env_str("EMAIL_URL", "smtp://localhost:25")
globals().update(email_settings(EMAIL_URL))

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Wagtail's admin shows live previews in a same-origin iframe, so framing stays SAMEORIGIN (not DENY).
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
