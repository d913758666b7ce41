"""Reads an iCalendar document on standard input with the independent `icalendar` package and
prints its events as JSON, times converted to UTC, so the Rust tests check what a real calendar
client would read back."""
import json
import sys
from datetime import timezone

from icalendar import Calendar


def main() -> None:
    calendar = Calendar.from_ical(sys.stdin.buffer.read())
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event.get("SUMMARY", "")),
            "start": event.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end": event.decoded("DTEND").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "status": str(event.get("STATUS", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "location": str(event.get("LOCATION", "")),
            "url": str(event.get("URL", "")),
        })
    print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", calendar.get("NAME", ""))), "events": events}))


if __name__ == "__main__":
    main()
