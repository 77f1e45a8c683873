"""Learner: progress kept between sessions, and the final self-assessment."""
