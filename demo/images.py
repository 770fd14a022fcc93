"""Demo images drawn locally with Pillow (nothing is fetched): a hero for the seed article, a clinician portrait.

The pictures are abstract (gradients and soft shapes), deterministic for a given title, and carry alt text and a
focal point, so the API's image shape — renditions, sizes, alt and focal point — is exercised end to end.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model


@dataclass(frozen=True)
class DemoImage:
    title: str
    alt: str
    size: tuple[int, int]
    top: tuple[int, int, int]
    bottom: tuple[int, int, int]
    focal: tuple[int, int, int, int]  # x, y (centre), width, height


SEED_HERO = DemoImage(
    title="Demo: morning light over the desert (hero)",
    alt="Soft morning light over desert hills",
    size=(1600, 900),
    top=(250, 214, 165),
    bottom=(94, 129, 172),
    focal=(1040, 430, 480, 360),
)
CLINICIAN_PORTRAIT = DemoImage(
    title="Demo: clinician portrait placeholder",
    alt="Illustrated portrait placeholder",
    size=(800, 1000),
    top=(210, 226, 236),
    bottom=(120, 154, 178),
    focal=(400, 380, 360, 420),
)


def draw(spec: DemoImage) -> bytes:
    """PNG bytes: a vertical gradient with a few blurred discs, placed by a hash of the title."""
    width, height = spec.size
    picture = PillowImage.new("RGB", spec.size)
    pixels = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(spec.top, spec.bottom, strict=True))
        pixels.line([(0, y), (width, y)], fill=colour)
    seed = hashlib.sha256(spec.title.encode()).digest()
    shapes = PillowImage.new("RGBA", spec.size, (0, 0, 0, 0))
    overlay = ImageDraw.Draw(shapes)
    for index in range(4):
        cx, cy = seed[index * 3] / 255 * width, seed[index * 3 + 1] / 255 * height
        radius = (0.12 + seed[index * 3 + 2] / 255 * 0.2) * min(width, height)
        overlay.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=(255, 255, 255, 60))
    fx, fy, fw, fh = spec.focal
    overlay.ellipse([fx - fw / 4, fy - fh / 4, fx + fw / 4, fy + fh / 4], fill=(255, 244, 214, 150))
    picture = PillowImage.alpha_composite(picture.convert("RGBA"), shapes.filter(ImageFilter.GaussianBlur(24)))
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(spec: DemoImage) -> Any:
    """The Wagtail image for ``spec``, created once (matched by title)."""
    model = get_image_model()
    existing = model.objects.filter(title=spec.title).first()
    if existing is not None:
        return existing
    slug = hashlib.sha256(spec.title.encode()).hexdigest()[:12]
    storage = model._meta.get_field("file").storage
    stored = f"original_images/demo-{slug}.png"
    # The drawing is deterministic: reuse a file left by an earlier load rather than storing a renamed copy.
    file: Any = stored if storage.exists(stored) else ImageFile(io.BytesIO(draw(spec)), name=f"demo-{slug}.png")
    fx, fy, fw, fh = spec.focal
    image = model(
        title=spec.title,
        description=spec.alt,
        file=file,
        width=spec.size[0],
        height=spec.size[1],
        focal_point_x=fx,
        focal_point_y=fy,
        focal_point_width=fw,
        focal_point_height=fh,
    )
    image.save()
    return image


PORTRAIT_CLINICIAN = "alex-spritzer"


def ensure_portrait(provider: Any) -> None:
    """Give the demo clinician the portrait, once, unless someone has a draft of them in progress."""
    provider = type(provider).objects.get(pk=provider.pk)  # as stored (the loader's copy may be stale)
    if provider.photo_id or provider.has_unpublished_changes:
        return
    provider.photo = ensure_image(CLINICIAN_PORTRAIT)
    provider.save_revision().publish()
