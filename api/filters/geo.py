"""``near=lat,lng`` + ``radius_km``: bounding box in SQL, exact great-circle distance in Python.

SQLite has no trigonometric functions by default, so the database only narrows the candidates to a
latitude/longitude box around the point (index-friendly, portable); the haversine distance is computed in Python
for the few rows inside the box, which are then filtered to the circle and sorted nearest first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from ..errors import InvalidParameter

EARTH_RADIUS_KM = 6371.0088
DEFAULT_RADIUS_KM = 50.0
MAX_RADIUS_KM = 500.0
NEAR_PATTERN = re.compile(r"^\s*(-?\d{1,3}(?:\.\d{1,10})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,10})?)\s*$")
RADIUS_PATTERN = re.compile(r"^\d{1,4}(?:\.\d{1,6})?$")


@dataclass(frozen=True)
class Circle:
    lat: float
    lng: float
    radius_km: float

    def bounding_box(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """(min_lat, max_lat, min_lng, max_lng) containing the circle (whole longitude range near the poles)."""
        delta_lat = math.degrees(self.radius_km / EARTH_RADIUS_KM)
        min_lat, max_lat = max(-90.0, self.lat - delta_lat), min(90.0, self.lat + delta_lat)
        cos_lat = math.cos(math.radians(max(abs(min_lat), abs(max_lat))))
        if cos_lat < 1e-6 or self.radius_km / (EARTH_RADIUS_KM * cos_lat) >= math.pi:
            min_lng, max_lng = -180.0, 180.0
        else:
            delta_lng = math.degrees(self.radius_km / (EARTH_RADIUS_KM * cos_lat))
            min_lng, max_lng = self.lng - delta_lng, self.lng + delta_lng
        return tuple(Decimal(f"{value:.6f}") for value in (min_lat, max_lat, min_lng, max_lng))  # type: ignore[return-value]

    def distance_km(self, lat: float, lng: float) -> float:
        phi1, phi2 = math.radians(self.lat), math.radians(lat)
        d_phi, d_lambda = phi2 - phi1, math.radians(lng - self.lng)
        a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def parse_circle(near: str | None, radius: str | None) -> Circle | None:
    """The search circle from the raw parameters; 400 naming ``near`` or ``radius_km`` when malformed."""
    if near is None:
        if radius is not None:
            raise InvalidParameter("radius_km", "'radius_km' needs 'near=lat,lng'.")
        return None
    match = NEAR_PATTERN.match(near)
    if not match:
        raise InvalidParameter("near", "'near' must be 'latitude,longitude' in decimal degrees, e.g. 33.45,-112.07.")
    lat, lng = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise InvalidParameter("near", "'near' is out of range: latitude -90..90, longitude -180..180.")
    radius_km = DEFAULT_RADIUS_KM
    if radius is not None:
        if not RADIUS_PATTERN.match(radius) or not (0 < float(radius) <= MAX_RADIUS_KM):
            raise InvalidParameter(
                "radius_km", f"'radius_km' must be a number greater than 0 and at most {MAX_RADIUS_KM:g}."
            )
        radius_km = float(radius)
    return Circle(lat, lng, radius_km)


def within(
    queryset, circle: Circle, lat_field: str = "latitude", lng_field: str = "longitude", name_field: str = "name"
) -> list:
    """Objects of ``queryset`` inside ``circle``, nearest first, each with ``distance_km`` set."""
    min_lat, max_lat, min_lng, max_lng = circle.bounding_box()
    boxed = queryset.filter(**{f"{lat_field}__gte": min_lat, f"{lat_field}__lte": max_lat})
    if (min_lng, max_lng) != (Decimal("-180.000000"), Decimal("180.000000")):
        if min_lng < -180 or max_lng > 180:  # the box crosses the antimeridian: keep both sides
            west, east = (min_lng + 360, max_lng) if min_lng < -180 else (min_lng, max_lng - 360)
            boxed = boxed.filter(Q(**{f"{lng_field}__gte": west}) | Q(**{f"{lng_field}__lte": east}))
        else:
            boxed = boxed.filter(**{f"{lng_field}__gte": min_lng, f"{lng_field}__lte": max_lng})
    found = []
    for obj in boxed:
        distance = circle.distance_km(float(getattr(obj, lat_field)), float(getattr(obj, lng_field)))
        if distance <= circle.radius_km:
            obj.distance_km = round(distance, 2)
            found.append(obj)
    found.sort(key=lambda obj: (obj.distance_km, getattr(obj, name_field), obj.pk))
    return found
