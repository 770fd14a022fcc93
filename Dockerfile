# Production image: gunicorn (gunicorn.conf.py) serving cms.wsgi, static files through whitenoise.
# The same image runs the worker: `python manage.py run_worker`.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production

WORKDIR /app
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g libwebp7 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 verity

COPY requirements/base.txt requirements/base.txt
RUN pip install -r requirements/base.txt

COPY --chown=verity:verity . .
# collectstatic needs settings but no real secrets or database.
RUN SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput

USER verity
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi:application"]
