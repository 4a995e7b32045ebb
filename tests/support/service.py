"""A real ``agentcron serve`` process for tests that kill it for real."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "agentcron.app.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def create_key(env: dict[str, str], name: str = "tester", *, new_owner: bool = False) -> str:
    """A key for the install's first owner, or (``new_owner``) for an owner of its own."""
    extra = ("--new-owner",) if new_owner else ()
    return cli("keys", "create", "--name", name, *extra, env=env).strip().splitlines()[-1]


class ServiceProcess:
    def __init__(
        self, *, database_url: str, workdir: Path, extra_env: dict[str, str] | None = None
    ):
        self.port = free_port()
        self.workdir = workdir
        self.env = {
            **os.environ,
            "AGENTCRON_DATABASE_URL": database_url,
            "AGENTCRON_ALLOW_PRIVATE_NETWORKS": "1",
            "AGENTCRON_LEASE_SECONDS": "2",
            "AGENTCRON_MAX_SLEEP_SECONDS": "1",
            "AGENTCRON_SHUTDOWN_GRACE_SECONDS": "5",
            **(extra_env or {}),
        }
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = workdir / f"service-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *args: str) -> ServiceProcess:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "agentcron.app.cli",
                    "serve",
                    "--port",
                    str(self.port),
                    "--log-level",
                    "warning",
                    *args,
                ],
                env=self.env,
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"service exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"service did not start: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, leases stay as they were."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def terminate(self, timeout: float = 30) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
