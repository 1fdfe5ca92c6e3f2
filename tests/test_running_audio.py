"""The stage audio tracks: their layout as a pure function (track.py), and the committed MP3s as the
site serves them (static/audio/, built by `make audio-tracks`). No eSpeak NG or lameenc needed here."""

import io

import pytest
from mutagen.mp3 import MP3

from backpain.running.plan import BY_NUMBER, STAGES
from backpain.running.session import RUN, timeline, total_seconds
from backpain.running.track import (
    CLEAR_AFTER_START,
    CLEAR_BEFORE_NEXT,
    END_LEAD,
    END_WORDS,
    HALFWAY,
    MAX_BYTES,
    RUN_TONE,
    WALK_TONE,
    bitrate_kbps,
    file_name,
    layout,
)


def audio_url(stage_number: int) -> str:
    return f"/static/audio/{file_name(stage_number)}"


# --- The layout --------------------------------------------------------------------------------------
@pytest.mark.parametrize("stage", STAGES, ids=lambda s: f"stage-{s.number}")
def test_every_step_starts_with_its_sound_and_words_and_the_track_ends_with_the_session(stage):
    steps = timeline(stage)
    cues = layout(steps)
    at_starts = {cue.at: cue for cue in cues}
    for step in steps:
        cue = at_starts[step.starts_at]
        assert cue.words == step.cue
        assert cue.tone == (RUN_TONE if step.kind == RUN else WALK_TONE)
        assert cue.words_at > cue.at + cue.tone.length  # words after the beeps, never over them
    assert [cue.at for cue in cues] == sorted(cue.at for cue in cues)
    assert (cues[-1].at, cues[-1].words) == (total_seconds(steps) - END_LEAD, END_WORDS)


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: f"stage-{s.number}")
def test_halfway_is_said_near_the_middle_and_never_over_a_steps_words(stage):
    steps = timeline(stage)
    halfway = [cue for cue in layout(steps) if cue.words == HALFWAY]
    assert len(halfway) == 1
    at = halfway[0].at
    assert total_seconds(steps) / 2 <= at <= total_seconds(steps) / 2 + CLEAR_AFTER_START
    step = next(s for s in steps if s.starts_at <= at < s.starts_at + s.seconds)
    assert at - step.starts_at >= CLEAR_AFTER_START and step.starts_at + step.seconds - at >= CLEAR_BEFORE_NEXT


def test_a_short_walk_run_stage_beeps_high_twice_for_a_run_and_low_once_for_a_walk():
    cues = layout(timeline(BY_NUMBER[2]))
    assert (cues[1].at, cues[1].words, cues[1].tone.hertz, cues[1].tone.times) == (300, "Run for 15 seconds.", 880, 2)
    assert (cues[2].at, cues[2].words, cues[2].tone.hertz, cues[2].tone.times) == (
        315, "Walk for 1 minute 45 seconds.", 440, 1)


def test_the_bitrate_is_the_best_that_keeps_a_track_under_the_limit():
    assert bitrate_kbps(1800) == 16  # 3.6 MB
    assert bitrate_kbps(2520) == 8  # 16 kbps would be 5 MB
    with pytest.raises(ValueError):
        bitrate_kbps(MAX_BYTES)  # over an hour even at 8 kbps


# --- The committed files, as served -------------------------------------------------------------------
def served(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "audio/mpeg"
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: f"stage-{s.number}")
def test_every_stage_has_its_track_as_long_as_its_session(client, stage):
    body = served(client, audio_url(stage.number))
    assert abs(MP3(io.BytesIO(body)).info.length - total_seconds(timeline(stage))) <= 1
    assert len(body) < MAX_BYTES


def test_the_longest_session_is_under_the_size_limit(client):
    longest = max(STAGES, key=lambda stage: total_seconds(timeline(stage)))
    assert len(served(client, audio_url(longest.number))) < MAX_BYTES


@pytest.mark.parametrize("number", [0, len(STAGES) + 1, 99])
def test_a_stage_that_does_not_exist_has_no_track(client, number):
    assert client.get(audio_url(number)).status_code == 404


def test_run_mode_offers_the_track_for_a_locked_screen(client):
    html = client.get("/return-to-running/run/?stage=4&sessions=3").content.decode()
    assert "Screen off? Play the audio track instead" in html
    assert f'<audio controls preload="none" src="{audio_url(4)}"' in html
    assert f'href="{audio_url(4)}" download' in html
