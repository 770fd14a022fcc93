"""Ratios worded the way they read: "2.0x slower", "3.1x faster", "0.50x of floor"."""

from __future__ import annotations


def slower_or_faster(seconds: float, baseline_seconds: float) -> str:
    """How ``seconds`` compares with ``baseline_seconds`` (times: bigger is slower)."""
    if seconds >= baseline_seconds:
        return f"{seconds / baseline_seconds:.1f}x slower"
    return f"{baseline_seconds / seconds:.1f}x faster"


def of_floor(rate: float, floor_rate: float) -> str:
    """Throughput as a share of the floor's throughput (1.00x = as fast as the floor)."""
    return f"{rate / floor_rate:.2f}x of floor"
