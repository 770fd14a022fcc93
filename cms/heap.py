"""Keep what a web process loads at startup out of the garbage collector's full passes.

A worker holds some 200,000 long-lived objects after startup (modules, models, URL patterns, templates). Each
full collection walks them all: about 100 ms, every few hundred requests, charged to whichever request
allocated past the threshold (a list page allocates enough to trigger one now and then). :func:`settle` imports
the URL patterns (and so every view module) now rather than on the first request, collects once and freezes
what is left (``gc.freeze``), so later collections only look at objects requests create.
"""

from __future__ import annotations

import gc


def settle() -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now
    gc.collect()
    gc.freeze()
