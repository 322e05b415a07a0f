from __future__ import annotations

import pytest

from extract import attribution, entities
from extract.attribution import quotes


@pytest.mark.parametrize("text", [
    'He said "unclosed and goes on', "”backwards“ marks here", '""', "“" * 50, "'single' and ‘curly’",
    "“A quote that spans\n\n“a second paragraph and closes here,” she said.",
])
def test_quotes_never_raise_and_stay_inside(text):
    for q in quotes.find(text):
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text


def claims_of(nlp, text):
    doc = nlp(text)
    return attribution.extract(doc, entities.extract(doc))


def test_indirect_speech(nlp):
    (c,) = [c for c in claims_of(nlp, "Officials said that 40 people died in the fire.") if c.cue.text == "said"]
    assert c.speaker.text == "Officials" and c.content.text.endswith("died in the fire")
    assert c.speaker_type == "anonymous" and c.quote == "indirect"


def test_direct_quote_speaker_after(nlp):
    cs = claims_of(nlp, "“We will rebuild the town,” said Jane Doe, a spokeswoman for the council.")
    c = next(c for c in cs if c.quote == "direct")
    assert c.content.text == "We will rebuild the town" and "Jane Doe" in c.speaker.text


def test_according_to(nlp):
    cs = claims_of(nlp, "According to the ministry, 12 people were injured.")
    c = next(c for c in cs if c.cue.text == "According to")
    assert c.speaker.text == "the ministry" and "12 people were injured" in c.content.text


def test_pronoun_resolved_to_person(nlp):
    cs = claims_of(nlp, "Kyrylo Budanov spoke to reporters. He said the attack had failed.")
    c = next(c for c in cs if c.cue.text == "said")
    assert c.speaker.text == "He" and c.speaker_canonical == "Kyrylo Budanov" and c.speaker_type == "person"


def test_capital_as_speaker(nlp):
    cs = claims_of(nlp, "Moscow denied that its troops had crossed the border.")
    c = next(c for c in cs if c.cue.text == "denied")
    assert c.speaker_canonical == "Russia" and c.speaker_type == "country_or_group"


def test_spans_match_text(nlp):
    text = "“Odd ” quotes,“ he said. “Another,” she added \"straight\" and ‘single’."
    for c in claims_of(nlp, text):
        for s in (c.cue, c.content) + ((c.speaker,) if c.speaker else ()):
            assert text[s.start:s.end] == s.text
