"""The renderer: from pose data to SVG text (stdlib only).

A pose is a few angles per body segment; ``solve`` turns it into joint positions (with a
little inverse kinematics for arms that reach a joint or point), ``draw_pose`` draws the
figure with rounded limbs and a round head, ``prop`` draws the mat, foam roller, band,
weights, bench, step, arrows and labels around it, and ``svg_document`` wraps the result.
``render_exercise`` draws one exercise from its ``Figure`` (the data is in exercises.py);
anatomy.py uses the same document, ink and type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
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
