"""The same articles as users hold them: hard-wrapped wire copy, news web pages, a crawl archive.

Used by ``extract eval polnear --wrap N`` / ``--as html|warc`` and by the tests: an annotated corpus is
rendered in another form, run through the whole pipeline, and the claims are mapped back to the
gold text, so a score says how much the form costs.

* :func:`hard_wrap` wraps at a column by replacing the last space before it with a newline, so
  every offset is unchanged (the issue's protocol);
* :func:`news_page` renders an article as a news page: title and date only in ``<meta>`` tags,
  paragraphs in ``<article>``, and navigation, an aside, a footer, a cookie banner and a script that
  hold attribution-like boilerplate (:data:`BOILERPLATE`), none of which is article text;
* :func:`write_warc` writes pages as one gzipped WARC file (one gzip member per record, as
  Common Crawl does), by hand, so tests can also cut it short;
* :func:`offset_map` maps offsets in a text derived from markup back to the original text.
"""
from __future__ import annotations

import datetime as dt
import difflib
import gzip
import html
import io
import uuid
from typing import Iterable, Optional, Sequence

# Sentences a page's chrome holds that read like attributions; none may become a claim.
BOILERPLATE = (
    "Readers said the comment section was the best part of the site.",
    "Subscribers say our newsletter is worth reading every morning.",
    "Our editors said you might also like these stories.",
    "Advertisers claim this offer ends on Friday, according to the sponsor.",
    "We said we use cookies to improve your experience on this site.",
)


def hard_wrap(text: str, width: int) -> str:
    """Wrap every line longer than ``width`` by replacing the last space before the column with a
    newline (a word longer than the width is broken at the first space after it). Same length."""
    chars = list(text)
    line_start = 0
    n = len(chars)
    while line_start < n:
        nl = text.find("\n", line_start)
        line_end = n if nl < 0 else nl
        while line_end - line_start > width:
            cut = text.rfind(" ", line_start + 1, line_start + width + 1)
            if cut < 0:
                cut = text.find(" ", line_start + width + 1, line_end)
                if cut < 0:
                    break
            chars[cut] = "\n"
            line_start = cut + 1
        line_start = line_end + 1
    return "".join(chars)


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a text, each one paragraph."""
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def news_page(text: str, *, title: str, published: Optional[str], url: str, site: str = "The Daily Example") -> str:
    """An article as a news web page: title and date only in ``<meta>``, each paragraph of ``text``
    a ``<p>`` in ``<article>``, boilerplate in nav, aside, footer, a cookie banner and a script."""
    e = html.escape
    body = "\n".join(f"      <p>{e(p)}</p>" for p in paragraphs(text))
    date_meta = (f'  <meta property="article:published_time" content="{e(published)}T08:00:00Z">\n'
                 if published else "")
    nav = "".join(f'<li><a href="/section/{k}">{e(s)}</a></li>' for k, s in enumerate(BOILERPLATE[:2]))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(title)} | {e(site)}</title>
  <meta property="og:title" content="{e(title)}">
  <meta property="og:site_name" content="{e(site)}">
{date_meta}  <link rel="canonical" href="{e(url)}">
  <script>var banner = "{e(BOILERPLATE[3])}"; window.dataLayer = [];</script>
</head>
<body>
  <div class="cookie-banner" id="cookie-consent"><p>{e(BOILERPLATE[4])}</p><button>Accept</button></div>
  <header><nav><ul>{nav}</ul></nav></header>
  <main>
    <article>
{body}
    </article>
    <aside class="related"><h3>Related</h3><ul><li><a href="/more">{e(BOILERPLATE[2])}</a></li></ul></aside>
    <section class="comments" id="comments"><h3>Comments</h3><p>{e(BOILERPLATE[0])}</p></section>
  </main>
  <footer><p>{e(BOILERPLATE[1])}</p><p>&copy; {e(site)}</p></footer>
</body>
</html>
"""


def _warc_record(headers: Sequence[tuple[str, str]], payload: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(payload)}\r\n\r\n"
    return head.encode("utf-8") + payload + b"\r\n\r\n"


def warc_response(url: str, body: bytes, *, content_type: str = "text/html; charset=utf-8",
                  date: str = "2024-05-01T12:00:00Z", status: str = "200 OK") -> bytes:
    """One WARC ``response`` record (uncompressed) holding an HTTP response with ``body``."""
    http = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode("ascii") + body
    return _warc_record([
        ("WARC-Type", "response"), ("WARC-Target-URI", url), ("WARC-Date", date),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url + date)}>"),
        ("Content-Type", "application/http; msgtype=response"),
    ], http)


def warc_record(warc_type: str, url: str, payload: bytes, content_type: str, date: str = "2024-05-01T12:00:00Z") -> bytes:
    """Any other WARC record (``warcinfo``, ``request``, ``metadata``, ...), uncompressed."""
    return _warc_record([
        ("WARC-Type", warc_type), ("WARC-Target-URI", url), ("WARC-Date", date),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, warc_type + url + date)}>"),
        ("Content-Type", content_type),
    ], payload)


def gzip_members(records: Iterable[bytes]) -> bytes:
    """Records as a ``.warc.gz``: each record its own gzip member (how crawlers write them)."""
    out = io.BytesIO()
    for rec in records:
        out.write(gzip.compress(rec, compresslevel=6, mtime=0))
    return out.getvalue()


def write_warc(path, pages: Iterable[tuple[str, str]], *, with_requests: bool = True,
               date: str = "2024-05-01T12:00:00Z") -> int:
    """Write ``(url, html)`` pages as a ``.warc.gz`` with a warcinfo record and, per page, a request
    and a response record. Returns the number of records written."""
    recs = [warc_record("warcinfo", "", b"software: extract tests\r\nformat: WARC File Format 1.0\r\n",
                        "application/warc-fields", date)]
    for url, page in pages:
        if with_requests:
            recs.append(warc_record("request", url, f"GET / HTTP/1.1\r\nHost: example\r\n\r\n".encode(),
                                    "application/http; msgtype=request", date))
        recs.append(warc_response(url, page.encode("utf-8"), date=date))
    with open(path, "wb") as f:
        f.write(gzip_members(recs))
    return len(recs)


def offset_map(derived: str, original: str) -> list[Optional[int]]:
    """For each index of ``derived`` (a text extracted from markup), the index of the same character
    in ``original``, or None where the character is not there (boilerplate, added whitespace).
    One extra entry maps ``len(derived)``."""
    out: list[Optional[int]] = [None] * (len(derived) + 1)
    sm = difflib.SequenceMatcher(None, derived, original, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            out[a + k] = b + k
    out[len(derived)] = len(original)
    return out


def map_span(mapping: Sequence[Optional[int]], start: int, end: int) -> Optional[tuple[int, int]]:
    """A span of the derived text in the original, or None when neither end is there."""
    s = next((mapping[i] for i in range(start, end) if mapping[i] is not None), None)
    e = next((mapping[i] + 1 for i in range(end - 1, start - 1, -1) if mapping[i] is not None), None)
    if s is None or e is None or e <= s:
        return None
    return s, e


def iso_date(value: str) -> Optional[str]:
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
