"""Reads an Atom document on standard input with the independent `feedparser` package and prints
what a feed reader would show as JSON, times in UTC, so the Rust tests check the feed the way a
real reader parses it. "bozo" is feedparser's flag for a malformed document."""
import io
import json
import sys
import time

import feedparser


def utc(parsed: time.struct_time | None) -> str | None:
    # feedparser gives parsed dates as UTC struct_time.
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def main() -> None:
    # A file object, so feedparser never takes the document for a URL or a file name.
    document = feedparser.parse(io.BytesIO(sys.stdin.buffer.read()))
    if document.bozo:
        print(f"malformed: {document.get('bozo_exception')}", file=sys.stderr)
    links = document.feed.get("links", [])
    entries = []
    for entry in document.entries:
        entries.append({
            "id": entry.get("id", ""),
            "title": entry.get("title", ""),
            "link": entry.get("link", ""),
            "summary": entry.get("summary", ""),
            "updated": utc(entry.get("updated_parsed")),
        })
    print(json.dumps({
        "title": document.feed.get("title", ""),
        "version": document.version,
        "bozo": bool(document.bozo),
        "self": next((link["href"] for link in links if link.get("rel") == "self"), None),
        "entries": entries,
    }))


if __name__ == "__main__":
    main()
