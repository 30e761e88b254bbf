"""The production stack starts and serves: scripts/smoke runs what docker-compose.yml runs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def postgres_server_url() -> str:
    """The server of the suite's DATABASE_URL (the smoke test makes its own database there)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url.rsplit("/", 1)[0] + "/"
    return "postgres://postgres@127.0.0.1:5432/"


def test_it_lists_every_service_of_the_layout():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat"}
    assert services["web"]["depends_on"]["db"] == {"condition": "service_healthy"}


@pytest.mark.postgres
@pytest.mark.redis
def test_it_starts_the_stack_and_passes_every_check():
    env = {**os.environ, "SMOKE_POSTGRES_URL": postgres_server_url()}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "smoke")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke: PASSED" in done.stdout
