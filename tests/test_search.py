"""Search: what a query is understood as, how pages are ranked and paged, what the page shows.

The evaluation of real queries against the real content is tests/test_search_evaluation.py; the
warning signs are tests/test_search_warning_signs.py; the database's index, tests/test_search_index.py.
"""

import re

import pytest

from backpain.content.models import Article
from backpain.guide import search_sql
from backpain.guide.search import Alternative, Group, Lexicon, Marks, Query, highlight, search, snippet, understand
from backpain.guide.text import STOP_WORDS, stem, words
from tests import factories

HTMX = {"HTTP_HX_REQUEST": "true"}


# --- Words, without a database -----------------------------------------------------------------


@pytest.mark.parametrize(("forms", "same"), [
    (("numbness", "numb", "numbed"), True),
    (("stretch", "stretches", "stretching", "stretched"), True),
    (("tingle", "tingling"), True),
    (("injury", "injuries"), True),
    (("run", "running", "runs"), True),
    (("hamstring", "hamstrings"), True),
    (("feeling", "feelings", "feel"), True),
    (("dizzy", "dizziness"), True),
    (("pee", "peeing", "pees"), True),
    (("disc", "discomfort"), False),
    (("speed", "sped"), False),
    (("spring", "spr"), False),
])
def test_stem_joins_the_forms_of_a_word_and_nothing_else(forms, same):
    assert (len({stem(form) for form in forms}) == 1) is same


def test_words_are_lowercase_with_apostrophes_dropped():
    assert words("Can't PEE, child’s pose; warm-up") == ["cant", "pee", "childs", "pose", "warm", "up"]


def test_stop_words_are_postgresql_s_english_ones():
    assert {"the", "and", "my", "both", "when", "can"} <= STOP_WORDS
    assert not {"back", "pain", "leg", "numb", "pee"} & STOP_WORDS


LEXICON = Lexicon.build(
    [("Piriformis stretch", "The piriformis is deep in the buttock."),
     ("Standing hamstring stretch", "Hamstrings run down the back of the thigh. Tingling or numbness."),
     ("When to see a professional", "New trouble peeing, or numbness around the bottom.")],
    [("pee", "urine, bladder"), ("pins and needles", "tingling, numbness"), ("cant pee", "trouble peeing")],
)


def alternatives(group: Group) -> list[str]:
    return [" ".join(a.words) + ("*" if a.prefix else "") for a in group.alternatives]


def test_a_query_is_groups_of_alternatives_without_stop_words():
    query = understand("How do I stretch my hamstrings?", LEXICON)
    assert [g.typed for g in query.groups] == ["stretch", "hamstrings"]
    assert not query.corrections


def test_synonyms_are_applied_to_words_and_to_the_longest_phrase():
    query = understand("pins and needles when I pee", LEXICON)
    assert [g.typed for g in query.groups] == ["pins and needles", "pee"]
    assert alternatives(query.groups[0]) == ["pins and needles", "tingling", "numbness"]
    assert alternatives(query.groups[1]) == ["pee", "urine", "bladder"]
    assert alternatives(understand("can't pee", LEXICON).groups[0]) == ["cant pee", "trouble peeing"]


def test_synonyms_match_other_forms_of_the_word_typed():
    assert alternatives(understand("peeing", LEXICON).groups[0]) == ["peeing", "urine", "bladder"]


def test_a_misspelling_also_looks_for_the_closest_word_of_the_guide():
    query = understand("pirifomis", LEXICON)
    assert alternatives(query.groups[0]) == ["pirifomis", "piriformis"]
    assert query.corrections == (("pirifomis", "piriformis"),)
    assert query.groups[0].as_typed().alternatives == query.groups[0].alternatives  # both count as typed


def test_a_word_being_typed_is_a_prefix_and_an_unknown_word_stays_as_it_is():
    assert alternatives(understand("hamst", LEXICON).groups[0]) == ["hamst*"]
    query = understand("zebra", LEXICON)
    assert alternatives(query.groups[0]) == ["zebra"] and not query.corrections


def test_a_query_is_bounded():
    query = understand(" ".join(f"word{n}" for n in range(50)), LEXICON)
    assert len(query.groups) == 8


def test_the_lexicon_counts_titles_with_a_group():
    stretch, = understand("stretch", LEXICON).groups
    assert LEXICON.titles_with(stretch) == 2
    assert LEXICON.titles_with(understand("professional", LEXICON).groups[0]) == 1


def test_highlight_marks_every_form_and_synonym_in_the_text_s_own_case():
    marks = understand("numb pee", LEXICON).marks
    html = highlight("Numbness, <b>tingling</b> or trouble Peeing", marks)
    assert html == "<mark>Numbness</mark>, &lt;b&gt;tingling&lt;/b&gt; or trouble <mark>Peeing</mark>"
    assert highlight("Hamstrings", Marks(prefixes=("hamst",))) == "<mark>Hamstrings</mark>"


def test_snippet_is_the_summary_when_it_matches_else_the_text_around_the_first_match():
    marks = understand("pirifomis", LEXICON).marks
    assert snippet("A piriformis stretch.", "Other text.", marks) == "A <mark>piriformis</mark> stretch."
    text = "Start. " + "word " * 100 + "The Piriformis muscle. " + "word " * 100
    piece = snippet("Nothing here.", text, marks)
    assert piece.startswith("…") and piece.endswith("…") and "The <mark>Piriformis</mark> muscle" in piece


def test_snippet_fills_in_the_emergency_number(settings):
    settings.EMERGENCY_NUMBER = "999"
    assert snippet("Call {emergency_number} now.", "", Marks()) == "Call 999 now."


def test_match_texts_quote_every_word_for_each_database():
    query = Query("pins and needles hamst", (
        Group("pins and needles", (Alternative(("pins", "and", "needles")), Alternative(("tingling",)))),
        Group("hamst", (Alternative(("hamst",), prefix=True),)),
    ))
    sqlite, postgres = search_sql.SQLITE, search_sql.POSTGRES
    # Single words before phrases: an OR stops at the first alternative that matches.
    assert sqlite.match_text(query.groups) == '("tingling" OR "pins and needles") AND ("hamst"*)'
    assert sqlite.match_text(query.groups, every=False, title=True) == (
        'title : (("tingling" OR "pins and needles") OR ("hamst"*))')
    assert postgres.match_text(query.groups) == "((tingling) | (pins <-> and <-> needles)) & ((hamst:*))"


# --- Ranking and pages, on the database the suite runs on ----------------------------------------


@pytest.mark.django_db
def test_title_matches_come_first_then_the_rest_by_relevance():
    body_only = factories.make_article(title="Long runs", body="A plank helps. " * 3)
    mention = factories.make_article(title="Core work", body="Try a side plank once. " + "Other words. " * 40)
    plank = factories.make_exercise(title="Forearm plank", slug="plank")
    side = factories.make_exercise(title="Side plank", slug="side-plank")
    assert [h.url for h in search("plank").hits] == [plank.get_absolute_url(), side.get_absolute_url(),
                                                     body_only.get_absolute_url(), mention.get_absolute_url()]
    # Every word must be there: Forearm plank never says "side".
    assert [h.url for h in search("side plank").hits] == [side.get_absolute_url(), mention.get_absolute_url()]


@pytest.mark.django_db
@pytest.mark.parametrize("warning", [False, True], ids=["plain", "with a warning sign"])
def test_the_count_is_true_and_pages_cover_every_match_once(warning):
    if warning:  # the page with every warning sign comes first, on page 1 only
        factories.make_article(slug="when-to-see-a-professional", title="When to see a professional",
                               body="Get help.")
    titled = [factories.make_exercise(title=f"Plank variation {n}", body="Hold.") for n in range(3)]
    mentions = [factories.make_article(title=f"Article {n}", body="Plank. " * (n + 1)) for n in range(22)]
    query = "plank chest pain" if warning else "plank"
    first = search(query, page=1)
    assert first.total == 25 + warning and first.pages == 3 and first.matched_all is not warning
    urls = [hit.url for n in (1, 2, 3) for hit in search(query, page=n).hits]
    expected = {e.get_absolute_url() for e in titled + mentions} | (
        {"/articles/when-to-see-a-professional/"} if warning else set())
    assert len(urls) == len(set(urls)) == first.total and set(urls) == expected
    assert [h.pinned for h in first.hits][:2] == ([True, False] if warning else [False, False])
    assert set(urls[warning:warning + 3]) == {e.get_absolute_url() for e in titled}
    last = search(query, page=99)  # an old link past the end: the last page
    assert last.page == 3 and [h.url for h in last.hits] == urls[20:]


@pytest.mark.django_db
def test_when_no_page_has_every_word_pages_with_some_of_them_come_and_say_so(client):
    factories.make_exercise(title="Forearm plank")
    results = search("plank zebra")
    assert [h.title for h in results.hits] == ["Forearm plank"] and not results.matched_all
    assert "No page has all of your words" in client.get("/search/?q=plank+zebra").content.decode()


@pytest.mark.django_db
def test_synonyms_saved_in_admin_apply_to_the_next_search():
    factories.make_cause(title="Tight hamstrings", summary="The muscles at the back of the thigh.")
    assert search("hammo").total == 0
    factories.make_synonym("hammo", "hamstrings")
    results = search("hammo")
    assert [h.title for h in results.hits] == ["Tight hamstrings"]
    assert "<mark>hamstrings</mark>" in results.hits[0].title_html


@pytest.mark.django_db
def test_synonym_words_are_normalised_on_save():
    synonym = factories.make_synonym("  Tweaked   Back ", "Strain,  muscle strain, , strain")
    assert (synonym.word, synonym.means, synonym.alternatives) == (
        "tweaked back", "strain, muscle strain", ["strain", "muscle strain"])


# --- The page -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_nothing_found_says_so_suggests_words_and_links_the_checker_and_the_guide(client):
    factories.make_exercise(title="Forearm plank", summary="Hold a straight line.")
    html = client.get("/search/?q=plonks").content.decode()  # close to plank, not close enough to take as meant
    assert "Nothing in the guide matched “plonks”" in html
    assert 'href="/search/?q=plank">plank</a>' in html
    assert 'href="/checker/"' in html and 'href="/guide/"' in html


@pytest.mark.django_db
def test_a_warning_sign_shows_the_advice_the_emergency_signs_and_the_checker_above_the_results(client, settings):
    settings.EMERGENCY_NUMBER = "999"
    # The browser tests' live server may have the real content committed, this page included.
    if not Article.objects.filter(slug="when-to-see-a-professional").exists():
        factories.make_article(slug="when-to-see-a-professional", title="When to see a professional", body="Help.")
    factories.make_exercise(title="Glute bridge", slug="glute-bridge", body="Stop if your bottom feels numb.")
    for headers in ({}, HTMX):
        html = client.get("/search/?q=numb+bum", **headers).content.decode()
        box = html[html.index('<aside class="warning-box'):html.index("</aside>")]
        assert "Warning sign: this can be an emergency" in box and "cauda equina syndrome" in box
        assert 'href="tel:999">999</a>' in box and "New trouble peeing, or new loss of bowel control" in box
        assert 'href="/checker/"' in box
        results = html[html.index("</aside>"):]
        assert re.findall(r'<h3><a href="([^"]+)"', results)[:2] == [
            "/articles/when-to-see-a-professional/", "/exercises/glute-bridge/"]


@pytest.mark.django_db
def test_an_urgent_sign_names_the_services_from_settings(client, settings):
    settings.URGENT_CARE_NAME, settings.PRIMARY_CARE_NAME = "NHS 111", "GP"
    html = client.get("/search/?q=fever").content.decode()
    assert "Warning sign: get medical advice today" in html
    assert "Contact your GP today for an urgent appointment, or get help from NHS 111." in html
    assert "emergency-signs" not in html


@pytest.mark.django_db
def test_pages_of_results_link_with_and_without_javascript(client):
    for n in range(12):
        factories.make_exercise(title=f"Plank {n}")
    html = client.get("/search/?q=plank").content.decode()
    assert "12 results for “plank”" in html and ": 1 to 10" in html
    link = re.search(r'<a href="(/search/\?q=plank&amp;page=2)" data-hx-get="([^"]+)"[^>]*data-hx-push-url="true"',
                     html)
    assert link and link.group(1) == link.group(2)
    second = client.get("/search/?q=plank&page=2", **HTMX)
    fragment = second.content.decode()
    assert "<html" not in fragment and ": 11 to 12" in fragment and "data-focus-after-swap" in fragment
    assert 'rel="prev"' in fragment and "HX-Request" in second["Vary"]
    assert "data-focus-after-swap" not in client.get("/search/?q=plank", **HTMX).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["abc", "-3", "0", "99999999999999999999"])
def test_a_page_that_is_not_a_page_number_is_the_first_or_last(client, number):
    factories.make_exercise(title="Forearm plank")
    response = client.get(f"/search/?q=plank&page={number}")
    assert response.status_code == 200 and "Forearm <mark>plank</mark>" in response.content.decode()


@pytest.mark.django_db
def test_search_page_queries_stay_flat_as_content_and_results_grow(client, django_assert_max_num_queries):
    # The browser tests' live server may have the real content committed, this page included.
    if not Article.objects.filter(slug="when-to-see-a-professional").exists():
        factories.make_article(slug="when-to-see-a-professional", title="When to see a professional", body="Help.")
    for n in range(3):
        factories.make_exercise(title=f"Plank {n}", body="Numb.")
    urls = ["/search/?q=plank", "/search/?q=numb+plank", "/search/?q=plank&page=2", "/search/?q=plonks"]
    counts = {}
    for url in urls:
        client.get(url)  # the lexicon is read once per content version
        with django_assert_max_num_queries(4) as captured:
            client.get(url)
        counts[url] = len(captured.captured_queries)
    for n in range(30):
        factories.make_exercise(title=f"Plank {n + 3}", body="Numb.")
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(counts[url]):
            client.get(url)
