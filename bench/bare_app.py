"""The peer for bench_api.py: a bare Starlette JSON endpoint on uvicorn, nothing else."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"id": "job_0123456789abcdef", "name": "bare", "status": "active"})


app = Starlette(routes=[Route("/bare", hello)])
