"""Signed webhooks (Standard Webhooks) for content events: endpoints, deliveries, attempts, SSRF guard.

Modules: :mod:`.models` (endpoint, delivery, attempt), :mod:`.signing`, :mod:`.targets` (SSRF checks),
:mod:`.transport` (one pinned POST), :mod:`.sending` (the one signed send path), :mod:`.retry` (claims, backoff,
stale-claim recovery; shared with CDN purges), :mod:`.delivery` (delivery state), :mod:`.tasks` (worker tasks and
queueing). Imports run one way: tasks → delivery → sending → transport. Delivery is at least once.
"""
