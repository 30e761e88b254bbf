"""/healthz: is this instance able to serve? Checks the database, the Celery broker and the
static files' manifest.

Load balancers, `docker compose` and the smoke script poll it. It answers 200 with
{"database": "ok", "broker": "ok", "static": "ok"} or 503 with the failing part's error,
never cached, and open to anonymous visitors even on a private site (see
PrivateSiteMiddleware.OPEN_PREFIXES). Reminders that failed or are uncertain are reported
under "warnings" ({"reminders": "2 failed, 1 uncertain reminder(s)"}), still a 200: the
instance serves, but the secretariat should look. Without the manifest that collectstatic
writes, every page is a 500 under the manifest storage: the instance is not able to serve.

Run as a module (`python -m spf_coalition.health`) it is the container's HEALTHCHECK probe.
"""

import json
import os
import sys
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import STATICFILES_STORAGE_ALIAS, settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.files.storage import storages
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

# A health probe must answer quickly, even when the broker host swallows packets.
BROKER_TIMEOUT_S = 2.0
NOT_CONFIGURED = "not configured"


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_broker() -> str:
    """PING the Redis broker; other brokers get a plain connection attempt."""
    url = settings.CELERY_BROKER_URL
    # Without REDIS_URL tasks run in-process (a dev run): there is nothing to reach.
    if settings.CELERY_TASK_ALWAYS_EAGER or not url or url.startswith("memory://"):
        return NOT_CONFIGURED
    if urlsplit(url).scheme in {"redis", "rediss"}:
        import redis

        client = redis.Redis.from_url(
            url, socket_connect_timeout=BROKER_TIMEOUT_S, socket_timeout=BROKER_TIMEOUT_S
        )
        try:
            client.ping()
        finally:
            client.close()
        return "ok"
    from spf_coalition.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_S)
    return "ok"


def check_static() -> str:
    """The manifest of the hashed static files is there and lists files (collectstatic ran)."""
    storage = storages[STATICFILES_STORAGE_ALIAS]
    if not isinstance(storage, ManifestFilesMixin):
        return NOT_CONFIGURED  # a debug run serves the files as they are
    if not storage.manifest_storage.exists(storage.manifest_name):
        raise FileNotFoundError(f"no {storage.manifest_name} in STATIC_ROOT: run collectstatic")
    if not storage.load_manifest():
        raise ValueError(f"{storage.manifest_name} lists no file: run collectstatic again")
    return "ok"


CHECKS = {"database": check_database, "broker": check_broker, "static": check_static}


def reminder_warnings() -> str | None:
    """Reminders that may not have arrived: worth a look, not a reason to stop serving."""
    from reminders.models import trouble_counts

    counts = trouble_counts()
    if not any(counts.values()):
        return None
    return f"{counts['failed']} failed, {counts['uncertain']} uncertain reminder(s)"


# Warnings are reported under "warnings" and leave the answer 200.
WARNINGS = {"reminders": reminder_warnings}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    report: dict[str, str] = {}
    healthy = True
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception as error:  # any failure is the answer, not a 500
            healthy = False
            report[name] = f"error: {type(error).__name__}: {error}"
    warnings = {}
    for name, warn in WARNINGS.items():
        try:
            found = warn()
        except Exception as error:  # the checks above say whether the database answers
            found = f"unknown: {type(error).__name__}"
        if found:
            warnings[name] = found
    if warnings:
        report["warnings"] = warnings
    return JsonResponse(report, status=200 if healthy else 503)


def probe(port: int = 8000) -> int:
    """Exit status for Docker's HEALTHCHECK: 0 when /healthz answers 200 on this host.

    Django refuses a Host header it does not know, so the probe names the first allowed
    host (a ".example.org" pattern becomes "example.org") instead of "localhost".
    """
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = hosts[0].lstrip(".") if hosts and hosts[0] != "*" else "localhost"
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz",
        # As the TLS proxy in front would: no redirect to https, secure cookies allowed.
        headers={"Host": host, "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read().decode(), error.code
    except OSError as error:
        print(f"healthz unreachable: {error}", file=sys.stderr)
        return 1
    print(body)
    return 0 if status == 200 and json.loads(body).get("database") == "ok" else 1


if __name__ == "__main__":
    sys.exit(probe(int(os.environ.get("PORT", "8000"))))
