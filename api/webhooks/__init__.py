"""Signed webhooks (Standard Webhooks) for content events: endpoints, deliveries, attempts, SSRF guard.

Modules: :mod:`.models` (endpoint, delivery, attempt), :mod:`.signing`, :mod:`.targets` (SSRF checks),
:mod:`.transport` (one pinned POST), :mod:`.delivery` (fan-out, retries, backoff), :mod:`.tasks` (worker task).
"""
