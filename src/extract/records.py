"""The data model: frozen records that flow from one stage to the next.

Every stage takes records and returns new ones; none mutates what it was given. All positions are
character offsets (Python ``str`` indices, end exclusive) into the article text exactly as read, so
``text[span.start:span.end] == span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping, Optional

__all__ = [
    "Span", "Document", "ArticleMeta", "Entity", "Claim", "Quantity", "TimeExpr", "ArticleResult", "replace",
]


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Document:
    """One input article as read (stage: reading).

    ``metadata`` holds the sidecar or collection columns (``title``, ``publisher``, ``published``,
    ``url``, ``id``; ``crawled`` for a page from a crawl archive); ``error`` is set, and ``text``
    empty, when the input could not be read. ``kind`` is ``text``, or ``html`` for a web page:
    then ``markup`` holds the decoded page until its article is extracted
    (:func:`extract.reading.html.extract_page`), and ``text`` is that article.
    """

    article_id: str
    source_path: str
    text: str
    source_row: Optional[int] = None
    metadata: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    error: Optional[str] = None
    warnings: tuple[str, ...] = ()
    kind: str = "text"                      # text | html
    markup: Optional[str] = None


@dataclass(frozen=True)
class ArticleMeta:
    """What the metadata stage learns about an article (stage: metadata).

    ``excluded`` lists the page chrome, dateline and link lists kept out of extraction;
    ``headline`` is where the headline line is (not excluded). The text itself is never changed.
    """

    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None          # ISO date
    published_source: str = "unknown"       # metadata | dateline | crawl | default | unknown
    url: Optional[str] = None
    dateline: Optional[Span] = None
    dateline_place: Optional[str] = None
    headline: Optional[Span] = None
    excluded: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = ()
    language: Optional[str] = None           # ISO 639-1 code (extract.language.detect)

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in self.excluded)

    def in_headline(self, start: int, end: int) -> bool:
        return self.headline is not None and self.headline.start < end and start < self.headline.end


@dataclass(frozen=True)
class Entity:
    """A PERSON/ORG/GPE/NORP mention with its canonical name in the article (stage: entities)."""

    span: Span
    label: str
    canonical: str


@dataclass(frozen=True)
class Claim:
    """Who claimed what (stage: attribution; ``claim_id`` and ``claim_date`` set by assembly)."""

    cue: Span
    content: Span
    speaker: Optional[Span] = None
    speaker_canonical: Optional[str] = None
    speaker_type: str = "unknown"
    speaker_role: Optional[str] = None
    content_spans: tuple[Span, ...] = ()
    quote: str = "indirect"                  # direct | indirect | mixed
    hedge: Optional[str] = None              # "reportedly", "suggest", ... when the source hedges
    rule: str = ""                           # which rule found it, for debugging and evaluation
    relayed_by: Optional[Span] = None        # cue of the claim that relays this one ("citing ...")
    claim_id: Optional[str] = None
    claim_date: Optional[str] = None
    relayed_by_id: Optional[str] = None
    confidence: Optional[float] = None       # the claim check's P(attribution); None when it did not judge

    @property
    def spans(self) -> tuple[Span, ...]:
        return self.content_spans or (self.content,)


@dataclass(frozen=True)
class Quantity:
    """A number that measures or counts something (stage: quantities)."""

    span: Span
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str = "exact"
    unit: Optional[str] = None
    counted: Optional[str] = None
    predicate: Optional[str] = None
    change: Optional[str] = None             # increase | decrease
    quantity_id: Optional[str] = None
    claim_id: Optional[str] = None
    sentence_start: Optional[int] = None     # the sentence that holds it (set by assembly)
    sentence_end: Optional[int] = None


@dataclass(frozen=True)
class TimeExpr:
    """A temporal expression with its TimeML TIMEX3 value (stage: dates)."""

    span: Span
    type: str                                # date | time | duration | set
    value: str
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    date_id: Optional[str] = None
    claim_id: Optional[str] = None


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article (stage: assembly)."""

    document: Document
    meta: ArticleMeta
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[TimeExpr, ...] = ()
    status: str = "ok"
    error: Optional[str] = None
