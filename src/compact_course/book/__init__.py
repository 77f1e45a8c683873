"""Book: lesson pages, charts, notebooks, the TOC and reference pages, the Sphinx extension."""
