"""The site on a phone with no signal: the offline page, the manifest, the service worker and which
pages it may keep (the X-Offline header). The browser side is tests/e2e/test_offline.py."""

import pytest
from django.conf import settings

from backpain.context_processors import EMERGENCY_SIGNS


@pytest.mark.django_db
def test_offline_page_says_so_and_still_carries_the_emergency_signs_and_number(client):
    response = client.get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "You are offline" in html
    assert "Pages you have opened before still open" in html
    assert f'href="tel:{settings.EMERGENCY_NUMBER}"' in html
    for sign in EMERGENCY_SIGNS:
        assert str(sign) in html
    assert 'id="page-feedback"' not in html  # nothing to send with no signal


def test_manifest_names_the_app_its_scope_theme_and_icons_which_are_there():
    import json

    from PIL import Image

    manifest = json.loads((settings.BASE_DIR / "static/manifest.webmanifest").read_text())
    assert manifest["name"] == "Back on Track" and manifest["short_name"]
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("/", "/", "standalone")
    css = (settings.BASE_DIR / "static/css/site.css").read_text()
    assert f"--brand: {manifest['theme_color']};" in css  # the header's colour
    sizes = {}
    for icon in manifest["icons"]:
        path = settings.BASE_DIR / icon["src"].removeprefix("/")
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
        sizes.setdefault(icon["purpose"], set()).add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes["any"] and sizes["maskable"]


@pytest.mark.django_db
def test_every_page_links_the_manifest_and_the_home_screen_icon(client):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/static/manifest.webmanifest">' in html
    assert 'rel="apple-touch-icon" href="/static/img/icons/apple-touch-icon.png"' in html
    assert '<meta name="theme-color" content="#1f5f5b">' in html
