"""CDN purge by cache tag after content changes (see api/cdn). Imported by base.py."""

from .env import env_int, env_str

__all__ = [
    "CDN_PURGE_BACKEND", "CDN_PURGE_MAX_ATTEMPTS", "CDN_PURGE_SECRET", "CDN_PURGE_URL", "CLOUDFLARE_API_BASE_URL",
    "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID", "FASTLY_API_BASE_URL", "FASTLY_API_TOKEN", "FASTLY_SERVICE_ID",
]  # fmt: skip

# none | cloudflare | fastly | http
CDN_PURGE_BACKEND = (env_str("CDN_PURGE_BACKEND", "none") or "none").lower()
CDN_PURGE_MAX_ATTEMPTS = env_int("CDN_PURGE_MAX_ATTEMPTS", 6)
# Cloudflare: purge by tag with an API token allowed to purge the zone.
CLOUDFLARE_API_BASE_URL = env_str("CLOUDFLARE_API_BASE_URL", "https://api.cloudflare.com")
CLOUDFLARE_ZONE_ID = env_str("CLOUDFLARE_ZONE_ID", "")
CLOUDFLARE_API_TOKEN = env_str("CLOUDFLARE_API_TOKEN", "")
# Fastly: surrogate-key purge with an API token (purge_select scope).
FASTLY_API_BASE_URL = env_str("FASTLY_API_BASE_URL", "https://api.fastly.com")
FASTLY_SERVICE_ID = env_str("FASTLY_SERVICE_ID", "")
FASTLY_API_TOKEN = env_str("FASTLY_API_TOKEN", "")
# Generic: a signed POST (Standard Webhooks, whsec_ secret) to any URL.
CDN_PURGE_URL = env_str("CDN_PURGE_URL", "")
CDN_PURGE_SECRET = env_str("CDN_PURGE_SECRET", "")
