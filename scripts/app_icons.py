"""Draw the web app's PNG icons (static/img/icons/) from static/img/favicon.svg with Chromium.

Run by `make app-icons`; commit the PNGs it changes. Playwright and Chromium are already there for
the browser tests, so no new package is needed. The maskable icon is the mark on a full square of
the header colour, inside the middle 80 % that every launcher's mask keeps.
"""

import base64
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "static/img/favicon.svg"
OUT = ROOT / "static/img/icons"
BRAND = "#1f5f5b"  # --brand in static/css/site.css
# (file name, size in pixels, how much of the square the mark fills, background)
ICONS = [
    ("icon-192.png", 192, 1.0, "transparent"),
    ("icon-512.png", 512, 1.0, "transparent"),
    ("apple-touch-icon.png", 180, 1.0, BRAND),
    ("maskable-512.png", 512, 0.7, BRAND),
]


def page_html(size: int, scale: float, background: str) -> str:
    mark = base64.b64encode(SVG.read_bytes()).decode()
    inner = round(size * scale)
    return (f'<body style="margin:0;width:{size}px;height:{size}px;background:{background};'
            f'display:grid;place-items:center"><img src="data:image/svg+xml;base64,{mark}" '
            f'width="{inner}" height="{inner}"></body>')


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
        browser = playwright.chromium.launch(executable_path=chromium,
                                             args=["--no-sandbox", "--disable-gpu"])
        for name, size, scale, background in ICONS:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(page_html(size, scale, background))
            page.screenshot(path=str(OUT / name), omit_background=background == "transparent")
            page.close()
            print(f"wrote {(OUT / name).relative_to(ROOT)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
