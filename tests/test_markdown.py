import pytest

from backpain.markdown import render_markdown
from tests.xss import assert_harmless


def test_renders_headings_lists_tables_and_footnotes():
    html = render_markdown("## Why\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nFact.[^1]\n\n[^1]: NICE.")
    assert "<h2>Why</h2>" in html
    assert "<li>one</li>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert 'class="footnote"' in html


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "Text {: onclick=\"alert(1)\" }",
])
def test_sanitises_script_handlers_and_dangerous_urls(payload):
    assert_harmless(render_markdown(payload))


def test_links_keep_safe_urls_and_get_rel():
    html = render_markdown("[NICE](https://www.nice.org.uk/guidance/ng59)")
    assert 'href="https://www.nice.org.uk/guidance/ng59"' in html
    assert 'rel="noopener noreferrer"' in html
