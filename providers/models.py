"""Clinicians, credentials, treatment centers and vocabularies."""
