"""Web pages: the article in an HTML page, by trafilatura (Barbaresi, ACL 2021 demo).

Reading decodes the page (:func:`~extract.reading.decoding.decode_page`) and hands it on as
:attr:`Document.markup`; :func:`extract_page`, the first thing a worker does with a batch, finds
the main text, so the costly part runs in the workers beside the parse.

* Main text: ``trafilatura.bare_extraction`` without comments. Navigation, related-link lists,
  footers, scripts, cookie banners and comment threads are not article text, so they can never
  yield a claim. Paragraphs stay separate lines. The text goes to ``texts.jsonl`` (contract), so
  every offset stays checkable.
* Metadata from the page: title, site name (``publisher``), canonical URL, and the publication
  date by htmldate on the page's markup only (``extensive_search`` off: meta tags, JSON-LD,
  ``<time>`` and the URL, never a date guessed from the text; ``original_date`` on: the first
  publication, not the last update). What the caller already knows wins (a collection's columns,
  a WARC record's target URI).
* A page with no main text (a gallery, a login wall, an empty or broken page: fewer than
  :data:`MIN_WORDS` words, such as a lone menu item the fallback extractors picked up) is an
  error row.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import replace
from typing import Mapping, Optional

from ..records import Document
from .common import checked, reason
from .decoding import decode_page, newlines

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_PAGE_CHARS = 20_000_000  # bigger "pages" are dumps, not articles
DATE_PARAMS = {"extensive_search": False, "original_date": True}
MIN_WORDS = 8  # less main text than this is a caption or a menu item, not an article
NO_TEXT = "no article text in the page (a gallery, a login wall, or an empty or broken page?)"


@functools.lru_cache(maxsize=1)
def _quiet() -> None:
    """trafilatura and htmldate log a WARNING per odd page; with no logging set up Python would
    print each on stderr. A NullHandler keeps them out of the terminal; a logging configuration
    the user sets up still receives them."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())


def page_document(page: bytes, *, article_id: str, source_path: str, source_row: Optional[int] = None,
                  content_type: Optional[str] = None, metadata: Optional[Mapping[str, str]] = None,
                  warnings: tuple[str, ...] = ()) -> Document:
    """A web page as a Document whose article is still to be extracted (:func:`extract_page`).
    Undecodable, empty or oversized pages come back with ``error`` set."""
    md = dict(metadata or {})
    if not page.strip():
        return Document(article_id, source_path, "", source_row=source_row, metadata=md,
                        error="empty page", warnings=warnings, kind="html")
    try:
        markup, encoding, notes = decode_page(page, content_type)
    except ValueError as e:
        return Document(article_id, source_path, "", source_row=source_row, metadata=md,
                        error=f"page unreadable: {reason(e)}", warnings=warnings, kind="html")
    if len(markup) > MAX_PAGE_CHARS:
        return Document(article_id, source_path, "", source_row=source_row, metadata=md, encoding=encoding,
                        error=f"page of {len(markup):,} characters is too large to be an article",
                        warnings=warnings, kind="html")
    return checked(Document(article_id, source_path, "", source_row=source_row, metadata=md, encoding=encoding,
                            warnings=warnings + tuple(notes), markup=markup, kind="html"))


def extract_page(doc: Document) -> Document:
    """``doc`` with its page replaced by the article in it: ``text`` the main text, metadata from
    the page under the caller's. A Document without a page is returned as it is."""
    if doc.markup is None or doc.error:
        return replace(doc, markup=None) if doc.markup is not None else doc
    _quiet()
    import trafilatura

    try:
        found = trafilatura.bare_extraction(doc.markup, url=doc.metadata.get("url"), with_metadata=True,
                                            include_comments=False, date_extraction_params=DATE_PARAMS)
    except Exception as e:  # lxml and trafilatura raise many kinds on broken markup: the page's row says why
        return replace(doc, markup=None, error=f"page unreadable: {type(e).__name__}: {reason(e)}")
    text = newlines(getattr(found, "text", None) or "") if found is not None else ""
    if len(text.split()) < MIN_WORDS:
        return replace(doc, markup=None, error=NO_TEXT)
    page_meta = {}
    for key, attr in (("title", "title"), ("publisher", "sitename"), ("published", "date"), ("url", "url")):
        value = getattr(found, attr, None)
        if isinstance(value, str) and value.strip():
            page_meta[key] = value.strip()
    return checked(replace(doc, text=text, markup=None, metadata={**page_meta, **doc.metadata}))
