"""Build, start, stop and restart the local Neo4j test server (no Docker needed).

The server is `tests/neo4j-server` (embedded Neo4j 5.26 Community with Bolt),
built once with Maven and run on a free local port with a throwaway data
directory. Tests and `bench/` use it when `NEO4J_URI` is not set.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

PROJECT = Path(__file__).resolve().parent / "neo4j-server"
JAR = PROJECT / "target" / "neo4j-test-server.jar"
READY = "NEO4J READY"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 60.0
# Neo4j reaches into these JDK internals (off-heap buffers, native I/O) on Java 17.
JVM_FLAGS = (
    "-Xmx512m",
    "-XX:+UseG1GC",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)


@dataclass(frozen=True)
class Neo4jSettings:
    """Where a Neo4j server answers and how to log in."""

    uri: str
    user: str
    password: str


class Neo4jServerError(RuntimeError):
    """The local test server could not be built, started or stopped."""


def build(force: bool = False) -> Path:
    """Build the server jar with Maven unless it is newer than every source file."""
    sources = [PROJECT / "pom.xml", *PROJECT.glob("src/**/*.java")]
    fresh = JAR.exists() and (JAR.parent / "lib").is_dir()
    if not force and fresh and JAR.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return JAR
    cmd = ["mvn", "-q", "-B", "-f", str(PROJECT / "pom.xml"), "package"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not JAR.exists():
        raise Neo4jServerError(f"maven build failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    return JAR


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Neo4jServer:
    """One local server process; `stop()` and `start()` keep its port and data directory."""

    data_dir: Path
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    process: subprocess.Popen[bytes] | None = None

    @property
    def settings(self) -> Neo4jSettings:
        return Neo4jSettings(f"bolt://127.0.0.1:{self.port}", "neo4j", self.password)

    @property
    def log_path(self) -> Path:
        return self.data_dir.with_name(self.data_dir.name + ".log")

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, timeout: float = START_TIMEOUT) -> Neo4jSettings:
        """Launch the JVM, wait for the ready line and a working Bolt login."""
        if self.running:
            return self.settings
        self.data_dir.mkdir(parents=True, exist_ok=True)
        cmd = ["java", *JVM_FLAGS, "-jar", str(build()), str(self.data_dir), str(self.port),
               self.password, "--exit-on-stdin-eof"]
        with self.log_path.open("ab") as log:
            # stdin stays an open pipe: if this Python process dies, the server sees EOF and exits.
            self.process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        try:
            self._wait_ready_line(deadline)
            self._wait_connectivity(deadline)
        except BaseException:
            self.stop()
            raise
        return self.settings

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """SIGTERM (clean shutdown through the JVM hook), then SIGKILL after `timeout`."""
        proc, self.process = self.process, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        if proc.stdin is not None:
            proc.stdin.close()

    def restart(self, timeout: float = START_TIMEOUT) -> Neo4jSettings:
        """Stop, then start again on the same port and data directory."""
        self.stop()
        return self.start(timeout)

    def _log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def _wait_ready_line(self, deadline: float) -> None:
        # The log is appended to across restarts: only count ready lines written by this launch.
        seen = self._log_text().count(READY)
        while time.monotonic() < deadline:
            text = self._log_text()
            if text.count(READY) > seen:
                return
            if self.process is None or self.process.poll() is not None:
                raise Neo4jServerError(f"neo4j test server exited early:\n{text[-4000:]}")
            time.sleep(0.2)
        raise Neo4jServerError(f"neo4j test server not ready in time:\n{self._log_text()[-4000:]}")

    def _wait_connectivity(self, deadline: float) -> None:
        settings = self.settings
        with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
            while True:
                try:
                    driver.verify_connectivity()
                    return
                except (ServiceUnavailable, AuthError, OSError) as exc:
                    if time.monotonic() > deadline:
                        raise Neo4jServerError(f"bolt never answered: {exc}") from exc
                    time.sleep(0.5)


def settings_from_env() -> Neo4jSettings | None:
    """Settings of an external server named by NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD), if any."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return Neo4jSettings(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
