"""Assembly on hand-built records: ids, links from quantities and dates to claims, claim dates."""
from __future__ import annotations

from extract import assembly
from extract.records import ArticleMeta, Claim, Document, Quantity, Span, TimeExpr

TEXT = ("The ministry said on Tuesday that 40 people died in the floods. "
        "Last week, rescuers reached 12 villages.")


def _span(needle: str) -> Span:
    i = TEXT.index(needle)
    return Span.of(TEXT, i, i + len(needle))


def _result():
    first = (0, TEXT.index(" Last") + 1)
    sentences = (first, (first[1], len(TEXT)))
    claim = Claim(cue=_span("said"), content=_span("40 people died in the floods"), speaker=_span("The ministry"))
    q_in = Quantity(span=_span("40 people"), value=40.0, low=40.0, high=40.0)
    q_out = Quantity(span=_span("12 villages"), value=12.0, low=12.0, high=12.0)
    tuesday = TimeExpr(span=_span("Tuesday"), type="date", value="2025-03-04", start_date="2025-03-04",
                       end_date="2025-03-04")
    last_week = TimeExpr(span=_span("Last week"), type="date", value="2025-W09", start_date="2025-02-24",
                         end_date="2025-03-02")
    doc = Document("a1", "a1.txt", TEXT)
    meta = ArticleMeta(published="2025-03-05", published_source="metadata")
    return assembly.assemble(doc, meta, claims=(claim,), quantities=(q_in, q_out), dates=(tuesday, last_week),
                             sentences=sentences)


def test_ids_and_links():
    r = _result()
    (c,) = r.claims
    assert c.claim_id == "a1:c1"
    q_in, q_out = r.quantities
    assert (q_in.quantity_id, q_in.claim_id) == ("a1:q1", "a1:c1")   # inside the content
    assert (q_out.quantity_id, q_out.claim_id) == ("a1:q2", None)    # another sentence's event
    tuesday, last_week = r.dates
    assert tuesday.claim_id == "a1:c1"     # "said on Tuesday": the claim's own sentence
    assert last_week.claim_id is None      # opens the next sentence: it dates the rescue, not the claim


def test_claim_date_is_the_day_given_beside_the_cue_else_publication():
    assert _result().claims[0].claim_date == "2025-03-04"
    plain = assembly.assemble(Document("a2", "a2.txt", TEXT), ArticleMeta(published="2025-03-05"),
                              claims=(Claim(cue=_span("said"), content=_span("40 people died in the floods")),))
    assert plain.claims[0].claim_date == "2025-03-05"


def _dated(text: str, claim: Claim, *dates: TimeExpr, published: str = "2025-03-05", others=()):
    return assembly.claim_date(claim, (claim, *others), dates, ((0, len(text)),), published)


def _day(text: str, needle: str, iso: str) -> TimeExpr:
    i = text.index(needle)
    return TimeExpr(span=Span.of(text, i, i + len(needle)), type="date", value=iso, start_date=iso, end_date=iso)


def test_claim_date_from_a_date_opening_the_sentence():
    text = "Yesterday, after a long meeting with her advisers, the minister announced new elections."
    c = Claim(cue=Span.of(text, text.index("announced"), text.index("announced") + 9),
              content=Span.of(text, text.index("new"), len(text) - 1))
    assert _dated(text, c, _day(text, "Yesterday", "2025-03-04")) == "2025-03-04"


def test_claim_date_skips_what_was_claimed_and_the_future():
    text = "The league said on Monday that the final, set for March 30, would be moved."
    cue = Span.of(text, text.index("said"), text.index("said") + 4)
    content = Span.of(text, text.index("that"), len(text) - 1)
    c = Claim(cue=cue, content=content)
    monday, final = _day(text, "Monday", "2025-03-03"), _day(text, "March 30", "2025-03-30")
    assert _dated(text, c, monday, final) == "2025-03-03"
    assert _dated(text, c, final) == "2025-03-05"                  # inside the content: not the claiming day
    loose = Claim(cue=cue, content=Span.of(text, text.index("would"), len(text) - 1))
    assert _dated(text, loose, final) == "2025-03-05"              # after publication: a prediction
    assert _dated(text, loose, final, published="2025-04-02") == "2025-03-30"
