from django.urls import path

from . import views

app_name = "running"
urlpatterns = [
    path("return-to-running/", views.start, name="start"),
    path("return-to-running/plan/", views.plan, name="plan"),
    path("return-to-running/plan.ics", views.calendar, name="calendar"),
    path("return-to-running/card/", views.card, name="card"),
    path("return-to-running/check-in/", views.check_in, name="check_in"),
    path("return-to-running/run/", views.run, name="run"),
]
