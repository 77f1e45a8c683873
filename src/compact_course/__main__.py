"""``python -m compact_course`` runs the command-line interface."""

from .cli import main

raise SystemExit(main())
