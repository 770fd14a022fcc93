"""Images as API objects: absolute URLs, dimensions, alt text and an allowlisted set of renditions.

``{"url", "width", "height", "alt", "focal_point", "renditions": {"<name>": {"url", "width", "height"}}}``

``focal_point`` (``{"x", "y", "width", "height"}`` in pixels of the original, or null) is the editor's chosen
centre of interest, so a frontend cropping client-side (``object-position``) keeps what the ``fill`` renditions keep.

Rendition names are a fixed allowlist (:data:`RENDITIONS`); clients cannot ask for arbitrary filter specs (an
image-bomb and disk-filling vector). URLs are absolute, built from ``settings.MEDIA_BASE_URL`` and never from the
request's Host header. Images are loaded in bulk with their renditions (:func:`load_images`: one query once renditions exist) or get
their renditions attached in one query when already loaded (:func:`attach_renditions`), so images cost one query
per response whatever it contains.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from wagtail.images import get_image_model

logger = logging.getLogger("api")

# name -> Wagtail filter spec. Changing a spec changes public URLs; add names rather than editing them.
RENDITIONS: dict[str, str] = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}
INLINE_RENDITION = "max-800x800"  # images inside rich text


def absolute_media_url(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.MEDIA_BASE_URL + (url if url.startswith("/") else "/" + url)


def rendition_specs() -> list[str]:
    return [*RENDITIONS.values(), INLINE_RENDITION]


def _rendition_rows(image_ids: set[int], with_image: bool) -> list:
    Rendition = get_image_model().get_rendition_model()
    rows = Rendition.objects.filter(image_id__in=image_ids, filter_spec__in=rendition_specs())
    return list(rows.select_related("image") if with_image else rows)


def attach_renditions(images: Iterable[object]) -> None:
    """Prefetch the allowlisted renditions of already-loaded ``images`` in one query (none when empty)."""
    by_id = {image.pk: image for image in images if image is not None}
    if not by_id:
        return
    for image in by_id.values():
        image.prefetched_renditions = []
    for rendition in _rendition_rows(set(by_id), with_image=False):
        by_id[rendition.image_id].prefetched_renditions.append(rendition)


def load_images(ids: Iterable[int | None], loaded: Iterable[object] = ()) -> dict[int, object]:
    """Images by id with their allowlisted renditions attached, plus renditions for already ``loaded`` images.

    One query when every image has been rendered before (renditions joined to their image); images never
    rendered yet cost one more query, once (the renditions are then created and found next time).
    """
    wanted = {int(image_id) for image_id in ids if image_id}
    known = {image.pk: image for image in loaded if image is not None}
    if not wanted and not known:
        return {}
    images: dict[int, object] = dict(known)
    for image in images.values():
        image.prefetched_renditions = []
    for rendition in _rendition_rows(wanted | set(known), with_image=True):
        image = images.get(rendition.image_id)
        if image is None:
            image = images[rendition.image_id] = rendition.image
            image.prefetched_renditions = []
        image.prefetched_renditions.append(rendition)
    missing = wanted - set(images)
    if missing:
        for image in get_image_model().objects.filter(pk__in=missing):
            image.prefetched_renditions = []
            images[image.pk] = image
    return {pk: image for pk, image in images.items() if pk in wanted}


def _rendition(image, spec: str) -> dict | None:
    try:
        rendition = image.get_rendition(spec)
    except Exception:  # a missing or corrupt source file must not turn a page into a 500
        logger.warning("Cannot render image %s with %s", image.pk, spec, exc_info=True)
        return None
    return {"url": absolute_media_url(rendition.url), "width": rendition.width, "height": rendition.height}


def represent_image(image, alt: str | None = None) -> dict | None:
    """The API object for ``image``; ``alt`` overrides the image's default alt text ("" = decorative)."""
    if image is None:
        return None
    renditions = {}
    for name, spec in RENDITIONS.items():
        rendered = _rendition(image, spec)
        if rendered is not None:
            renditions[name] = rendered
    return {
        "url": absolute_media_url(image.file.url),
        "width": image.width,
        "height": image.height,
        "alt": image.default_alt_text if alt is None else alt,
        "focal_point": focal_point(image),
        "renditions": renditions,
    }


def focal_point(image) -> dict | None:
    if image.focal_point_x is None or image.focal_point_y is None:
        return None
    return {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width or 0,
        "height": image.focal_point_height or 0,
    }


def inline_image(image, alt: str) -> dict | None:
    """The rendition used for an ``<img>`` inside rich text."""
    return _rendition(image, INLINE_RENDITION)
