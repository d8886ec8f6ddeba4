"""How each label looks: an Okabe-Ito colour, a group, and a border style.

Colour is never the only cue: every block and bar also carries its label as
text, and the three groups (kept text, extracted fields, boilerplate) differ
in border style, so the report reads the same in greyscale print and to
people who do not tell these colours apart. The Okabe-Ito palette was chosen
for being distinguishable under the common forms of colour-blindness.

>>> style_of("newsletter").group, style_of("body").colour
('boilerplate', '#009E73')
>>> style_of("some_new_reason").group
'boilerplate'
"""

from __future__ import annotations

from dataclasses import dataclass

#: The Okabe-Ito palette (Okabe & Ito, 2008).
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
_GREY = "#8C8C8C"

#: Border style per group: a cue that survives greyscale.
BORDERS = {"kept": "solid", "field": "double", "boilerplate": "dashed"}


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """The look of one label: its colour, a text colour readable on it, its group."""

    label: str
    colour: str
    group: str

    @property
    def ink(self) -> str:
        """Black or white, whichever reads better on :attr:`colour`."""
        return "#000000" if _luminance(self.colour) > 0.18 else "#FFFFFF"

    @property
    def tint(self) -> str:
        """A pale version of the colour, for a block's background."""
        return _mix(self.colour, 0.16)

    @property
    def border(self) -> str:
        """The CSS border style of the label's group."""
        return BORDERS[self.group]

    @property
    def css_vars(self) -> str:
        """The style as CSS custom properties (``--c`` colour, ``--k`` ink, ``--t`` tint, ``--b`` border).

        >>> style_of("title").css_vars
        '--c:#0072B2;--k:#FFFFFF;--t:#D6E8F3;--b:double'
        """
        return f"--c:{self.colour};--k:{self.ink};--t:{self.tint};--b:{self.border}"


_FIELDS = {
    "title": OKABE_ITO["blue"],
    "standfirst": OKABE_ITO["blue"],
    "byline": OKABE_ITO["sky_blue"],
    "dateline": OKABE_ITO["sky_blue"],
    "contributors": OKABE_ITO["sky_blue"],
    "caption": OKABE_ITO["reddish_purple"],
    "tags": OKABE_ITO["reddish_purple"],
    "trimmed": _GREY,
}
_BOILERPLATE = {
    "advertisement": OKABE_ITO["vermillion"],
    "paywall": OKABE_ITO["vermillion"],
    "cookie_notice": OKABE_ITO["vermillion"],
    "newsletter": OKABE_ITO["vermillion"],
    "navigation": OKABE_ITO["orange"],
    "related": OKABE_ITO["orange"],
    "social": OKABE_ITO["orange"],
    "comments": OKABE_ITO["orange"],
    "copyright": OKABE_ITO["yellow"],
    "site_boilerplate": OKABE_ITO["yellow"],
    "empty": _GREY,
    "not_main_content": _GREY,
}


def style_of(label: str) -> LabelStyle:
    """The style of ``label``; an unknown label is boilerplate, in grey."""
    if label == "body":
        return LabelStyle(label, OKABE_ITO["bluish_green"], "kept")
    if label in _FIELDS:
        return LabelStyle(label, _FIELDS[label], "field")
    return LabelStyle(label, _BOILERPLATE.get(label, _GREY), "boilerplate")


def label_order(label: str) -> tuple[int, str]:
    """Sort key: body first, then extracted fields, then boilerplate, each by name.

    >>> sorted(["newsletter", "title", "body", "advertisement"], key=label_order)
    ['body', 'title', 'advertisement', 'newsletter']
    """
    group = style_of(label).group
    return ({"kept": 0, "field": 1, "boilerplate": 2}[group], label)


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _mix(colour: str, share: float) -> str:
    """``share`` of ``colour`` over white, as hex.

    >>> _mix("#000000", 0.5)
    '#808080'
    """
    return "#" + "".join(f"{round(255 - (255 - c * 255) * share):02X}" for c in _channels(colour))
