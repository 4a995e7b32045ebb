"""The dashboard: one HTML page at ``/`` and its hand-written assets under ``/static``.

The page is a client of the public JSON API and nothing else; it has no server-side state.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).parent / "static"
EMBED = Path(__file__).parent / "embed"

# Scripts and styles come only from our own files: no inline script, no eval, no third party.
# Styles set through the CSSOM (element.style) are allowed by CSP, inline style attributes are not.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # revalidate on every load (a cheap 304) so an upgrade never mixes old and new modules
    "Cache-Control": "no-cache",
}


async def page(request: Request) -> Response:
    body = (STATIC / "index.html").read_bytes()
    return Response(body, media_type="text/html; charset=utf-8", headers=SECURITY_HEADERS)


# Other sites' pages load /embed/schedule-input.js and the modules it imports as module
# scripts, which are fetched with CORS: every asset is public and cookie-free, so any origin
# may read it (what a page may then do with the API is its key's business, app.api.cors).
ASSET_HEADERS = {
    **SECURITY_HEADERS,
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
}


class Assets(StaticFiles):
    """StaticFiles that sends the same security and caching headers as the page, readable
    from any origin."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers.update(ASSET_HEADERS)
        return response


routes = [
    Route("/", page, methods=["GET", "HEAD"]),
    Mount("/static", app=Assets(directory=STATIC), name="static"),
    Mount("/embed", app=Assets(directory=EMBED), name="embed"),
]
