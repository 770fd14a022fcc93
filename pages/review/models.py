"""Clinical review models."""
