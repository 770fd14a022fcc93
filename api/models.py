"""Content API models."""
