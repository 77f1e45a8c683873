"""Quiz: scoring, option order, the static HTML rendering and the ipywidgets view."""
