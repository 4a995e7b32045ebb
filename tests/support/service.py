"""A real ``agentcron serve`` process for tests that kill it for real."""

from __future__ import annotations

import atexit
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


#: a service answers /healthz in 1–2 s on an idle machine; with three starting at once beside
#: other test suites on two cores it has taken over 30. This is only how long to wait before
#: calling it a failure.
START_SECONDS = 120.0


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

    def start(self, *args: str, within: float = START_SECONDS) -> ServiceProcess:
        """Launch it and wait until it answers ``/healthz``. The process leads a process group
        of its own, so ``kill``/``stop`` reach anything it started; if it does not answer in
        time it is killed before the error is raised, never left behind."""
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
                start_new_session=True,
            )
        _LIVE.add(self)
        try:
            self._wait_healthy(within)
        except BaseException:
            self.kill()
            raise
        return self

    def _wait_healthy(self, within: float) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"service exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(
            f"service did not answer within {within:.0f} s: {self.log.read_text()[-2000:]}"
        )

    def kill(self) -> None:
        """SIGKILL to its process group: no shutdown code runs, leases stay as they were."""
        if self.proc is not None:
            _signal_group(self.proc, signal.SIGKILL)
            self.proc.wait(timeout=10)
        _LIVE.discard(self)

    def terminate(self, timeout: float = 30) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=timeout)
        _LIVE.discard(self)
        return code

    def stop(self) -> None:
        """SIGTERM, and SIGKILL to the whole group if it has not ended in 15 s."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        self.kill()  # whatever is left of its group


#: services started and not yet stopped: ``kill_leftovers`` ends them whatever a test did
_LIVE: set[ServiceProcess] = set()


def _signal_group(proc: subprocess.Popen[bytes], signum: int) -> None:
    try:
        os.killpg(proc.pid, signum)  # start_new_session: its group's id is its pid
    except ProcessLookupError:
        pass


def live_services() -> frozenset[ServiceProcess]:
    return frozenset(_LIVE)


def kill_leftovers(keep: frozenset[ServiceProcess] = frozenset()) -> None:
    """Kill every service started and not stopped, but those in ``keep`` (the suite calls
    this after each test, keeping the services of wider fixtures, and at exit): a failing
    test never leaves ``agentcron serve`` processes behind."""
    for service in list(_LIVE - keep):
        service.kill()


atexit.register(kill_leftovers)
