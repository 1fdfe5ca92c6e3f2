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
