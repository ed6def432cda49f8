"""One feed file: the VCALENDAR around its VTIMEZONE and VEVENTs (ICAL.md 1, 4, 5, 18).

No METHOD (so that DTSTAMP keeps its "last revised" meaning, RFC 5545 §3.8.7.2); the feed's
name, description, refresh hints and own address in RFC 7986 properties and in the X-WR-
ones older clients read. A feed with no event still holds its VTIMEZONE, which keeps the
VCALENDAR valid (§3.6 wants one component at least). A feed over Google's 1 MB limit for
subscriptions is written again without the long descriptions (each entry keeps its
summary and the address of its page).
"""

from __future__ import annotations

from .families import Feed
from .lines import Component, text

PRODID = "-//Maillage//Calendriers//FR"
REFRESH = "PT12H"
SIZE_LIMIT = 1_000_000  # octets; Google drops bigger subscriptions


def header(feed: Feed, site_url: str) -> Component:
    calendar = Component("VCALENDAR")
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("NAME", text(feed.name))
    calendar.add("X-WR-CALNAME", text(feed.name))
    calendar.add("DESCRIPTION", text(feed.description))
    calendar.add("X-WR-CALDESC", text(feed.description))
    calendar.add("SOURCE", f"{site_url}{feed.path}", ";VALUE=URI")
    calendar.add("REFRESH-INTERVAL", REFRESH, ";VALUE=DURATION")
    calendar.add("X-PUBLISHED-TTL", REFRESH)
    return calendar


def calendar_file(feed: Feed, site_url: str, vtimezone: str, events: list[str]) -> bytes:
    """The whole file: header, the zone, the VEVENTs already rendered (CRLF lines)."""
    head = header(feed, site_url).render()
    head, end = head[: -len("END:VCALENDAR\r\n")], "END:VCALENDAR\r\n"
    return (head + vtimezone + "".join(events) + end).encode("utf-8")
