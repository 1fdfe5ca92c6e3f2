"""The one Markdown renderer: Markdown to HTML, then sanitised, so admin input can't inject script."""

import markdown as md
import nh3

# attr_list stays off: it would let an editor set arbitrary attributes such as onclick.
EXTENSIONS = ["tables", "footnotes", "sane_lists"]

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    "sup", "sub", "div", "abbr", "dl", "dt", "dd", "figure", "figcaption", "img",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "li": {"id"},
    "sup": {"id"},
    "div": {"class"},
    "ol": {"start"},
}
# Relative links and these schemes only: no javascript:, data: or vbscript: URLs.
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    html = md.markdown(text or "", extensions=EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
