"""{% picture_url name as src %}: a picture's URL under static/, or "" when it is missing (the
template then leaves the <img> out), so an editor's typo never makes a page answer 500."""

from django import template

from backpain.content.pictures import picture_url as _picture_url

register = template.Library()


@register.simple_tag
def picture_url(name: str) -> str:
    return _picture_url(name)
