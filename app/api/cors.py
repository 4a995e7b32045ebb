"""Cross-origin calls from other sites' pages, off unless ``AGENTCRON_CORS_ORIGINS`` names them.

Starlette's ``CORSMiddleware`` answers the preflights and labels the answers under
``/api/scheduler`` for the listed origins, including refusals (401, 403, 429), so a page can
read why it was refused. What such a page may do is then decided by its key: by default only
a publishable key (scope ``parse``) is accepted from another origin, as Stripe and Algolia
expect of keys in pages; a key that can do more is refused there, so a secret key pasted into
a page fails at once instead of leaking quietly. ``AGENTCRON_CORS_SECRET_KEYS=1`` accepts any
key from the listed origins (a front end of your own that manages jobs).

No cookies are involved (keys travel in the Authorization header), so credentials are never
allowed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request

from agentcron.app.config import Settings
from agentcron.app.errors import Forbidden
from agentcron.app.storage.keys import Principal

ALLOWED_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
ALLOWED_HEADERS = ["Authorization", "X-API-Key", "Content-Type", "Idempotency-Key"]
# what a page may read beyond the CORS-safelisted headers: the limits, and where a job went
EXPOSED_HEADERS = ["RateLimit", "RateLimit-Policy", "Retry-After", "Location"]


def cors_middleware(settings: Settings) -> list[Middleware]:
    if not settings.cors_origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=ALLOWED_METHODS,
            allow_headers=ALLOWED_HEADERS,
            expose_headers=EXPOSED_HEADERS,
            allow_credentials=False,
            max_age=600,
        )
    ]


def check_origin(request: Request, principal: Principal, settings: Settings) -> None:
    """Refuse a key that can do more than parse when it comes from another site's page."""
    if not settings.cors_origins or settings.cors_secret_keys or principal.publishable:
        return
    origin = request.headers.get("origin")
    if not origin or origin == "null" or _same_origin(origin, request, settings):
        return
    raise Forbidden(
        f"a page on {origin} may only use a publishable key (scope 'parse'); this key can "
        "do more, so it must not be in a web page. Make one with "
        "'agentcron keys create --scope parse' (or set AGENTCRON_CORS_SECRET_KEYS=1)"
    )


def _same_origin(origin: str, request: Request, settings: Settings) -> bool:
    """The dashboard calls from the service's own origin: same host as the request (scheme
    aside, for a TLS proxy in front), or the configured public URL."""
    host = urlsplit(origin).netloc.lower()
    if host and host == request.headers.get("host", "").lower():
        return True
    public = settings.public_url
    return bool(public) and origin.rstrip("/") == _origin_of(public)


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
