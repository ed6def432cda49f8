"""SVG charts drawn at build time: readable without JavaScript, each with a text alternative.

Every chart is an ``<svg role="img">`` whose ``<title>`` and ``<desc>`` say what it shows
and its figures in words; the page puts the same figures in a table under it. Text from
data is escaped; nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

COLOURS = ("#1d5f8a", "#b4532a", "#3f7f3f", "#6b4c9a", "#8a6d1d", "#2b7d7d")
ROW = 26
LABEL_WIDTH = 170
BAR_WIDTH = 360


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def bar_chart(
    key: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    target: float | None = None,
    target_label: str = "",
    unit: str = "",
) -> str:
    """Horizontal bars: one group per label, one bar per series in the group; an optional
    target drawn as a dashed line."""
    top = max([*(v for _, values in series for v in values), target or 0, 1])
    per_group = len(series) * ROW + 8
    height = len(labels) * per_group + 40
    width = LABEL_WIDTH + BAR_WIDTH + 70
    words = []
    for index, label in enumerate(labels):
        parts = [
            f"{name} {_number(values[index])}{unit}" if len(series) > 1 else f"{_number(values[index])}{unit}"
            for name, values in series
        ]
        words.append(f"{label} : {', '.join(parts)}")
    desc = "; ".join(words) + (f". {target_label}" if target_label else "")
    out = [
        f'<svg class="obs-chart" role="img" aria-labelledby="{key}-t {key}-d" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{key}-t">{escape(title)}</title>',
        f'<desc id="{key}-d">{escape(desc)}</desc>',
    ]
    y = 10
    for index, label in enumerate(labels):
        out.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + len(series) * ROW / 2 + 4:.0f}" text-anchor="end" '
            f'font-size="13" fill="currentColor">{escape(label)}</text>'
        )
        for number, (_, values) in enumerate(series):
            value = values[index]
            length = BAR_WIDTH * value / top
            colour = COLOURS[number % len(COLOURS)]
            out.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{ROW - 6}" fill="{colour}"/>')
            out.append(
                f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + ROW - 11}" font-size="12" '
                f'fill="currentColor">{escape(_number(value) + unit)}</text>'
            )
            y += ROW
        y += 8
    if target is not None:
        x = LABEL_WIDTH + BAR_WIDTH * target / top
        out.append(
            f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{y}" stroke="currentColor" stroke-dasharray="5 4"/>'
            f'<text x="{x:.1f}" y="{y + 16}" text-anchor="middle" font-size="12" fill="currentColor">'
            f"{escape(target_label)}</text>"
        )
    if len(series) > 1:
        x = LABEL_WIDTH
        for number, (name, _) in enumerate(series):
            out.append(
                f'<rect x="{x}" y="{height - 14}" width="12" height="12" fill="{COLOURS[number % len(COLOURS)]}"/>'
                f'<text x="{x + 16}" y="{height - 4}" font-size="12" fill="currentColor">{escape(name)}</text>'
            )
            x += 24 + 8 * len(name)
    out.append("</svg>")
    return "".join(out)


def village_map(key: str, title: str, points: Sequence[tuple[str, float, float, bool]]) -> str:
    """Villages at their positions: filled when reached, hollow (a white zone) when not."""
    width, height, pad, right = 560, 380, 30, 120
    lats = [p[1] for p in points] or [0.0]
    lons = [p[2] for p in points] or [0.0]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    span_x, span_y = max(east - west, 1e-6), max(north - south, 1e-6)
    reached = [p[0] for p in points if p[3]]
    white = [p[0] for p in points if not p[3]]
    desc = f"Villages touchés : {', '.join(reached) or 'aucun'}. Zones blanches : {', '.join(white) or 'aucune'}."
    out = [
        f'<svg class="obs-map" role="img" aria-labelledby="{key}-t {key}-d" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{key}-t">{escape(title)}</title>',
        f'<desc id="{key}-d">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="none" stroke="currentColor" stroke-opacity="0.3"/>',
    ]
    for name, lat, lon, hit in points:
        x = pad + (lon - west) / span_x * (width - pad - right)
        y = height - pad - (lat - south) / span_y * (height - 2 * pad)
        fill = COLOURS[0] if hit else "none"
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}" stroke="{COLOURS[0] if hit else COLOURS[1]}" '
            f'stroke-width="2"/><text x="{x + 9:.1f}" y="{y + 4:.1f}" font-size="12" fill="currentColor">'
            f"{escape(name)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def table(caption: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A data table: first column as row headers, in a region that scrolls sideways on a
    phone and can take the keyboard focus to do so (WCAG 2.1.1; axe scrollable-region-focusable).
    The class keeps Material's script from wrapping it in an unfocusable scroller of its own."""
    out = [
        f'<div class="mg-scroll" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f'<table class="mg-data"><caption>{escape(caption)}</caption><thead><tr>'
    ]
    out += [f'<th scope="col">{escape(str(h))}</th>' for h in header]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f'<th scope="row">{escape(str(row[0]))}</th>']
        cells += [f"<td>{escape(str(c))}</td>" for c in row[1:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)
