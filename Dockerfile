# The actorgraph API under gunicorn, configured by environment variables:
#   ACTORGRAPH_STORE (embedded:///data/graph.db or neo4j://host:7687/neo4j), NEO4J_USER,
#   NEO4J_PASSWORD, ACTORGRAPH_API_TOKEN (unset: writes disabled), ACTORGRAPH_CORS_ORIGINS,
#   ACTORGRAPH_FRAME_ANCESTORS, ACTORGRAPH_MAX_BODY_BYTES; GUNICORN_CMD_ARGS for workers etc.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    ACTORGRAPH_STORE=embedded:///data/graph.db \
    GUNICORN_CMD_ARGS="--workers 2 --threads 4 --timeout 120"

# cairo and a font for the PNG pictures (/view.png, export --format png)
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcairo2 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY ingest ./ingest
COPY queries ./queries
COPY api ./api
COPY actorgraph ./actorgraph
COPY gunicorn.conf.py ./
RUN pip install . \
 && useradd --create-home --uid 10001 actorgraph \
 && mkdir -p /data && chown actorgraph /data

USER actorgraph
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "api.app:create_app()"]
