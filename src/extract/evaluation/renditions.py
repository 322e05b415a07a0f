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


# ------------------------------------------------------------------------------ scoring renditions
PAGE_URL = "https://news.example/{}"


def corpus_metadata(root) -> dict[str, dict[str, str]]:
    """{article name: {"title", "publisher", "published"}} from a ``metadata.tsv`` beside or above
    the split (PolNeAR's), or {} when there is none."""
    import csv
    from pathlib import Path

    for path in (Path(root) / "metadata.tsv", Path(root).parent / "metadata.tsv"):
        if path.exists():
            with open(path, encoding="utf-8", newline="") as f:
                return {r["filename"]: {"title": r.get("title") or "", "publisher": r.get("publisher") or "",
                                        "published": iso_date(r.get("publication_date") or "") or ""}
                        for r in csv.DictReader(f, delimiter="\t")}
    return {}


def write_pages(articles, folder, how: str, metadata: dict) -> list:
    """Write ``articles`` (objects with ``name`` and ``text``) as news pages into ``folder``: one
    ``NAME.html`` each (``how="html"``) or one ``pages.warc.gz`` (``how="warc"``). Returns the inputs
    to read."""
    from pathlib import Path

    folder = Path(folder)
    pages = []
    for a in articles:
        md = metadata.get(a.name, {})
        url = PAGE_URL.format(a.name)
        pages.append((a.name, url, news_page(a.text, title=md.get("title") or a.name.replace("_", " "),
                                              published=md.get("published") or None, url=url)))
    if how == "html":
        for name, _, page in pages:
            (folder / f"{name}.html").write_text(page, encoding="utf-8")
        return [str(folder)]
    if how == "warc":
        write_warc(folder / "pages.warc.gz", [(url, page) for _, url, page in pages])
        return [str(folder / "pages.warc.gz")]
    raise ValueError(f"unknown rendition {how!r}: html or warc")


def claims_on(original: str, result) -> tuple[list, int]:
    """The claims of ``result`` (an article read from a page) with offsets into ``original``, and
    how many claims lie outside the article's text (in the page's boilerplate)."""
    from ..records import Span, replace

    mapping = offset_map(result.document.text, original)

    def moved(span):
        if span is None:
            return None
        got = map_span(mapping, span.start, span.end)
        return None if got is None else Span.of(original, *got)

    out, outside = [], 0
    for c in result.claims:
        cue, content = moved(c.cue), moved(c.content)
        if cue is None or content is None:
            outside += 1
            continue
        out.append(replace(c, cue=cue, content=content, speaker=moved(c.speaker),
                           content_spans=tuple(s for s in map(moved, c.content_spans) if s is not None),
                           relayed_by=(moved(c.relayed_by) or c.cue) if c.relayed_by is not None else None))
    return out, outside


def rendered_claims(articles, how: str, *, settings=None, metadata=None) -> tuple[list[list], dict]:
    """Render ``articles`` as news pages (``how``: ``html`` or ``warc``), read and process them as a
    user's run would, and give back each article's claims with offsets into its original text, and
    checks: pages read, claims outside the article text, boilerplate in the extracted text,
    publication dates read from the meta tags."""
    import tempfile

    from ..pipeline import process_many
    from ..reading import iter_documents

    metadata = metadata or {}
    with tempfile.TemporaryDirectory(prefix="extract-pages-") as tmp:
        inputs = write_pages(articles, tmp, how, metadata)
        results = {PAGE_URL.format(a.name): None for a in articles}
        for r in process_many(iter_documents(inputs), settings=settings):
            url = r.meta.url or r.document.metadata.get("url")
            if url in results:
                results[url] = r
    per_article, outside, leaked, dated, failed = [], 0, 0, 0, 0
    for a in articles:
        r = results[PAGE_URL.format(a.name)]
        if r is None or r.status != "ok":
            failed += 1
            per_article.append([])
            continue
        claims, out = claims_on(a.text, r)
        per_article.append(claims)
        outside += out
        leaked += any(b[:25] in r.document.text for b in BOILERPLATE)
        want = metadata.get(a.name, {}).get("published")
        dated += bool(want) and r.meta.published == want and r.meta.published_source == "metadata"
    checks = {"rendition": how, "pages failed": failed, "claims outside the article text": outside,
              "pages with boilerplate in the text": leaked,
              "dates read from the meta tags": f"{dated}/{sum(1 for a in articles if metadata.get(a.name, {}).get('published'))}"}
    return per_article, checks


def rendition_claims(articles, root, *, settings=None, wrap: Optional[int] = None,
                     render: Optional[str] = None) -> tuple[list[list], dict]:
    """Each article's claims, with offsets into its original text, when the corpus is read hard-wrapped
    at column ``wrap``, or as news pages (``render``: ``html`` or ``warc``), and the checks."""
    from ..pipeline import process_many
    from ..records import Document
    from ..wrapping import is_wrapped

    if render:
        return rendered_claims(articles, render, settings=settings, metadata=corpus_metadata(root))
    texts = [hard_wrap(a.text, wrap) for a in articles]
    docs = [Document(a.name, a.name, t) for a, t in zip(articles, texts)]
    claims = [list(r.claims) for r in process_many(docs, settings=settings)]
    changed = [t != a.text for a, t in zip(articles, texts)]
    seen = sum(1 for t, c in zip(texts, changed) if c and is_wrapped(t))
    return claims, {"wrapped at": wrap, "articles read as wrapped": f"{seen}/{sum(changed)}"}
