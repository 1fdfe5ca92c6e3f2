from django.urls import path

from . import views

app_name = "guide"
urlpatterns = [
    path("", views.home, name="home"),
    path("guide/", views.guide_index, name="index"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("flare-up-plan/", views.flare_up_card, name="flare_up_card"),
    path("causes/<slug:slug>/", views.cause_detail, name="cause"),
    path("anatomy/<slug:slug>/", views.anatomy_detail, name="anatomy"),
    path("exercises/", views.exercise_list, name="exercises"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    path("search/", views.search, name="search"),
    path("preview/<int:draft_id>/", views.preview, name="preview"),
    path("feedback/", views.feedback, name="feedback"),
]
