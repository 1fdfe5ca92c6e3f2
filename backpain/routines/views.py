from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def builder(request):
    return render(request, "routines/builder.html")
