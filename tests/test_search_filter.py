"""Nothing given away by search (issue 28, item 4): the learner edition's built searchindex.js holds
the lessons' own text, but no answer, feedback or explanation, and nothing of the self-assessment's
pool; the search page's snippets leave the same parts out; the Downloads page says what the SCORM
package holds."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.utils import new_document
from sphinx.search.en import SearchEnglish

from compact_course import cached_course
from compact_course.book.search_filter import searchable_doctree, searchable_html
from search_index import load_index, pages_matching

LESSON_1 = "book/lessons/01-who-is-the-compact-for"
QUIZ = (
    '<section class="cc-quiz" data-mode="practice"><template class="cc-tools"><button>Check answer</button></template>'
    "<form><legend>Who is the Compact for?</legend><label>A. Councils &amp; boards</label>"
    '<details class="cc-answer"><summary>Answer</summary><ul><li>A. Correct. Supply <a class="cc-term" href="#t">chains</a>.</li></ul>'
    '<details class="cc-answer"><p>nested</p></details><p class="cc-explanation">Explained here.</p></details>'
    "<p>After the answer.</p></form>"
    '<script type="application/json" class="cc-quiz-data">{"feedback": "Data block secret"}</script></section>'
    '<section class="cc-quiz" data-mode="exam"><form><legend>Pool stem</legend><details class="cc-answer">'
    "<p>Pool answer</p></details></form></section><p>Closing words.</p>"
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_answers_pool_and_tools_are_left_out_and_the_rest_kept():
    assert _words(searchable_html(QUIZ)) == _words(
        "Who is the Compact for? A. Councils & boards After the answer. Closing words."
    )


def test_the_copy_for_the_indexer_leaves_the_page_alone():
    document = new_document("test")
    document += nodes.raw("", QUIZ, format="html")
    document += nodes.paragraph("", "Lesson text.")
    copy = searchable_doctree(document)
    assert "Explained here" in document.astext() and "Explained here" not in copy.astext()
    assert "Lesson text." in copy.astext()


def _explanations() -> list[str]:
    """One distinctive clause of each question's explanation, lesson quizzes and the pool."""
    course = cached_course()
    questions = [q for lesson in course.lessons for q in course.quiz_for(lesson.id).questions]
    questions += list(course.pool_questions())
    return [q.explanation.split(".")[0] for q in questions if q.explanation]


@pytest.fixture(scope="module")
def index(built_book):
    return load_index(built_book)


def _stems(text: str) -> set[str]:
    """The index keys Sphinx files ``text``'s words under (``IndexBuilder.feed``): a word's stem, or
    the word itself where the stem is a stop word or too short ("willing" is filed as "willing",
    its stem "will" being a stop word, the same key as the stem of "willingness")."""
    language = SearchEnglish({})
    keys = set()
    for word in language.split(text):
        stem = language.stem(word).lower()
        key = word if not language.word_filter(stem) and language.word_filter(word) else stem
        if language.word_filter(key):
            keys.add(key)
    return keys


def _postings(value) -> set[int]:
    return {value} if isinstance(value, int) else {item if isinstance(item, int) else item[0] for item in value}


def test_words_only_in_answers_or_the_pool_are_not_in_the_index(built_book, index):
    """For every page, the words that appear only inside answers, the pool or the quiz's tools
    (found with BeautifulSoup, not the module's own parser) are not indexed for that page."""
    hidden_only_total = 0
    for number, docname in enumerate(index["docnames"]):
        soup = BeautifulSoup((built_book / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup
        # Scripts and styles are never indexed (Sphinx's own rule); a quiz's data block (keys,
        # feedback, explanations) and its templates are hidden parts whose words are checked too.
        # BeautifulSoup's get_text leaves script and template strings out, so they are added here.
        for code in main.select("script:not(.cc-quiz-data), style"):
            code.decompose()
        unrendered = " ".join(tag.get_text(" ") for tag in main.select("script.cc-quiz-data, template"))
        everything = _stems(main.get_text(" ") + " " + unrendered)
        for hidden in main.select("details.cc-answer, section.cc-quiz[data-mode=exam], template, script.cc-quiz-data"):
            hidden.decompose()
        hidden_only = everything - _stems(main.get_text(" "))
        hidden_only_total += len(hidden_only)
        leaked = sorted(w for w in hidden_only if number in _postings(index["terms"].get(w, [])))
        assert leaked == [], f"{docname}: {leaked[:20]}"
    assert hidden_only_total > 500  # the pages do hold many such words: the check has something to check


def test_answer_verdicts_and_explanations_are_not_found(index):
    assert pages_matching(index, "casts the net wide") == set()  # lesson 1's first explanation
    pool_pages = {"book/self-assessment"}  # it holds the whole pool
    found = {sentence: pages_matching(index, sentence) & pool_pages for sentence in _explanations()}
    assert [s for s, pages in found.items() if pages] == []


def test_lessons_own_text_and_questions_are_still_found(index):
    assert LESSON_1 in pages_matching(index, "supply chain")
    assert LESSON_1 in pages_matching(index, "lead provider")  # a question's option, the lesson's own
    assert "book/self-assessment" in pages_matching(index, "self-assessment")


def test_search_snippets_skip_the_answers(built_book):
    script = (built_book / "_static" / "searchtools.js").read_text(encoding="utf-8")
    assert '"details.cc-answer", "section.cc-quiz[data-mode=exam]", "template"' in script


@pytest.mark.browser
def test_searching_an_explanation_shows_no_answer(page):
    page.goto("search.html?q=Covenant")
    page.wait_for_selector("#search-results li", timeout=15000)
    page.wait_for_function("document.querySelectorAll('#search-results li p.context').length > 0", timeout=15000)
    snippets = page.locator("#search-results li").all_inner_texts()
    assert not [s for s in snippets if "self-assessment" in s.lower() and "Correct" in s]
    for sentence in _explanations()[:20]:
        assert not [s for s in snippets if sentence in s], sentence


def test_the_downloads_page_says_the_scorm_package_holds_the_answers(built_book):
    text = (built_book / "book" / "downloads.html").read_text(encoding="utf-8")
    assert "no answer keys" not in text
    assert "each question’s answer and explanation is in it" in text or "answer and explanation is in it" in text
