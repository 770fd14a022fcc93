"""StreamField blocks of an article body as JSON, built from the stream's raw JSON in two passes.

Each block type registers a *collector* (records the pages, centers, clinicians and images it refers to in a
:class:`~.context.ResolveContext`) and a *builder* (turns the raw value into the contract's JSON from the loaded
context, or returns ``None`` to drop the block). Working from raw JSON rather than ``StreamValue`` lets one
response load every reference of every block in one query per kind (``ResolveContext.load``), whatever the body.

Output: ``[{"type": "<block type>", "id": "<uuid>", "value": {...}}]``; shapes are documented per type in
``api/serializers/blocks.py`` (the OpenAPI union).
"""

from . import types  # noqa: F401  (registers every block type)
from .registry import REGISTRY, BlockType, build_blocks, collect_blocks, raw_stream, register

__all__ = ["REGISTRY", "BlockType", "build_blocks", "collect_blocks", "raw_stream", "register"]
