from django.urls import path

from . import views

app_name = "checker"
urlpatterns = [
    path("checker/", views.checker, name="form"),
    path("checker/how-it-decides/", views.how_it_decides, name="how_it_decides"),
]
