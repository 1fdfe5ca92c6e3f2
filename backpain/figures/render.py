"""The renderer: from pose data to SVG text (stdlib only).

A pose is a few angles per body segment; ``solve`` turns it into joint positions (with a
little inverse kinematics for arms that reach a joint or point), ``rig`` turns those into one
rotation per segment, ``draw_figure`` draws the figure as groups nested at the joints (so CSS
can turn them: ``motion_css``), ``prop`` draws the mat, foam roller, band, bench, step and
wall around it, and ``svg_document`` wraps the result. ``render_exercise`` draws one exercise's
start, end or moving figure from its ``Figure`` (the data is in exercises.py); anatomy.py uses
the same document, ink, type and arrows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape

INK = "#1a1a1a"
FAR = "#8a8a8a"
LIGHT = "#ececec"
MID = "#bdbdbd"
FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

W, H = 320, 200
FLOOR = 186
MAT = 4  # mat thickness

# Segment lengths (a figure about 158 units tall).
TORSO, NECK, HEAD_R = 46, 8, 11
UPPER_ARM, FOREARM, HAND = 28, 24, 7
THIGH, SHIN, FOOT = 40, 39, 14
# Stroke widths.
W_TORSO, W_LIMB, W_HAND, W_FOOT = 18, 10, 7, 8

Point = tuple[float, float]


def _pt(origin: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return (origin[0] + length * math.cos(rad), origin[1] + length * math.sin(rad))


def _f(v: float) -> str:
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


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
    # The spine bends at its middle: ``bend`` arches it (positive: up and away from the belly).
    tilt = math.degrees(math.asin(max(-0.9, min(0.9, p.bend / TORSO))))
    j["mid"] = _pt(j["hip"], p.torso - tilt, TORSO / 2)
    j["shoulder"] = _pt(j["mid"], p.torso + tilt, TORSO / 2)
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
    name, target = p.anchor
    ax, ay = j[name]
    s = p.scale
    return {k: (target[0] + (x - ax) * s, target[1] + (y - ay) * s) for k, (x, y) in j.items()}


def _resolve_rel(spec, joints: dict) -> Point:
    """(joint, dx, dy) relative to an unscaled joint, used by reach targets."""
    name, dx, dy = spec
    x, y = joints[name]
    return (x + dx, y + dy)


# --------------------------------------------------------------------------- the rig
#
# A figure is drawn as nested groups, one per body segment, each rotating about the joint
# it hangs from: root (the hip) > spine (lower, upper) > neck and arms; root > legs. A pose
# is then just an angle per group, so the screen can move the figure from its start pose to
# its end pose with CSS rotations about the joints (motion_css), in every browser.

# Names of the rotating groups, in the order a pose lists them.
JOINTS = ("s1", "s2", "nk", "ln1", "ln2", "ln3", "lf1", "lf2", "lf3", "an1", "an2", "an3", "af1", "af2", "af3")
FAR_SCALE = 0.72  # far-side limbs are thinner as well as lighter, so depth reads without colour
HALO = "#fff"


def _wrap(a: float) -> float:
    return (a + 180) % 360 - 180


@dataclass
class Rig:
    """A solved pose as the renderer draws it: the hip's position, the scale, and each
    group's rotation relative to its parent (degrees)."""

    root: Point
    scale: float
    front: bool
    angles: dict
    hip_off: dict
    joints: dict


def rig(p: Pose) -> Rig:
    j = solve(p)

    def a(u: str, v: str) -> float:
        return math.degrees(math.atan2(j[v][1] - j[u][1], j[v][0] - j[u][0]))

    s1, s2 = a("hip", "mid"), a("mid", "shoulder")
    ang = {"s1": s1, "s2": s2 - s1, "nk": a("shoulder", "head") - s2}
    for side in "nf":
        th, sh = a(f"hip_{side}", f"knee_{side}"), a(f"knee_{side}", f"ankle_{side}")
        ft = a(f"ankle_{side}", f"toe_{side}")
        ang[f"l{side}1"], ang[f"l{side}2"], ang[f"l{side}3"] = th, sh - th, ft - sh
        ua, fa = a(f"shoulder_{side}", f"elbow_{side}"), a(f"elbow_{side}", f"wrist_{side}")
        hd = a(f"wrist_{side}", f"hand_{side}")
        ang[f"a{side}1"], ang[f"a{side}2"], ang[f"a{side}3"] = ua - s2, fa - ua, hd - fa
    ang = {k: _wrap(v) for k, v in ang.items()}
    hx, hy = j["hip"]
    s = p.scale
    hip_off = {side: ((j[f"hip_{side}"][0] - hx) / s, (j[f"hip_{side}"][1] - hy) / s) for side in "nf"}
    return Rig((hx, hy), s, p.front, ang, hip_off, j)


def _line(length: float, color: str, width: float) -> str:
    return f'<line x2="{_f(length)}" stroke="{color}" stroke-width="{_f(width)}"/>'


class _Drawer:
    """Writes one figure's nested groups; ``motion`` adds the class names motion_css animates."""

    def __init__(self, r: Rig, motion: bool):
        self.r, self.motion = r, motion

    def g(self, name: str, inner: str) -> str:
        cls = f' class="j j-{name}"' if self.motion else ""
        return f'<g{cls} transform="rotate({_f(self.r.angles[name])})">{inner}</g>'

    @staticmethod
    def at(x: float, y: float, inner: str) -> str:
        if abs(x) < 0.05 and abs(y) < 0.05:
            return inner
        return f'<g transform="translate({_f(x)},{_f(y)})">{inner}</g>'

    def leg(self, side: str, paint) -> str:
        foot = self.g(f"l{side}3", paint("foot", FOOT))
        shin = self.g(f"l{side}2", paint("shin", SHIN) + self.at(SHIN, 0, foot))
        thigh = self.g(f"l{side}1", paint("thigh", THIGH) + self.at(THIGH, 0, shin))
        return self.at(*self.r.hip_off[side], thigh)

    def arm(self, side: str, paint) -> str:
        hand = self.g(f"a{side}3", paint("hand", HAND))
        fore = self.g(f"a{side}2", paint("forearm", FOREARM) + self.at(FOREARM, 0, hand))
        upper = self.g(f"a{side}1", paint("upper", UPPER_ARM) + self.at(UPPER_ARM, 0, fore))
        offset = (13 if side == "n" else -13) if self.r.front else 0
        return self.at(TORSO / 2, offset, upper)

    def spine(self, lower: str, upper: str) -> str:
        return self.g("s1", lower + self.at(TORSO / 2, 0, self.g("s2", upper)))

    def root(self, inner: str) -> str:
        (x, y), s = self.r.root, self.r.scale
        cls = ' class="j j-root"' if self.motion else ""
        scaled = inner if s == 1 else f'<g transform="scale({_f(s)})">{inner}</g>'
        return f'<g{cls} transform="translate({_f(x)},{_f(y)})">{scaled}</g>'


WIDTHS = {"thigh": W_LIMB, "shin": W_LIMB, "upper": W_LIMB, "forearm": W_LIMB, "foot": W_FOOT, "hand": W_HAND}


def _paint(color: str, factor: float = 1.0, extra: float = 0.0):
    return lambda seg, length: _line(length, color, WIDTHS[seg] * factor + extra)


def draw_figure(r: Rig, motion: bool = False, attached: tuple = ()) -> str:
    """The figure, back to front: attached props, far arm and leg (thin, grey), torso, neck
    and head, then the near leg and arm, each with a white edge so it stands out from what
    lies behind it. ``attached``: (kind, size) props held in the near hand (plate, dumbbell)."""
    d = _Drawer(r, motion)
    out = []
    if attached:

        def held(seg: str, length: float) -> str:
            if seg != "hand":
                return ""
            return "".join(_held_prop(kind, size) for kind, size in attached)

        out.append(d.spine("", d.arm("n", held)))
    far = (INK, 1.0) if r.front else (FAR, FAR_SCALE)
    if r.front:
        out.append(d.spine("", d.arm("f", _paint(HALO, 1, 4)) + d.arm("f", _paint(*far))))
        out.append(d.leg("f", _paint(HALO, 1, 4)) + d.leg("f", _paint(*far)))
    else:
        out.append(d.spine("", d.arm("f", _paint(*far))))
        out.append(d.leg("f", _paint(*far)))
    if r.front:  # seen from the front: a trunk from the hips to the shoulders
        hw = math.hypot(*r.hip_off["n"])
        lower = (
            f'<path d="M0,{_f(-hw)} L0,{_f(hw)} L{_f(TORSO)},13 L{_f(TORSO)},-13 Z" fill="{INK}" '
            f'stroke="{INK}" stroke-width="10" stroke-linejoin="round"/>'
        )
        upper_torso = ""
    else:  # from the side: lower and upper back, the chest a little deeper than the waist
        lower = _line(TORSO / 2, INK, W_TORSO - 1)
        # Stops short of the shoulder so its round end leaves the neck showing.
        upper_torso = _line(TORSO / 2 - 4, INK, W_TORSO + 1)
    neck_and_head = _line(NECK + 2, INK, 7) + f'<circle cx="{_f(NECK + HEAD_R)}" r="{HEAD_R}" fill="{INK}"/>'
    head = d.at(TORSO / 2, 0, d.g("nk", neck_and_head))
    out.append(d.spine(lower, upper_torso + head))
    out.append(d.leg("n", _paint(HALO, 1, 4)) + d.leg("n", _paint(INK)))
    out.append(d.spine("", d.arm("n", _paint(HALO, 1, 4)) + d.arm("n", _paint(INK))))
    return d.root(f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">{"".join(out)}</g>')


def _held_prop(kind: str, size: float) -> str:
    if kind == "plate":  # a barbell plate seen end-on, the bar in the hand: see-through, so the legs show
        return (
            f'<circle cx="3" r="{_f(size)}" fill="{LIGHT}" fill-opacity="0.6" stroke="{INK}" stroke-width="2.5"/>'
            f'<circle cx="3" r="3.5" fill="{INK}"/>'
        )
    if kind == "dumbbell":
        return (
            f'<rect x="-1" y="-9" width="4" height="18" fill="{INK}"/>'
            f'<rect x="-4" y="-12" width="10" height="6" rx="1.5" fill="{INK}"/>'
            f'<rect x="-4" y="6" width="10" height="6" rx="1.5" fill="{INK}"/>'
        )
    raise ValueError(f"unknown held prop {kind!r}")


def _rot(v: Point, angle: float) -> Point:
    c, sn = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return (v[0] * c - v[1] * sn, v[0] * sn + v[1] * c)


def _add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def joint_offsets(r: Rig, angles: dict) -> dict:
    """Where each joint sits relative to the root (the hip) when the groups turn by ``angles``:
    the same chain of rotations the SVG applies, so the motion can keep a foot planted."""
    j: dict[str, Point] = {"hip": (0.0, 0.0)}
    s1 = angles["s1"]
    s2 = s1 + angles["s2"]
    j["mid"] = _rot((TORSO / 2, 0), s1)
    j["shoulder"] = _add(j["mid"], _rot((TORSO / 2, 0), s2))
    j["head"] = _add(j["shoulder"], _rot((NECK + HEAD_R, 0), s2 + angles["nk"]))
    for side in "nf":
        a = angles[f"l{side}1"]
        j[f"hip_{side}"] = r.hip_off[side]
        j[f"knee_{side}"] = _add(j[f"hip_{side}"], _rot((THIGH, 0), a))
        a += angles[f"l{side}2"]
        j[f"ankle_{side}"] = _add(j[f"knee_{side}"], _rot((SHIN, 0), a))
        j[f"toe_{side}"] = _add(j[f"ankle_{side}"], _rot((FOOT, 0), a + angles[f"l{side}3"]))
        offset = (13 if side == "n" else -13) if r.front else 0
        j[f"shoulder_{side}"] = _add(j["mid"], _rot((TORSO / 2, offset), s2))
        a = s2 + angles[f"a{side}1"]
        j[f"elbow_{side}"] = _add(j[f"shoulder_{side}"], _rot((UPPER_ARM, 0), a))
        a += angles[f"a{side}2"]
        j[f"wrist_{side}"] = _add(j[f"elbow_{side}"], _rot((FOREARM, 0), a))
        j[f"hand_{side}"] = _add(j[f"wrist_{side}"], _rot((HAND, 0), a + angles[f"a{side}3"]))
    return {k: (x * r.scale, y * r.scale) for k, (x, y) in j.items()}


def _ease(u: float) -> float:
    """CSS ease-in-out, cubic-bezier(.42, 0, .58, 1): the progress at time fraction u."""
    lo, hi = 0.0, 1.0
    for _ in range(40):
        t = (lo + hi) / 2
        x = 3 * (1 - t) ** 2 * t * 0.42 + 3 * (1 - t) * t**2 * 0.58 + t**3
        lo, hi = (t, hi) if x < u else (lo, t)
    t = (lo + hi) / 2
    return 3 * (1 - t) * t**2 + t**3


# The cycle: hold the start pose (0-15%), move (15-50%), hold the end pose (50-65%), move back.
HOLD_START, MOVE_END, HOLD_END = 15, 50, 65
ROOT_STEPS = 10


def motion_css(slug: str, start: Rig, end: Rig, anchor: str = "hip") -> str:
    """The CSS that moves one figure from its start pose to its end pose and back, each joint
    turning about its parent with ease-in-out. The root (hip) follows a path sampled so that
    the ``anchor`` joint (a planted foot, knee or elbow) stays put or glides in a straight line."""
    rules = []

    def rule(name: str, frames: str, timing: str = "") -> None:
        key = f"{slug}-{name}"
        rules.append(f".fig-{slug} .j-{name}{{animation-name:{key}{timing}}}@keyframes {key}{{{frames}}}")

    delta = {name: _wrap(end.angles[name] - start.angles[name]) for name in JOINTS}
    for name in JOINTS:
        a0 = start.angles[name]
        if abs(delta[name]) > 0.5:
            rule(
                name,
                f"0%,{HOLD_START}%,100%{{transform:rotate({_f(a0)}deg)}}"
                f"{MOVE_END}%,{HOLD_END}%{{transform:rotate({_f(a0 + delta[name])}deg)}}",
            )

    start_off, end_off = joint_offsets(start, start.angles), joint_offsets(end, end.angles)
    p0 = _add(start.root, start_off[anchor])
    p1 = _add(end.root, end_off[anchor])

    def root_at(t: float) -> Point:
        angles = {name: start.angles[name] + t * delta[name] for name in JOINTS}
        off = joint_offsets(start, angles)[anchor]
        return (p0[0] + t * (p1[0] - p0[0]) - off[0], p0[1] + t * (p1[1] - p0[1]) - off[1])

    samples = [(i / ROOT_STEPS, root_at(_ease(i / ROOT_STEPS))) for i in range(ROOT_STEPS + 1)]
    (x0, y0) = samples[0][1]
    if max(abs(x - x0) + abs(y - y0) for _, (x, y) in samples) < 0.3:
        return "\n".join(rules)
    frames = {}
    for u, (x, y) in samples:
        value = f"translate({_f(x)}px,{_f(y)}px)"
        frames.setdefault(value, []).append(f"{_f(HOLD_START + u * (MOVE_END - HOLD_START))}%")
        frames.setdefault(value, []).append(f"{_f(100 - u * (100 - HOLD_END))}%")
    frames[f"translate({_f(x0)}px,{_f(y0)}px)"].append("0%")
    frames[f"translate({_f(samples[-1][1][0])}px,{_f(samples[-1][1][1])}px)"].append(f"{MOVE_END}%")
    body = "".join(
        f"{','.join(sorted(set(keys), key=float_key))}{{transform:{value}}}" for value, keys in frames.items()
    )
    rule("root", body, ";animation-timing-function:linear")
    return "\n".join(rules)


def float_key(key: str) -> float:
    return float(key.rstrip("%"))


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


def svg_document(
    uid: str, title: str, desc: str, body: list[str], width: int = W, height: int = H, cls: str = "",
    box: tuple[float, float, float, float] | None = None,
) -> str:
    """``box`` is the part of the width-by-height drawing to show (the viewBox); all of it by default."""
    klass = f' class="{cls}"' if cls else ""
    view = " ".join(_f(v) for v in (box or (0, 0, width, height)))
    # The arrowhead marker only where something draws an arrow.
    marker = (
        [
            "<defs>",
            f'<marker id="ah-{uid}" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4.5" '
            'markerHeight="4.5" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker>',
            "</defs>",
        ]
        if any("marker-" in part for part in body)
        else []
    )
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg"{klass} viewBox="{view}" '
            f'role="img" aria-labelledby="title-{uid} desc-{uid}">',
            f'<title id="title-{uid}">{escape(title)}</title>',
            f'<desc id="desc-{uid}">{escape(desc)}</desc>',
            *marker,
            f'<rect width="{width}" height="{height}" fill="#fff"/>',
            *body,
            "</svg>",
            "",
        ]
    )


HELD = {"plate", "dumbbell"}


@dataclass
class Figure:
    """One exercise: its start pose, the changes that make its end pose, and its props.

    Props in ``back`` and ``front`` are placed from the start pose and stay put (a mat, a
    bench, the roller the body rolls over); a plate or dumbbell in ``back`` is held in the
    near hand and moves with it."""

    title: str
    alt: str
    poses: list
    back: list = field(default_factory=list)
    front: list = field(default_factory=list)
    floor: bool = True
    end: dict = field(default_factory=dict)

    @property
    def start_pose(self) -> Pose:
        return self.poses[0]

    @property
    def end_pose(self) -> Pose:
        changes = dict(self.end)
        keep = changes.pop("keep", None)
        pose = replace(self.poses[0], **changes)
        if keep:  # this joint stays where the start pose put it
            pose = replace(pose, anchor=(keep, solve(self.poses[0])[keep]))
        return pose


def _scene(slug: str, fig: Figure, r: Rig, motion: bool) -> list[str]:
    joints = [solve(fig.start_pose)]
    body: list[str] = []
    if fig.floor:
        body.append(
            f'<line x1="8" y1="{FLOOR}" x2="{W - 8}" y2="{FLOOR}" stroke="{INK}" '
            'stroke-width="2.5" stroke-linecap="round"/>'
        )
    held = tuple((item[0], item[2]) for item in fig.back if item[0] in HELD)
    body += [prop(item, joints, slug) for item in fig.back if item[0] not in HELD]
    body.append(draw_figure(r, motion, held))
    body += [prop(item, joints, slug) for item in fig.front]
    return body


# The frame around a figure: a margin for the head's and limbs' width, the floor line below, the
# pictures' shape (160 by 100), and at most this much zoom, so props beside the body still show.
FRAME_MARGIN, FRAME_BELOW, FRAME_MIN_WIDTH = 16, 8, 176


def frame(fig: Figure) -> tuple[float, float, float, float]:
    """The viewBox that holds both poses, as close as the shape allows (issue 29: a lying figure
    filled the bottom third of a standing one's frame, too small to read on paper)."""
    joints = [solve(fig.start_pose), solve(fig.end_pose)]
    xs = [x for j in joints for x, _ in j.values()]
    ys = [y for j in joints for _, y in j.values()]
    margin = FRAME_MARGIN * max(fig.start_pose.scale, fig.end_pose.scale)
    top, bottom = min(ys) - margin, FLOOR + FRAME_BELOW
    width = min(W, max(max(xs) - min(xs) + 2 * margin, (bottom - top) * W / H, FRAME_MIN_WIDTH))
    width = math.ceil(width / 8) * 8  # whole units both ways: 8 wide by 5 high
    height = width * H // W
    x = min(max((min(xs) + max(xs) - width) / 2, 0), W - width)
    y = min(max(bottom - height, 0), H - height)
    return (round(x, 1), round(y, 1), round(width, 1), round(height, 1))


def render_exercise(slug: str, fig: Figure, which: str = "start") -> str:
    """One exercise's SVG: ``start`` or ``end`` (still pictures, for cards and print) or
    ``motion`` (the start pose with class names for motion_css, to inline in a page); all three
    in the same frame, so the figure moves, not the picture."""
    box = frame(fig)
    if which == "end":
        return svg_document(f"{slug}-end", fig.title, fig.alt, _scene(slug, fig, rig(fig.end_pose), False), box=box)
    r = rig(fig.start_pose)
    if which == "motion":
        return svg_document(
            f"{slug}-motion", fig.title, fig.alt, _scene(slug, fig, r, True), cls=f"fig-motion fig-{slug}", box=box
        )
    return svg_document(slug, fig.title, fig.alt, _scene(slug, fig, r, False), box=box)


def exercise_motion_css(slug: str, fig: Figure) -> str:
    # A joint planted at both ends (a foot, a knee, an elbow) stays put while the figure moves;
    # when the two poses stand on different feet (a stride), the hip glides between them instead.
    start, end = fig.start_pose, fig.end_pose
    anchor = start.anchor[0] if end.anchor[0] == start.anchor[0] else "hip"
    return motion_css(slug, rig(start), rig(end), anchor)
