"""A task the worker tests enqueue: it leaves a file behind, so its effect is visible from outside."""

from pathlib import Path

from django_tasks import task


@task()
def touch(path: str) -> str:
    Path(path).write_text("done")
    return path
