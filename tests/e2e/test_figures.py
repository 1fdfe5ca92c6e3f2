"""The moving exercise figure in a real browser: it moves, the checkbox pauses it (with or without
JavaScript), it does not move at all under prefers-reduced-motion, and print shows the two poses."""

import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible

EXERCISE = "/exercises/dead-bug/"

# Every CSS animation in the figure, with its play state and how far it has got.
ANIMATIONS = """() => document.querySelector('.figure-live svg').getAnimations({subtree: true})
    .map(a => ({name: a.animationName, state: a.playState, time: a.currentTime}))"""
# Read after two frames: a paused animation's time reaches the page from the compositor with the next
# frame, so a read straight after the click can still show where it was a moment before.
TRANSFORM = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
    done(getComputedStyle(document.querySelector('.figure-live .j-ln1')).transform))))"""
# The figure's CSS animations run five times faster (Chromium's DevTools protocol), so the test waits
# tenths of a second where a person would watch for seconds.
FASTER = 5


def animations_faster(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Animation.enable")
    cdp.send("Animation.setPlaybackRate", {"playbackRate": FASTER})


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_the_figure_moves_and_the_control_pauses_it(site, js):
    page = site(js=js, width=375)
    animations_faster(page)
    page.goto(EXERCISE)
    figure = page.locator(".exercise-figure")
    expect(figure.locator(".figure-live svg")).to_be_visible()
    expect(figure.locator(".figure-pair")).to_be_hidden()
    if js:  # getAnimations needs script; without it the computed transform shows the same
        animations = page.evaluate(ANIMATIONS)
        assert {a["name"] for a in animations} >= {"dead-bug-ln1", "dead-bug-ln2", "dead-bug-af1"}
        assert {a["state"] for a in animations} == {"running"}
    def look():
        return page.evaluate(TRANSFORM) if js else figure.locator(".figure-live").screenshot()

    # Within one cycle of the movement (about 4 s, here under a second) the near leg is seen somewhere
    # else: looked at every 400 ms of the animation's time, as a hold at either pose may last longer.
    first, looks = look(), []
    for _ in range(12):
        page.wait_for_timeout(400 // FASTER)
        looks.append(look())
        if looks[-1] != first:
            break
    assert looks[-1] != first, "the near leg moves"

    control = page.get_by_label("Pause the movement")
    expect(control).not_to_be_checked()
    page.get_by_text("Pause the movement").click()
    expect(control).to_be_checked()
    state = page.evaluate(
        "() => getComputedStyle(document.querySelector('.figure-live .j-ln1')).animationPlayState"
    ) if js else None
    if js:
        assert state == "paused"
        assert {a["state"] for a in page.evaluate(ANIMATIONS)} == {"paused"}
    first = look()
    page.wait_for_timeout(600 // FASTER)
    assert look() == first, "paused: nothing moves"

    # The keyboard works it too: Space on the focused checkbox plays it again.
    control.focus()
    page.keyboard.press("Space")
    expect(control).not_to_be_checked()
    if js:
        assert {a["state"] for a in page.evaluate(ANIMATIONS)} == {"running"}


def test_nothing_moves_under_reduced_motion_and_both_poses_show(site):
    page = site(width=375)
    page.emulate_media(reduced_motion="reduce")
    page.goto(EXERCISE)
    figure = page.locator(".exercise-figure")
    assert page.evaluate("() => document.getAnimations().length") == 0
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('.figure-live .j-ln1')).animationName"
    ) == "none"
    expect(figure.locator(".figure-live")).to_be_hidden()
    expect(figure.locator(".figure-control")).to_be_hidden()
    pair = figure.locator(".figure-pair img")
    expect(pair).to_have_count(2)
    expect(pair.first).to_be_visible()
    expect(pair.nth(1)).to_be_visible()
    # Both pictures load (shown lazily, they may still be coming when the page's load event fires).
    page.wait_for_function("() => [...document.querySelectorAll('.figure-pair img')]"
                           ".every(i => i.complete && i.naturalWidth > 0)")
    assert_accessible(page)


def test_the_exercise_page_with_its_moving_figure_is_accessible(site):
    for width in (375, 1280):
        page = site(width=width)
        page.goto(EXERCISE)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll"
        assert_accessible(page)


def test_print_shows_the_start_and_end_side_by_side(site, screenshot_dir):
    page = site(width=1280)
    page.goto(EXERCISE)
    page.emulate_media(media="print")
    figure = page.locator(".exercise-figure")
    expect(figure.locator(".figure-live")).to_be_hidden()
    expect(figure.locator(".figure-control")).to_be_hidden()
    start, end = figure.locator(".figure-pair img").first, figure.locator(".figure-pair img").nth(1)
    expect(start).to_be_visible()
    expect(end).to_be_visible()
    a, b = start.bounding_box(), end.bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"], "side by side, start on the left"
    page.pdf(path=str(screenshot_dir / "exercise-dead-bug-print.pdf"), format="A4")
