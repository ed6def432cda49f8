// Expands iCalendar feeds with ical.js (the parser Thunderbird uses), independently of the
// generator: `node expand.mjs UNTIL FILE...` prints, as JSON, each file's occurrences whose
// recurrence id is before UNTIL (an ISO instant): UID, start, end, status, as ical.js
// computes them from the file alone (its own VTIMEZONE, RRULE, EXDATE and overrides).
// A timed start or end is a UTC instant `20261123T083000Z`, an all-day one a date `20261123`.
// `node expand.mjs --offsets FILE TZID LOCAL...` prints the UTC instant of each local time
// `YYYYMMDDTHHMMSS` read in the file's VTIMEZONE TZID (to check that block on its own).
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function stamp(time) {
  if (time.isDate) {
    return time.toString().replaceAll("-", "");
  }
  return time.toJSDate().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function details(event, start, end, item) {
  return {
    uid: event.uid,
    start: stamp(start),
    end: stamp(end),
    status: item.component.getFirstPropertyValue("status"),
  };
}

function expand(text, until) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const series = new Map();
  const overrides = new Map();
  for (const component of calendar.getAllSubcomponents("vevent")) {
    const uid = component.getFirstPropertyValue("uid");
    if (component.hasProperty("recurrence-id")) {
      overrides.set(uid, [...(overrides.get(uid) || []), component]);
    } else {
      series.set(uid, component);
    }
  }
  for (const uid of overrides.keys()) {
    if (!series.has(uid)) {
      throw new Error(`override without its series: ${uid}`);
    }
  }
  // Given no `exceptions`, ICAL.Event relates every override of the whole calendar to the
  // series, whatever its UID: pass each series its own, strictly.
  const masters = [...series].map(
    ([uid, component]) =>
      new ICAL.Event(component, { exceptions: overrides.get(uid) || [], strictExceptions: true }),
  );
  const out = [];
  for (const event of masters) {
    if (!event.isRecurring()) {
      out.push(details(event, event.startDate, event.endDate, event));
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (next.toJSDate() > until) {
        break;
      }
      const occurrence = event.getOccurrenceDetails(next);
      out.push(details(event, occurrence.startDate, occurrence.endDate, occurrence.item));
    }
  }
  return out;
}

function offsets(text, tzid, locals) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getTimeZoneByID(tzid);
  if (!zone) {
    throw new Error(`no VTIMEZONE ${tzid}`);
  }
  return locals.map((local) => {
    const time = ICAL.Time.fromDateTimeString(
      `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}T${local.slice(9, 11)}:${local.slice(11, 13)}:${local.slice(13, 15)}`,
    );
    time.zone = zone;
    return stamp(time);
  });
}

const args = process.argv.slice(2);
if (args[0] === "--offsets") {
  const [, file, tzid, ...locals] = args;
  process.stdout.write(JSON.stringify(offsets(readFileSync(file, "utf8"), tzid, locals)));
} else {
  const [untilText, ...files] = args;
  const until = new Date(untilText);
  const result = {};
  for (const file of files) {
    result[file] = expand(readFileSync(file, "utf8"), until);
  }
  process.stdout.write(JSON.stringify(result));
}
