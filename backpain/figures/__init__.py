"""Line illustrations for the exercises and anatomy topics (pure Python, stdlib only).

A small drawing program, not a Django app: nothing here imports Django, and the site only
serves the files it writes. Every exercise figure is drawn by one small renderer (render.py)
from pose data (exercises.py), so all 34 share one style: a simple human figure with a round
head, neck, a torso that bends at the middle of the spine, hands and feet, a floor line and
optional props (mat, foam roller, band, weights, bench, step) behind the body. Each exercise
has a start and an end pose; on screen the figure moves between them (CSS rotations of nested
groups about the joints), in print the two stand side by side. Anatomy topics (anatomy.py)
are simple labelled schematic drawings in the same ink and type.

Regenerate with ``make figures`` (``python -m backpain.figures [folder]``), which rewrites
``static/img/exercises/<slug>.svg`` (start pose), ``<slug>-end.svg`` (end pose),
``<slug>-motion.svg`` (the moving figure the exercise page inlines), ``<slug>-motion.css`` (its
keyframes, and only its: the exercise page links the one it shows, in its head), and
``static/img/anatomy/<slug>.svg``; commit them with the code. tests/test_figures.py fails while
the committed files differ from what the code draws.

Style rules: dark strokes on a white background, nothing that relies on colour alone (the
far-side limbs are drawn behind, thinner and lighter; the near ones have a white edge),
sans-serif labels, a viewBox so the drawings scale, a <title> and <desc> in each file, no
scripts and no external references.
"""

from __future__ import annotations

from pathlib import Path

from backpain.figures.anatomy import ANATOMY, render_anatomy
from backpain.figures.exercises import EXERCISES
from backpain.figures.render import exercise_motion_css, render_exercise

__all__ = ["EXERCISES", "MOTION_CSS", "SLUGS", "STATIC_IMG", "VARIANTS", "motion_css", "svg", "write_all"]

STATIC_IMG = Path(__file__).resolve().parents[2] / "static" / "img"
# The keyframes that move one exercise figure on screen, beside its SVGs (figures.css sets the timing):
# img/exercises/plank-motion.css moves plank-motion.svg.
MOTION_CSS = "-motion.css"
# Each exercise is drawn three times: its start pose (<slug>.svg, the still picture on cards),
# its end pose (<slug>-end.svg; the two stand side by side in print) and the start pose with
# the class names the motion CSS animates (<slug>-motion.svg, inlined in the exercise page).
VARIANTS = {"": "start", "-end": "end", "-motion": "motion"}

# The folders under static/img/ and the slugs drawn into each, in drawing order.
SLUGS: dict[str, tuple[str, ...]] = {"exercises": tuple(EXERCISES), "anatomy": tuple(ANATOMY)}


def svg(folder: str, slug: str, variant: str = "") -> str:
    """The SVG text of one drawing: ``svg("exercises", "plank", "-end")`` is img/exercises/plank-end.svg."""
    if folder == "exercises":
        return render_exercise(slug, EXERCISES[slug], VARIANTS[variant])
    if folder == "anatomy":
        return render_anatomy(slug)
    raise KeyError(folder)


def write_all(root: Path | None = None) -> list[Path]:
    """Write every drawing to ``root/<folder>/<slug>.svg`` (root: static/img/), and each exercise's
    keyframes to ``root/exercises/<slug>-motion.css``; the paths written."""
    root = root or STATIC_IMG
    written = []
    for folder, slugs in SLUGS.items():
        out_dir = root / folder
        out_dir.mkdir(parents=True, exist_ok=True)
        for slug in slugs:
            files = {f"{slug}{variant}.svg": svg(folder, slug, variant)
                     for variant in (VARIANTS if folder == "exercises" else ("",))}
            if folder == "exercises":
                files[f"{slug}{MOTION_CSS}"] = motion_css(slug)
            for name, text in files.items():
                path = out_dir / name
                path.write_text(text, encoding="utf-8")
                written.append(path)
    return written


def motion_css(slug: str) -> str:
    """img/exercises/<slug>-motion.css: one exercise's keyframes, start pose to end pose."""
    head = "/* Drawn by `make figures` from backpain/figures/: do not edit. figures.css sets the timing. */"
    return "\n".join([head, exercise_motion_css(slug, EXERCISES[slug]), ""])
