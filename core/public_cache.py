"""Public answers kept in the cache until the data changes, and answered 304 when unchanged.

The matrix changes a few times a day and is read all day, mostly by visitors who are not
logged in and by HXL and IATI consumers polling the downloads. An anonymous GET is kept in
Django's cache (Redis when REDIS_URL is set, so every instance shares it; local memory for
`make run`) under a key holding:

- the **data version**: one value in the cache, replaced after every write that can change
  a page (`data_changed`, connected to every model's save and delete here, and called by the
  bulk writers that skip signals: imports, participations, row confirmations);
- the day (the front page counts what is due in the next 30 days), the language, the
  address with its query, and the request headers an answer depends on (htmx's partial
  requests, the API's Accept, the host and scheme of absolute links).

Every kept answer carries an ETag (the key's digest) and Last-Modified (when the version was
made): a client sending either back while the data is unchanged gets an empty 304.

An answer is kept only if it is the same for every anonymous visitor: status 200, no cookie
set, no CSRF token used in it (a form posting back needs the visitor's own), nothing marking
it private or no-store (logged-in answers are marked so by PrivateResponsesMiddleware;
calendar feeds by token mark themselves). Bodies over SPF_PUBLIC_CACHE_MAX_BYTES and
streamed downloads are rendered each time, but still answer 304 to a conditional request.
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, quote_etag

VERSION_KEY = "spf:data-version"
# Kept answers outlive no data version, but an unused one should not stay for ever.
DEFAULT_TIMEOUT_S = 24 * 3600
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
# Writes to these change no public page: the session of a visitor, throttling of logins, the
# progress of an import job (the import's own writes call data_changed), reminder bookkeeping.
IGNORED_MODELS = frozenset(
    {
        "sessions.session",
        "axes.accessattempt",
        "axes.accesslog",
        "axes.accessfailurelog",
        "imports.importjob",
        "reminders.reminderlog",
        "admin.logentry",
    }
)
# Headers of the request that change the answer, besides the language (see the module).
VARYING_HEADERS = ("HX-Request", "HX-Target", "Accept", "Host", "X-Forwarded-Proto")
# Headers of a kept answer that are served again with it.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Vary",
    "HX-Replace-Url",
    "Link",
    "Allow",
)


def enabled() -> bool:
    return getattr(settings, "SPF_PUBLIC_CACHE", True)


def data_version() -> int:
    """The current data version: the time (ns) it was made, the same in every process."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY) or 0
    return version


def new_data_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _after_commit() -> None:
    new_data_version()


def data_changed(**_signal_kwargs: Any) -> None:
    """Something public may have changed: no kept answer made before it is served again.

    The version changes now, so that this process's next request sees the change, and once
    more when the transaction commits, so that a page another request rendered from the
    old data meanwhile (and kept under the now-current version) is dropped too.
    """
    new_data_version()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        func is _after_commit for _sids, func, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_after_commit, robust=True)


def model_written(sender: type, **kwargs: Any) -> None:
    """Receiver of post_save, post_delete and m2m_changed for every model."""
    if sender._meta.label_lower not in IGNORED_MODELS:
        data_changed()


def connect() -> None:
    """Connect the receivers (core's AppConfig.ready)."""
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

    post_save.connect(model_written, dispatch_uid="spf-public-cache-save")
    post_delete.connect(model_written, dispatch_uid="spf-public-cache-delete")
    m2m_changed.connect(model_written, dispatch_uid="spf-public-cache-m2m")
    # A deploy migrates: answers rendered by the previous code are not served again.
    post_migrate.connect(data_changed, dispatch_uid="spf-public-cache-migrate")


def is_anonymous_read(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if "HTTP_AUTHORIZATION" in request.META or "messages" in request.COOKIES:
        return False  # an API token's person; a message waiting to be shown
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def cache_key(request: HttpRequest, version: int) -> str:
    varying = "\n".join(request.headers.get(name, "") for name in VARYING_HEADERS)
    parts = (
        str(version),
        timezone.localdate().isoformat(),
        getattr(request, "LANGUAGE_CODE", ""),
        request.get_full_path(),
        varying,
    )
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return f"spf:page:{digest}"


def is_shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the answer is the same for every anonymous visitor (see the module)."""
    if response.status_code != 200 or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a CSRF token went into the page
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def not_modified(request: HttpRequest, kept: dict) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return kept["etag"] in (tag.strip() for tag in if_none_match.split(","))
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and kept["last_modified"] <= since


def served(kept: dict) -> HttpResponse:
    response = HttpResponse(kept["content"], status=200)
    for name, value in kept["headers"]:
        response[name] = value
    return validated(response, kept)


def validated(response: HttpResponse, kept: dict) -> HttpResponse:
    response["ETag"] = kept["etag"]
    response["Last-Modified"] = http_date(kept["last_modified"])
    # Browsers and proxies may keep it, but ask again each time (a 304 while unchanged).
    response["Cache-Control"] = "max-age=0, must-revalidate"
    patch_vary_headers(response, ("Accept-Language", "Cookie", "HX-Request"))
    return response


class PublicCacheMiddleware:
    """Serve anonymous GETs from the cache while the data version is unchanged (see the
    module). Put it after the authentication, locale and message middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_read(request):
            return self.get_response(request)
        version = data_version()
        key = cache_key(request, version)
        kept = cache.get(key)
        if kept is not None:
            if not_modified(request, kept):
                return validated(HttpResponseNotModified(), kept)
            if kept["content"] is not None:
                return served(kept)
        response = self.get_response(request)
        if is_shareable(request, response):
            self.keep(key, version, response)
        return response

    def keep(self, key: str, version: int, response: HttpResponse) -> None:
        max_bytes = getattr(settings, "SPF_PUBLIC_CACHE_MAX_BYTES", DEFAULT_MAX_BYTES)
        content = None
        if not response.streaming and len(response.content) <= max_bytes:
            content = response.content
        kept = {
            "etag": quote_etag(key.rsplit(":", 1)[1]),
            "last_modified": version // 1_000_000_000,
            "headers": [(name, response[name]) for name in KEPT_HEADERS if name in response],
            "content": content,
        }
        validated(response, kept)
        kept["headers"] = [(name, response[name]) for name in KEPT_HEADERS if name in response]
        timeout = getattr(settings, "SPF_PUBLIC_CACHE_SECONDS", DEFAULT_TIMEOUT_S)
        cache.set(key, kept, timeout=timeout)
