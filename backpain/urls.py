from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from backpain import views
from backpain.guide.sitemaps import SITEMAPS

admin.site.site_header = "Back on Track: content admin"
admin.site.site_title = "Back on Track admin"

urlpatterns = [
    path("", include("backpain.guide.urls")),
    path("", include("backpain.checker.urls")),
    path("", include("backpain.routines.urls")),
    path("", include("backpain.running.urls")),
    path("", include("backpain.prescribe.urls")),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("offline/", views.offline, name="offline"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    # Browsers ask for /favicon.ico even where a page names its icon (the admin does not).
    path("favicon.ico", views.favicon),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Before the admin's own: the same address, with login limits of ours (backpain/views.py).
    path(f"{settings.ADMIN_URL}login/", views.admin_login, name="admin_login"),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler400 = "backpain.views.bad_request"
handler404 = "backpain.views.page_not_found"
handler500 = "backpain.views.server_error"
