"""The Compact course: validated course data, quiz engine, charts and page renderers.

Notebooks call this package with one-line cells, e.g. ``lesson("who-is-the-compact-for").quiz()``.
"""

from compact_course.core.course import Course, cached_course, load_course
from compact_course.core.yamlmarks import CourseDataError, Problem

__all__ = ["Course", "CourseDataError", "Problem", "cached_course", "load_course"]
