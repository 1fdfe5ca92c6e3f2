"""Files an editor names by their path under static/ (an exercise's or anatomy topic's illustration).

A typo there used to break every page that shows the picture: production's manifest storage raises
for a name it has not collected, and the page answered 500. So the path is checked where content
enters (the field's validator: the admin form, hence a draft and its publishing; the loader calls it
too), and a page asks for the picture through `picture_url`, which leaves a missing one out.
"""

import logging
from pathlib import PurePosixPath

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ValidationError

logger = logging.getLogger(__name__)

_logged: set[str] = set()  # each missing name is logged once per process, not on every page view


def validate_static_path(value: str) -> None:
    """A path relative to static/ that names a file there, e.g. img/exercises/plank.svg."""
    path = PurePosixPath(value or "")
    # finders.find() refuses a path out of static/ by raising; say so in the editor's words instead.
    if not value or path.is_absolute() or ".." in path.parts or "\\" in value or not finders.find(value):
        raise ValidationError(
            "No file %(path)s under static/: check the spelling (a path like img/exercises/plank.svg).",
            code="missing_static_file", params={"path": value},
        )


def picture_url(name: str) -> str:
    """The URL of a picture under static/, or "" when it is not there (the page then shows none)."""
    if not name:
        return ""
    try:
        return staticfiles_storage.url(name)
    except ValueError:  # manifest storage: a name that collectstatic never saw
        if name not in _logged:
            _logged.add(name)
            logger.warning("Picture %s is not in the collected static files: left out of the page.", name)
        return ""
