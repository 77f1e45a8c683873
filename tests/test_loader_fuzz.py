"""The loader under any input: random YAML, random edits of the real files, and huge or hostile
files all end in success or a CourseDataError whose every line is ``file:line: ...``, quickly."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compact_course.core.course import load_course
from compact_course.core.yamlmarks import MAX_DEPTH, CourseDataError, load_marked_yaml
from helpers import course_copy

# Large and random inputs take most of the unit tests' time: the whole suite runs them, --fast does not.
pytestmark = pytest.mark.slow

LOCATED = re.compile(r"^[\w./-]+\.yaml:\d+: |^quizzes:\d+: ")
SETTINGS = settings(  # three tests of 20 examples: 60 in all
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return course_copy(tmp_path_factory.mktemp("pristine"))


@contextlib.contextmanager
def replaced(path: Path, text: str):
    """``path`` holds ``text`` for the duration, then its own content again (one copy serves every example)."""
    original = path.read_bytes()
    path.write_text(text, encoding="utf-8")
    try:
        yield
    finally:
        path.write_bytes(original)


def assert_loads_or_locates(root: Path) -> None:
    try:
        load_course(root)
    except CourseDataError as error:
        assert error.problems
        for problem in error.problems:
            assert LOCATED.match(str(problem)), str(problem)


def target_file(root: Path, choice: int) -> Path:
    files = sorted((root / "data").glob("*.yaml")) + sorted((root / "quizzes").rglob("*.yaml"))
    return files[choice % len(files)]


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates()
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(choice=st.integers(0, 1000), text=st.text(max_size=300))
def test_random_text_in_any_file(pristine, choice, text):
    with replaced(target_file(pristine, choice), text):
        assert_loads_or_locates(pristine)


@SETTINGS
@given(choice=st.integers(0, 1000), value=yaml_values)
def test_random_yaml_data_in_any_file(pristine, choice, value):
    with replaced(target_file(pristine, choice), yaml.safe_dump(value)):
        assert_loads_or_locates(pristine)


edits = st.lists(
    st.tuples(
        st.sampled_from(["delete-line", "duplicate-line", "insert-text", "delete-char", "indent", "dedent"]),
        st.integers(0, 10**6),
        st.text(alphabet=" :-[]{}&*!|>'\"#\n\tabc01", max_size=6),
    ),
    min_size=1,
    max_size=4,
)


def mutate(text: str, kind: str, where: int, extra: str) -> str:
    lines = text.split("\n")
    line = where % len(lines)
    if kind == "delete-line":
        del lines[line]
    elif kind == "duplicate-line":
        lines.insert(line, lines[line])
    elif kind == "indent":
        lines[line] = "  " + lines[line]
    elif kind == "dedent":
        lines[line] = lines[line][2:]
    else:
        spot = where % max(len(text), 1)
        return text[:spot] + extra + text[spot:] if kind == "insert-text" else text[:spot] + text[spot + 1 :]
    return "\n".join(lines)


@SETTINGS
@given(choice=st.integers(0, 1000), changes=edits)
def test_random_edits_of_the_real_files(pristine, choice, changes):
    path = target_file(pristine, choice)
    text = path.read_text(encoding="utf-8")
    for kind, where, extra in changes:
        text = mutate(text, kind, where, extra)
    with replaced(path, text):
        assert_loads_or_locates(pristine)


# --- Large and hostile inputs: each finishes in seconds, or is refused by a stated limit ------

QUESTION = """  - id: q-x-{n:05d}
    type: single
    prompt: Q{n}?
    options:
      - {{text: A, correct: true, feedback: Y}}
      - {{text: B, correct: false, feedback: N}}
"""


def problems_of(path: Path, name: str = "quizzes/x.yaml") -> list[str]:
    started = time.monotonic()
    _data, problems = load_marked_yaml(path, name)
    assert time.monotonic() - started < 10
    return [str(problem) for problem in problems]


def test_a_10_mb_file_is_refused_unread_with_the_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 10_000_000 + "\n", encoding="utf-8")
    assert problems_of(path) == ["quizzes/x.yaml:1: the file is 10 MB; the limit is 2 MB"]


def test_deep_nesting_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith("quizzes/x.yaml:1: ") and "nest" in problem
    path.write_text("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), encoding="utf-8")
    assert problems_of(path) == [f"quizzes/x.yaml:1: nested deeper than {MAX_DEPTH} levels; the limit is {MAX_DEPTH}"]


def test_an_alias_bomb_is_refused_before_it_is_built(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert "once aliases are expanded; the limit is 500,000" in problem and LOCATED.match(problem)


def test_an_alias_that_contains_itself_is_refused(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text("a: &loop [1, *loop]\n", encoding="utf-8")
    assert problems_of(path) == ["quizzes/x.yaml:1: an alias refers to the item that contains it"]


def test_an_impossible_date_is_a_located_problem(tmp_path):
    path = tmp_path / "date.yaml"
    path.write_text("a: 1\nwhen: 2026-13-45\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith("quizzes/x.yaml:2: cannot read the value '2026-13-45'")


def test_10000_questions_load_in_seconds(pristine):
    bank = pristine / "quizzes" / "who-is-the-compact-for.yaml"
    text = bank.read_text(encoding="utf-8")
    head = text[: text.index("questions:")]
    many = head + "questions:\n" + "".join(QUESTION.format(n=n) for n in range(10_000))
    assert len(many.encode("utf-8")) < 2_000_000  # under the size limit: really read
    with replaced(bank, many):
        started = time.monotonic()
        with pytest.raises(CourseDataError) as caught:  # the questions are made up: the rules say so
            load_course(pristine)
        assert time.monotonic() - started < 30
    assert all(LOCATED.match(str(problem)) for problem in caught.value.problems)
    assert any(
        "q-who-is-the-compact-for-09999" in str(problem) or ":" in str(problem) for problem in caught.value.problems
    )
