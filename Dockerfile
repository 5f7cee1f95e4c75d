# syntax=docker/dockerfile:1
# Omarmt in a container: `docker build -t omarmt .`, then run it with the OMARMT_* settings as
# environment variables (or a .env file in the /data volume) and a volume on /data.

# A full patch tag so a rebuild gets the same Python; bump it on purpose, for security fixes.
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# .dockerignore keeps the venv, caches, databases, secrets and stale .mo files out.
COPY . .
# Builds omarmt's wheel (the hatch build hook compiles the catalogs into it) and collects a wheel
# of every dependency, so the final stage installs offline and without a compiler.
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM ${PYTHON_IMAGE}
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OMARMT_DB=/data/omarmt.sqlite3
# A fixed numeric id, so volume ownership on the host is predictable and the id always resolves.
RUN groupadd --system --gid 10001 omarmt \
    && useradd --system --uid 10001 --gid omarmt --home-dir /data --no-create-home omarmt \
    && install --directory --owner=10001 --group=10001 --mode=0700 /data
# The bind mount keeps the wheels out of every image layer.
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links=/wheels /wheels/omarmt-*.whl
WORKDIR /data
VOLUME ["/data"]
USER 10001:10001
# 8443: Telegram webhook mode only (`omarmt run --webhook`, OMARMT_WEBHOOK_LISTEN); long polling
# needs no port. 8080: the WhatsApp webhook (OMARMT_WHATSAPP_LISTEN), when WhatsApp is set.
EXPOSE 8443 8080
# Liveness: the loops of `omarmt run` touch /data/omarmt.sqlite3.alive every 15 s while they make
# progress; `omarmt health` fails when it is older than 90 s. A bot stuck for 5 minutes also
# exits 1 by itself: run the container with a restart policy (--restart unless-stopped).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["omarmt", "health"]
CMD ["omarmt", "run"]
