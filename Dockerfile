FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_DEBUG=0

RUN useradd --create-home --uid 10001 app
WORKDIR /app

# Dependencies first, so code changes don't reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir -p backpain && touch backpain/__init__.py \
    && pip install --upgrade pip \
    && pip install . \
    && pip uninstall -y back-on-track

COPY --chown=app:app . .
RUN pip install --no-deps . \
    && python -m backpain.content.reading \
    && DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
       python manage.py collectstatic --noinput

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os,sys,urllib.request as u; host=os.environ.get('DJANGO_ALLOWED_HOSTS','localhost').split(',')[0]; r=u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': host}), timeout=4); sys.exit(r.status != 200)"
# Run migrations and load_content as a release step (see README), not on every container start.
# The access log writes [link] in place of a sheet's token (backpain/access_log.py, README "Production").
CMD ["gunicorn", "backpain.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", \
     "--logger-class", "backpain.access_log.RedactingLogger"]
