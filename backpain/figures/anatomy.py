"""The anatomy topic drawings: simple labelled schematics in the exercise figures' ink and type.

One function per topic returns the SVG body; ``ANATOMY`` gives each slug (the file name
under static/img/anatomy/) its title, description and drawing.
"""

from __future__ import annotations

import math

from backpain.figures.render import INK, LIGHT, MID, Point, _f, arrow_path, svg_document, text

AW, AH = 400, 300


def _label(
    lines,
    x: float,
    y: float,
    tx: float,
    ty: float,
    anchor: str = "start",
    start: Point | None = None,
    bold: bool = False,
) -> list[str]:
    """Label text at (x, y), one line per item, with a leader line to the point (tx, ty)."""
    lines = [lines] if isinstance(lines, str) else list(lines)
    if start is None:
        if anchor == "start":
            start = (x - 5, y - 5)
        elif anchor == "end":
            start = (x + 5, y - 5)
        else:
            start = (x, y - 16)
    out = [
        f'<line x1="{_f(start[0])}" y1="{_f(start[1])}" x2="{_f(tx)}" y2="{_f(ty)}" '
        f'stroke="{INK}" stroke-width="1.3"/>',
        f'<circle cx="{_f(tx)}" cy="{_f(ty)}" r="3" fill="{INK}"/>',
    ]
    for i, s in enumerate(lines):
        out.append(text(x, y + i * 17, s, anchor, 14, "bold" if bold and i == 0 else "normal"))
    return out


def _rect(x, y, w, h, rx=6, fill=LIGHT, width=2.0, extra="") -> str:
    return (
        f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="{_f(rx)}" '
        f'fill="{fill}" stroke="{INK}" stroke-width="{_f(width)}"{extra}/>'
    )


def _path(d: str, fill: str = "none", width: float = 2.0, extra: str = "") -> str:
    return (
        f'<path d="{d}" fill="{fill}" stroke="{INK}" stroke-width="{_f(width)}" '
        f'stroke-linejoin="round" stroke-linecap="round"{extra}/>'
    )


def _ellipse(cx, cy, rx, ry, fill="none", width=2.0, extra="") -> str:
    return (
        f'<ellipse cx="{_f(cx)}" cy="{_f(cy)}" rx="{_f(rx)}" ry="{_f(ry)}" fill="{fill}" '
        f'stroke="{INK}" stroke-width="{_f(width)}"{extra}/>'
    )


def _orient(back: Point, front: Point, uid: str) -> list[str]:
    """Small 'back' and 'front' markers with arrows pointing outwards."""
    (bx, by), (fx, fy) = back, front
    return [
        text(bx, by, "back", "middle", 12),
        text(fx, fy, "front", "middle", 12),
        arrow_path(f"M{_f(bx - 16)},{_f(by - 4)} L{_f(bx - 34)},{_f(by - 4)}", uid, width=1.5),
        arrow_path(f"M{_f(fx + 19)},{_f(fy - 4)} L{_f(fx + 37)},{_f(fy - 4)}", uid, width=1.5),
    ]


def anatomy_lumbar_spine() -> list[str]:
    out: list[str] = []
    offsets = [6, 1, -2, 0, 6]
    for i, dx in enumerate(offsets):
        y0 = 34 + i * 40
        x = 170 + dx
        out.append(
            _path(
                f"M{x + 2},{y0 + 6} L{x - 20},{y0 + 4} L{x - 52},{y0 + 9} L{x - 58},{y0 + 15} "
                f"L{x - 52},{y0 + 21} L{x - 20},{y0 + 22} L{x + 2},{y0 + 24} Z",
                fill=MID,
            )
        )
        out.append(_rect(x, y0, 64, 28, rx=5))
        out.append(text(x + 32, y0 + 19, f"L{i + 1}", "middle", 14, "bold"))
        nxt = offsets[i + 1] if i < 4 else 4
        out.append(_rect(170 + (dx + nxt) / 2 + 2, y0 + 30, 60, 8, rx=4, fill="#fff", width=1.6))
    # sacrum: a wedge at the base
    out.append(_path("M176,234 L238,234 L224,270 Q206,284 190,270 Z", fill=MID))
    out += _orient((120, 18), (270, 18), "lumbar-spine")
    out += _label("Vertebra (bone)", 262, 52, 240, 48)
    out += _label(["Disc: a cushion", "and shock absorber"], 262, 112, 233, 108)
    out += _label(["Sacrum", "(base of the spine)"], 262, 254, 232, 252)
    out += _label(["Bony bump", "at the back"], 100, 126, 113, 123, anchor="end")
    return out


def _facet_vertebra(x: float, y0: float) -> str:
    return _path(
        f"M{x + 2},{y0 + 8} L{x - 20},{y0 + 6} L{x - 28},{y0 - 22} L{x - 42},{y0 - 22} "
        f"L{x - 44},{y0 + 4} L{x - 70},{y0 + 6} L{x - 136},{y0 + 16} L{x - 142},{y0 + 26} "
        f"L{x - 136},{y0 + 36} L{x - 70},{y0 + 40} L{x - 60},{y0 + 44} L{x - 60},{y0 + 72} "
        f"L{x - 44},{y0 + 72} L{x - 42},{y0 + 42} L{x - 20},{y0 + 44} L{x + 2},{y0 + 46} Z",
        fill=MID,
    )


def anatomy_facet_joints() -> list[str]:
    out: list[str] = []
    x = 250
    for y0, name in ((44, "L4"), (124, "L5")):
        out.append(_facet_vertebra(x, y0))
        out.append(_rect(x, y0, 80, 56, rx=8))
        out.append(text(x + 40, y0 + 33, name, "middle", 14, "bold"))
    out.append(_rect(x + 2, 102, 76, 20, rx=8, fill="#fff", width=1.8))
    # the joint itself: where the lower knob of L4 meets the upper knob of L5
    out.append(_path(f"M{x - 43},{102} L{x - 43},{116}", width=3.5))
    out.append(_ellipse(x - 43, 109, 22, 19, width=2, extra=' stroke-dasharray="5 4"'))
    out += _label("Vertebral body", 290, 26, 290, 44, anchor="middle", start=(290, 30))
    out += _label("Disc", 346, 117, 328, 112)
    out += _label(["Facet", "joint"], 86, 104, 185, 109, anchor="end", bold=True)
    out += _label(["Spinous process", "(the bump you can feel)"], 112, 232, 110, 156, anchor="middle")
    out += _orient((40, 286), (350, 286), "facet-joints")
    return out


def anatomy_sacroiliac_joint() -> list[str]:
    out = [text(200, 18, "Pelvis seen from behind", "middle", 13)]
    for i, y in enumerate((30, 54)):
        out.append(_rect(180, y, 40, 20, rx=4))
        out.append(text(200, y + 15, f"L{i + 4}", "middle", 12, "bold"))
    left = "M178,86 C160,78 132,66 112,80 C96,96 100,140 124,166 C138,180 158,190 170,188 L174,140 Z"
    out.append(_path(left, fill=LIGHT))
    right = "M222,86 C240,78 268,66 288,80 C304,96 300,140 276,166 C262,180 242,190 230,188 L226,140 Z"
    out.append(_path(right, fill=LIGHT))
    out.append(_path("M178,80 L222,80 L216,176 L200,196 L184,176 Z", fill=MID))
    out.append(_path("M178,86 L174,142", width=5))
    out.append(_path("M222,86 L226,142", width=5))
    for cx, sgn in ((138, -1), (262, 1)):
        out.append(_path(f"M{cx},206 L{cx + sgn * 8},282", width=18))
        out.append(f'<circle cx="{cx}" cy="204" r="14" fill="#fff" stroke="{INK}" stroke-width="2.5"/>')
    out += _label("Lumbar spine", 300, 50, 220, 44)
    out += _label(["Sacroiliac", "(SI) joint"], 300, 112, 225, 114, bold=True)
    out += _label("Hip joint", 300, 216, 276, 206)
    out += _label(["Pelvis", "(ilium)"], 92, 112, 118, 112, anchor="end")
    out += _label(["Sacrum", "(base of spine)"], 200, 236, 200, 186, anchor="middle")
    return out


def anatomy_hip_flexors() -> list[str]:
    out = [text(200, 18, "Front view (muscles shown on one side)", "middle", 13)]
    for i in range(5):
        y = 30 + i * 24
        out.append(_rect(182, y, 36, 19, rx=4))
        out.append(text(200, y + 14, f"L{i + 1}", "middle", 11, "bold"))
    left = "M182,160 C160,146 128,136 108,150 C96,170 104,200 130,216 L150,222"
    right = "M218,160 C240,146 272,136 292,150 C304,170 296,200 270,216 L250,222"
    out.append(_path(left + " L182,200 Z", fill=LIGHT))
    out.append(_path(right + " L218,200 Z", fill=LIGHT))
    out.append(_path("M182,152 L218,152 L212,196 L200,208 L188,196 Z", fill=MID))
    for cx, sgn in ((144, -1), (256, 1)):
        out.append(_path(f"M{cx},222 L{cx + sgn * 6},290", width=18))
        out.append(f'<circle cx="{cx}" cy="220" r="13" fill="#fff" stroke="{INK}" stroke-width="2.5"/>')
    # psoas major: from the sides of L1-L5, down across the pelvic rim, to the thigh bone
    out.append(
        _path(
            "M182,34 L182,150 C180,182 168,214 156,246 L144,244 C150,214 154,182 156,150 C158,100 166,60 182,34 Z",
            fill="#fff",
            width=2.2,
        )
    )
    for k in range(5):
        yy = 66 + k * 26
        out.append(f'<line x1="{166 - k * 1.5}" y1="{yy}" x2="{180}" y2="{yy + 16}" stroke="{INK}" stroke-width="1"/>')
    # iliacus: a fan from the inside of the pelvic wing that joins the psoas tendon
    out.append(_path("M112,154 C124,142 146,144 160,160 L156,228 C146,212 128,192 112,172 Z", fill="#fff", width=2.2))
    for k in range(4):
        out.append(
            f'<line x1="{118 + k * 10}" y1="{158 + k * 2}" x2="{150 - k * 0.5}" '
            f'y2="{204 + k * 4}" stroke="{INK}" stroke-width="1"/>'
        )
    out += _label(["Psoas", "major"], 92, 86, 164, 92, anchor="end", bold=True)
    out += _label("Iliacus", 92, 178, 126, 176, anchor="end", bold=True)
    out += _label(["Both attach", "to the top of", "the thigh bone"], 92, 244, 149, 243, anchor="end")
    out += _label(["Lumbar", "spine"], 300, 60, 218, 64)
    out += _label("Pelvis", 310, 184, 292, 178)
    return out


def _arc_points(cx, cy, rx, ry, a0, a1) -> str:
    p0 = (cx + rx * math.cos(math.radians(a0)), cy + ry * math.sin(math.radians(a0)))
    p1 = (cx + rx * math.cos(math.radians(a1)), cy + ry * math.sin(math.radians(a1)))
    sweep = 1 if a1 > a0 else 0
    return f"M{_f(p0[0])},{_f(p0[1])} A{_f(rx)},{_f(ry)} 0 0 {sweep} {_f(p1[0])},{_f(p1[1])}"


def anatomy_core_muscles() -> list[str]:
    cx, cy = 200, 156
    out = [text(200, 296, "A slice through the waist seen from above (belly at the top)", "middle", 13)]
    out.append(_ellipse(cx, cy, 112, 80, fill="#fff", width=2.5))
    for rx, ry in ((104, 73), (96, 66), (88, 59)):
        out.append(_path(_arc_points(cx, cy, rx, ry, -62, 62), width=1.6))
        out.append(_path(_arc_points(cx, cy, rx, ry, 242, 118), width=1.6))
    out.append(_ellipse(cx, cy + 4, 78, 50, width=3, extra=' stroke-dasharray="8 5"'))
    out.append(_rect(cx - 36, cy - 78, 34, 18, rx=7, fill=MID))
    out.append(_rect(cx + 2, cy - 78, 34, 18, rx=7, fill=MID))
    out.append(f'<circle cx="{cx}" cy="{cy + 36}" r="14" fill="{LIGHT}" stroke="{INK}" stroke-width="2"/>')
    out.append(_path(f"M{cx - 6},{cy + 50} L{cx},{cy + 72} L{cx + 6},{cy + 50}", fill=LIGHT))
    out.append(_ellipse(cx - 30, cy + 56, 18, 12, fill=MID))
    out.append(_ellipse(cx + 30, cy + 56, 18, 12, fill=MID))
    out += _label("Rectus abdominis", 200, 38, 218, 84, anchor="middle", start=(200, 44))
    out += _label(["Obliques", "(sides)"], 322, 150, 308, 150)
    out += _label(["Deep", "stabiliser", "(like a belt)"], 80, 146, 123, 156, anchor="end", bold=False)
    out += _label("Back extensors", 92, 262, 170, 214, anchor="middle", start=(110, 248))
    out += _label("Spine", 300, 262, 210, 194, anchor="middle", start=(290, 248))
    return out


def anatomy_ligaments() -> list[str]:
    out: list[str] = []
    x = 220
    tips = []
    for y0 in (32, 104, 176):
        out.append(
            _path(
                f"M{x + 2},{y0 + 10} L{x - 40},{y0 + 8} L{x - 104},{y0 + 18} "
                f"L{x - 110},{y0 + 26} L{x - 104},{y0 + 34} L{x - 40},{y0 + 42} "
                f"L{x + 2},{y0 + 42} Z",
                fill=MID,
            )
        )
        out.append(_rect(x, y0, 80, 52, rx=8))
        tips.append((x - 108, y0 + 26))
    for y0 in (86, 158):
        out.append(_rect(x + 3, y0, 74, 16, rx=7, fill="#fff", width=1.8))
    out.append(_path(f"M{x + 86},28 L{x + 86},234", width=5))
    out.append(_path(f"M{x - 5},28 L{x - 5},234", width=3.5))
    for (tx, ty), (ux, uy) in zip(tips, tips[1:], strict=False):
        out.append(_path(f"M{tx + 20},{ty + 12} L{ux + 20},{uy - 10}", width=7))
    out.append(_path(f"M{tips[0][0] - 6},{tips[0][1] - 10} L{tips[-1][0] - 6},{tips[-1][1] + 10}", width=3.5))
    out += _orient((110, 18), (300, 18), "ligaments")
    out += _label(["Front", "ligament"], 318, 62, 306, 62)
    out += _label("Disc", 318, 168, 298, 166)
    out += _label(["Back ligament", "(behind the discs)"], 215, 266, 215, 230, anchor="middle")
    out += _label(["Ligaments", "joining the", "bony bumps"], 96, 150, 132, 168, anchor="end")
    return out


def anatomy_herniated_disc() -> list[str]:
    out: list[str] = []
    for cy, bulge, caption in ((78, False, "Healthy disc"), (206, True, "Herniated disc")):
        cx = 100
        out.append(text(cx, cy - 48, caption, "middle", 14, "bold"))
        out.append(_ellipse(cx, cy, 66, 38, fill=LIGHT, width=2.5))
        for rx, ry in ((54, 30), (42, 23)):
            out.append(_ellipse(cx, cy, rx, ry, width=1))
        # a nerve root leaving behind the disc (the back of the disc is at the bottom)
        out.append(_path(f"M{cx - 10},{cy + 50} C{cx - 30},{cy + 52} {cx - 52},{cy + 56} {cx - 80},{cy + 66}", width=5))
        if bulge:
            out.append(
                _path(
                    f"M{cx - 14},{cy - 8} C{cx + 10},{cy - 16} {cx + 16},{cy + 6} "
                    f"{cx + 2},{cy + 22} C{cx - 6},{cy + 34} {cx - 14},{cy + 44} "
                    f"{cx - 26},{cy + 54} C{cx - 36},{cy + 52} {cx - 34},{cy + 30} "
                    f"{cx - 24},{cy + 8} C{cx - 22},{cy} {cx - 20},{cy - 6} "
                    f"{cx - 14},{cy - 8} Z",
                    fill=MID,
                )
            )
        else:
            out.append(_ellipse(cx, cy, 22, 13, fill=MID))
    out += _label(
        ["Soft centre", "pushes out and", "presses on a", "nerve root"],
        178,
        220,
        80,
        246,
        anchor="start",
        start=(174, 238),
    )
    out += _label(["Nerve", "root"], 186, 124, 56, 133, anchor="start", start=(182, 122))
    out.append(text(100, 292, "(the back of each disc is at the bottom)", "middle", 12))
    # right: the path of the sciatic nerve on a simple back view of the hips and legs
    ox = 320
    out.append(text(ox, 18, "The sciatic nerve", "middle", 14, "bold"))
    out.append(_path(f"M{ox - 44},30 L{ox + 44},30 L{ox + 50},118 L{ox - 50},118 Z", fill=LIGHT))
    out.append(
        _path(
            f"M{ox - 50},118 C{ox - 56},146 {ox - 44},160 {ox - 14},160 L{ox + 14},160 "
            f"C{ox + 44},160 {ox + 56},146 {ox + 50},118",
            fill=LIGHT,
        )
    )
    out.append(_path(f"M{ox + 3},160 L{ox + 10},252 L{ox + 40},252 L{ox + 48},130", fill=LIGHT))
    out.append(_path(f"M{ox - 3},160 L{ox - 10},252 L{ox - 40},252 L{ox - 48},130", fill=LIGHT))
    out.append(_path(f"M{ox},34 L{ox},110", width=3, extra=' stroke-dasharray="5 4"'))
    out.append(text(ox - 24, 74, "spine", "middle", 11))
    out.append(
        _path(f"M{ox + 2},104 C{ox + 12},118 {ox + 24},128 {ox + 26},150 L{ox + 26},206 L{ox + 24},246", width=5)
    )
    out.append(_path(f"M{ox + 26},206 L{ox + 34},246", width=3.5))
    out += _label(["runs down the", "back of the leg"], ox, 276, ox + 26, 190, anchor="middle", start=(ox + 20, 262))
    return out


ANATOMY: dict[str, tuple[str, str, object]] = {
    "lumbar-spine": (
        "The lumbar spine",
        "Side view of the five lumbar vertebrae, labelled L1 to L5, with a disc between "
        "each pair acting as a cushion, a nerve leaving between two vertebrae, and the "
        "sacrum at the base.",
        anatomy_lumbar_spine,
    ),
    "facet-joints": (
        "Facet joints",
        "Side view of two lumbar vertebrae: the round vertebral bodies at the front with "
        "a disc between them, and at the back the small facet joint where the bony arches "
        "of the two vertebrae meet.",
        anatomy_facet_joints,
    ),
    "sacroiliac-joint": (
        "The sacroiliac joint",
        "Back view of the pelvis: the wedge-shaped sacrum at the base of the spine sits "
        "between the two pelvic bones, and the sacroiliac joints are the lines where they "
        "meet; the hip joints and thigh bones are below.",
        anatomy_sacroiliac_joint,
    ),
    "hip-flexors": (
        "The hip flexors",
        "Front view of the lower spine and pelvis showing the psoas major running from the "
        "lumbar vertebrae down to the top of the thigh bone, and the iliacus fanning from "
        "the inside of the pelvis to join it.",
        anatomy_hip_flexors,
    ),
    "core-muscles": (
        "The core muscles",
        "A slice through the waist seen from above: rectus abdominis at the front, layers of "
        "oblique muscles at the sides, a deep stabilising muscle wrapping round like a belt, "
        "and the back extensor muscles either side of the spine.",
        anatomy_core_muscles,
    ),
    "ligaments": (
        "Ligaments and connective tissue",
        "Side view of three lumbar vertebrae showing a ligament running down the front of "
        "the spine, one down the back of the vertebral bodies, and short ligaments joining "
        "the bony tips at the back.",
        anatomy_ligaments,
    ),
    "herniated-disc-sciatica": (
        "Herniated discs and sciatica",
        "Left: a healthy disc from above, and a herniated disc whose soft centre bulges out "
        "and presses on a nerve root. Right: the sciatic nerve running from the low back "
        "through the buttock and down the back of the leg.",
        anatomy_herniated_disc,
    ),
}


def render_anatomy(slug: str) -> str:
    title, alt, fn = ANATOMY[slug]
    return svg_document(slug, title, alt, fn(), AW, AH)
