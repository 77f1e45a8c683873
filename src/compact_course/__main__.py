"""``python -m compact_course`` runs the command-line interface."""

from compact_course.cli import main

raise SystemExit(main())
