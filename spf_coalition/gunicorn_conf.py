"""gunicorn's settings, from the environment: `gunicorn -c python:spf_coalition.gunicorn_conf`.

The Docker image, docker-compose.yml, scripts/smoke and the load bench all start gunicorn with
this one file, so what is tested is what is deployed.
"""

import os

# Inside a container the app listens on every interface; the smoke test picks loopback.
bind = f"{os.environ.get('GUNICORN_HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"

# Pages are CPU-bound Python with short database waits: one process per core, plus one to
# cover the waits, each with a few threads so that keep-alive and slow clients do not pin a
# process. WEB_CONCURRENCY / GUNICORN_THREADS override it (e.g. under a CPU quota).
workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A request that takes more than 30 s is stuck; the export of the whole matrix takes ~3 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200

# Logs go to stdout/stderr, where `docker compose logs` reads them.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# gunicorn 24+ opens a control socket in $HOME; nothing uses it, and two instances on one
# host (the smoke test beside the load bench) would fight over it.
control_socket_disable = True
