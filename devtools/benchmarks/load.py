"""The matrix under load: gunicorn started as docker-compose.yml starts it (DEBUG off, static
files by WhiteNoise, persistent connections), on the bench database, on a free loopback port;
10 simulated users with keep-alive connections request the matrix ("/matrix/") for 30 s.

The load generator is Python threads on http.client: no extra tool to install, and the
threads mostly wait on sockets, leaving the two cores to gunicorn and PostgreSQL.
"""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from devtools.benchmarks.core import BenchContext, Figures, NotMeasured, percentile

USERS = 10
DURATION_S = 30
WARMUP_S = 3
PATH = "/matrix/"  # the matrix (the front page took "/")


@dataclass
class Tally:
    """What one simulated user saw; merged once the run is over."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def bench_load_matrix(ctx: BenchContext) -> Figures:
    found = load_run(ctx, (PATH,))
    return {f"load_matrix_{key}": value for key, value in found.items() if key != "workers"} | {
        "load_gunicorn_workers": found["workers"]
    }


def load_run(ctx: BenchContext, paths: tuple[str, ...]) -> Figures:
    """gunicorn on the bench database, USERS users requesting `paths` in turn for
    DURATION_S: requests a second, p50, p95, errors, gunicorn's CPU per request."""
    if connection.vendor != "postgresql":
        raise NotMeasured("the load figures need PostgreSQL")
    with tempfile.TemporaryDirectory(prefix="spf-load-") as workdir:
        port = free_port()
        env = gunicorn_env(Path(workdir), port)
        ctx.progress("load: collectstatic and gunicorn, as docker-compose.yml runs them...")
        run_quietly(["python", "manage.py", "collectstatic", "--no-input"], env)
        with open(Path(workdir) / "gunicorn.log", "wb") as log:
            server = subprocess.Popen(
                web_command(),
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                wait_until_up(port, server)
                ctx.progress(f"load: warming up for {WARMUP_S} s...")
                drive(port, USERS, WARMUP_S, paths)
                ctx.progress(f"load: {USERS} users on {', '.join(paths)} for {DURATION_S} s...")
                cpu_before = group_cpu_s(server.pid)
                started = time.perf_counter()
                tallies = drive(port, USERS, DURATION_S, paths)
                elapsed = time.perf_counter() - started
                cpu_s = group_cpu_s(server.pid) - cpu_before
            finally:
                stop(server)
    latencies = [ms for tally in tallies for ms in tally.latencies_ms]
    errors = [error for tally in tallies for error in tally.errors]
    if errors:
        ctx.note(f"load: {len(errors)} failed requests, first: {errors[0]}")
    if not latencies:
        raise NotMeasured("load: no request succeeded")
    return {
        "rps": round(len(latencies) / elapsed, 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "errors": len(errors),
        # gunicorn's own CPU per page: unlike the rates, it barely moves when the machine is
        # shared, so it says what the two cores could serve when idle (not counting PostgreSQL).
        "cpu_ms": round(cpu_s * 1000 / len(latencies), 1) if cpu_s else None,
        "workers": int(env["WEB_CONCURRENCY"]),
    }


def web_command() -> list[str]:
    """The web service's command in docker-compose.yml (migrate, then gunicorn)."""
    import yaml

    compose = yaml.safe_load((Path(settings.BASE_DIR) / "docker-compose.yml").read_text())
    return list(compose["services"]["web"]["command"])


def gunicorn_env(workdir: Path, port: int) -> dict[str, str]:
    db = connection.settings_dict  # the bench database, already built
    auth = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    server = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    database_url = f"postgres://{auth}@{server}/{db['NAME']}"
    venv_bin = str(Path(sys.executable).parent)
    env = {key: value for key, value in os.environ.items() if key != "CONN_MAX_AGE"}
    env.update(
        PATH=f"{venv_bin}{os.pathsep}{env.get('PATH', '')}",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(workdir / "static"),
        GUNICORN_HOST="127.0.0.1",
        PORT=str(port),
        # The compose default, (cores + 1) workers, unless the caller sets WEB_CONCURRENCY.
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) + 1)),
    )
    return env


def run_quietly(argv: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(argv, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise NotMeasured(f"load: {' '.join(argv)} failed: {done.stderr[-500:]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request_headers(port: int) -> dict[str, str]:
    # As the TLS proxy in front of gunicorn would send it (no redirect to https).
    return {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https"}


def wait_until_up(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    until = time.monotonic() + timeout
    while time.monotonic() < until:
        if server.poll() is not None:
            raise NotMeasured(f"load: gunicorn exited with status {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz", headers=request_headers(port))
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise NotMeasured("load: gunicorn did not answer /healthz within a minute")


def drive(port: int, users: int, seconds: float, paths: tuple[str, ...] = (PATH,)) -> list[Tally]:
    """`users` threads, each one keep-alive connection, requesting `paths` in turn until
    time is up."""
    deadline = time.perf_counter() + seconds
    tallies = [Tally() for _ in range(users)]
    threads = [
        threading.Thread(
            target=one_user,
            args=(port, deadline, tally, paths[n % len(paths) :] + paths[: n % len(paths)]),
            daemon=True,
        )
        for n, tally in enumerate(tallies)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return tallies


def one_user(port: int, deadline: float, tally: Tally, paths: tuple[str, ...] = (PATH,)) -> None:
    headers = request_headers(port)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    turn = 0
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        path = paths[turn % len(paths)]
        turn += 1
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            tally.errors.append(repr(error))
            conn.close()  # the next request opens a fresh connection
            continue
        if response.status == 200:
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
        else:
            tally.errors.append(f"status {response.status}")
    conn.close()


def group_cpu_s(pgid: int) -> float:
    """CPU seconds used so far by a process group (Linux /proc; 0 elsewhere)."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name, in parentheses, may hold spaces: split after it.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        if int(fields[2]) == pgid:  # fields: state, ppid, pgrp, ... utime (11), stime (12)
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
