"""Publishes from another process, as an editor's admin request on another worker would.

The benchmark times the first read after each publish. Publishing in the reading process itself would also
charge the reader for the publish's own leftovers (a few MB of objects just freed, cold CPU caches), which no
reader in a deployment pays: there the publish runs in an admin request, usually on another worker.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable


def _serve(connection, settings_module: str) -> None:
    import os

    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django

    django.setup()
    from benchmarks.content import publish_edit

    while (job := connection.recv()) is not None:
        article_id, title = job
        publish_edit(article_id, title)
        connection.send(True)


class Publisher:
    """A child process that publishes a signed-off edit of an article per call and returns once it committed."""

    def __init__(self) -> None:
        import os

        ours, theirs = multiprocessing.Pipe()
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no database connection inherited
        self._process = context.Process(target=_serve, args=(theirs, os.environ["DJANGO_SETTINGS_MODULE"]))
        self._process.start()
        theirs.close()  # only the child holds its end, so its death ends our recv() with EOFError
        self._connection = ours

    def publish(self, article_id: int, title: str) -> None:
        self._connection.send((article_id, title))
        try:
            self._connection.recv()
        except (EOFError, ConnectionError):
            raise SystemExit("the publisher process failed (its traceback is above)") from None

    def republisher(self, article_id: int) -> Callable[[], None]:
        """A callable publishing a new edition of the article (title changed) each time it is called."""
        counter = iter(range(1, 10**9))
        return lambda: self.publish(article_id, f"Edition {next(counter)}")

    def close(self) -> None:
        self._connection.send(None)
        self._process.join(timeout=30)
