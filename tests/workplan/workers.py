"""Real Celery workers for the integration tests: started on the local Redis and the test's
PostgreSQL database, sending into a local SMTP sink, stopped (or killed) by process group."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from celery import Celery
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


class Sink:
    """Keeps every message the SMTP server receives, each after `delay` seconds (a relay's
    latency: long enough for a test to catch a sweep in the middle)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.received: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def per_address(self) -> Counter[str]:
        return Counter(address for rcpt_tos, _content in self.received for address in rcpt_tos)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url(default_db: int) -> str:
    """A Redis database of the test's own, so other tests' queues never meet its worker
    (SPF_TEST_REDIS_URL chooses another, e.g. when several people share one Redis)."""
    return os.environ.get("SPF_TEST_REDIS_URL") or f"redis://127.0.0.1:6379/{default_db}"


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def flush(broker_url: str) -> Celery:
    """A client of the broker, its database emptied of anything left by an earlier run."""
    broker = Celery(broker=broker_url)
    with broker.connection_for_write() as conn:
        conn.default_channel.client.flushdb()
    return broker


def start_worker(
    broker_url: str, smtp_port: int, log: Path, env: dict[str, str] | None = None
) -> subprocess.Popen:
    """A prefork worker with two processes, in a process group of its own."""
    environment = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker_url,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        **(env or {}),
    }
    celery = Path(sys.executable).with_name("celery")
    with log.open("ab") as output:  # the worker keeps its own copy of the file
        return subprocess.Popen(
            [str(celery), "-A", "spf_coalition", "worker", "--pool=prefork", "-c", "2"],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the worker and its pool processes at once: no chance to finish anything."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        kill(process)


def wait_for(condition: Callable[[], bool], seconds: float = 40, step: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(step)
    return True
