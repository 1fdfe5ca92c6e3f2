from django.urls import path

from . import views

app_name = "checker"
urlpatterns = [path("checker/", views.checker, name="form")]
