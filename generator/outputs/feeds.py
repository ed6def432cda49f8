"""The calendar feeds of CONTRACT.md §3, written into the built site under ``calendriers/``.

Every live series (one not ended before the look-back window) becomes an Entry, rendered
once; each feed family picks its entries; each file is the territory's VTIMEZONE and those
entries' VEVENTs. The iCalendar details live in ``generator.outputs.ical``; revisions of the
data files (SEQUENCE, LAST-MODIFIED) come from ``generator.revisions``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..revisions import file_revisions
from ..schedule import stop_key
from . import RenderContext
from .ical.calendar import SIZE_LIMIT, calendar_file
from .ical.entries import EXDATE_HORIZON, Entry, EntryMaker
from .ical.families import Feed, families
from .ical.vtimezone import vtimezone

log = logging.getLogger(__name__)


def entries(context: RenderContext) -> list[Entry]:
    """The Entry of every live series, sorted by UID."""
    dataset = context.dataset
    maker = EntryMaker(dataset, context.today, context.site_url, context.host, file_revisions(dataset.root))
    out = []
    for series in context.series:
        if series.kind == "event":
            event = dataset.events[series.source_id]
            if maker.live(series, event):
                out.append(maker.event(series, event))
        else:
            circuit = dataset.circuits[series.source_id]
            if maker.live(series, None):
                stop = next(s for s in circuit.stops if stop_key(s) == series.stop_key)
                out.append(maker.stop(series, circuit, stop))
    return sorted(out, key=lambda e: e.uid)


def render_feeds(context: RenderContext) -> dict[str, bytes]:
    """Path under the site root → the feed's bytes, for every feed of every family."""
    found = entries(context)
    by_uid = {e.uid: e for e in found}
    window = context.window
    zone = vtimezone(context.territory.timezone, window.first.year, (context.today + EXDATE_HORIZON).year).render()
    out: dict[str, bytes] = {}
    for feed in families(context.dataset, found):
        members = [by_uid[uid] for uid in feed.uids]
        content = calendar_file(feed, context.site_url, zone, [e.text for e in members])
        if len(content) > SIZE_LIMIT:
            content = calendar_file(feed, context.site_url, zone, [e.compact_text for e in members])
            if len(content) > SIZE_LIMIT:
                log.warning("%s: %d octets, over the 1 MB that Google accepts", feed.path, len(content))
        out[feed.path] = content
    return out


def feed_list(context: RenderContext) -> list[Feed]:
    """The feeds and the UIDs each holds (what the tests compare the files with)."""
    return families(context.dataset, entries(context))


def write_feeds(context: RenderContext, site_dir: Path) -> None:
    for path, content in sorted(render_feeds(context).items()):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
