"""PNG files written during tests use the fastest zlib level instead of Pillow's ``optimize`` (level 9).

Wagtail saves PNG renditions with ``optimize=True`` and the demo draws its 1600x900 hero and 800x1000 portrait
the same way: on this machine that was ~0.4 s per file, 2-5 s of every test that loads the seed or the demo.
The pixels, sizes and formats are unchanged (PNG is lossless); only the compressed bytes differ, and no test
pins them. Installed once per test process from ``tests/conftest.py``; subprocesses (servers) are unaffected.
"""

from __future__ import annotations

from typing import Any

from PIL import Image, PngImagePlugin

FASTEST = 1


def _save_fast(im: Image.Image, fp: Any, filename: str | bytes, *args: Any, **kwargs: Any) -> None:
    im.encoderinfo = {**im.encoderinfo, "optimize": False, "compress_level": FASTEST}
    PngImagePlugin._save(im, fp, filename, *args, **kwargs)


def install() -> None:
    Image.init()
    Image.register_save(PngImagePlugin.PngImageFile.format, _save_fast)
