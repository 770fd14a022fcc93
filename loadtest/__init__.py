"""`make loadtest`: locust against the served app with bulk-loaded content and publishes under load."""
