"""Line illustrations for the exercises and anatomy topics (pure Python, stdlib only).

Every exercise figure is drawn by one small renderer from pose data, so all 34 share one
style: a simple human figure with rounded limbs and a round head, a floor line, optional
props (mat, foam roller, band, weights, bench, step) and arrows showing the movement.
Anatomy topics are simple labelled schematic drawings in the same ink and type.

Run ``python -m backpain.content.figures`` (or this file directly) to rewrite
``static/img/exercises/<slug>.svg`` and ``static/img/anatomy/<slug>.svg``.

Style rules: dark strokes on a white background, nothing that relies on colour alone
(the far-side limbs are mid-grey only to show depth), sans-serif labels, a viewBox so the
drawings scale, a <title> and <desc> in each file, no scripts and no external references.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

INK = "#1a1a1a"
FAR = "#8a8a8a"
GHOST = "#cfcfcf"
LIGHT = "#ececec"
MID = "#bdbdbd"
FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

W, H = 320, 200
FLOOR = 186
MAT = 4  # mat thickness

# Segment lengths (a figure about 158 units tall).
TORSO, NECK, HEAD_R = 46, 5, 11
UPPER_ARM, FOREARM, HAND = 28, 24, 7
THIGH, SHIN, FOOT = 40, 39, 14
# Stroke widths.
W_TORSO, W_LIMB, W_HAND, W_FOOT = 18, 10, 7, 8

Point = tuple[float, float]


def _pt(origin: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return (origin[0] + length * math.cos(rad), origin[1] + length * math.sin(rad))


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------- poses


@dataclass
class Pose:
    """A figure in 2-D. Angles are in degrees: 0 points right, 90 down, -90 up.

    ``_n`` is the near side (dark), ``_f`` the far side (grey). In a front view
    (``front=True``) both sides are dark. ``anchor`` moves the figure so that the named
    joint lands on the given point. ``reach_n``/``reach_f`` bend an arm so its wrist
    reaches a joint name or point (``elbow`` chooses the bend direction: 1 or -1).
    """

    torso: float = -90
    neck: float | None = None
    arm_n: tuple = (90, 90, 90)
    arm_f: tuple = (90, 90, 90)
    leg_n: tuple = (90, 90, 0)
    leg_f: tuple = (90, 90, 0)
    anchor: tuple = ("toe_n", (160, FLOOR - 4))
    bend: float = 0
    front: bool = False
    scale: float = 1.0
    reach_n: object = None
    reach_f: object = None
    elbow_n: int = 1
    elbow_f: int = 1
    ghosts: list = field(default_factory=list)


def _ik(shoulder: Point, target: Point, side: int) -> tuple[Point, Point]:
    dx, dy = target[0] - shoulder[0], target[1] - shoulder[1]
    d = max(1e-6, min(math.hypot(dx, dy), (UPPER_ARM + FOREARM) * 0.999))
    phi = math.atan2(dy, dx)
    cos_a = (UPPER_ARM**2 + d**2 - FOREARM**2) / (2 * UPPER_ARM * d)
    a = math.acos(max(-1.0, min(1.0, cos_a)))
    elbow = (
        shoulder[0] + UPPER_ARM * math.cos(phi + side * a),
        shoulder[1] + UPPER_ARM * math.sin(phi + side * a),
    )
    ang = math.degrees(math.atan2(target[1] - elbow[1], target[0] - elbow[0]))
    wrist = _pt(elbow, ang, FOREARM)
    return elbow, wrist


def _leg(hip: Point, angles: tuple, suffix: str) -> dict:
    knee = _pt(hip, angles[0], THIGH)
    ankle = _pt(knee, angles[1], SHIN)
    toe = _pt(ankle, angles[2], FOOT)
    return {f"knee_{suffix}": knee, f"ankle_{suffix}": ankle, f"toe_{suffix}": toe}


def _arm(shoulder: Point, angles: tuple, suffix: str) -> dict:
    elbow = _pt(shoulder, angles[0], UPPER_ARM)
    wrist = _pt(elbow, angles[1], FOREARM)
    hand_ang = angles[2] if len(angles) > 2 and angles[2] is not None else angles[1]
    hand = _pt(wrist, hand_ang, HAND)
    return {f"elbow_{suffix}": elbow, f"wrist_{suffix}": wrist, f"hand_{suffix}": hand}


def solve(p: Pose) -> dict:
    """Joint positions of a pose, before and after anchoring and scaling."""
    j: dict[str, Point] = {"hip": (0.0, 0.0)}
    j["shoulder"] = _pt(j["hip"], p.torso, TORSO)
    j["head"] = _pt(j["shoulder"], p.torso if p.neck is None else p.neck, NECK + HEAD_R)
    # In a front view the two shoulders and hips sit apart; in a side view they coincide.
    sw, hw = (13, 8) if p.front else (0, 0)
    across = p.torso + 90
    for side, sign in (("n", 1), ("f", -1)):
        j[f"shoulder_{side}"] = _pt(j["shoulder"], across, sign * sw)
        j[f"hip_{side}"] = _pt(j["hip"], across, sign * hw)
    j.update(_leg(j["hip_n"], p.leg_n, "n"))
    j.update(_leg(j["hip_f"], p.leg_f, "f"))
    j.update(_arm(j["shoulder_n"], p.arm_n, "n"))
    j.update(_arm(j["shoulder_f"], p.arm_f, "f"))
    for suffix, reach, side, arm in (
        ("n", p.reach_n, p.elbow_n, p.arm_n),
        ("f", p.reach_f, p.elbow_f, p.arm_f),
    ):
        if reach is None:
            continue
        target = j[reach] if isinstance(reach, str) else _resolve_rel(reach, j)
        elbow, wrist = _ik(j[f"shoulder_{suffix}"], target, side)
        ang = math.degrees(math.atan2(wrist[1] - elbow[1], wrist[0] - elbow[0]))
        hand_ang = arm[2] if len(arm) > 2 and arm[2] is not None else ang
        j[f"elbow_{suffix}"], j[f"wrist_{suffix}"] = elbow, wrist
        j[f"hand_{suffix}"] = _pt(wrist, hand_ang, HAND)
    # Ghost limbs: faint alternative positions to show movement.
    for i, (limb, angles) in enumerate(p.ghosts):
        if limb.startswith("leg"):
            g = _leg(j["hip_n"], angles, "g")
            j[f"g{i}_knee"], j[f"g{i}_ankle"], j[f"g{i}_toe"] = g["knee_g"], g["ankle_g"], g["toe_g"]
        else:
            g = _arm(j["shoulder_n"], angles, "g")
            j[f"g{i}_elbow"], j[f"g{i}_wrist"], j[f"g{i}_hand"] = (
                g["elbow_g"],
                g["wrist_g"],
                g["hand_g"],
            )
    name, target = p.anchor
    ax, ay = j[name]
    s = p.scale
    return {k: (target[0] + (x - ax) * s, target[1] + (y - ay) * s) for k, (x, y) in j.items()}


def _resolve_rel(spec, joints: dict) -> Point:
    """(joint, dx, dy) relative to an unscaled joint, used by reach targets."""
    name, dx, dy = spec
    x, y = joints[name]
    return (x + dx, y + dy)


def _poly(points: list[Point], color: str, width: float, extra: str = "") -> str:
    d = " ".join(f"{_f(x)},{_f(y)}" for x, y in points)
    return (
        f'<polyline points="{d}" fill="none" stroke="{color}" stroke-width="{_f(width)}" '
        f'stroke-linecap="round" stroke-linejoin="round"{extra}/>'
    )


def draw_pose(p: Pose, j: dict) -> list[str]:
    s = p.scale
    out: list[str] = []
    far = INK if p.front else FAR
    for i, (limb, _angles) in enumerate(p.ghosts):
        if limb.startswith("leg"):
            pts = [j["hip_n"], j[f"g{i}_knee"], j[f"g{i}_ankle"]]
            out.append(_poly(pts, GHOST, W_LIMB * s))
            out.append(_poly([j[f"g{i}_ankle"], j[f"g{i}_toe"]], GHOST, W_FOOT * s))
        else:
            pts = [j["shoulder_n"], j[f"g{i}_elbow"], j[f"g{i}_wrist"]]
            out.append(_poly(pts, GHOST, W_LIMB * s))
            out.append(_poly([j[f"g{i}_wrist"], j[f"g{i}_hand"]], GHOST, W_HAND * s))

    def arm(side: str, color: str) -> None:
        pts = [j[f"shoulder_{side}"], j[f"elbow_{side}"], j[f"wrist_{side}"]]
        out.append(_poly(pts, color, W_LIMB * s))
        out.append(_poly([j[f"wrist_{side}"], j[f"hand_{side}"]], color, W_HAND * s))

    def leg(side: str, color: str) -> None:
        out.append(_poly([j[f"hip_{side}"], j[f"knee_{side}"], j[f"ankle_{side}"]], color, W_LIMB * s))
        out.append(_poly([j[f"ankle_{side}"], j[f"toe_{side}"]], color, W_FOOT * s))

    arm("f", far)
    leg("f", far)
    # Torso: a straight or gently curved thick stroke from hip to shoulder.
    (hx, hy), (sx, sy) = j["hip"], j["shoulder"]
    if p.front:
        corners = [j["hip_f"], j["hip_n"], j["shoulder_n"], j["shoulder_f"]]
        d = "M" + " L".join(f"{_f(x)},{_f(y)}" for x, y in corners) + " Z"
        out.append(f'<path d="{d}" fill="{INK}" stroke="{INK}" stroke-width="{_f(10 * s)}" stroke-linejoin="round"/>')
    elif p.bend:
        mx, my = (hx + sx) / 2, (hy + sy) / 2
        length = math.hypot(sx - hx, sy - hy)
        nx, ny = (sy - hy) / length, -(sx - hx) / length
        cx, cy = mx + nx * p.bend * s, my + ny * p.bend * s
        d = f"M{_f(hx)},{_f(hy)} Q{_f(cx)},{_f(cy)} {_f(sx)},{_f(sy)}"
    else:
        d = f"M{_f(hx)},{_f(hy)} L{_f(sx)},{_f(sy)}"
    if not p.front:
        out.append(
            f'<path d="{d}" fill="none" stroke="{INK}" stroke-width="{_f(W_TORSO * s)}" stroke-linecap="round"/>'
        )
    hx2, hy2 = j["head"]
    nx2, ny2 = _pt(j["shoulder"], math.degrees(math.atan2(hy2 - sy, hx2 - sx)), NECK * s + 2)
    out.append(_poly([j["shoulder"], (nx2, ny2)], INK, 8 * s))
    out.append(f'<circle cx="{_f(hx2)}" cy="{_f(hy2)}" r="{_f(HEAD_R * s)}" fill="{INK}"/>')
    leg("n", INK)
    arm("n", INK)
    return out


# --------------------------------------------------------------------------- props


def _p(spec, joints: list[dict]) -> Point:
    """A point: (x, y), "joint", "1.joint" (second figure), or (joint, dx, dy)."""
    if isinstance(spec, str):
        spec = (spec, 0, 0)
    if isinstance(spec[0], str):
        name, dx, dy = spec
        idx = 0
        if "." in name:
            idx_s, name = name.split(".", 1)
            idx = int(idx_s)
        x, y = joints[idx][name]
        return (x + dx, y + dy)
    return (float(spec[0]), float(spec[1]))


def arrow_path(d: str, uid: str, both: bool = False, width: float = 2.2) -> str:
    start = f' marker-start="url(#ah-{uid})"' if both else ""
    return (
        f'<path d="{d}" fill="none" stroke="{INK}" stroke-width="{_f(width)}" '
        f'stroke-linecap="round"{start} marker-end="url(#ah-{uid})"/>'
    )


def text(x: float, y: float, s: str, anchor: str = "middle", size: float = 13, weight: str = "normal") -> str:
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" font-family="{FONT}" font-size="{_f(size)}" '
        f'font-weight="{weight}" fill="{INK}" text-anchor="{anchor}">{escape(s)}</text>'
    )


def prop(item: tuple, joints: list[dict], uid: str) -> str:
    kind = item[0]
    if kind == "mat":
        x0, x1 = item[1], item[2]
        return (
            f'<rect x="{_f(x0)}" y="{FLOOR - MAT}" width="{_f(x1 - x0)}" height="{MAT}" rx="2" '
            f'fill="{LIGHT}" stroke="{INK}" stroke-width="1.5"/>'
        )
    if kind == "roller":
        cx, cy = _p(item[1], joints)
        r = item[2] if len(item) > 2 else 12
        return (
            f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(r)}" fill="#fff" stroke="{INK}" '
            f'stroke-width="2.5"/><circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(r * 0.4)}" '
            f'fill="none" stroke="{INK}" stroke-width="1.5"/>'
        )
    if kind == "box":  # bench, step or chair seat: x, y(top), w, h
        x, y, w, h = item[1:5]
        return (
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="3" '
            f'fill="{LIGHT}" stroke="{INK}" stroke-width="2"/>'
        )
    if kind == "band":  # a looped band between two points
        a, b = _p(item[1], joints), _p(item[2], joints)
        return (
            f'<line x1="{_f(a[0])}" y1="{_f(a[1] - 3)}" x2="{_f(b[0])}" y2="{_f(b[1] - 3)}" '
            f'stroke="{INK}" stroke-width="2"/>'
            f'<line x1="{_f(a[0])}" y1="{_f(a[1] + 3)}" x2="{_f(b[0])}" y2="{_f(b[1] + 3)}" '
            f'stroke="{INK}" stroke-width="2"/>'
            f'<rect x="{_f(a[0] - 7)}" y="{_f(a[1] - 5)}" width="14" height="10" rx="3" '
            f'fill="{MID}" stroke="{INK}" stroke-width="1.5"/>'
            f'<rect x="{_f(b[0] - 7)}" y="{_f(b[1] - 5)}" width="14" height="10" rx="3" '
            f'fill="{MID}" stroke="{INK}" stroke-width="1.5"/>'
        )
    if kind == "dumbbell":
        cx, cy = _p(item[1], joints)
        return (
            f'<rect x="{_f(cx - 9)}" y="{_f(cy - 2)}" width="18" height="4" fill="{INK}"/>'
            f'<rect x="{_f(cx - 12)}" y="{_f(cy - 6)}" width="6" height="12" rx="1.5" fill="{INK}"/>'
            f'<rect x="{_f(cx + 6)}" y="{_f(cy - 6)}" width="6" height="12" rx="1.5" fill="{INK}"/>'
        )
    if kind == "plate":  # barbell seen end-on
        cx, cy = _p(item[1], joints)
        r = item[2]
        return (
            f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(r)}" fill="{LIGHT}" stroke="{INK}" '
            f'stroke-width="2.5"/><circle cx="{_f(cx)}" cy="{_f(cy)}" r="3.5" fill="{INK}"/>'
        )
    if kind == "wall":
        x = item[1]
        return (
            f'<rect x="{_f(x)}" y="40" width="8" height="{FLOOR - 40}" fill="{LIGHT}" stroke="{INK}" stroke-width="2"/>'
        )
    if kind == "line":  # straight arrow from a to b
        a, b = _p(item[1], joints), _p(item[2], joints)
        both = len(item) > 3 and item[3]
        return arrow_path(f"M{_f(a[0])},{_f(a[1])} L{_f(b[0])},{_f(b[1])}", uid, both)
    if kind == "hline":  # double arrow at a fixed height, centred below a joint
        cx = _p(item[1], joints)[0]
        half, y = item[2], item[3]
        return arrow_path(f"M{_f(cx - half)},{_f(y)} L{_f(cx + half)},{_f(y)}", uid, True)
    if kind == "curve":  # quadratic arrow a -> b bowing by `bow` (positive: left of travel)
        a, b, bow = _p(item[1], joints), _p(item[2], joints), item[3]
        both = len(item) > 4 and item[4]
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1
        nx, ny = (b[1] - a[1]) / length, -(b[0] - a[0]) / length
        c = (mx + nx * bow, my + ny * bow)
        d = f"M{_f(a[0])},{_f(a[1])} Q{_f(c[0])},{_f(c[1])} {_f(b[0])},{_f(b[1])}"
        return arrow_path(d, uid, both)
    if kind == "arc":  # circular arrow: centre, radius (or rx, ry), start and end angles
        c = _p(item[1], joints)
        rx, ry = item[2] if isinstance(item[2], tuple) else (item[2], item[2])
        a0, a1 = item[3], item[4]
        both = len(item) > 5 and item[5]
        p0 = (c[0] + rx * math.cos(math.radians(a0)), c[1] + ry * math.sin(math.radians(a0)))
        p1 = (c[0] + rx * math.cos(math.radians(a1)), c[1] + ry * math.sin(math.radians(a1)))
        large = 1 if abs(a1 - a0) > 180 else 0
        sweep = 1 if a1 > a0 else 0
        d = f"M{_f(p0[0])},{_f(p0[1])} A{_f(rx)},{_f(ry)} 0 {large} {sweep} {_f(p1[0])},{_f(p1[1])}"
        return arrow_path(d, uid, both)
    if kind == "speed":  # motion lines behind a runner
        x, y = _p(item[1], joints)
        return "".join(
            f'<line x1="{_f(x - ln)}" y1="{_f(y + dy)}" x2="{_f(x)}" y2="{_f(y + dy)}" '
            f'stroke="{INK}" stroke-width="2" stroke-linecap="round"/>'
            for dy, ln in ((-14, 18), (0, 26), (14, 18))
        )
    if kind == "text":
        x, y = _p(item[1], joints)
        anchor = item[3] if len(item) > 3 else "middle"
        return text(x, y, item[2], anchor)
    raise ValueError(f"unknown prop {kind!r}")


# --------------------------------------------------------------------------- documents


def svg_document(uid: str, title: str, desc: str, body: list[str], width: int = W, height: int = H) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'role="img" aria-labelledby="title-{uid} desc-{uid}">',
            f'<title id="title-{uid}">{escape(title)}</title>',
            f'<desc id="desc-{uid}">{escape(desc)}</desc>',
            "<defs>",
            f'<marker id="ah-{uid}" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4.5" '
            'markerHeight="4.5" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker>',
            "</defs>",
            f'<rect width="{width}" height="{height}" fill="#fff"/>',
            *body,
            "</svg>",
            "",
        ]
    )


@dataclass
class Figure:
    title: str
    alt: str
    poses: list
    back: list = field(default_factory=list)
    front: list = field(default_factory=list)
    floor: bool = True


def render_exercise(slug: str, fig: Figure) -> str:
    joints = [solve(p) for p in fig.poses]
    body: list[str] = []
    if fig.floor:
        body.append(
            f'<line x1="8" y1="{FLOOR}" x2="{W - 8}" y2="{FLOOR}" stroke="{INK}" '
            'stroke-width="2.5" stroke-linecap="round"/>'
        )
    body += [prop(item, joints, slug) for item in fig.back]
    for pose, j in zip(fig.poses, joints, strict=True):
        body += draw_pose(pose, j)
    body += [prop(item, joints, slug) for item in fig.front]
    return svg_document(slug, fig.title, fig.alt, body)


# --------------------------------------------------------------------------- exercises

F4 = FLOOR - 4  # a foot or toe resting on the floor
FM = FLOOR - MAT  # top of the mat

EXERCISES: dict[str, Figure] = {}


def _ex(slug: str, title: str, alt: str, poses, back=(), front=(), floor=True) -> None:
    EXERCISES[slug] = Figure(title, alt, list(poses), list(back), list(front), floor)


RUN_ARMS_N = (115, 45, 45)
RUN_ARMS_F = (60, -30, -30)

_ex(
    "brisk-walk",
    "Brisk walk",
    "A person walks briskly with an upright posture, one heel landing just ahead of the "
    "body and the arms swinging naturally in time with the legs.",
    [
        Pose(
            torso=-87,
            arm_n=(112, 70, 70),
            arm_f=(72, 30, 30),
            leg_n=(68, 96, -20),
            leg_f=(110, 115, 40),
            anchor=("ankle_n", (175, FLOOR - 7)),
        )
    ],
    front=[("line", (215, 60), (270, 60)), ("speed", (120, 95))],
)

_ex(
    "easy-jog",
    "Easy jog",
    "A runner jogs at a relaxed pace: tall posture, elbows bent, the landing foot coming "
    "down under the body rather than far in front.",
    [
        Pose(
            torso=-82,
            arm_n=RUN_ARMS_N,
            arm_f=RUN_ARMS_F,
            leg_n=(82, 100, 5),
            leg_f=(125, 175, 150),
            anchor=("toe_n", (185, F4)),
        )
    ],
    front=[("line", (225, 60), (280, 60)), ("speed", (110, 95))],
)

_ex(
    "leg-swings",
    "Leg swings (front to back)",
    "A person stands tall on one leg with a hand on a wall and swings the other leg "
    "forward and back like a pendulum; a faint leg shows the back position.",
    [
        Pose(
            torso=-90,
            arm_n=(95, 85, 85),
            arm_f=(180, 180, 180),
            leg_n=(45, 50, -40),
            leg_f=(90, 90, 0),
            anchor=("toe_f", (165, F4)),
            ghosts=[("leg", (125, 125, 30))],
        )
    ],
    back=[("wall", 88)],
    front=[("arc", "hip", 92, 20, 150, True)],
)

_ex(
    "lateral-leg-swings",
    "Leg swings (side to side)",
    "Seen from the front, a person stands on one leg and swings the other leg out to the "
    "side; a faint leg shows it swinging back across the body.",
    [
        Pose(
            front=True,
            torso=-90,
            arm_n=(45, 60, 60),
            arm_f=(135, 120, 120),
            leg_n=(55, 55, 0),
            leg_f=(95, 90, 180),
            anchor=("toe_f", (150, F4)),
            ghosts=[("leg", (110, 110, 180))],
        )
    ],
    front=[("arc", "hip", 88, 40, 118, True)],
)

_ex(
    "high-knees",
    "High knees",
    "A person jogs on the spot, lifting one knee up to hip height while the opposite arm swings forward.",
    [
        Pose(
            torso=-88,
            arm_n=(120, 40, 40),
            arm_f=(65, -25, -25),
            leg_n=(-5, 92, 20),
            leg_f=(92, 92, 20),
            anchor=("toe_f", (160, F4)),
        )
    ],
    front=[("line", ("knee_n", 22, 28), ("knee_n", 22, -12))],
)

_ex(
    "butt-kicks",
    "Butt kicks",
    "A person jogs on the spot, flicking one heel up behind towards the buttock while the arms swing with bent elbows.",
    [
        Pose(
            torso=-86,
            arm_n=(65, -25, -25),
            arm_f=(120, 40, 40),
            leg_n=(100, -115, -140),
            leg_f=(90, 92, 15),
            anchor=("toe_f", (170, F4)),
        )
    ],
    front=[("curve", ("knee_n", -8, 16), ("ankle_n", -14, 4), -14)],
)

_ex(
    "arm-circles",
    "Arm circles",
    "Seen from the front, a person stands with feet hip-width apart and both arms held "
    "straight out to the sides, drawing small circles with the hands.",
    [
        Pose(
            front=True,
            arm_n=(0, 0, 0),
            arm_f=(180, 180, 180),
            leg_n=(84, 90, 0),
            leg_f=(96, 90, 180),
            anchor=("toe_n", (176, F4)),
        )
    ],
    front=[
        ("arc", "hand_n", 13, -160, 150),
        ("arc", "hand_f", 13, -20, 330),
    ],
)

_ex(
    "hip-circles",
    "Hip circles",
    "Seen from the front, a person stands with hands on hips and feet apart, moving the hips slowly in a wide circle.",
    [
        Pose(
            front=True,
            torso=-92,
            reach_n=("hip_n", 6, -6),
            reach_f=("hip_f", -6, -6),
            elbow_n=-1,
            elbow_f=1,
            arm_n=(0, 0, 160),
            arm_f=(0, 0, 20),
            leg_n=(74, 96, 0),
            leg_f=(110, 92, 180),
            anchor=("toe_n", (192, F4)),
        )
    ],
    front=[("arc", ("hip", 0, 4), (44, 14), 20, 330)],
)

_ex(
    "walking-lunge",
    "Walking lunge",
    "A person steps forward into a lunge: front knee bent above the ankle, back knee "
    "lowered close to the floor, body upright, then steps through to the next lunge.",
    [
        Pose(
            torso=-90,
            arm_n=(60, 150, 150),
            arm_f=(120, 30, 30),
            leg_n=(5, 90, 0),
            leg_f=(118, 172, 40),
            anchor=("ankle_n", (200, FLOOR - 6)),
        )
    ],
    front=[("line", (215, 50), (270, 50))],
)

_ex(
    "strides",
    "Strides",
    "A runner in full stride at a quick but relaxed pace, leaning slightly forward, with "
    "motion lines behind to show a short, smooth acceleration.",
    [
        Pose(
            torso=-78,
            arm_n=(125, 40, 40),
            arm_f=(55, -40, -40),
            leg_n=(40, 110, 0),
            leg_f=(125, 165, 140),
            anchor=("ankle_n", (200, FLOOR - 30)),
        )
    ],
    front=[("speed", (90, 80)), ("line", (235, 48), (290, 48))],
)

_ex(
    "plank",
    "Forearm plank",
    "A person holds a forearm plank on a mat: elbows under the shoulders, forearms flat, "
    "body in one straight line from head to heels, weight on the toes.",
    [
        Pose(
            torso=-10,
            neck=-10,
            arm_n=(90, 0, 0),
            arm_f=(90, 0, 0),
            leg_n=(171, 171, 120),
            leg_f=(171, 171, 120),
            anchor=("elbow_n", (210, FM - 5)),
        )
    ],
    back=[("mat", 40, 290)],
)

_ex(
    "side-plank",
    "Side plank",
    "Seen from the front, a person balances on one forearm and the sides of the feet, "
    "body in a straight diagonal line, the top arm reaching up.",
    [
        Pose(
            front=True,
            torso=-13,
            neck=-13,
            arm_n=(92, 0, 0),
            arm_f=(-90, -90, -90),
            leg_n=(167, 167, 150),
            leg_f=(165, 165, 150),
            anchor=("elbow_n", (212, FM - 5)),
        )
    ],
    back=[("mat", 40, 290)],
)

_ex(
    "glute-bridge",
    "Glute bridge",
    "A person lies on their back on a mat with knees bent and feet flat, lifting the hips "
    "so the body forms a straight line from shoulders to knees.",
    [
        Pose(
            torso=150,
            neck=182,
            arm_n=(4, 0, 0),
            arm_f=(4, 0, 0),
            leg_n=(-24, 104, 0),
            leg_f=(-24, 104, 0),
            anchor=("ankle_n", (236, FM - 7)),
            scale=1.2,
        )
    ],
    back=[("mat", 30, 290)],
    front=[("line", ("hip", 0, -14), ("hip", 0, -46))],
)

_ex(
    "bird-dog",
    "Bird dog",
    "On hands and knees on a mat, a person reaches one arm straight forward and the "
    "opposite leg straight back, keeping the back flat and level.",
    [
        Pose(
            torso=-12,
            neck=-5,
            arm_n=(-8, -8, -8),
            arm_f=(90, 92, 0),
            leg_n=(90, 180, 180),
            leg_f=(178, 178, 178),
            anchor=("knee_n", (130, FM - 6)),
            scale=1.2,
        )
    ],
    back=[("mat", 20, 300)],
)

_ex(
    "dead-bug",
    "Dead bug",
    "Lying on the back on a mat, a person holds one arm up towards the ceiling and one "
    "knee bent above the hip, while the opposite arm and leg reach out long, low to the "
    "floor.",
    [
        Pose(
            torso=180,
            neck=180,
            arm_n=(-90, -90, -90),
            arm_f=(194, 188, 188),
            leg_n=(-12, -8, -70),
            leg_f=(-90, 0, -60),
            anchor=("hip", (160, FM - 11)),
            scale=1.2,
        )
    ],
    back=[("mat", 20, 300)],
)

_ex(
    "leg-raises",
    "Leg raises",
    "Lying on the back on a mat with arms by the sides, a person raises both straight "
    "legs slowly upwards and lowers them again under control.",
    [
        Pose(
            torso=180,
            neck=180,
            arm_n=(2, 0, 0),
            arm_f=(2, 0, 0),
            leg_n=(-55, -55, -145),
            leg_f=(-55, -55, -145),
            anchor=("hip", (150, FM - 9)),
            ghosts=[("leg", (-12, -12, -102))],
        )
    ],
    back=[("mat", 40, 290)],
    front=[("arc", "hip", 100, -16, -48)],
)

_ex(
    "back-extension",
    "Back extension",
    "Lying face down on a mat, a person gently lifts the chest a short way off the floor, "
    "arms by the sides, legs long and relaxed.",
    [
        Pose(
            torso=-16,
            neck=-20,
            arm_n=(168, 178, 178),
            arm_f=(168, 178, 178),
            leg_n=(180, 180, 180),
            leg_f=(180, 180, 180),
            anchor=("hip", (150, FM - 11)),
            scale=1.2,
        )
    ],
    back=[("mat", 20, 300)],
    front=[("arc", "hip", 92, -6, -34)],
)

_ex(
    "single-leg-deadlift",
    "Single-leg deadlift",
    "A person balances on one slightly bent leg and hinges forward at the hips, the free "
    "leg stretching straight back in line with the body and the hands lowering towards "
    "the shin.",
    [
        Pose(
            torso=-8,
            neck=-8,
            arm_n=(95, 92, 92),
            arm_f=(88, 90, 90),
            leg_n=(88, 95, 0),
            leg_f=(176, 176, 100),
            anchor=("ankle_n", (190, FLOOR - 6)),
        )
    ],
    front=[("arc", "hip", 62, -80, -20)],
)

_ex(
    "hip-thrust",
    "Hip thrust",
    "A person rests the upper back on the edge of a bench, knees bent and feet flat, and "
    "drives the hips up until the body is level from shoulders to knees.",
    [
        Pose(
            torso=180,
            neck=194,
            arm_n=(2, -2, -2),
            arm_f=(2, -2, -2),
            leg_n=(0, 90, 0),
            leg_f=(0, 90, 0),
            anchor=("ankle_n", (250, FLOOR - 7)),
            scale=1.15,
        )
    ],
    back=[("box", 128, 145, 40, 41)],
    front=[("line", ("hip", 0, 48), ("hip", 0, 16))],
)

_ex(
    "side-lunge",
    "Side lunge",
    "Seen from the front, a person takes a wide step to one side and bends that knee, "
    "sitting the hips back, while the other leg stays straight.",
    [
        Pose(
            front=True,
            torso=-88,
            reach_n=("shoulder", 6, 26),
            reach_f=("shoulder", -6, 26),
            elbow_n=-1,
            elbow_f=1,
            arm_n=(0, 0, None),
            arm_f=(0, 0, None),
            leg_n=(40, 95, 0),
            leg_f=(130, 130, 180),
            anchor=("toe_n", (240, F4)),
        )
    ],
    front=[("line", (235, 40), (285, 40))],
)

_ex(
    "squat",
    "Squat",
    "A person squats with feet flat, hips pushed back and down until the thighs are "
    "nearly level, chest up and arms reaching forward for balance.",
    [
        Pose(
            torso=-58,
            neck=-70,
            arm_n=(-4, -4, -4),
            arm_f=(-4, -4, -4),
            leg_n=(14, 114, 0),
            leg_f=(14, 114, 0),
            anchor=("ankle_n", (160, FLOOR - 6)),
            scale=1.1,
        )
    ],
    front=[("line", ("hip", -30, -46), ("hip", -30, -4), True)],
)

_ex(
    "deadlift",
    "Deadlift",
    "A person sets up to lift a barbell from the floor: feet under the bar, hips back, "
    "back flat, arms straight down gripping the bar, ready to stand up tall.",
    [
        Pose(
            torso=-20,
            neck=-28,
            arm_n=(98, 98, 98),
            arm_f=(98, 98, 98),
            leg_n=(23, 100, 0),
            leg_f=(23, 100, 0),
            anchor=("ankle_n", (160, FLOOR - 7)),
            scale=1.1,
        )
    ],
    back=[("plate", ("wrist_n", 0, 0), 26)],
    front=[("line", ("hip", -30, 0), ("hip", -30, -44))],
)

_ex(
    "band-side-steps",
    "Band side steps",
    "Seen from the front, a person in a slight squat with a loop band around the legs "
    "just above the ankles steps sideways, keeping tension in the band.",
    [
        Pose(
            front=True,
            torso=-90,
            arm_n=(70, 120, 120),
            arm_f=(110, 60, 60),
            leg_n=(62, 100, 0),
            leg_f=(112, 80, 180),
            anchor=("toe_f", (140, F4)),
        )
    ],
    front=[
        ("band", ("ankle_f", 1, -10), ("ankle_n", -1, -10)),
        ("line", (215, 70), (270, 70)),
    ],
)

_ex(
    "standing-hamstring-stretch",
    "Standing hamstring stretch",
    "A person stands with one heel resting on a low step, leg straight, and leans "
    "forward from the hips with a long, straight back and hands on the thigh.",
    [
        Pose(
            torso=-40,
            neck=-45,
            reach_n=("knee_n", -8, -6),
            reach_f=("knee_n", -14, -4),
            arm_n=(0, 0, None),
            arm_f=(0, 0, None),
            leg_n=(50, 50, -70),
            leg_f=(94, 90, 0),
            anchor=("toe_f", (150, F4)),
        )
    ],
    back=[("box", 188, FLOOR - 22, 60, 22)],
)

_ex(
    "hip-flexor-stretch",
    "Kneeling hip flexor stretch",
    "A person kneels on one knee on a mat with the other foot flat in front, body "
    "upright, gently shifting the hips forward to stretch the front of the back hip.",
    [
        Pose(
            torso=-92,
            reach_n=("hip", 6, -6),
            reach_f=("hip", 2, -8),
            elbow_n=1,
            elbow_f=1,
            arm_n=(0, 0, 0),
            arm_f=(0, 0, 0),
            leg_n=(-2, 92, 0),
            leg_f=(114, 180, 180),
            anchor=("ankle_n", (215, FM - 6)),
            scale=1.1,
        )
    ],
    back=[("mat", 60, 280)],
    front=[("line", ("hip", -50, 0), ("hip", -18, 0))],
)

_ex(
    "quad-stretch",
    "Standing quad stretch",
    "A person stands on one leg with a hand on a wall and holds the other foot behind "
    "them, heel towards the buttock, knees side by side.",
    [
        Pose(
            torso=-90,
            reach_n="ankle_n",
            elbow_n=1,
            arm_n=(0, 0, None),
            arm_f=(-10, 5, 5),
            leg_n=(100, -115, -165),
            leg_f=(90, 90, 0),
            anchor=("toe_f", (150, F4)),
        )
    ],
    back=[("wall", 208)],
)

_ex(
    "piriformis-stretch",
    "Piriformis stretch (figure four)",
    "Lying on the back on a mat, a person crosses one ankle over the opposite knee and "
    "gently draws the lower leg in towards the chest, holding behind the thigh.",
    [
        Pose(
            torso=180,
            neck=180,
            reach_n=("knee_f", -6, 8),
            reach_f=("knee_f", -10, 12),
            arm_n=(0, 0, None),
            arm_f=(0, 0, None),
            leg_n=(-20, -135, -135),
            leg_f=(-70, 8, -70),
            anchor=("hip", (170, FM - 11)),
            scale=1.2,
        )
    ],
    back=[("mat", 20, 300)],
)

_ex(
    "childs-pose",
    "Child's pose",
    "A person kneels on a mat and sits back towards the heels, folding forward so the "
    "chest rests on the thighs and the forehead nears the floor, arms stretched ahead.",
    [
        Pose(
            torso=9,
            neck=8,
            arm_n=(16, 0, 0),
            arm_f=(16, 0, 0),
            leg_n=(30, 180, 180),
            leg_f=(30, 180, 180),
            anchor=("knee_n", (150, FM - 6)),
            scale=1.2,
        )
    ],
    back=[("mat", 20, 300)],
)

_ex(
    "knee-to-chest",
    "Knee-to-chest stretch",
    "Lying on the back on a mat, a person hugs one knee towards the chest with both hands "
    "while the other leg rests long on the floor.",
    [
        Pose(
            torso=180,
            neck=180,
            reach_n=("knee_n", 4, 2),
            reach_f=("knee_n", 6, 6),
            arm_n=(0, 0, None),
            arm_f=(0, 0, None),
            leg_n=(-125, 10, -70),
            leg_f=(0, 0, -80),
            anchor=("hip", (150, FM - 11)),
            scale=1.2,
        )
    ],
    back=[("mat", 20, 300)],
)

_ex(
    "cat-cow",
    "Cat-cow",
    "Two pictures of a person on hands and knees on a mat: on the left the back rounds "
    "up like a cat with the head down; on the right the back gently dips with the chest "
    "and head lifted (cow).",
    [
        Pose(
            torso=-10,
            neck=50,
            bend=16,
            arm_n=(90, 90, 0),
            arm_f=(90, 90, 0),
            leg_n=(90, 180, 180),
            leg_f=(90, 180, 180),
            anchor=("knee_n", (62, FM - 6)),
        ),
        Pose(
            torso=-10,
            neck=-40,
            bend=-9,
            arm_n=(90, 90, 0),
            arm_f=(90, 90, 0),
            leg_n=(90, 180, 180),
            leg_f=(90, 180, 180),
            anchor=("knee_n", (218, FM - 6)),
        ),
    ],
    back=[("mat", 8, 312)],
    front=[
        ("text", (80, 40), "Cat: round up"),
        ("text", (240, 40), "Cow: gently dip"),
        ("line", ("0.hip", 22, -34), ("0.hip", 22, -56)),
        ("line", ("1.hip", 24, -28), ("1.hip", 24, -8)),
    ],
)

_ex(
    "seated-twist",
    "Seated twist",
    "Sitting on a mat with one leg straight, a person bends the other knee, places that "
    "foot flat on the floor and gently turns the upper body towards the bent knee, one "
    "hand on the floor behind.",
    [
        Pose(
            torso=-98,
            neck=-88,
            reach_f=("knee_n", 2, 4),
            reach_n=("hip", -24, 2),
            elbow_f=-1,
            elbow_n=1,
            arm_n=(0, 0, 180),
            arm_f=(0, 0, None),
            leg_f=(0, 0, -80),
            leg_n=(-50, 60, 0),
            anchor=("hip", (110, FM - 11)),
            scale=1.15,
        )
    ],
    back=[("mat", 20, 300)],
    front=[("arc", ("shoulder", 0, 8), (34, 10), 200, 340)],
)

_ex(
    "foam-roll-glutes",
    "Foam rolling the glutes",
    "A person sits on a foam roller with knees bent, feet flat and hands on the floor "
    "behind, leaning a little to one side to roll slowly over the buttock muscles.",
    [
        Pose(
            torso=-132,
            reach_n=("hip", -40, 22),
            reach_f=("hip", -44, 22),
            elbow_n=-1,
            elbow_f=-1,
            arm_n=(0, 0, 180),
            arm_f=(0, 0, 180),
            leg_n=(-14, 96, 0),
            leg_f=(-14, 96, 0),
            anchor=("ankle_n", (220, FLOOR - 6)),
            scale=1.15,
        )
    ],
    back=[("roller", ("hip", 0, 21), 10)],
    front=[("hline", "hip", 28, FLOOR + 8)],
)

_ex(
    "foam-roll-hamstrings",
    "Foam rolling the hamstrings",
    "A person sits with a foam roller under the backs of the thighs, legs straight and "
    "hands on the floor behind, lifting the hips to roll slowly along the hamstrings.",
    [
        Pose(
            torso=-130,
            reach_n=("hip", -40, 21),
            reach_f=("hip", -44, 21),
            elbow_n=-1,
            elbow_f=-1,
            arm_n=(0, 0, 180),
            arm_f=(0, 0, 180),
            leg_n=(3, 3, -75),
            leg_f=(3, 3, -75),
            anchor=("hip", (130, FLOOR - 28)),
            scale=1.15,
        )
    ],
    back=[("roller", ("knee_n", -22, 18), 10)],
    front=[("hline", ("knee_n", -22, 0), 28, FLOOR + 8)],
)

_ex(
    "foam-roll-back-muscles",
    "Foam rolling the back muscles",
    "A person lies back on a foam roller placed across the middle of the back, hips "
    "lifted, knees bent and feet flat, hands supporting the head, rolling slowly over the "
    "muscles beside the spine, not the spine itself.",
    [
        Pose(
            torso=186,
            neck=180,
            reach_n=("head", 2, 4),
            reach_f=("head", 4, 6),
            elbow_n=1,
            elbow_f=1,
            arm_n=(0, 0, None),
            arm_f=(0, 0, None),
            leg_n=(-15, 95, 0),
            leg_f=(-15, 95, 0),
            anchor=("ankle_n", (250, FLOOR - 7)),
            scale=1.15,
        )
    ],
    back=[("roller", ("hip", -29, 22), 10)],
    front=[("hline", ("hip", -29, 0), 28, FLOOR + 8)],
)


# --------------------------------------------------------------------------- anatomy

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


def write_all(root: Path | None = None) -> list[Path]:
    root = root or Path(__file__).resolve().parents[2] / "static" / "img"
    written = []
    for folder, items, render in (
        ("exercises", EXERCISES, lambda s: render_exercise(s, EXERCISES[s])),
        ("anatomy", ANATOMY, render_anatomy),
    ):
        out_dir = root / folder
        out_dir.mkdir(parents=True, exist_ok=True)
        for slug in items:
            path = out_dir / f"{slug}.svg"
            path.write_text(render(slug), encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    for p in write_all():
        print(p)
