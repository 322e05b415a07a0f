"""Attributions the page layout makes (:mod:`extract.attribution.layout`): made-up text only."""
from __future__ import annotations

import pytest

from extract.attribution import layout, quotes


def _signed(text):
    return [(sp.text, cue.text, q.text) for sp, cue, q in layout.signed_quotes(text, quotes.find(text))]


def test_quotation_paragraph_signed_in_the_next_paragraph():
    text = ("The claims of the night, checked.\n\n"
            "\"Most of the new jobs in this state went to people who live across the border.\"\n\n"
            "- Tom Baker.\n\nThe figure is out of date.")
    assert _signed(text) == [("Tom Baker", "-",
                              "Most of the new jobs in this state went to people who live across the border.")]


def test_signature_on_the_quotation_line_with_a_description():
    text = "The best lines of the week.\n\n“We will not stop until every road is paved.” —Jane Roe, Ohio.\n\nMore soon."
    assert _signed(text) == [("Jane Roe", "—", "We will not stop until every road is paved.")]


def test_byline_after_the_writers_own_paragraph_signs_no_quotation():
    text = ("“We will not stop until every road is paved.” —Jane Roe, Ohio.\n\n"
            "Roads were discussed at length, and the mayor said “nothing is settled yet” today.\n\n- Amber Lane.")
    signed = _signed(text)
    assert [s[0] for s in signed] == ["Jane Roe"]  # found where the quotation is the paragraph ...
    assert not any(s[0] == "Amber Lane" for s in signed)  # ... and not for a quotation inside a sentence


def test_quotation_followed_by_its_own_cue_is_not_signed():
    text = "“We will not stop until every road is paved,” Jane Roe said.\n\n- Tom Baker.\n\n“Nor will we rest.” - Ann Lee."
    signed = _signed(text)
    assert [s[0] for s in signed] == ["Ann Lee"]
    assert not any(s[0] == "Tom Baker" for s in signed)


def test_headline_quoting_its_speaker_after_a_colon(nlp):
    from extract import attribution, entities

    text = "Jane Roe on the city budget: ‘We will not back down.’\n\nThe council met on Monday to vote."
    doc = nlp(text)
    cs = attribution.extract(doc, entities.extract(doc))
    c = next(c for c in cs if c.rule == "layout:headline")
    assert c.speaker.text == "Jane Roe" and c.cue.text == ":" and c.content.text == "We will not back down."


@pytest.mark.parametrize("text, speaker", [
    ("Mayor Ann Lee On Taxes: ‘We Will Not Raise Them.’\n\nThe mayor spoke on Friday.", "Mayor Ann Lee"),
    ("Fairbrook on Her Budget Plan: ‘We Will Not Back Down.’\n\nSenator Ann Fairbrook spoke on Friday.", "Fairbrook"),
])
def test_headline_speaker_on_a_title_cased_topic(nlp, text, speaker):
    # a title-cased topic ("On Taxes") is no "NAME: text" line; a name the tagger read as an adjective
    # or verb before "on" speaks when the article names a person with it
    from extract import attribution, entities

    doc = nlp(text)
    cs = attribution.extract(doc, entities.extract(doc))
    c = next(c for c in cs if c.rule == "layout:headline")
    assert c.speaker.text == speaker and c.cue.text == ":" and c.content.text.startswith("We Will Not")


def test_headline_colon_without_a_quotation_is_left_to_the_name_rule(nlp):
    from extract.attribution import candidates
    from extract import entities

    text = "Jane Roe: We Will Not Back Down.\n\nThe council met on Monday to vote."
    doc = nlp(text)
    cs, _ = candidates(doc, entities.extract(doc))
    assert any(c.rule == "layout:colon" and c.speaker.text == "Jane Roe" for c in cs)
    assert not any(c.rule == "layout:headline" for c in cs)


def test_list_of_names_under_a_label_is_no_statement():
    text = ("Board Members: Ann Lee, Tom Baker, Jo Roe, Sam Hill Jr., Eve Park.\n\n"
            "Tom Baker: We will win this county and the next one.")
    found = [(sp.text, con.text) for sp, _, con in layout.colon_lines(text)]
    assert ("Tom Baker", "We will win this county and the next one.") in found
    assert not any(sp == "Board Members" for sp, _ in found)


def test_a_caption_glued_to_its_credit_is_no_statement():
    text = ("Former contractor Jane Roe.Image: Some Agency.\n\n"
            "Tom Baker: We will win this county and the next one.")
    found = [(sp.text, con.text) for sp, _, con in layout.colon_lines(text)]
    assert found == [("Tom Baker", "We will win this county and the next one.")]


def test_a_caption_run_into_its_credit_label_is_no_statement():
    text = ("Gloria RiverImage: Some Photographer.\n\n"
            "Old Town Square. Photo: City Archive.\n\n"
            "Party Chairman Sam Hill Image: Campaign handout.\n\n"
            "Tom Baker: We will win this county and the next one.")
    found = [(sp.text, con.text) for sp, _, con in layout.colon_lines(text)]
    assert found == [("Tom Baker", "We will win this county and the next one.")]


def test_a_name_ending_like_a_credit_word_still_speaks():
    found = [sp.text for sp, _, _ in layout.colon_lines("Jo Profile: I never said that.\n\nANN FILEY: Yes you did.")]
    assert found == ["Jo Profile", "ANN FILEY"]


def test_colon_line_with_a_party_tag_and_a_quotation_right_after_the_colon():
    text = ("The exchange went on.\n\nRep. Ann Lee (R-S.C.):\"I have not heard that figure. Who told you that?\"\n\n"
            "Jane Roe (D): We disagree.")
    lines = [(a.text, b.text, c.text) for a, b, c in layout.colon_lines(text)]
    assert ("Rep. Ann Lee (R-S.C.)", ":", "\"I have not heard that figure. Who told you that?\"") in lines
    assert ("Jane Roe (D)", ":", "We disagree.") in lines
