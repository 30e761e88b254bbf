# The SPF Coalition Hub: one image for the web app (gunicorn), the Celery worker and beat.
# docker-compose.yml shows how they run; every setting comes from the environment
# (see README, "Production").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# Dependencies first, read from pyproject.toml alone: a code change does not reinstall them.
# The code itself runs from /app (templates/ and static/ live beside the packages).
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .

# Build-time only: settings refuse to load without a SECRET_KEY; this one is thrown away.
ARG BUILD_ENV="DEBUG=0 SECRET_KEY=build-time-only-not-a-secret ALLOWED_HOSTS=localhost"
RUN env $BUILD_ENV python manage.py collectstatic --no-input \
    && if [ -d locale ]; then \
        apt-get update && apt-get install -y --no-install-recommends gettext \
        && env $BUILD_ENV python manage.py compilemessages \
        && apt-get purge -y --auto-remove gettext && rm -rf /var/lib/apt/lists/*; \
    fi

# Run as an unprivileged user; beat writes its schedule into a volume mounted at
# /var/lib/celery, web and worker keep the private documents in one at /var/lib/spf/documents.
# Both directories belong to that user here: a fresh named volume takes the owner of the
# directory it is mounted on, so the app can write there.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin hub \
    && mkdir -p /var/lib/celery /var/lib/spf/documents \
    && chown hub:hub /var/lib/celery /var/lib/spf/documents \
    && chmod 0700 /var/lib/spf/documents
USER hub

ENV CELERY_BEAT_SCHEDULE_FILENAME=/var/lib/celery/beat-schedule \
    SPF_DOCUMENTS_ROOT=/var/lib/spf/documents
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-m", "spf_coalition.health"]

CMD ["gunicorn", "--config", "python:spf_coalition.gunicorn_conf", "spf_coalition.wsgi"]
