from django.apps import AppConfig


class PrescribeConfig(AppConfig):
    name = "backpain.prescribe"
