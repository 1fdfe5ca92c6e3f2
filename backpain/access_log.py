"""gunicorn's access log without the sheet links (README, "Production"): `--logger-class
backpain.access_log.RedactingLogger`.

A physiotherapist's sheet travels whole in its link (/prescribe/sheet/<token>/, and
/prescribe/?sheet=<token> to edit it). The token is encrypted, so a log line cannot be read, but it is
still the patient's sheet: whoever copies it from a log can open it. This logger writes "[link]" in
its place, in the request line, the path, the query string and every header or environ value.
"""

import re

from gunicorn.glogging import Logger

SHEET_PATH = re.compile(r"(/prescribe/sheet/)[^/?#\s\"]+")
SHEET_QUERY = re.compile(r"((?:^|[?&])sheet=)[^&#\s\"]*")
HIDDEN = "[link]"


def redact(text: str) -> str:
    """A log value with any sheet token in it replaced by [link]."""
    return SHEET_QUERY.sub(rf"\g<1>{HIDDEN}", SHEET_PATH.sub(rf"\g<1>{HIDDEN}", text))


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {name: redact(value) if isinstance(value, str) else value for name, value in atoms.items()}
