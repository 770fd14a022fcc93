"""Local development: DEBUG on, SQLite by default, webhooks may target localhost."""

from .base import *  # noqa: F403
from .env import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", True)
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", ["http://localhost:3000", "http://127.0.0.1:3000"])

# The browsable API is a development convenience only.
if env_bool("API_BROWSABLE", True):
    REST_FRAMEWORK = {  # noqa: F405
        **REST_FRAMEWORK,  # noqa: F405
        "DEFAULT_RENDERER_CLASSES": [
            "rest_framework.renderers.JSONRenderer",
            "rest_framework.renderers.BrowsableAPIRenderer",
        ],
    }
