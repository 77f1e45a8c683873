"""Facilitator: session plans, handouts and answer keys, the room poll."""
