"""A fake OpenAI-compatible server on 127.0.0.1, used through the real ``openai`` client.

A Starlette app served by uvicorn in a background thread (one per test session, on a free
port). It answers ``POST /v1/chat/completions`` from a per-test script: a queue of
``Reply`` objects, then (when the queue is empty) a handler callable, else a 500 saying
nothing was scripted. Every request is recorded. Replies can carry JSON content, tool
calls, any HTTP status (with headers such as ``Retry-After``), a raw body that is not
JSON, a delay, or hang until the test ends (for client timeouts), a ``finish_reason``
such as ``length``, and no ``usage`` at all (``no_usage``). ``stream: true`` requests get
the content back as server-sent events.

Server profiles, set on the fake for one test, answer before the script does:
``refuse_tools`` (a message: any request offering tools gets a 400 with it, as vLLM without
``--enable-auto-tool-choice`` or an Ollama model without tool support do),
``reject_params`` (parameter name → message: a 400 naming the parameter, as OpenAI does for
``max_tokens`` on its reasoning models), ``reject_formats`` (response_format types answered
with a 400 naming the format, as servers without structured output do), ``api_key`` (any
other key gets a 401) and
``models`` (what ``GET /v1/models`` lists; None: the server has no such endpoint, 404).

    def test_something(openai_server):
        openai_server.enqueue(Reply.json({"outcome": "reject", ...}))
        client = openai_server.client()          # AsyncOpenAI(base_url=…, api_key="test")
        ...
        assert openai_server.requests[0].body["model"] == "test-model"
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import socket
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

if TYPE_CHECKING:
    from openai import AsyncOpenAI

DEFAULT_MODEL = "test-model"


@dataclass
class Reply:
    """One scripted answer to a chat completion request."""

    content: str | None = None
    tool_calls: list[dict[str, Any]] | None = None
    status: int = 200
    body: Any = None  # the whole response body: a dict (JSON) or str/bytes (sent as is)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    hang: bool = False  # answer only when the test ends: for client-side timeouts
    finish_reason: str | None = None
    usage: dict[str, Any] | None = None
    #: answer without a ``usage`` object, as some servers do
    no_usage: bool = False

    @classmethod
    def json(cls, data: Any, **kwargs: Any) -> Reply:
        """An assistant message whose content is `data` as JSON (structured output)."""
        return cls(content=json.dumps(data), **kwargs)

    @classmethod
    def text(cls, content: str, **kwargs: Any) -> Reply:
        return cls(content=content, **kwargs)

    @classmethod
    def tool_call(
        cls, name: str, arguments: dict[str, Any] | str, *, call_id: str = "call_1", **kwargs: Any
    ) -> Reply:
        """An assistant message calling one tool (arguments JSON-encoded unless a str)."""
        encoded = arguments if isinstance(arguments, str) else json.dumps(arguments)
        call = {"id": call_id, "type": "function", "function": {"name": name, "arguments": encoded}}
        return cls(tool_calls=[call], **kwargs)

    @classmethod
    def error(
        cls, status: int, message: str = "scripted error", *, headers: dict[str, str] | None = None
    ) -> Reply:
        """An OpenAI-style error body with `status` (429 with Retry-After, 500, ...)."""
        body = {"error": {"message": message, "type": "server_error", "code": None}}
        return cls(status=status, body=body, headers=dict(headers or {}))

    @classmethod
    def raw(cls, body: str, *, status: int = 200, content_type: str = "application/json") -> Reply:
        """A body sent verbatim, e.g. one that is not valid JSON."""
        return cls(status=status, body=body, headers={"content-type": content_type})


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]
    body: Any  # parsed JSON, or the raw text when it was not JSON


Handler = Callable[[dict[str, Any]], "Reply | Awaitable[Reply]"]


class FakeOpenAI:
    """The server's state; tests script it through `enqueue`/`handler` and read `requests`."""

    def __init__(self) -> None:
        self.base_url = ""
        self.requests: list[RecordedRequest] = []
        self.handler: Handler | None = None
        self.refuse_tools: str | None = None
        self.reject_params: dict[str, str] = {}
        self.reject_formats: set[str] = set()
        self.api_key: str | None = None
        self.models: list[str] | None = [DEFAULT_MODEL]
        self._queue: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._release: asyncio.Event | None = None
        self._ids = 0
        self.started = threading.Event()
        self.app = Starlette(
            routes=[
                Route("/v1/models", self._models, methods=["GET"]),
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/chat/completions", self._chat, methods=["POST"]),
            ],
            lifespan=self._lifespan,
        )

    # -- scripting ----------------------------------------------------------------------

    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def client(self, **kwargs: Any) -> AsyncOpenAI:
        """A real AsyncOpenAI pointed here; no retries unless asked for."""
        from openai import AsyncOpenAI

        kwargs.setdefault("max_retries", 0)
        return AsyncOpenAI(base_url=self.base_url, api_key="test", **kwargs)

    def reset(self) -> None:
        """Forget the script and the recorded requests; let hanging requests finish."""
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self.handler = None
            self.refuse_tools = None
            self.reject_params = {}
            self.reject_formats = set()
            self.api_key = None
            self.models = [DEFAULT_MODEL]
        if self._loop is None:
            return
        renewed = threading.Event()

        def renew() -> None:
            if self._release is not None:
                self._release.set()
            self._release = asyncio.Event()
            renewed.set()

        self._loop.call_soon_threadsafe(renew)
        if not renewed.wait(timeout=5):
            raise RuntimeError("the fake OpenAI server's loop is not running")

    # -- serving --------------------------------------------------------------------------

    def _refuse_key(self, request: Request) -> Response | None:
        if self.api_key is None:
            return None
        if request.headers.get("authorization") == f"Bearer {self.api_key}":
            return None
        error = {
            "message": "Incorrect API key provided",
            "type": "invalid_request_error",
            "param": None,
            "code": "invalid_api_key",
        }
        return JSONResponse({"error": error}, status_code=401)

    async def _models(self, request: Request) -> Response:
        with self._lock:
            self.requests.append(RecordedRequest(request.url.path, dict(request.headers), None))
        refused = self._refuse_key(request)
        if refused is not None:
            return refused
        if self.models is None:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.models]
        return JSONResponse({"object": "list", "data": data})

    def _profile_refusal(self, body: Any) -> Response | None:
        """What a differently configured server would answer before any script."""
        if not isinstance(body, dict):
            return None
        if self.refuse_tools is not None and body.get("tools"):
            # vLLM's shape; Ollama's is the OpenAI shape with the same kind of message
            error = {
                "object": "error",
                "message": self.refuse_tools,
                "type": "BadRequestError",
                "param": None,
                "code": 400,
            }
            return JSONResponse(error, status_code=400)
        form = body.get("response_format")
        if isinstance(form, dict) and form.get("type") in self.reject_formats:
            error = {
                "message": f"response_format type '{form['type']}' is not supported",
                "type": "invalid_request_error",
                "param": "response_format",
                "code": None,
            }
            return JSONResponse({"error": error}, status_code=400)
        for name, message in self.reject_params.items():
            if name in body:
                error = {
                    "message": message,
                    "type": "invalid_request_error",
                    "param": name,
                    "code": "unsupported_parameter",
                }
                return JSONResponse({"error": error}, status_code=400)
        return None

    async def _chat(self, request: Request) -> Response:
        raw = await request.body()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        with self._lock:
            self.requests.append(RecordedRequest(request.url.path, dict(request.headers), body))
        refused = self._refuse_key(request) or self._profile_refusal(body)
        if refused is not None:
            return refused
        with self._lock:
            reply = self._queue.popleft() if self._queue else None
            handler = self.handler
        if reply is None and handler is not None:
            answer = handler(body if isinstance(body, dict) else {})
            reply = await answer if inspect.isawaitable(answer) else answer
        if reply is None:
            reply = Reply.error(500, "the fake OpenAI server has no scripted reply")
        if reply.hang:
            assert self._release is not None
            await self._release.wait()
        elif reply.delay:
            await asyncio.sleep(reply.delay)
        return self._respond(reply, body if isinstance(body, dict) else {})

    def _respond(self, reply: Reply, body: dict[str, Any]) -> Response:
        if isinstance(reply.body, str | bytes):
            return Response(reply.body, status_code=reply.status, headers=reply.headers)
        if reply.body is not None:
            return JSONResponse(reply.body, status_code=reply.status, headers=reply.headers)
        self._ids += 1
        model = body.get("model", DEFAULT_MODEL)
        message: dict[str, Any] = {"role": "assistant", "content": reply.content, "refusal": None}
        if reply.tool_calls:
            message["tool_calls"] = reply.tool_calls
        finish = reply.finish_reason or ("tool_calls" if reply.tool_calls else "stop")
        if body.get("stream"):
            return self._stream(reply, model, finish)
        completion = {
            "id": f"chatcmpl-fake-{self._ids}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {"index": 0, "message": message, "finish_reason": finish, "logprobs": None}
            ],
        }
        if not reply.no_usage:
            completion["usage"] = reply.usage or {
                "prompt_tokens": 10,
                "completion_tokens": 5,
                "total_tokens": 15,
            }
        return JSONResponse(completion, status_code=reply.status, headers=reply.headers)

    def _stream(self, reply: Reply, model: str, finish: str) -> Response:
        ident = f"chatcmpl-fake-{self._ids}"

        def chunk(delta: dict[str, Any], finish_reason: str | None) -> str:
            data = {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
            }
            return f"data: {json.dumps(data)}\n\n"

        async def events() -> Any:
            yield chunk({"role": "assistant", "content": ""}, None)
            if reply.content:
                yield chunk({"content": reply.content}, None)
            if reply.tool_calls:
                calls = [dict(call, index=i) for i, call in enumerate(reply.tool_calls)]
                yield chunk({"tool_calls": calls}, None)
            yield chunk({}, finish)
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream", headers=reply.headers)

    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self._loop = asyncio.get_running_loop()
        self._release = asyncio.Event()
        self.started.set()
        yield


class _Server:
    """uvicorn in a thread, on a socket bound before it starts (so the port is known)."""

    def __init__(self, fake: FakeOpenAI) -> None:
        self.fake = fake
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)  # connections queue here until uvicorn accepts them
        port = self.sock.getsockname()[1]
        fake.base_url = f"http://127.0.0.1:{port}/v1"
        config = uvicorn.Config(
            fake.app, log_level="warning", lifespan="on", timeout_graceful_shutdown=2
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )
        self.thread.start()
        if not fake.started.wait(timeout=10):
            raise RuntimeError("the fake OpenAI server did not start")

    def stop(self) -> None:
        self.fake.reset()
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="session")
def _openai_server_session() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    server = _Server(fake)
    yield fake
    server.stop()


@pytest.fixture
def openai_server(_openai_server_session: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """The fake OpenAI server, with an empty script and no recorded requests."""
    _openai_server_session.reset()
    yield _openai_server_session
    _openai_server_session.reset()
