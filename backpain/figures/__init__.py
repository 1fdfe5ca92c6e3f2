"""Line illustrations for the exercises and anatomy topics (pure Python, stdlib only).

A small drawing program, not a Django app: nothing here imports Django, and the site only
serves the SVG files it writes. Every exercise figure is drawn by one small renderer
(render.py) from pose data (exercises.py), so all 34 share one style: a simple human figure
with rounded limbs and a round head, a floor line, optional props (mat, foam roller, band,
weights, bench, step) and arrows showing the movement. Anatomy topics (anatomy.py) are
simple labelled schematic drawings in the same ink and type.

Regenerate with ``make figures`` (``python -m backpain.figures [folder]``), which rewrites
``static/img/exercises/<slug>.svg`` and ``static/img/anatomy/<slug>.svg``; commit the SVGs
with the code. tests/test_figures.py fails while the committed files differ from what the
code draws.

Style rules: dark strokes on a white background, nothing that relies on colour alone
(the far-side limbs are mid-grey only to show depth), sans-serif labels, a viewBox so the
drawings scale, a <title> and <desc> in each file, no scripts and no external references.
"""

from __future__ import annotations

from pathlib import Path

from backpain.figures.anatomy import ANATOMY, render_anatomy
from backpain.figures.exercises import EXERCISES
from backpain.figures.render import render_exercise

__all__ = ["SLUGS", "STATIC_IMG", "svg", "write_all"]

STATIC_IMG = Path(__file__).resolve().parents[2] / "static" / "img"

# The folders under static/img/ and the slugs drawn into each, in drawing order.
SLUGS: dict[str, tuple[str, ...]] = {"exercises": tuple(EXERCISES), "anatomy": tuple(ANATOMY)}


def svg(folder: str, slug: str) -> str:
    """The SVG text of one drawing: ``svg("exercises", "plank")`` is img/exercises/plank.svg."""
    if folder == "exercises":
        return render_exercise(slug, EXERCISES[slug])
    if folder == "anatomy":
        return render_anatomy(slug)
    raise KeyError(folder)


def write_all(root: Path | None = None) -> list[Path]:
    """Write every drawing to ``root/<folder>/<slug>.svg`` (root: static/img/); the paths written."""
    root = root or STATIC_IMG
    written = []
    for folder, slugs in SLUGS.items():
        out_dir = root / folder
        out_dir.mkdir(parents=True, exist_ok=True)
        for slug in slugs:
            path = out_dir / f"{slug}.svg"
            path.write_text(svg(folder, slug), encoding="utf-8")
            written.append(path)
    return written
