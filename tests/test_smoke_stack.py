"""The production stack starts and serves: scripts/smoke runs what docker-compose.yml runs."""

import os
import re
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


def documents_location(environment: dict[str, str]) -> str:
    """Where the settings put the private documents, given a container's environment (a
    fresh process: the settings read it once, at import)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPF_DOCUMENTS_")}
    env.update({k: str(v) for k, v in environment.items() if k.startswith("SPF_DOCUMENTS_")})
    env["DEBUG"] = "1"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.STORAGES['documents']['OPTIONS']['location'])",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "spf_coalition.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(instruction, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            instruction, _, arguments = line.partition(" ")
            found.append((instruction.upper(), arguments))
    return found


def test_web_and_worker_keep_the_documents_in_one_named_volume_where_the_settings_look():
    """Uploaded documents outlive the containers: the path the settings use inside web and
    worker is a named volume both mount, and the image makes it its user's to write."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    mounts = {}
    for name in ("web", "worker"):
        path = documents_location(services[name]["environment"])
        assert path.startswith("/"), path  # not the default beside the code, in /app
        volumes = dict(
            reversed(volume.split(":")[:2]) for volume in services[name].get("volumes") or []
        )
        assert path in volumes, f"{name} mounts nothing at {path}"
        mounts[name] = (volumes[path], path)
    volume, path = mounts["web"]
    assert mounts["worker"] == (volume, path)
    assert volume in compose["volumes"], f"{volume} is not a named volume"

    instructions = dockerfile_instructions()
    user = next(arguments for instruction, arguments in instructions if instruction == "USER")
    runs = [arguments for instruction, arguments in instructions if instruction == "RUN"]
    assert any(re.search(rf"mkdir -p [^&]*{re.escape(path)}\b", run) for run in runs)
    assert any(re.search(rf"chown {user}:{user} [^&]*{re.escape(path)}\b", run) for run in runs)
    # The image's own default (a container run without compose) is the same directory.
    image_env = " ".join(
        arguments for instruction, arguments in instructions if instruction == "ENV"
    )
    assert f"SPF_DOCUMENTS_ROOT={path}" in image_env


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
