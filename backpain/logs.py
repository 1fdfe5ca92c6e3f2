"""Logging: a bad request an outsider sends is one line with its reason, not a traceback.

Django logs a bad Host header, too many fields, a broken multipart body and the like (each a 400)
with the exception's traceback attached. Those are the sender's doing, not a fault of ours, and a
fuzzer can send thousands: the traceback says nothing the reason does not, and buries real errors.
A 5xx keeps its traceback.
"""

import logging


class OneLineForClientErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.exc_info and status is not None and 400 <= status < 500:
            error = record.exc_info[1]
            message = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.msg, record.args = " ".join(message.split()), ()
            record.exc_info = record.exc_text = None
        return True
