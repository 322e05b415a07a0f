"""Crawl archives: ``.warc`` / ``.warc.gz`` (Common Crawl CC-NEWS and the like), streamed with warcio.

* Every HTML ``response`` record with HTTP status 200 is an article: ``url`` is the record's
  ``WARC-Target-URI``, ``source_row`` its place in the archive (the first record is 1). Other
  records (``warcinfo``, ``request``, ``metadata``, redirects, images, ...) are skipped and counted
  in the run summary.
* The crawl date (``WARC-Date``) is not a publication date: it is kept as ``crawled`` and used only
  when the page gives no date of its own (``published_source=crawl``).
* Records are read one at a time; a page over :data:`~extract.reading.html.MAX_PAGE_CHARS` is an
  error row; a 1 GB archive is never held in memory.
* A truncated archive (a download cut short): the records before the break are read, then one
  error row says where it broke. An archive with no HTML page is one error row saying what it held.

warcio (Webrecorder) or FastWARC (Resiliparse)? On a generated archive of 3,000 pages (6,001
records, ``bench/reading.py``), FastWARC reads 4-8 times as many records per second, but both
read thousands of records a second, hundreds of times what trafilatura and the parser can take
per core, so reading is never the bottleneck. warcio is pure Python and installs everywhere;
FastWARC has no wheels for macOS on Apple silicon or Linux on ARM for current Pythons, where
``pip install`` would need a C++ tool chain. So: warcio.
"""
from __future__ import annotations

import collections
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import urlsplit

from ..records import Document
from .common import article_id, failed, reason
from .html import MAX_PAGE_CHARS, page_document

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
DRAIN = 1 << 16


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(WARC_SUFFIXES)


def _stem(url: str) -> str:
    parts = urlsplit(url)
    last = [p for p in parts.path.split("/") if p]
    return (last[-1] if last else parts.netloc) or "page"


def _drain(stream) -> None:
    while stream.read(DRAIN):
        pass


def read_warc(path: Path, shown: str, counts: Optional[collections.Counter] = None) -> Iterator[Document]:
    """One Document per HTML page in the archive (its page still to be extracted), then error rows
    for a truncated or unreadable archive, or for one with no HTML page."""
    from warcio.archiveiterator import ArchiveIterator

    counts = counts if counts is not None else collections.Counter()
    stem = path.name
    n = pages = 0
    held: collections.Counter = collections.Counter()
    with open(path, "rb") as f:
        records = ArchiveIterator(f, arc2warc=True)
        try:
            for rec in records:
                n += 1
                rtype = rec.rec_type or "unknown"
                http = rec.http_headers
                status = http.get_statuscode() if http is not None else None
                ctype = (http.get_header("Content-Type") or "") if http is not None else ""
                is_page = rtype == "response" and status == "200" and ctype.split(";")[0].strip().lower() in HTML_TYPES
                body = b""
                if is_page:
                    body = rec.content_stream().read(MAX_PAGE_CHARS * 4 + 1)
                _drain(rec.raw_stream)
                if getattr(rec.raw_stream, "limit", 0) > 0:
                    offset = f.tell()
                    yield failed(stem, f"{shown}#truncated", shown,
                                 f"archive truncated inside record {n} (around byte {offset:,} of the file); "
                                 f"the {pages} pages before it were read", row=n)
                    return
                if not is_page:
                    what = (f"WARC {rtype} records" if rtype != "response" else
                            "WARC responses that are not HTML" if status == "200" else
                            f"WARC responses with HTTP status {status}")
                    held[what] += 1
                    counts[what] += 1
                    continue
                pages += 1
                url = rec.rec_headers.get_header("WARC-Target-URI") or ""
                md = {"url": url} if url else {}
                crawled = (rec.rec_headers.get_header("WARC-Date") or "")[:10]
                if crawled:
                    md["crawled"] = crawled
                yield page_document(body, article_id=article_id(_stem(url), f"{shown}#{n}"), source_path=shown,
                                    source_row=n, content_type=ctype, metadata=md)
        except Exception as e:  # warcio, gzip and zlib raise many kinds on a damaged archive
            yield failed(stem, f"{shown}#broken", shown,
                         f"archive unreadable after record {n} (around byte {f.tell():,}): {type(e).__name__}: "
                         f"{reason(e)}; the {pages} pages before it were read", row=n + 1)
            return
    if pages == 0:
        what = ", ".join(f"{c} {k}" for k, c in sorted(held.items())) or "nothing"
        yield failed(stem, f"{shown}#empty", shown, f"no HTML page in the archive ({n} records: {what})")
