"""schemathesis against the OpenAPI document of a real ``agentcron serve --role api``: every
operation, its examples, its coverage cases, fuzzed bodies and parameters, and stateful
sequences that follow the document's links (create a job, then read, change, pause, trigger,
delete it). Checks: no server error, documented status codes and content types, responses
matching the schemas generated from app/api/responses.py, a created job readable at once,
a deleted one gone, and no operation answering without a key.

The second test holds the document to what the service accepts: a request the document allows
is not refused for its form (positive_data_acceptance, ST202), and one it forbids is not
accepted (negative_data_rejection, ST201) — but where the service reads meaning no schema can
say (SCHEMATHESIS_CONFIG).

The instance has no scheduler and no worker and no LLM or Slack configured, so nothing the
fuzzer stores is ever executed: no URL it invents is called."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.service import ServiceProcess, create_key

pytestmark = [pytest.mark.slow]

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "use_after_free",
        "ensure_resource_availability",
        "ignored_auth",
    ]
)


def _schemathesis() -> str:
    found = Path(sys.executable).parent / "schemathesis"
    if found.exists():
        return str(found)
    path = shutil.which("schemathesis")
    if path is None:
        pytest.skip("schemathesis is not installed (pip install -e '.[test]')")
    return path


#: where a request the document allows may still be refused for what it means, and one it
#: forbids answered: /validate answers 200 about any schedule in its parameters ({"valid":
#: false, "field", "error"}: seed 002's contract); plain words read by the parser (parse-nl,
#: a job's schedule), a job's fields read together (a schedule's timezone and bounds, data
#: with payload, host actions), an agent's (tools that act granted only with hosts to reach,
#: host patterns) and a chain's jobs (the caller's own) are checked by meaning.
SCHEMATHESIS_CONFIG = r"""
[checks]
enabled = false
positive_data_acceptance.enabled = true
negative_data_rejection.enabled = true
not_a_server_error.enabled = true

[[operations]]
include-path = "/api/scheduler/validate"
checks.negative_data_rejection.enabled = false

[[operations]]
include-path-regex = '^/api/scheduler/(parse-nl|chains|jobs|jobs/by-name/\{name\})$'
include-method-regex = '^(POST|PUT)$'
checks.positive_data_acceptance.enabled = false

[[operations]]
include-path-regex = '^/api/scheduler/agents(/\{agent_id\})?$'
include-method-regex = '^(POST|PUT|PATCH)$'
checks.positive_data_acceptance.enabled = false
"""


def _service(tmp_path: Path) -> tuple[ServiceProcess, str]:
    """An API-only instance (no scheduler, no worker: nothing stored runs) with its key."""
    quiet = {k: "" for k in os.environ if k.startswith(("OPENAI_", "SLACK_"))}
    service = ServiceProcess(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'fuzz.db'}",
        workdir=tmp_path,
        extra_env={
            **quiet,
            "AGENTCRON_ALLOW_PRIVATE_NETWORKS": "0",
            "AGENTCRON_RATE_LIMIT_API": "1000000/10",
            "AGENTCRON_RATE_LIMIT_PARSE": "1000000/60",
            "AGENTCRON_RATE_LIMIT_PARSE_ADDRESS": "1000000/60",
        },
    )
    key = create_key(service.env)
    service.start("--role", "api")
    return service, key


def _checked(tmp_path: Path, *options: str, config: list[str] | None = None) -> str:
    """schemathesis run with `options` against a fresh API-only instance; asserts it found
    nothing and returns the service's log."""
    service, key = _service(tmp_path)
    try:
        done = subprocess.run(
            [
                _schemathesis(),
                *(config or []),
                "run",
                f"{service.url}/openapi.json",
                "--header",
                f"Authorization: Bearer {key}",
                *options,
                *("--workers", "1", "--request-timeout", "10", "--no-color"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
        )
    finally:
        service.stop()
    assert done.returncode == 0, done.stdout[-8000:]
    return service.log.read_text()


def test_schemathesis_finds_nothing_against_the_document(tmp_path: Path) -> None:
    service_log = _checked(
        tmp_path,
        *("--checks", CHECKS, "--phases", "examples,coverage,fuzzing,stateful"),
        *("--max-examples", "6", "--max-time", "45", "--max-response-time", "5"),
        *("--seed", "20261203"),
    )
    assert "Internal Server Error" not in service_log


def test_the_document_says_what_the_service_accepts(tmp_path: Path) -> None:
    config = tmp_path / "schemathesis.toml"
    config.write_text(SCHEMATHESIS_CONFIG)
    service_log = _checked(
        tmp_path,
        # the coverage phase is where a document's bounds are tried (each boundary and each
        # value just past it); fuzzing adds little here and doubles the time
        *("--phases", "examples,coverage", "--max-examples", "5", "--max-time", "90"),
        *("--seed", "20261205"),
        config=["--config-file", str(config)],
    )
    assert "Internal Server Error" not in service_log
