from django.urls import path

from . import views

app_name = "prescribe"
urlpatterns = [
    path("prescribe/", views.builder, name="builder"),
    path("prescribe/sheet/<str:token>/", views.sheet, name="sheet"),
    path("prescribe/share/<str:token>/", views.share, name="share"),
]
