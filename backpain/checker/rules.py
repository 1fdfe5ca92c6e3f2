"""Symptom-checker rules (see ../shared/symptom-checker.md). Context questions only, for now."""

# Context answers: no effect on the level; causes say which of these suggest them.
CONTEXT_CHOICES: dict[str, tuple[str, ...]] = {
    "training_change": ("yes", "no"),
    "shoe_miles": ("under_300", "300_to_500", "over_500", "unknown"),
    "surface": ("road", "trail", "track", "treadmill", "mixed"),
    "strength_training": ("never", "sometimes", "weekly"),
    "sitting_hours": ("under_4", "4_to_8", "over_8"),
    "pain_timing": ("during_runs", "after_runs", "mornings", "after_sitting"),
}
