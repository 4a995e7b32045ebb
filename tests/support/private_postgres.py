"""A PostgreSQL server of the test's own, on a free port in a temporary directory, that the
test may stop, start and restart without touching the shared server other tests use."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.service import free_port

BIN_DIRS = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15", "14")]


def _bin_dir() -> Path | None:
    found = next((d for d in BIN_DIRS if (d / "initdb").exists()), None)
    if found is None and shutil.which("pg_ctl"):
        return Path(str(shutil.which("pg_ctl"))).parent
    return found


class PrivatePostgres:
    def __init__(self, root: Path) -> None:
        bindir = _bin_dir()
        if bindir is None:
            raise RuntimeError("no initdb/pg_ctl found (PostgreSQL server binaries)")
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.port = free_port()
        # initdb refuses to run as root: run the server as the postgres user then
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root without a postgres user") from None
            self.user = "postgres"
            shutil.chown(root, user="postgres")

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/agentcron"

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name: str = "agentcron") -> None:
        path = str(self.bindir / "createdb")
        command = [path, "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name]
        subprocess.run(command, check=True, capture_output=True, timeout=60)


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """A fresh server in a directory of its own (not under pytest's, which the postgres user
    may not enter), removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="agentcron-pg-"))
    try:
        server = PrivatePostgres(root)
        server.init()
        server.start()
        try:
            server.create_database()
            yield server
        finally:
            try:
                server.stop()
            except subprocess.CalledProcessError:
                pass  # already stopped
    finally:
        shutil.rmtree(root, ignore_errors=True)
