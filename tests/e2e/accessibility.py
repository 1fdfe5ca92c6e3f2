"""axe-core in the page under test: the accessibility check every browser test module shares."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# axe-core as axe-playwright-python ships it (pinned with the dev packages). It is put into each page
# once, not before every check: the script is 570 KB, and a journey checks one page several times.
RUN_AXE = """async ([source, context, options]) => {
  if (typeof window.axe !== "object") (0, eval)(source);
  return (await window.axe.run(context || document, options)).violations;
}"""


def assert_accessible(page, context=None):
    """axe-core with the WCAG 2.2 A and AA rules: zero violations, listed if any."""
    from axe_playwright_python.base import AXE_SCRIPT

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    violations = page.evaluate(RUN_AXE, [AXE_SCRIPT, context, options])
    details = [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations]
    assert not violations, f"axe violations on {page.url}:\n" + "\n".join(details)


WIDTHS = (375, 1280)  # a phone and a laptop: every journey that checks a layout checks both


def at_each_width(page, height=900):
    """Resize the page to each width in turn (one journey checked on a phone and a laptop, instead of
    walking it twice): for width in at_each_width(page): ..."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        yield width


def assert_accessible_at_each_width(page, screenshot=None, name=None, context=None):
    """axe at each width, the page photographed at each when `screenshot` and `name` are given."""
    for width in at_each_width(page):
        assert_accessible(page, context)
        if screenshot and name:
            screenshot(page, f"{name}-{width}.png")
