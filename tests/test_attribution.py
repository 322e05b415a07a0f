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


def test_colon_introduces_next_paragraph(nlp):
    cs = claims_of(nlp, "The governor added:\n\nIt is typical of the senator. She knows nothing about it.\n\nThen he left.")
    c = next(c for c in cs if c.cue.text == "added")
    assert c.speaker.text == "The governor" and c.content.text.startswith("It is typical")
    assert "Then he left" not in c.content.text


def test_passive_agent_is_the_source(nlp):
    cs = claims_of(nlp, "He was told by aides that the plan would fail.")
    c = next(c for c in cs if "told" in c.cue.text)
    assert c.speaker.text == "aides" and c.content.text.endswith("the plan would fail")


def test_raising_verb_subject_is_content(nlp):
    cs = claims_of(nlp, "The lack of enthusiasm among voters seems to be a real issue for her campaign.")
    c = next(c for c in cs if c.cue.text == "seems")
    assert c.speaker is None and len(c.content_spans) == 2
    assert c.content_spans[0].text == "The lack of enthusiasm among voters"


def test_conjoined_cue_is_a_second_claim(nlp):
    cs = claims_of(nlp, "The president said he would order a review of the defenses and warned against hackers.")
    said = next(c for c in cs if c.cue.text == "said")
    warned = next(c for c in cs if c.cue.text.startswith("warned"))
    assert "warned" not in said.content.text and warned.relayed_by is None
    assert warned.speaker.text == "The president"


def test_unattributed_first_person_in_quote_left_out(nlp):
    text = "“What is your view? I think you expose him for the fraud that he is.”\n\nThe debate went on."
    assert not [c for c in claims_of(nlp, text) if c.speaker is not None and c.speaker.text == "I"]


def test_two_subjects_next_one_speaks(nlp):
    cs = claims_of(nlp, "“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Florida organiser.")
    c = next(c for c in cs if c.cue.text == "said")
    assert c.speaker.text.startswith("Leslie Wimes") and c.quote == "direct"


def test_cue_extent_keeps_adverb_not_inverted_subject(nlp):
    (c,) = [c for c in claims_of(nlp, "The minister cynically dismissed the report as propaganda.")
            if "dismissed" in c.cue.text]
    assert c.cue.text == "cynically dismissed"
    cs = claims_of(nlp, "Never has he called for a ban on the weapons.")
    assert all("he" not in c.cue.text.split() for c in cs)


def test_transcript_lines_and_not_section_titles():
    from extract.attribution import layout
    text = '"WALLACE: If I may, sir, will she be there?\n"PENCE: Well, the question really should be why.\n' \
           "The Latest: Trump urges supporters to vote.\nStealth Over Health: A headline here.\n"
    assert [sp.text for sp, _, _ in layout.colon_lines(text)] == ["WALLACE", "PENCE"]


def test_split_quote_keeps_both_pieces(nlp):
    text = '"By locking in China," Mr. Obama said, "it now allowed me to go to India."'
    (c,) = [c for c in claims_of(nlp, text) if c.cue.text == "said"]
    assert [p.text for p in c.content_spans] == ["By locking in China", "it now allowed me to go to India."]


def test_inverted_transcript_cue():
    from extract.attribution import layout
    ((sp, cue, con),) = list(layout.colon_lines("Said Ellis: “I don’t get the sense she is interested.”\n"))
    assert (sp.text, cue.text) == ("Ellis", "Said")


def test_light_verb_cue(nlp):
    cs = claims_of(nlp, "Trump is raising questions about his microphone problems.")
    c = next(c for c in cs if "raising" in c.cue.text)
    assert c.cue.text == "is raising questions about" and c.content.text == "his microphone problems"


def test_light_verb_with_clause(nlp):
    cs = claims_of(nlp, "The campaign issued a statement saying the report was false.")
    assert [(c.cue.text, c.content.text) for c in cs] == [("issued a statement saying", "the report was false")]


def test_dating_preposition_not_in_cue(nlp):
    cs = claims_of(nlp, "The minister indicated on Monday that the chances of finding survivors were diminishing.")
    assert next(c for c in cs if "indicated" in c.cue.text).cue.text == "indicated"


def test_addressee_is_not_content(nlp):
    cs = claims_of(nlp, "A hospital official told Anadolu Agency. He was told by the minister.")
    assert not [c for c in cs if c.content.text in ("Anadolu Agency", "He")]
