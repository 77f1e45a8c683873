"""Core: YAML with line marks, typed models, course loading and cross-checks, escaping.

Everything else builds on this room; it imports nothing from the others.
"""
