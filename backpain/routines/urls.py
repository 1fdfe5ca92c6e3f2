from django.urls import path

from . import views

app_name = "routines"
urlpatterns = [
    path("routine/", views.builder, name="builder"),
    path("routine/sheet/", views.sheet, name="sheet"),
]
