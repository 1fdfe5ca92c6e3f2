"""Back on Track settings: one file, read from the environment.

Production needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS; everything else has a safe default.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

_DEV_SECRET_KEY = "django-insecure-back-on-track-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    # A known key would let anyone forge sessions and CSRF tokens.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
        "For local use, `make run` generates one in .env.local."
    )
if not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    # Django's own thresholds (check --deploy's W009), but refused at start: a short or repetitive
    # key can be guessed, and `check --deploy` is a step a deploy can skip.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak: it needs at least 50 characters and 5 different ones. Make one with "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

# Old keys, still accepted while a rotation settles (sessions, and the sheet links of prescribe/sheet.py).
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", "")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "template_partials",
    "csp",
    "simple_history",
    "axes",
    "django_ratelimit",
    "backpain.content",
    "backpain.guide",
    "backpain.checker",
    "backpain.routines",
    "backpain.running",
    "backpain.prescribe",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "backpain.middleware.RequestSizeLimitMiddleware",
    "backpain.middleware.OfflineKeepMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last but one, as django-axes asks
    "backpain.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "backpain.urls"
# Django's own form renderer, with its one-element widgets written without a template (much faster).
FORM_RENDERER = "backpain.form_renderer.WidgetRenderer"
WSGI_APPLICATION = "backpain.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "backpain.context_processors.site",
            ],
        },
    },
]

# SQLite file in the project by default; any DATABASE_URL (PostgreSQL in production) otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;"}
    )
    if not DEBUG and DATABASES["default"]["NAME"] not in ("", ":memory:"):
        # Opened read-write, never created: SQLite would make an empty file where the database is missing
        # and serve an empty site; now a missing file is the 503 page. `manage.py migrate` creates it
        # (backpain/content/management/commands/migrate.py). Tests use their own database.
        _path = Path(DATABASES["default"]["NAME"]).resolve()
        DATABASES["default"]["NAME"] = f"{_path.as_uri()}?mode=rw"
        DATABASES["default"]["OPTIONS"]["uri"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache shared by every process and machine: Redis when given, else the database.
# (A per-process memory cache alone would miss invalidations made by another worker.)
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "backpain",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "KEY_PREFIX": "backpain",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# In front of it, each process keeps hot pages in memory. Pages are keyed by the content version,
# which a process re-reads from the shared cache at most this often: an admin save shows on every
# server within these seconds (at once on the one that saved it).
CACHES["local"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
                   "OPTIONS": {"MAX_ENTRIES": 1000}}
CONTENT_VERSION_LOCAL_SECONDS = float(os.environ.get("BACKPAIN_CONTENT_VERSION_SECONDS", "2"))

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The address the app trusts (behind the TLS proxy, the one the proxy forwards): backpain/clients.py.
AXES_CLIENT_IP_CALLABLE = "backpain.clients.client_ip"
# Two limits axes's one count cannot give (backpain/views.py, admin_login): failed logins to one username
# from any addresses lock it for a shorter while (someone else's guesses must not shut the editor out
# for long), and one address is limited across every username it tries.
LOGIN_USERNAME_RATE = os.environ.get("BACKPAIN_LOGIN_USERNAME_RATE", "10/15m")
LOGIN_ADDRESS_RATE = os.environ.get("BACKPAIN_LOGIN_ADDRESS_RATE", "20/h")

# Rate limits (django-ratelimit), counted in the shared cache per client address (backpain/clients.py).
RATELIMIT_USE_CACHE = "default"
FEEDBACK_RATE = os.environ.get("BACKPAIN_FEEDBACK_RATE", "10/h")  # "Was this page helpful?" answers sent
# django-ratelimit's W001 says only that a backend is not on its list, which names django-redis but not
# Django's own RedisCache (whose increment is Redis's atomic INCR). Its E003 refuses the database cache,
# whose increment is a read then a write: a burst sent at one instant to several workers can get a few
# answers past the limit. Without Redis the limit still holds within a few, and prune_feedback caps the table.
_DATABASE_CACHE = CACHES["default"]["BACKEND"].endswith("DatabaseCache")
SILENCED_RATELIMIT_CHECKS = ["django_ratelimit.W001", *(["django_ratelimit.E003"] if _DATABASE_CACHE else [])]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False  # the site is in English only; this skips the translation machinery on every request
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("BACKPAIN_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
# MP3 is compressed already, and a browser asks for audio in byte ranges without gzip: compressing the
# stage tracks (35 MB) at collectstatic only cost time (about 5 s on every deploy).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    "jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br", "swf", "flv", "woff",
    "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4", "mpeg", "mpg", "webm", "wmv", "mp3",
)

# --- Security -------------------------------------------------------------------------------
# How visitors reach the site. Over HTTPS by default when DEBUG is off: directly, or through a proxy
# or load balancer that terminates TLS (then set DJANGO_BEHIND_TLS_PROXY=1, and nothing else).
# DJANGO_HTTPS=0 is plain HTTP, for loopback only (make run, the test servers): no redirect, and
# cookies without Secure, which a browser would otherwise never send back over HTTP.
BEHIND_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", False)
HTTPS = BEHIND_TLS_PROXY or env_bool("DJANGO_HTTPS", not DEBUG)
if BEHIND_TLS_PROXY:
    # The proxy says which scheme the visitor used. Only safe when it overwrites this header on
    # every request (nginx: proxy_set_header X-Forwarded-Proto $scheme).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
# The site's own address (scheme and host, and a port if not the usual one). Pages print it in their
# canonical links and the page cache keys on it: the Host header's port, case and trailing dot are the
# visitor's to choose, and Django's host check ignores the port, so a key built from the header could
# be multiplied at will. By default the first of DJANGO_ALLOWED_HOSTS.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").strip().rstrip("/")
if not SITE_URL:
    _first_host = ALLOWED_HOSTS[0].lstrip(".") if ALLOWED_HOSTS else "*"
    if _first_host == "*":
        raise ImproperlyConfigured("Set DJANGO_SITE_URL (e.g. https://backontrack.example): "
                                   "DJANGO_ALLOWED_HOSTS does not name one host to use in links.")
    SITE_URL = f"{'https' if HTTPS else 'http'}://{_first_host}"
if not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(f"DJANGO_SITE_URL must start with https:// or http://, not {SITE_URL!r}.")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers and Docker probe over plain HTTP
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
# Both commit every subdomain (and, with preload, browsers' built-in lists) to HTTPS for months, and
# can't be taken back quickly: a deployer turns them on knowingly. Until then, Django's reminders
# about them are silenced (below).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    *SILENCED_RATELIMIT_CHECKS,
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # an editor's working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True  # htmx reads the token from the page, not the cookie

# Requests larger than this are refused with 400 before a view sees them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# Browser features the app never uses, turned off for every response (django-permissions-policy).
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb",
    "interest-cohort")}

# Scripts only from our own origin (htmx and app.js) or with this response's nonce; no eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The service worker, /sw.js (backpain/views.py), and the manifest come from the site only.
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    },
}

ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
# Editors are the only people who log in; an unsafe ?next= falls back here.
LOGIN_URL = f"/{ADMIN_URL}login/"
LOGIN_REDIRECT_URL = f"/{ADMIN_URL}"

# A bad request from outside (bad Host, too many fields, broken multipart: a 4xx) is logged as one line
# with its reason, without the traceback Django attaches (backpain/logs.py); a 5xx keeps its traceback.
# A logger's filter sees only what is logged on that logger, so each of Django's is named.
_CLIENT_ERROR_LOGGERS = ["django.request", *(f"django.security.{name}" for name in (
    "DisallowedHost", "DisallowedRedirect", "TooManyFieldsSent", "TooManyFilesSent", "RequestDataTooBig",
    "SuspiciousMultipartForm", "SuspiciousFileOperation", "SuspiciousOperation", "SuspiciousSession",
    "InvalidSessionKey", "csrf"))]
# No line carries a sheet's link (issue 29): Django's "Bad Request: <path>" is redacted on its own
# loggers (so every handler sees [link]), and the console handler redacts whatever else reaches it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "backpain.logs.OneLineForClientErrors"},
                "no_links": {"()": "backpain.logs.RedactSheetLinks"}},
    # The dev server's request lines as Django writes them, less the links.
    "formatters": {"django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}",
                                     "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_links"]},
                 "django.server": {"level": "INFO", "class": "logging.StreamHandler", "formatter": "django.server",
                                   "filters": ["no_links"]}},
    "loggers": {**{name: {"filters": ["one_line", "no_links"]} for name in _CLIENT_ERROR_LOGGERS},
                "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# --- The product ----------------------------------------------------------------------------
SITE_NAME = "Back on Track"
# Where the symptom checker sends people; set these for the country the site serves.
EMERGENCY_NUMBER = os.environ.get("BACKPAIN_EMERGENCY_NUMBER", "911")
URGENT_CARE_NAME = os.environ.get("BACKPAIN_URGENT_CARE_NAME", "urgent care")
PRIMARY_CARE_NAME = os.environ.get("BACKPAIN_PRIMARY_CARE_NAME", "primary-care doctor")
CONTENT_DIR = Path(os.environ.get("BACKPAIN_CONTENT_DIR", BASE_DIR / "content"))
