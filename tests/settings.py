"""Test settings: production settings with a throwaway key, plain HTTP and plain static storage."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_HTTPS", "0")

from backpain.settings import *  # noqa: E402, F403

# Manifest storage needs collectstatic first; tests and live_server use the source files.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast users in tests only
AXES_ENABLED = os.environ.get("AXES_ENABLED_IN_TESTS") == "1"
# Serve static files straight from static/ and the apps (no collectstatic needed for tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
