"""What someone holding a sheet link but not the server's key could try, to read it."""

import base64
import contextlib
import zlib


def every_reading(token: str) -> list[bytes]:
    """The token as text, as base64 (its first part, for a signed value), and inflated from every offset
    of it (zlib, raw deflate, gzip)."""
    payload = token.split(":")[0].lstrip(".")
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    found = [token.encode(), raw]
    for start in range(len(raw)):
        for wbits in (15, -15, 31):
            with contextlib.suppress(zlib.error):
                found.append(zlib.decompressobj(wbits).decompress(raw[start:], 100_000))
    return found


def readable(token: str, words: list[str]) -> list[str]:
    """The words that any reading of the token shows (none, for a sealed token)."""
    readings = [reading.lower() for reading in every_reading(token)]
    return [word for word in words if any(word.lower().encode() in reading for reading in readings)]
