"""The iCalendar writer behind the feeds (``generator.outputs.feeds``).

``lines`` turns values into content lines (TEXT escaping, CRLF, folding at 75 octets);
``vtimezone`` writes the territory's zone in the yearly-rule shape, derived from zoneinfo and
checked against it; ``plaintext`` turns Markdown into the plain text of a DESCRIPTION;
``vevent`` writes one series (an event or a circuit stop) as its VEVENTs: the master with
its RRULE and EXDATEs, then one override per cancelled or changed occurrence; ``families``
says which series go into which feed; ``calendar`` wraps VEVENTs into one VCALENDAR file.
Everything here is pure: values in, text out, nothing read from the clock or the disk.
"""
