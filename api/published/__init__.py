"""Stored public representations (see models)."""
