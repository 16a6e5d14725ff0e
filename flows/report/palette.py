"""One colour per cleaning rule, the same in the terminal (`show`, `explain`) and in the HTML report."""

from __future__ import annotations

from cleaners import ALL_RULE_NAMES

# A qualitative palette readable on light and dark backgrounds (Tableau 20, darker half first).
_PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#7f7f7f",
    "#aec7e8",
    "#ff9896",
    "#98df8a",
    "#c5b0d5",
    "#ffbb78",
    "#9edae5",
    "#c49c94",
    "#f7b6d2",
    "#dbdb8d",
    "#c7c7c7",
    "#393b79",
    "#637939",
)
_RULES = sorted(ALL_RULE_NAMES)


def rule_colour(rule: str) -> str:
    """Return the hex colour of a rule (a rule unknown to this version gets grey)."""
    try:
        return _PALETTE[_RULES.index(rule) % len(_PALETTE)]
    except ValueError:
        return "#7f7f7f"


def ink_on(colour: str) -> str:
    """Return black or white, whichever reads better on the hex `colour` (WCAG relative luminance)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000" if luminance > 0.3 else "#fff"
