# One image for web, worker and beat.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ZORGNET_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
# deduce's name lookup structures, built once into the image (never on a request).
RUN python -m zorgnet.lib.namen
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput
RUN useradd --create-home zorgnet && mkdir -p /app/var && chown -R zorgnet /app/var
USER zorgnet
EXPOSE 8000
CMD ["gunicorn", "-c", "ops/gunicorn.conf.py", "zorgnet.wsgi:application"]
