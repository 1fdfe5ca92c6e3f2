"""axe-core in the page under test: the accessibility check every browser test module shares."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page, context=None):
    """axe-core with the WCAG 2.2 A and AA rules: zero violations, listed if any."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context,
                        options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                 "resultTypes": ["violations"]})
    violations = results.response["violations"]
    details = [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations]
    assert not violations, f"axe violations on {page.url}:\n" + "\n".join(details)
