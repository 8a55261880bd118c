"""The avatar, drawn for this project as plain SVG parts (no external asset, no gender).

Parts and options are the closed set of `tremplin.guide.journey.AVATAR_PARTS`; every
option has a drawing here (a test checks it). `render_avatar` returns a small inline SVG
(≈ 2 KB) with a localised text alternative.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from tremplin.guide.journey import AVATAR_PARTS, avatar_words

DEFAULT_AVATAR: dict[str, str] = {
    "shape": "round", "skin": "tone3", "hair": "short", "headwear": "none", "top": "tshirt",
    "colour": "blue", "accessory": "none", "expression": "smile",
}

SKIN = {
    "tone1": "#f7dccb", "tone2": "#ecc29f", "tone3": "#d19c72", "tone4": "#a8714a",
    "tone5": "#7b4a2b", "tone6": "#4b2a17",
}
COLOURS = {
    "blue": "#1d5fa8", "green": "#2e7d32", "orange": "#d9631e", "purple": "#6a3d9a",
    "red": "#b3261e", "yellow": "#e0b000", "grey": "#5f6b73", "black": "#222222",
}
HAIR = "#2b1d14"
LINE = "#1b1b1b"

# Head geometry per shape: (centre x, centre y, half width, half height, corner radius or None)
_HEAD = {
    "round": (100, 82, 38, 40, None),
    "tall": (100, 80, 33, 46, None),
    "small": (100, 88, 32, 34, None),
    "square": (100, 82, 37, 39, 14),
}


def normalise(avatar: Mapping[str, str] | None) -> dict[str, str]:
    out = dict(DEFAULT_AVATAR)
    for part, option in (avatar or {}).items():
        if part in AVATAR_PARTS and option in AVATAR_PARTS[part]:
            out[part] = option
    return out


def _head(shape: str, skin: str) -> str:
    cx, cy, rx, ry, r = _HEAD[shape]
    ears = (f'<ellipse cx="{cx - rx}" cy="{cy + 4}" rx="6" ry="9" fill="{skin}"/>'
            f'<ellipse cx="{cx + rx}" cy="{cy + 4}" rx="6" ry="9" fill="{skin}"/>')
    neck = f'<rect x="{cx - 11}" y="{cy + ry - 6}" width="22" height="22" fill="{skin}"/>'
    if r is None:
        face = f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{skin}"/>'
    else:
        face = (f'<rect x="{cx - rx}" y="{cy - ry}" width="{2 * rx}" height="{2 * ry}" rx="{r}"'
                f' fill="{skin}"/>')
    return neck + ears + face


def _hair_back(style: str, shape: str) -> str:
    cx, cy, rx, ry, _ = _HEAD[shape]
    top = cy - ry
    if style == "long":
        return (f'<path d="M{cx - rx - 6} {cy} Q{cx - rx - 8} {top - 6} {cx} {top - 8}'
                f' Q{cx + rx + 8} {top - 6} {cx + rx + 6} {cy} L{cx + rx + 4} {cy + ry + 22}'
                f' L{cx - rx - 4} {cy + ry + 22} Z" fill="{HAIR}"/>')
    if style == "braids":
        return (f'<rect x="{cx - rx - 8}" y="{cy}" width="10" height="{ry + 30}" rx="5" fill="{HAIR}"/>'
                f'<rect x="{cx + rx - 2}" y="{cy}" width="10" height="{ry + 30}" rx="5" fill="{HAIR}"/>')
    if style == "locks":
        return "".join(
            f'<rect x="{cx + dx}" y="{cy - 10}" width="8" height="{ry + 28}" rx="4" fill="{HAIR}"/>'
            for dx in (-rx - 8, -rx + 2, rx - 10, rx)
        )
    return ""


def _hair_front(style: str, shape: str) -> str:
    cx, cy, rx, ry, _ = _HEAD[shape]
    top = cy - ry
    if style == "none":
        return ""
    if style == "curly":
        return "".join(
            f'<circle cx="{cx + dx}" cy="{top + dy}" r="12" fill="{HAIR}"/>'
            for dx, dy in ((-rx + 4, 14), (-rx / 2, 2), (0, -2), (rx / 2, 2), (rx - 4, 14))
        )
    if style == "bun":
        return (f'<circle cx="{cx}" cy="{top - 10}" r="14" fill="{HAIR}"/>'
                f'<path d="M{cx - rx} {cy - 6} Q{cx} {top - 14} {cx + rx} {cy - 6}'
                f' Q{cx} {top + 6} {cx - rx} {cy - 6} Z" fill="{HAIR}"/>')
    # short, long, braids, locks: a fringe over the forehead
    return (f'<path d="M{cx - rx - 2} {cy - 2} Q{cx - rx} {top - 10} {cx} {top - 8}'
            f' Q{cx + rx} {top - 10} {cx + rx + 2} {cy - 2} Q{cx + 10} {top + 12} {cx - rx - 2}'
            f' {cy - 2} Z" fill="{HAIR}"/>')


def _face(expression: str, shape: str) -> str:
    cx, cy, _, _, _ = _HEAD[shape]
    ey = cy - 2
    left = f'<circle cx="{cx - 13}" cy="{ey}" r="4" fill="{LINE}"/>'
    right = f'<circle cx="{cx + 13}" cy="{ey}" r="4" fill="{LINE}"/>'
    if expression == "wink":
        right = (f'<path d="M{cx + 8} {ey} Q{cx + 13} {ey - 5} {cx + 18} {ey}" stroke="{LINE}"'
                 ' stroke-width="3" fill="none" stroke-linecap="round"/>')
    brows = ""
    if expression == "determined":
        brows = (f'<path d="M{cx - 19} {ey - 11} L{cx - 7} {ey - 7} M{cx + 19} {ey - 11}'
                 f' L{cx + 7} {ey - 7}" stroke="{LINE}" stroke-width="3" stroke-linecap="round"/>')
    my = cy + 16
    if expression == "calm":
        mouth = f'<path d="M{cx - 9} {my} L{cx + 9} {my}"'
    elif expression == "determined":
        mouth = f'<path d="M{cx - 10} {my + 2} Q{cx} {my - 3} {cx + 10} {my + 2}"'
    else:
        mouth = f'<path d="M{cx - 13} {my - 3} Q{cx} {my + 10} {cx + 13} {my - 3}"'
    mouth += f' stroke="{LINE}" stroke-width="3" fill="none" stroke-linecap="round"/>'
    return left + right + brows + mouth


def _top(style: str, colour: str) -> str:
    body = (f'<path d="M46 240 L50 168 Q54 146 78 140 L122 140 Q146 146 150 168 L154 240 Z"'
            f' fill="{colour}"/>')
    extra = ""
    if style == "hoodie":
        extra = ('<path d="M76 140 Q100 172 124 140" stroke="#ffffff" stroke-opacity=".55"'
                 ' stroke-width="5" fill="none"/><rect x="80" y="196" width="40" height="22" rx="6"'
                 ' fill="#000" fill-opacity=".18"/>')
    elif style == "shirt":
        extra = ('<path d="M86 140 L100 160 L114 140" fill="#ffffff"/>'
                 '<path d="M100 160 L100 240" stroke="#fff" stroke-width="2"/>'
                 + "".join(f'<circle cx="104" cy="{y}" r="2" fill="#fff"/>' for y in (176, 196, 216)))
    elif style == "apron":
        extra = ('<path d="M72 176 L128 176 L132 240 L68 240 Z" fill="#f4f1ea"/>'
                 '<path d="M80 176 L84 146 M120 176 L116 146" stroke="#f4f1ea" stroke-width="4"/>')
    elif style == "overalls":
        extra = ('<rect x="72" y="172" width="56" height="68" rx="4" fill="#2f4b7c"/>'
                 '<path d="M78 172 L82 142 M122 172 L118 142" stroke="#2f4b7c" stroke-width="7"/>'
                 '<circle cx="82" cy="178" r="3" fill="#e0b000"/><circle cx="118" cy="178" r="3"'
                 ' fill="#e0b000"/>')
    elif style == "jacket":
        extra = ('<path d="M100 150 L100 240" stroke="#000" stroke-opacity=".35" stroke-width="3"/>'
                 '<path d="M82 140 L96 176 L100 150 L104 176 L118 140" fill="#000" fill-opacity=".2"/>')
    else:  # tshirt
        extra = ('<path d="M84 140 Q100 154 116 140" stroke="#000" stroke-opacity=".25"'
                 ' stroke-width="3" fill="none"/>')
    return body + extra


def _headwear(style: str, shape: str, colour: str) -> str:
    cx, cy, rx, ry, _ = _HEAD[shape]
    top = cy - ry
    if style == "cap":
        return (f'<path d="M{cx - rx - 2} {top + 16} Q{cx} {top - 18} {cx + rx + 2} {top + 16} Z"'
                f' fill="{colour}"/><rect x="{cx}" y="{top + 10}" width="{rx + 18}" height="8" rx="4"'
                f' fill="{colour}"/>')
    if style == "beanie":
        return (f'<path d="M{cx - rx - 3} {top + 20} Q{cx} {top - 22} {cx + rx + 3} {top + 20} Z"'
                f' fill="{colour}"/><rect x="{cx - rx - 4}" y="{top + 12}" width="{2 * rx + 8}"'
                f' height="12" rx="5" fill="#000" fill-opacity=".2"/>'
                f'<circle cx="{cx}" cy="{top - 6}" r="7" fill="{colour}"/>')
    if style == "headscarf":
        return (f'<path d="M{cx - rx - 8} {cy + ry} Q{cx - rx - 12} {top - 14} {cx} {top - 12}'
                f' Q{cx + rx + 12} {top - 14} {cx + rx + 8} {cy + ry} L{cx + rx - 4} {cy + ry}'
                f' Q{cx + rx - 2} {top + 8} {cx} {top + 6} Q{cx - rx + 2} {top + 8} {cx - rx + 4}'
                f' {cy + ry} Z" fill="{colour}"/>')
    if style == "helmet":
        return (f'<path d="M{cx - rx - 4} {top + 18} Q{cx} {top - 26} {cx + rx + 4} {top + 18} Z"'
                f' fill="#f2c200"/><rect x="{cx - rx - 10}" y="{top + 14}" width="{2 * rx + 20}"'
                f' height="7" rx="3" fill="#d9a800"/>')
    if style == "headphones":
        return (f'<path d="M{cx - rx - 4} {cy} Q{cx} {top - 30} {cx + rx + 4} {cy}" stroke="{LINE}"'
                f' stroke-width="6" fill="none"/><rect x="{cx - rx - 10}" y="{cy - 8}" width="12"'
                f' height="22" rx="5" fill="{colour}"/><rect x="{cx + rx - 2}" y="{cy - 8}"'
                f' width="12" height="22" rx="5" fill="{colour}"/>')
    return ""


def _accessory(style: str, shape: str) -> str:
    cx, cy, _, _, _ = _HEAD[shape]
    if style == "glasses":
        ey = cy - 2
        return (f'<g stroke="{LINE}" stroke-width="3" fill="none"><circle cx="{cx - 13}" cy="{ey}"'
                f' r="9"/><circle cx="{cx + 13}" cy="{ey}" r="9"/><path d="M{cx - 4} {ey} L{cx + 4}'
                f' {ey}"/></g>')
    if style == "backpack":
        return ('<path d="M60 150 L52 200" stroke="#6d4c2f" stroke-width="7"/>'
                '<path d="M140 150 L148 200" stroke="#6d4c2f" stroke-width="7"/>')
    if style == "toolbox":
        return ('<rect x="140" y="204" width="46" height="30" rx="4" fill="#c62828"/>'
                '<path d="M152 204 L152 196 L174 196 L174 204" stroke="#444" stroke-width="4"'
                ' fill="none"/><rect x="140" y="214" width="46" height="4" fill="#8e1c1c"/>')
    if style == "sketchbook":
        return ('<rect x="14" y="186" width="40" height="50" rx="3" fill="#fdf6e3" stroke="#444"'
                ' stroke-width="2"/><path d="M22 222 Q32 200 46 214" stroke="#1d5fa8" stroke-width="3"'
                ' fill="none"/>')
    if style == "ball":
        return ('<circle cx="170" cy="216" r="20" fill="#fff" stroke="#222" stroke-width="2"/>'
                '<path d="M170 206 L179 212 L176 223 L164 223 L161 212 Z" fill="#222"/>')
    if style == "laptop":
        return ('<rect x="66" y="196" width="68" height="40" rx="3" fill="#3a3a3a"/>'
                '<rect x="58" y="234" width="84" height="6" rx="2" fill="#5a5a5a"/>'
                '<circle cx="100" cy="216" r="5" fill="#ddd"/>')
    if style == "wheelchair":
        return ('<circle cx="100" cy="222" r="17" fill="none" stroke="#333" stroke-width="5"/>'
                '<path d="M40 200 L160 200" stroke="#333" stroke-width="5" stroke-linecap="round"/>'
                '<circle cx="100" cy="222" r="3" fill="#333"/>')
    return ""


def render_avatar(avatar: Mapping[str, str] | None, lang: str = "fr", *, size: int = 120,
                  label: str | None = None) -> str:
    """An inline SVG for an avatar; unknown parts fall back to the defaults."""
    a = normalise(avatar)
    skin = SKIN[a["skin"]]
    colour = COLOURS[a["colour"]]
    words = ", ".join(f"{part} : {option}" if lang == "fr" else f"{part}: {option}"
                      for part, option in avatar_words(a, lang))
    title = html.escape(label + " — " + words if label else words)
    body = (
        _hair_back(a["hair"], a["shape"])
        + _top(a["top"], colour)
        + _head(a["shape"], skin)
        + (_hair_front(a["hair"], a["shape"]) if a["headwear"] != "headscarf" else "")
        + _face(a["expression"], a["shape"])
        + _headwear(a["headwear"], a["shape"], colour)
        + _accessory(a["accessory"], a["shape"])
    )
    return (
        f'<svg class="avatar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 240"'
        f' width="{size}" height="{size * 6 // 5}" role="img" aria-label="{title}">'
        f'<title>{title}</title><circle cx="100" cy="120" r="98" fill="#eef3f8"/>{body}</svg>'
    )
