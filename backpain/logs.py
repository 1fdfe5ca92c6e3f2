"""Logging: a bad request an outsider sends is one line with its reason, not a traceback; and no
line carries a physiotherapist's sheet link.

Django logs a bad Host header, too many fields, a broken multipart body and the like (each a 400)
with the exception's traceback attached. Those are the sender's doing, not a fault of ours, and a
fuzzer can send thousands: the traceback says nothing the reason does not, and buries real errors.
A 5xx keeps its traceback.
"""

import logging
import re

# A sheet travels whole in its link: /prescribe/sheet/<token>/, /prescribe/share/<token>/ and
# /prescribe/?sheet=<token> (to edit it), in either format (the old signed one has colons, maybe
# percent-encoded). Encrypted or not, whoever copies the token from a log can open the patient's sheet.
SHEET_PATH = re.compile(r"(/prescribe/(?:sheet|share)/)[^/?#\s\"']+")
SHEET_QUERY = re.compile(r"((?:^|[?&])sheet=)[^&#\s\"']*")
HIDDEN = "[link]"


def redact(text: str) -> str:
    """A log value with any sheet token in it replaced by [link]."""
    return SHEET_QUERY.sub(rf"\g<1>{HIDDEN}", SHEET_PATH.sub(rf"\g<1>{HIDDEN}", text))


class RedactSheetLinks(logging.Filter):
    """Django's "Bad Request: <path>" and "Not Found: <path>", the dev server's request lines and any
    other message: the sheet's token becomes [link] (as in the access log, backpain/access_log.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/prescribe/" in message or "sheet=" in message:
            record.msg, record.args = redact(message), ()
        return True


class OneLineForClientErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.exc_info and status is not None and 400 <= status < 500:
            error = record.exc_info[1]
            message = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.msg, record.args = " ".join(message.split()), ()
            record.exc_info = record.exc_text = None
        return True
