"""backpain/figures/: the committed SVGs are what the code draws, every illustrated item has one, and each is safe."""

import re
from pathlib import Path
from xml.etree import ElementTree

import frontmatter
import pytest

from backpain.figures import EXERCISES, MOTION_CSS, SLUGS, STATIC_IMG, VARIANTS, motion_css, svg, write_all
from backpain.figures.render import FLOOR, HEAD_R, JOINTS, MAT, W_LIMB, joint_offsets, rig, solve

ROOT = Path(__file__).resolve().parents[1]
SVG_NS = "{http://www.w3.org/2000/svg}"
COMMITTED = sorted(path for folder in SLUGS for path in (STATIC_IMG / folder).glob("*.svg"))
COMMITTED_CSS = sorted((STATIC_IMG / "exercises").glob("*.css"))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Every drawing written once into a fresh folder, as `make figures` writes static/img/."""
    root = tmp_path_factory.mktemp("img")
    return root, write_all(root)


def test_write_all_draws_every_slug_once(drawn):
    root, written = drawn
    expected = [root / "anatomy" / f"{slug}.svg" for slug in SLUGS["anatomy"]]
    expected += [root / "exercises" / f"{slug}{variant}.svg" for slug in SLUGS["exercises"] for variant in VARIANTS]
    expected += [root / "exercises" / f"{slug}{MOTION_CSS}" for slug in SLUGS["exercises"]]
    assert sorted(written) == sorted(expected)
    assert len(SLUGS["exercises"]) >= 30 and len(SLUGS["anatomy"]) >= 7


def test_committed_svgs_are_what_the_code_draws(drawn):
    root, written = drawn
    stale = [str(path.relative_to(root)) for path in written
             if not (STATIC_IMG / path.relative_to(root)).is_file()
             or (STATIC_IMG / path.relative_to(root)).read_bytes() != path.read_bytes()]
    assert not stale, (f"static/img/ differs from backpain/figures/ for {stale}: run make figures and commit the SVGs "
                       "and their keyframes")


def test_no_committed_svg_is_left_without_a_drawing(drawn):
    root, _ = drawn
    orphans = [str(path.relative_to(STATIC_IMG)) for path in (*COMMITTED, *COMMITTED_CSS)
               if not (root / path.relative_to(STATIC_IMG)).is_file()]
    assert not orphans, f"no drawing in backpain/figures/ makes {orphans}: delete them, or add the drawing"


@pytest.mark.parametrize("folder", ["exercises", "anatomy"])
def test_every_illustrated_item_has_a_figure(folder):
    items = sorted((ROOT / "content" / folder).glob("*.md"))
    assert items
    for path in items:
        illustration = frontmatter.load(path).get("illustration")
        assert illustration, f"{path.name} names no illustration"
        drawn_folder, slug = re.fullmatch(r"img/([a-z]+)/([a-z0-9-]+)\.svg", illustration).groups()
        assert slug in SLUGS.get(drawn_folder, ()), (
            f"{path.name}: no drawing for {illustration} in backpain/figures/{drawn_folder}.py"
        )


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_svg_is_titled_scalable_and_self_contained(path):
    text = path.read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    assert re.fullmatch(r"([\d.]+ ){3}[\d.]+", root.get("viewBox", "")), "no viewBox: the drawing would not scale"
    for tag in ("title", "desc"):
        element = root.find(f"{SVG_NS}{tag}")
        assert element is not None and element.text and element.text.strip(), f"no <{tag}>"
    assert root.get("role") == "img" and root.get("aria-labelledby")
    assert not any(element.tag == f"{SVG_NS}script" for element in root.iter()), "a <script> in a figure"
    assert "<script" not in text.lower()
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), f"external reference {value!r}"
    # The SVG namespace is the only address in the file: no external fonts, images or styles.
    assert re.findall(r"https?:", text, re.IGNORECASE) == ["http:"]
    assert text.count('xmlns="http://www.w3.org/2000/svg"') == 1


def test_one_drawing_by_folder_and_slug():
    assert svg("exercises", "plank") == (STATIC_IMG / "exercises" / "plank.svg").read_text(encoding="utf-8")
    with pytest.raises(KeyError):
        svg("exercises", "no-such-exercise")
    with pytest.raises(KeyError):
        svg("sketches", "plank")


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_each_exercise_s_keyframes_are_its_own_and_what_the_code_draws(slug):
    css = (STATIC_IMG / "exercises" / f"{slug}{MOTION_CSS}").read_text(encoding="utf-8")
    assert css == motion_css(slug), f"img/exercises/{slug}{MOTION_CSS} differs: run make figures and commit it"
    # One figure's keyframes only: every rule is for this figure, and the file stays small.
    assert set(re.findall(r"\.fig-([a-z0-9-]+) ", css)) == {slug}
    assert len(css.encode()) < 4000


# The figure itself: pure functions, no database.

NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_every_exercise_has_a_start_and_an_end_pose_that_differ(slug):
    fig = EXERCISES[slug]
    start, end = rig(fig.start_pose), rig(fig.end_pose)
    moved = [name for name in JOINTS if abs((end.angles[name] - start.angles[name] + 180) % 360 - 180) > 3]
    assert moved or start.root != end.root, f"{slug}: the end pose is the start pose, so nothing moves"
    assert svg("exercises", slug) != svg("exercises", slug, "-end")


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_every_figure_has_the_body_parts_in_the_right_order(slug):
    """Head, neck, torso, two arms with hands and two legs with feet; far limbs behind, thinner."""
    root = ElementTree.fromstring(svg("exercises", slug, "-motion"))
    groups = {}
    for g in root.iter(f"{SVG_NS}g"):
        for name in (g.get("class") or "").split():
            groups.setdefault(name, []).append(g)
    for joint in JOINTS:  # spine (2), neck, 3 segments per limb: thigh, shin, foot; upper arm, forearm, hand
        assert f"j-{joint}" in groups, f"{slug}: no j-{joint} group"
    assert len(groups["j-root"]) == 1
    head = [c for g in groups["j-nk"] for c in g.iter(f"{SVG_NS}circle")]
    assert head and float(head[0].get("r")) >= 10, "a round head on the neck"
    # Each limb ends in a hand or foot: its last group draws a short line.
    for joint in ("ln3", "lf3", "an3", "af3"):
        lines = [line for g in groups[f"j-{joint}"] for line in g.findall(f"{SVG_NS}line")]
        assert lines, f"{slug}: no hand or foot at {joint}"
    if not EXERCISES[slug].start_pose.front:
        order = [g.get("class") for g in root.iter(f"{SVG_NS}g") if g.get("class") in ("j j-lf1", "j j-s1", "j j-ln1")]
        assert order.index("j j-lf1") < order.index("j j-ln1"), "the far leg is drawn behind the near one"
        far = groups["j-lf1"][0].find(f"{SVG_NS}line")
        near = [line for g in groups["j-ln1"] for line in g.findall(f"{SVG_NS}line") if line.get("stroke") != "#fff"]
        assert float(far.get("stroke-width")) < float(near[0].get("stroke-width")), "far limbs are thinner"
        assert far.get("stroke") != near[0].get("stroke"), "and lighter"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_the_rig_puts_every_joint_where_the_pose_solves_it(slug):
    """The nested groups the SVG rotates land each joint where solve() puts it, at both ends."""
    for pose in (EXERCISES[slug].start_pose, EXERCISES[slug].end_pose):
        r, joints = rig(pose), solve(pose)
        offsets = joint_offsets(r, r.angles)
        for name, (x, y) in offsets.items():
            assert joints[name] == pytest.approx((r.root[0] + x, r.root[1] + y), abs=0.01), (slug, name)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_the_figure_stays_in_its_frame_and_above_the_floor(slug):
    for pose in (EXERCISES[slug].start_pose, EXERCISES[slug].end_pose):
        joints = solve(pose)
        for name, (x, y) in joints.items():
            assert 0 <= x <= 320 and 0 <= y <= 186 + 2, f"{slug}: {name} at {(round(x), round(y))} is outside"


def test_a_held_weight_moves_with_the_hand_and_sits_behind_the_body():
    root = ElementTree.fromstring(svg("exercises", "deadlift", "-motion"))
    groups = [g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "j j-an3"]
    plate = groups[0].find(f"{SVG_NS}circle")
    assert plate is not None, "the plate hangs from the first (rearmost) near-hand group"
    assert plate.get("fill-opacity"), "a see-through plate, so the legs show"


def test_the_motion_css_moves_each_exercise_between_its_poses():
    for slug in EXERCISES:
        css = motion_css(slug)
        assert f".fig-{slug} .j-" in css, f"{slug} does not move"
        assert "<" not in css and "url(" not in css and "@import" not in css
    css = motion_css("deadlift")
    # Start pose at 0%, 15% and 100%, end pose at 50% and 65%: holds at both ends.
    assert re.search(r"@keyframes deadlift-s1\{0%,15%,100%\{transform:rotate\(-?[\d.]+deg\)\}50%,65%", css)
    assert "<" not in css and "url(" not in css and "@import" not in css


def test_each_exercise_has_one_start_pose_and_draws_no_arrows():
    """The movement is shown by moving (and in print by start -> end), not by arrows in the picture."""
    for slug, fig in EXERCISES.items():
        assert len(fig.poses) == 1, slug
        assert not {item[0] for item in fig.back + fig.front} & {"line", "hline", "curve", "arc", "speed", "text"}, slug
        assert "marker-end" not in svg("exercises", slug) + svg("exercises", slug, "-end")


# Pictures that teach (issue 29): what a reader must see in each pair of poses.

def view_box(slug: str, variant: str = "") -> tuple[float, ...]:
    return tuple(float(v) for v in ElementTree.fromstring(svg("exercises", slug, variant)).get("viewBox").split())


def _distance_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def _slope(joints, lower: str, upper: str) -> float:
    """The angle of a segment from the horizontal, 0 to 90 degrees."""
    import math
    (x0, y0), (x1, y1) = joints[lower], joints[upper]
    return abs(math.degrees(math.atan2(-(y1 - y0), abs(x1 - x0) or 1e-9)))


def test_bird_dog_starts_on_all_fours_ends_reaching_and_the_head_is_never_behind_the_near_arm():
    """The near arm is drawn in front of the head (the far one behind it), so it must pass clear of it."""
    fig = EXERCISES["bird-dog"]
    start, end = solve(fig.start_pose), solve(fig.end_pose)
    floor = FLOOR - MAT - 14
    assert all(start[j][1] >= floor for j in ("wrist_n", "wrist_f", "knee_n", "knee_f")), "start: hands and knees down"
    reaching = [j for j in ("wrist_n", "wrist_f") if end[j][1] < floor - 20]
    assert len(reaching) == 1 and len([j for j in ("ankle_n", "ankle_f") if end[j][1] < floor - 20]) == 1
    for pose, joints in ((fig.start_pose, start), (fig.end_pose, end)):
        clear = (HEAD_R + W_LIMB / 2) * pose.scale
        for side in "n":
            for a, b in ((f"shoulder_{side}", f"elbow_{side}"), (f"elbow_{side}", f"wrist_{side}"),
                         (f"wrist_{side}", f"hand_{side}")):
                assert _distance_to_segment(joints["head"], joints[a], joints[b]) >= clear, (side, a, b)


def test_single_leg_deadlift_starts_standing_and_ends_hinged_with_the_free_leg_back():
    fig = EXERCISES["single-leg-deadlift"]
    start, end = solve(fig.start_pose), solve(fig.end_pose)
    assert _slope(start, "hip", "shoulder") > 75, "start: standing tall"
    assert _slope(end, "hip", "shoulder") < 25, "end: hinged forward, the back near level"
    assert _slope(end, "hip_f", "ankle_f") < 25 and end["ankle_f"][0] < end["hip"][0] < end["head"][0], (
        "the free leg stretches back, away from where the head points")


def test_the_seated_twist_visibly_turns_the_upper_body():
    fig = EXERCISES["seated-twist"]
    start, end = solve(fig.start_pose), solve(fig.end_pose)
    upper = ("head", "elbow_n", "wrist_n", "elbow_f", "wrist_f")
    assert max(abs(end[j][0] - start[j][0]) + abs(end[j][1] - start[j][1]) for j in upper) >= 40


# Where the movement goes from the start picture to the end one, in the words of each exercise's
# first steps: (joint, "up" or "down"). y grows downwards in SVG.
FROM_REST = {
    "glute-bridge": ("hip", "up"),          # lie with knees bent, then lift the hips
    "leg-raises": ("ankle_n", "up"),        # lie flat, then raise the legs
    "squat": ("hip", "down"),               # stand, then sit back and down
    "walking-lunge": ("hip", "down"),       # stand, then step and lower
    "side-lunge": ("hip", "down"),
    "plank": ("knee_n", "up"),              # from the forearms and knees, lift the knees off the floor
    "side-plank": ("hip", "up"),            # lie on your side, then lift the hips
    "back-extension": ("head", "up"),       # lie face down, then lift the chest
    "standing-hamstring-stretch": ("head", "down"),  # stand tall, then lean forward from the hips
    "quad-stretch": ("ankle_n", "up"),      # stand, then bring the heel up behind
}


@pytest.mark.parametrize("slug", list(FROM_REST))
def test_a_sheet_reads_start_then_end_from_rest_to_the_pose_held(slug):
    fig = EXERCISES[slug]
    joint, way = FROM_REST[slug]
    start, end = solve(fig.start_pose)[joint][1], solve(fig.end_pose)[joint][1]
    assert (end < start - 5) if way == "up" else (end > start + 5), (slug, joint, start, end)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_the_figure_fills_its_frame_lying_or_standing(slug):
    """A lying figure is cropped close, as a standing one fills its frame's height."""
    fig = EXERCISES[slug]
    joints = [solve(fig.start_pose), solve(fig.end_pose)]
    xs = [x for j in joints for x, _ in j.values()]
    ys = [y for j in joints for _, y in j.values()] + [FLOOR]  # the floor shows too
    x, y, w, h = view_box(slug)
    assert view_box(slug, "-end") == view_box(slug, "-motion") == (x, y, w, h), "one frame for both poses"
    assert w / h == pytest.approx(1.6), "the frame keeps the pictures' shape (160 by 100)"
    assert x <= min(xs) and max(xs) <= x + w and y <= min(ys) and max(ys) <= y + h, "nothing is cut off"
    assert y + h >= FLOOR + 2, "the floor shows"
    assert max((max(xs) - min(xs)) / w, (max(ys) - min(ys)) / h) >= 0.7, f"{slug}: small in its frame"
