"""The pose data: one figure per exercise, registered with ``_ex`` in drawing order.

Each entry gives the slug (the file name under static/img/exercises/), the title, the
description (the SVG's <desc>, matching the exercise's ``illustration_alt``), the start pose,
and the props drawn behind (``back``) and in front of (``front``) the figure; END below gives
each end pose as the changes from the start. No arrows: the figure itself moves on screen,
and print shows the start and end side by side.
"""

from __future__ import annotations

from dataclasses import replace

from backpain.figures.render import FLOOR, MAT, Figure, Pose, solve

F4 = FLOOR - 4  # a foot or toe resting on the floor
FM = FLOOR - MAT  # top of the mat

EXERCISES: dict[str, Figure] = {}


def _ex(slug: str, title: str, alt: str, poses, back=(), front=(), floor=True, end=None) -> None:
    EXERCISES[slug] = Figure(title, alt, list(poses), list(back), list(front), floor, dict(end or END.get(slug, {})))


# The end pose of each exercise: what changes from its start pose. ``keep`` names a joint
# that stays where it is at the start (a planted foot or knee); otherwise the start's anchor.
RUN_N, RUN_F = (125, 175, 150), (82, 100, 5)
END: dict[str, dict] = {
    "brisk-walk": dict(arm_n=(72, 30, 30), arm_f=(112, 70, 70), leg_n=(110, 115, 40), leg_f=(68, 96, -20),
                       anchor=("ankle_f", (175, FLOOR - 7))),
    "easy-jog": dict(arm_n=(60, -30, -30), arm_f=(115, 45, 45), leg_n=(125, 175, 150), leg_f=(82, 100, 5),
                     anchor=("toe_f", (185, FLOOR - 4))),
    "leg-swings": dict(leg_n=(125, 125, 30)),
    "lateral-leg-swings": dict(leg_n=(108, 108, 180)),
    "high-knees": dict(arm_n=(65, -25, -25), arm_f=(120, 40, 40), leg_n=(92, 92, 20), leg_f=(-5, 92, 20),
                       anchor=("toe_n", (160, FLOOR - 4))),
    "butt-kicks": dict(arm_n=(120, 40, 40), arm_f=(65, -25, -25), leg_n=(90, 92, 15), leg_f=(100, -115, -140),
                       anchor=("toe_n", (170, FLOOR - 4))),
    "arm-circles": dict(arm_n=(-25, -25, -25), arm_f=(205, 205, 205)),
    "hip-circles": dict(torso=-80),
    "walking-lunge": dict(arm_n=(110, 60, 60), arm_f=(70, 120, 120), leg_n=(88, 92, 0), leg_f=(60, 120, 10)),
    "strides": dict(arm_n=(55, -40, -40), arm_f=(125, 40, 40), leg_n=(125, 165, 140), leg_f=(40, 110, 0),
                    anchor=("ankle_f", (200, FLOOR - 30))),
    "plank": dict(leg_n=(150, 180, 150), leg_f=(150, 180, 150)),
    "side-plank": dict(torso=-4, neck=-4, leg_n=(177, 177, 160), leg_f=(175, 175, 160)),
    "glute-bridge": dict(torso=180, neck=180, leg_n=(-55, 60, 0), leg_f=(-55, 60, 0)),
    # The far arm reaches (drawn behind the head, so the head shows) with the near leg; the far knee stays put.
    "bird-dog": dict(arm_f=(-4, -4, -4), leg_n=(178, 178, 178), keep="knee_f"),
    "leg-raises": dict(leg_n=(-8, -8, -100), leg_f=(-8, -8, -100)),
    "back-extension": dict(torso=-2, neck=-4),
    "single-leg-deadlift": dict(torso=-8, neck=-8, arm_n=(95, 92, 92), arm_f=(88, 90, 90),
                                leg_n=(88, 95, 0), leg_f=(176, 176, 100)),
    "hip-thrust": dict(torso=192, neck=196, leg_n=(-14, 90, 0), leg_f=(-14, 90, 0)),
    "side-lunge": dict(leg_n=(76, 90, 0), leg_f=(104, 90, 180), keep="toe_f"),
    "squat": dict(torso=-87, neck=-88, arm_n=(80, 84, 84), arm_f=(84, 86, 86), leg_n=(86, 94, 0),
                  leg_f=(86, 94, 0)),
    "band-side-steps": dict(leg_n=(80, 98, 0)),
    "standing-hamstring-stretch": dict(torso=-84, neck=-86, reach_n=("knee_n", -22, -22),
                                       reach_f=("knee_n", -26, -20)),
    "hip-flexor-stretch": dict(torso=-95, leg_n=(-2, 78, 0), leg_f=(124, 180, 180)),
    "quad-stretch": dict(leg_n=(96, 130, 20)),
    "piriformis-stretch": dict(leg_f=(-98, 10, -70), leg_n=(-48, -150, -150)),
    "knee-to-chest": dict(leg_n=(-78, 2, -80)),
    # Turned towards the bent knee: the far arm hooks round it, the near hand goes to the floor
    # well behind, the body leans back onto it and the head looks back over the shoulder.
    "seated-twist": dict(torso=-106, neck=-128, reach_f=("knee_n", 6, 4), reach_n=("hip", -40, 8)),
    "foam-roll-glutes": dict(anchor=("ankle_n", (234, FLOOR - 6))),
    "foam-roll-hamstrings": dict(anchor=("hip", (150, FLOOR - 28))),
    "foam-roll-back-muscles": dict(anchor=("ankle_n", (266, FLOOR - 7))),
}


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
        )
    ],
    back=[("wall", 88)],
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
        )
    ],
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
)

_ex(
    "bird-dog",
    "Bird dog",
    "On hands and knees on a mat, a person reaches one arm straight forward and the "
    "opposite leg straight back, keeping the back flat and level.",
    [
        Pose(
            torso=-12,
            neck=-8,
            arm_n=(90, 92, 0),
            arm_f=(88, 90, 0),
            leg_n=(90, 180, 180),
            leg_f=(90, 180, 180),
            anchor=("knee_n", (130, FM - 6)),
            scale=1.2,
        )
    ],
    back=[("mat", 20, 300)],
)

_ex(
    "dead-bug",
    "Dead bug",
    "Lying on the back on a mat, a person starts with both arms pointing up to the ceiling "
    "and both knees bent above the hips, then slowly reaches one arm back over the head "
    "and the opposite leg out long, low to the floor.",
    [
        Pose(
            torso=180,
            neck=180,
            arm_n=(-88, -88, -88),
            arm_f=(-97, -97, -97),
            leg_n=(-90, 0, -80),
            leg_f=(-80, 8, -72),
            anchor=("hip", (170, FM - 11)),
            scale=1.15,
        )
    ],
    back=[("mat", 20, 300)],
    end=dict(arm_f=(196, 186, 186), leg_n=(-10, -6, -80)),
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
        )
    ],
    back=[("mat", 40, 290)],
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
)

_ex(
    "single-leg-deadlift",
    "Single-leg deadlift",
    "A person balances on one slightly bent leg and hinges forward at the hips, the free "
    "leg stretching straight back in line with the body and the hands lowering towards "
    "the shin.",
    [
        Pose(
            torso=-90,
            neck=-90,
            arm_n=(92, 90, 90),
            arm_f=(88, 90, 90),
            leg_n=(90, 90, 0),
            leg_f=(96, 88, 0),
            anchor=("ankle_n", (190, FLOOR - 6)),
        )
    ],
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
)

_ex(
    "deadlift",
    "Deadlift",
    "A person lifts a barbell from the floor: feet under the bar, hips back, back flat and "
    "arms straight down gripping the bar, then stands up tall with the bar against the "
    "thighs.",
    [
        Pose(
            torso=-24,
            neck=-30,
            arm_n=(96, 96, 96),
            arm_f=(94, 94, 94),
            leg_n=(30, 108, 0),
            leg_f=(30, 108, 0),
            anchor=("ankle_n", (160, FLOOR - 7)),
            scale=1.1,
        )
    ],
    back=[("plate", ("wrist_n", 0, 0), 20)],
    end=dict(torso=-90, neck=-90, arm_n=(94, 90, 90), arm_f=(92, 90, 90), leg_n=(88, 92, 0), leg_f=(88, 92, 0)),
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
    front=[("band", ("ankle_f", 1, -10), ("ankle_n", -1, -10))],
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
    "A person starts on hands and knees on a mat, then sits back towards the heels, "
    "folding forward so the chest rests on the thighs and the forehead nears the floor, "
    "arms stretched ahead.",
    [
        Pose(
            torso=-14,
            neck=-6,
            arm_n=(90, 90, 0),
            arm_f=(92, 90, 0),
            leg_n=(90, 180, 180),
            leg_f=(90, 180, 180),
            anchor=("knee_n", (120, FM - 6)),
            scale=1.15,
        )
    ],
    back=[("mat", 20, 300)],
    end=dict(torso=10, neck=24, arm_n=(40, 2, 0), arm_f=(42, 4, 0), leg_n=(46, 180, 180), leg_f=(46, 180, 180)),
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
    "A person on hands and knees on a mat slowly rounds the back up like a cat with the "
    "head down, then lets the back gently dip with the chest and head lifted (cow).",
    [
        Pose(
            torso=-14,
            neck=70,
            bend=20,
            arm_n=(90, 90, 0),
            arm_f=(92, 90, 0),
            leg_n=(90, 180, 180),
            leg_f=(90, 180, 180),
            anchor=("knee_n", (120, FM - 6)),
            scale=1.15,
        )
    ],
    back=[("mat", 20, 300)],
    end=dict(neck=-45, bend=-14),
)

_ex(
    "seated-twist",
    "Seated twist",
    "Sitting on a mat with one leg straight, a person bends the other knee, places that "
    "foot flat on the floor and gently turns the upper body towards the bent knee, one "
    "hand on the floor behind.",
    [
        Pose(
            torso=-92,
            neck=-84,
            reach_f=("knee_n", -4, -2),
            reach_n=("hip", 6, 8),
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
)


# These were drawn in the pose they hold or reach (the bridge up, the squat down), so their first
# picture showed the end of the movement: on a sheet, "start, then end" read backwards (issue 29:
# a physio reads a bridge from lying flat to hips up). Each starts from rest instead.
STARTS_FROM_REST = (
    "glute-bridge", "leg-raises", "squat", "walking-lunge", "side-lunge", "standing-hamstring-stretch",
    "plank", "back-extension", "quad-stretch",
)


def start_from_the_end(fig: Figure) -> Figure:
    """The same figure with its start and end poses swapped; a joint kept still stays still."""
    start, changes = fig.start_pose, dict(fig.end)
    keep = changes.pop("keep", None)
    anchor = changes.pop("anchor", None)
    undo = {name: getattr(start, name) for name in changes}
    if keep:
        new_start = replace(start, **changes, anchor=(keep, solve(start)[keep]))
        undo["keep"] = keep
    else:
        new_start = replace(start, **changes, **({"anchor": anchor} if anchor else {}))
        if anchor:
            undo["anchor"] = start.anchor
    return replace(fig, poses=[new_start, *fig.poses[1:]], end=undo)


for _slug in STARTS_FROM_REST:
    EXERCISES[_slug] = start_from_the_end(EXERCISES[_slug])
