"""Issue 29: steps stored before the dose placeholders, in exercises an editor changed in admin.

The loader does not overwrite an exercise edited in admin, so such an exercise kept its numbered steps
("Hold for 3 seconds…") under a dose that may say otherwise. This rewrites each step that is word for
word one we shipped to the placeholder version we ship now. Only exercises an editor saved (a history
row with a user) are touched: the others the loader updates from the files, and a change here would make
it take them for admin edits. A step an editor wrote with a number in it is left as it is: the admin's
exercise list names it (backpain/content/admin.py) and the pages leave that sentence out (backpain/dose.py).
"""

from django.db import migrations

# Each numbered step as shipped before issue 29 -> the same step as shipped after (content/exercises/).
REWRITES = {
    'After 10 circles, reverse and do 10 circles backwards.':
        'Circle forwards, then reverse and circle backwards. Do {reps} each way.',
    'Bring them back to the start and swap sides. Do 8 on each side.':
        'Bring them back to the start and swap sides. Do {reps}.',
    'Come back up, swap legs, and do each side twice.':
        'Come back up and swap legs. Do {reps}.',
    'Do 10 circles one way, then 10 the other way.':
        'Circle one way, then the other way. Do {reps} each way.',
    'Do 10 lunges on each leg.':
        'Do {reps}.',
    'Do 10 slow rounds.':
        'Go slowly: a round of cat and cow counts as a rep. Do {reps}.',
    'Do 10 swings, then change legs.':
        'Each swing across and back counts as a rep. Do {reps}, changing legs halfway.',
    'Do 10 swings, then turn around and swing the other leg.':
        'Each swing forward and back counts as a rep. Do {reps}, turning around to swing the other leg.',
    'Do 4 strides in total.':
        'Do {sets} in all.',
    'Do 8 slow raises.':
        'Raise them slowly. Do {reps}.',
    'Ease your hips forward until you feel a stretch at the front of the kneeling hip. Hold for 30 seconds.':
        'Ease your hips forward until you feel a stretch at the front of the kneeling hip. Hold for {hold}.',
    'Gently draw the knee closer until you feel a stretch in your lower back and buttock. Hold for 30 seconds.':
        'Gently draw the knee closer until you feel a stretch in your lower back and buttock. Hold for {hold}.',
    'Gently draw the thigh towards your chest until you feel a stretch deep in the buttock of the crossed leg. Hold for 30 seconds.':
        'Gently draw the thigh towards your chest until you feel a stretch deep in the buttock of the crossed leg. Hold for {hold}.',
    'Hold for 2 seconds.':
        'Hold for {hold}.',
    'Hold for 20 seconds, breathing steadily.':
        'Hold for {hold}, breathing steadily.',
    'Hold for 20 seconds, lower gently, then turn over and do the other side.':
        'Hold for {hold}, lower gently, then turn over and do the other side.',
    'Hold for 3 seconds at the top.':
        'Hold for {hold} at the top.',
    'Hold for 3 seconds without letting your back sag or twist.':
        'Hold for {hold}, without letting your back sag or twist.',
    'Hold for 30 seconds, breathing slowly, then come up gently. Do it twice.':
        'Hold for {hold}, breathing slowly, then come up gently. Do {reps}.',
    'Hug the bent knee with your other arm and gently turn your upper body towards it. Hold for 20 seconds.':
        'Hug the bent knee with your other arm and gently turn your upper body towards it. Hold for {hold}.',
    'If you find a tender spot, pause on it and breathe for a few seconds.':
        'If you find a tender spot, pause on it and take a few slow breaths.',
    'Jog gently for 3 to 5 minutes.':
        'Jog gently for {time}.',
    'Keep going for 20 seconds, rest for a moment, then repeat.':
        'Keep going for {time}. Rest for a moment, then go again: {sets} in all.',
    'Keep going for about five minutes, then carry on with the rest of your warm-up.':
        'Keep going for {time} in all, then carry on with the rest of your warm-up.',
    'Keeping your legs straight, slowly raise them until they point up at about 45 to 60 degrees.':
        'Keeping your legs straight, slowly raise them until they point up at about halfway between the floor and straight up.',
    'Lower gently, rest, and repeat 3 times.':
        'Lower gently and rest. Do {sets} in all.',
    'Lower it back down the same way, hips back first, with your back flat. Do 6.':
        'Lower it back down the same way, hips back first, with your back flat. Do {reps}.',
    'Lower slowly and swap legs. Do each side twice.':
        'Lower slowly and swap legs. Do {reps}.',
    'Lower slowly back down. Do 10 lifts.':
        'Lower slowly back down. Do {reps}.',
    'Lower slowly. Do 8 lifts.':
        'Lower slowly. Do {reps}.',
    'Lower your hips slowly. Do 10 lifts.':
        'Lower your hips slowly. Do {reps}.',
    'Pause for a second at the top.':
        'Pause briefly at the top.',
    'Push back through the bent leg to return to standing. Do 8, then swap sides.':
        'Push back through the bent leg to return to standing. Do {reps}.',
    'Push through your feet to stand up tall. Do 10.':
        'Push through your feet to stand up tall. Do {reps}.',
    'Rest your hands on your thigh and hold for 30 seconds, breathing slowly.':
        'Rest your hands on your thigh and hold for {hold}, breathing slowly.',
    'Return to the start and swap sides. Do 8 on each side.':
        'Return to the start and swap sides. Do {reps}.',
    'Roll for about a minute, switching sides once. Never roll directly on the spine.':
        'Roll for {time}, switching sides halfway. Never roll directly on the spine.',
    'Roll for about a minute, then lean to the other side.':
        'Roll for {time}, then lean to the other side.',
    'Roll for about a minute. Then do one leg at a time for extra pressure if you want to.':
        'Roll for {time}. Then do one leg at a time for extra pressure if you want to.',
    'Squeeze your buttock to stand back up tall. Do 8, then swap legs.':
        'Squeeze your buttock to stand back up tall. Do {reps}.',
    'Start at a jog and build up smoothly over about 20 seconds to a quick but relaxed pace. This is not a flat-out sprint.':
        'Start at a jog and build up smoothly over {time} to a quick but relaxed pace. This is not a flat-out sprint.',
    'Swap legs, and do each side twice.':
        'Swap legs. Do {reps}.',
    'Swap sides, and do each side twice.':
        'Swap sides. Do {reps}.',
    'Take 10 steps one way, then 10 steps back the other way.':
        'Step one way, then step back the other way. Each step counts as a rep: do {reps}.',
    'Tuck your bottom under slightly until you feel a stretch at the front of the thigh. Hold for 30 seconds.':
        'Tuck your bottom under slightly until you feel a stretch at the front of the thigh. Hold for {hold}.',
    'Turn back to the middle, swap sides, and do each side twice.':
        'Turn back to the middle and swap sides. Do {reps}.',
    'Walk at an easy pace for the first minute.':
        'Start at an easy pace.',
}


def _rewrite(steps: str) -> str:
    return "\n".join(REWRITES.get(line.strip(), line) for line in steps.split("\n"))


def rewrite_shipped_steps(apps, schema_editor):
    Exercise = apps.get_model("content", "Exercise")
    History = apps.get_model("content", "HistoricalExercise")
    edited = History.objects.filter(history_user__isnull=False).values("id")
    for exercise in Exercise.objects.filter(pk__in=edited).only("steps"):
        steps = _rewrite(exercise.steps)
        if steps != exercise.steps:
            Exercise.objects.filter(pk=exercise.pk).update(steps=steps)


class Migration(migrations.Migration):
    dependencies = [("content", "0014_illustration_names_a_static_file")]
    operations = [migrations.RunPython(rewrite_shipped_steps, migrations.RunPython.noop, elidable=True)]
