"""backpain/figures/: the committed SVGs are what the code draws, every illustrated item has one, and each is safe."""

import re
from pathlib import Path
from xml.etree import ElementTree

import frontmatter
import pytest

from backpain.figures import SLUGS, STATIC_IMG, svg, write_all

ROOT = Path(__file__).resolve().parents[1]
SVG_NS = "{http://www.w3.org/2000/svg}"
COMMITTED = sorted(path for folder in SLUGS for path in (STATIC_IMG / folder).glob("*.svg"))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Every drawing written once into a fresh folder, as `make figures` writes static/img/."""
    root = tmp_path_factory.mktemp("img")
    return root, write_all(root)


def test_write_all_draws_every_slug_once(drawn):
    root, written = drawn
    assert sorted(written) == sorted(root / folder / f"{slug}.svg" for folder in SLUGS for slug in SLUGS[folder])
    assert len(SLUGS["exercises"]) >= 30 and len(SLUGS["anatomy"]) >= 7


def test_committed_svgs_are_what_the_code_draws(drawn):
    root, written = drawn
    stale = [str(path.relative_to(root)) for path in written
             if not (STATIC_IMG / path.relative_to(root)).is_file()
             or (STATIC_IMG / path.relative_to(root)).read_bytes() != path.read_bytes()]
    assert not stale, f"static/img/ differs from backpain/figures/ for {stale}: run make figures and commit the SVGs"


def test_no_committed_svg_is_left_without_a_drawing(drawn):
    root, _ = drawn
    orphans = [str(path.relative_to(STATIC_IMG)) for path in COMMITTED
               if not (root / path.relative_to(STATIC_IMG)).is_file()]
    assert not orphans, f"no drawing in backpain/figures/ makes {orphans}: delete them, or add the drawing"


@pytest.mark.parametrize("folder", ["exercises", "anatomy"])
def test_every_illustrated_item_has_a_figure(folder):
    items = sorted((ROOT / "content" / folder).glob("*.md"))
    assert items
    for path in items:
        illustration = frontmatter.load(path).get("illustration")
        assert illustration, f"{path.name} names no illustration"
        drawn_folder, slug = re.fullmatch(r"img/([a-z]+)/([a-z0-9-]+)\.svg", illustration).groups()
        assert slug in SLUGS.get(drawn_folder, ()), (
            f"{path.name}: no drawing for {illustration} in backpain/figures/{drawn_folder}.py"
        )


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_svg_is_titled_scalable_and_self_contained(path):
    text = path.read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox", "")), "no viewBox: the drawing would not scale"
    for tag in ("title", "desc"):
        element = root.find(f"{SVG_NS}{tag}")
        assert element is not None and element.text and element.text.strip(), f"no <{tag}>"
    assert root.get("role") == "img" and root.get("aria-labelledby")
    assert not any(element.tag == f"{SVG_NS}script" for element in root.iter()), "a <script> in a figure"
    assert "<script" not in text.lower()
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), f"external reference {value!r}"
    # The SVG namespace is the only address in the file: no external fonts, images or styles.
    assert re.findall(r"https?:", text, re.IGNORECASE) == ["http:"]
    assert text.count('xmlns="http://www.w3.org/2000/svg"') == 1


def test_one_drawing_by_folder_and_slug():
    assert svg("exercises", "plank") == (STATIC_IMG / "exercises" / "plank.svg").read_text(encoding="utf-8")
    with pytest.raises(KeyError):
        svg("exercises", "no-such-exercise")
    with pytest.raises(KeyError):
        svg("sketches", "plank")
