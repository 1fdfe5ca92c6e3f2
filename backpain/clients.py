"""Who is asking: the client address the app trusts, for the feedback limit and the login lockout.

Directly on the internet that is REMOTE_ADDR. Behind the TLS proxy (DJANGO_BEHIND_TLS_PROXY=1) every
request comes from the proxy, so it is the address the proxy appended to X-Forwarded-For: the last
entry. Entries before it came from the visitor, who can write anything there, so they are never
believed (nginx: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for).
"""

import ipaddress

from django.conf import settings


def _address(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request) -> str:
    if settings.BEHIND_TLS_PROXY:
        forwarded = _address(request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1])
        if forwarded:
            return forwarded
    return _address(request.META.get("REMOTE_ADDR", "")) or "unknown"


def ratelimit_key(group, request) -> str:
    """django-ratelimit's key (it hashes it; the address itself is never stored)."""
    return client_ip(request)
