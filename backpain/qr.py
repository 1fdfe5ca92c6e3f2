"""QR codes drawn on the server as inline SVG, so the sheet needs no script and no image request."""

from functools import lru_cache

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(url: str, *, title: str = "QR code") -> SafeString:
    """An <svg> that scales with CSS (viewBox, no size), black on white for any printer.

    Drawn each time and kept nowhere: a physio sheet's link carries a patient's sheet (about 11 ms)."""
    # Lowest error level that fits, raised by segno when the same size allows (boost_error):
    # the smallest code for the link, so it stays easy to scan when printed small.
    code = segno.make(url, error="l", boost_error=True)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff", svgclass="qr-code",
                          title=title)
    # Safe: segno writes only its own markup; the URL becomes modules, not text, and segno escapes
    # the title. Nothing a visitor typed reaches the markup as markup.
    return mark_safe(svg)  # noqa: S308


@lru_cache(maxsize=512)  # the same link always draws the same code
def public_qr_svg(url: str, *, title: str = "QR code") -> SafeString:
    """qr_svg, kept: only for links with nothing personal in them (a running card, a routine sheet)."""
    return qr_svg(url, title=title)
