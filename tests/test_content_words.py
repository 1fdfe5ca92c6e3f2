"""The guide in our own words and in plain words.

Own words: no run of 8 words (case ignored, punctuation ignored) in the main text of any content
file is also in a seed article (the five articles the guide was written from). A fact carries over;
a sentence never does. Quotations and the titles of sources are left out: quoting is deliberate and
marked, and a title is a name. The seeds are outside the repository (../shared/seeds/), so the test
compares with their fingerprint, tests/seed_fingerprint.txt (hashes of their 8-word runs, never their
text; `make seed-fingerprint` rebuilds it).

Plain words: the Flesch-Kincaid grade of every page's main text (the NHS asks for a reading age of
about 9 to 11): the median at most 8, no page above 10. Each block (paragraph, list item, heading)
reads as its own sentence, as it does on the page.

Both read the files straight from content/ (tests/content_text.py), so no database is needed.
"""

import statistics

import pytest

from tests import content_text

RUN = 8
MAX_MEDIAN_GRADE = 8.0
MAX_PAGE_GRADE = 10.0


# The fingerprint of five articles of about 6,000 words has about as many runs; far fewer means a
# truncated or empty file, which would pass everything.
MIN_SEED_RUNS = 5000


@pytest.fixture(scope="module")
def seed_runs():
    path = content_text.SEED_FINGERPRINT
    assert path.is_file(), f"The seeds' fingerprint is missing: {path} (rebuild it with `make seed-fingerprint`)"
    runs = content_text.read_fingerprint(path)
    assert len(runs) >= MIN_SEED_RUNS, f"{path} holds only {len(runs)} runs: rebuild it with `make seed-fingerprint`"
    return runs


@pytest.fixture(scope="module")
def pages():
    return content_text.pages()


def test_no_run_of_eight_words_is_copied_from_a_seed(pages, seed_runs):
    """Compared with the seeds' fingerprint, tests/seed_fingerprint.txt."""
    copied = [f"{page.name}: “{run}”" for page in pages
              for run in content_text.shared_runs(page.blocks, seed_runs, RUN)]
    assert not copied, "Words copied from a seed article; say it in our own words:\n" + "\n".join(copied)


def test_every_kind_of_content_is_read(pages):
    kinds = {page.kind for page in pages}
    assert kinds == {"sources", "anatomy", "exercises", "causes", "articles"}
    assert all(page.blocks for page in pages if page.kind != "sources")


def test_the_check_finds_a_copied_run_and_ignores_quotations_and_titles():
    seed = content_text.fingerprint("Keep your head up, shoulders relaxed and back straight today.", RUN)
    titles = ["Why Runners Develop Low Back Pain (And How to Stop the Cycle)"]

    def runs(text):
        record = content_text.Record(content_text.KIND_BY_FOLDER["articles"], "x", {
            "title": "T", "summary": "S", "body": text}, None)
        return content_text.shared_runs(content_text.page_of(record, titles).blocks, seed, RUN)

    assert runs("Run tall: keep your HEAD up - shoulders relaxed, and back straight!") == [
        "keep your head up shoulders relaxed and back straight"]
    assert runs('One source says: "keep your head up, shoulders relaxed and back straight".') == []
    assert runs("> Keep your head up, shoulders relaxed and back straight.") == []
    assert runs("Run tall, with a high head and easy shoulders.") == []
    title_seed = content_text.fingerprint(titles[0], RUN)
    record = content_text.Record(content_text.KIND_BY_FOLDER["articles"], "x", {
        "title": "T", "summary": "S", "body": f"See {titles[0]}."}, None)
    assert content_text.shared_runs(content_text.page_of(record, titles).blocks, title_seed, RUN) == []


@pytest.fixture(scope="module")
def grades():
    grade = content_text.grader()
    return {page.name: grade(page.text) for page in content_text.pages(content_text.PAGE_KINDS)}


def test_reading_grade_median_is_eight_or_lower(grades):
    assert len(grades) > 60
    median = statistics.median(grades.values())
    hardest = sorted(grades.items(), key=lambda item: -item[1])[:5]
    assert median <= MAX_MEDIAN_GRADE, f"median grade {median:.1f}; hardest pages: {hardest}"


def test_no_page_reads_above_grade_ten(grades):
    too_hard = {name: grade for name, grade in grades.items() if grade > MAX_PAGE_GRADE}
    assert not too_hard, f"pages above grade {MAX_PAGE_GRADE}: {too_hard}"


def test_a_list_reads_as_one_sentence_per_item():
    record = content_text.Record(content_text.KIND_BY_FOLDER["articles"], "x", {
        "title": "Warning signs", "summary": "Read them.",
        "body": "Get help if:\n\n- you feel faint\n- you have a fever\n\n\"A quotation is left out.\""}, None)
    page = content_text.page_of(record, [])
    assert page.blocks == ["Warning signs", "Read them.", "Get help if:", "you feel faint", "you have a fever"]
    assert page.text == "Warning signs. Read them. Get help if. you feel faint. you have a fever."


def test_the_fingerprint_holds_hashes_not_words(seed_runs):
    text = content_text.SEED_FINGERPRINT.read_text(encoding="utf-8")
    hashes = [line for line in text.splitlines() if not line.startswith("#")]
    assert all(len(line) == 16 and set(line) <= set("0123456789abcdef") for line in hashes)
    assert hashes == sorted(set(hashes))
