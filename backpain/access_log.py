"""gunicorn's access log without the sheet links (README, "Production"): `--logger-class
backpain.access_log.RedactingLogger`.

A physiotherapist's sheet travels whole in its link (/prescribe/sheet/<token>/, and
/prescribe/?sheet=<token> to edit it). The token is encrypted, so a log line cannot be read, but it is
still the patient's sheet: whoever copies it from a log can open it. This logger writes "[link]" in
its place (backpain/logs.py: new and old tokens, sheet and share pages), in the request line, the path,
the query string and every header or environ value.
"""

from gunicorn.glogging import Logger

from backpain.logs import redact


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {name: redact(value) if isinstance(value, str) else value for name, value in atoms.items()}
