# The checking service (paimai serve) as a container image. See docs/service.md.
#
#   docker build -t paimai-docs .
#   docker run --rm -p 8000:8000 paimai-docs          # http://127.0.0.1:8000/
#   docker compose up --scale worker=2                # with a Dask scheduler and workers
#
# One image for the web service, the Dask scheduler and the Dask workers: the workers must run
# the same version of paimai-docs (and the same holiday data) as the service that sends them
# packets.
FROM python:3.11-slim-bookworm

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# LibreOffice reads .doc/.wps/.rtf uploads and renders PDFs; CJK fonts for both; libGL and GLib
# for OpenCV, which the ocr extra's RapidOCR loads.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libreoffice-writer-nogui fonts-noto-cjk fonts-wqy-zenhei libgl1 libglib2.0-0 \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin paimai

WORKDIR /src
COPY pyproject.toml README.md CHANGELOG.md ./
COPY paimai_docs ./paimai_docs
COPY templates ./templates
COPY rules ./rules
COPY examples ./examples
RUN pip install ".[serve,ocr]" && rm -rf /src

USER paimai
WORKDIR /home/paimai
ENV HOME=/home/paimai

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)" || exit 1

# Settings come from the environment: PAIMAI_TOKEN, PAIMAI_MAX_UPLOAD, PAIMAI_TIMEOUT,
# PAIMAI_EXECUTOR (dask://scheduler:8786), PAIMAI_SERVE_WORKERS, PAIMAI_WORKER_MEMORY.
CMD ["paimai", "serve", "--host", "0.0.0.0", "--port", "8000"]
