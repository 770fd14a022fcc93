#!/usr/bin/env bash
# Generate API clients from the *served* OpenAPI document and run a small program with each against the app:
# TypeScript types with openapi-typescript (type-checked with `tsc --strict`, then run with node) and a Python
# client with openapi-python-client. The app is served from a throwaway SQLite database with the demo content.
#
# Needs node and npm (Debian: apt-get install -y nodejs npm) and the dev Python packages (.venv).
# Environment: CLIENTS_PORT (default 8150), PYTHON (default .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
PORT="${CLIENTS_PORT:-8150}"
BASE="http://127.0.0.1:$PORT"
BUILD="$PWD/build"

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "clients/check.sh: $tool is missing (apt-get install -y nodejs npm)" >&2; exit 1; }
done

rm -rf "$BUILD" && mkdir -p "$BUILD/media"
echo "--- npm packages (pinned in package-lock.json)"
npm ci --no-audit --no-fund --loglevel=error

echo "--- app with the demo content on $BASE"
export DJANGO_SETTINGS_MODULE=cms.settings.dev DEBUG=false ALLOWED_HOSTS="127.0.0.1,localhost"
export DATABASE_URL="sqlite:///$BUILD/clients.sqlite3" MEDIA_ROOT="$BUILD/media" API_THROTTLE_RATE="10000/min"
(cd "$ROOT" && "$PYTHON" manage.py migrate --no-input -v 0 && "$PYTHON" manage.py load_demo >/dev/null \
  && "$PYTHON" manage.py update_index >/dev/null)
TOKEN="$(cd "$ROOT" && "$PYTHON" manage.py shell -v 0 -c "
from api.preview import latest_revision, mint_preview_token
from pages.models import ArticlePage
article = ArticlePage.objects.get(slug='iop-for-depression', locale__language_code='en')
print(mint_preview_token(article, latest_revision(article)))" | tail -n 1)"
(cd "$ROOT" && exec "$PYTHON" manage.py runserver "127.0.0.1:$PORT" --noreload >"$BUILD/server.log" 2>&1) &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fsS --max-time 10 "$BASE/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS --max-time 60 -H "Accept: application/json" "$BASE/api/v1/schema/?format=json" -o "$BUILD/openapi.json"

echo "--- TypeScript: openapi-typescript, tsc --strict, run"
npx --no-install openapi-typescript "$BUILD/openapi.json" -o "$BUILD/schema.d.ts" >/dev/null
npx --no-install tsc -p ts --noEmit
npx --no-install tsc -p ts
node "$BUILD/ts/ts/check.js" "$BASE" "$TOKEN"

echo "--- Python: openapi-python-client, run"
PATH="$(dirname "$PYTHON"):$PATH" "$(dirname "$PYTHON")/openapi-python-client" generate --path "$BUILD/openapi.json" \
  --config openapi-python-client.yml --output-path "$BUILD/python/verity_client" --meta none >/dev/null
PYTHONPATH="$BUILD/python" "$PYTHON" python/check.py "$BASE" "$TOKEN"
