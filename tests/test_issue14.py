"""One end-to-end test per error class of issue 14 (attribution on other outlets), on made-up
sentences of the same shape as those seen there; run through the library's ``process_text`` with
the shipped model. The rules behind them have their own unit tests (``test_sources.py``,
``test_coreference.py``, ``test_quotes.py``, ``test_builders.py``, ``test_cleanup.py``, ...):
this file is the index a reader of the issue checks first."""
from __future__ import annotations

import pytest

from extract import process_text

HEADLINE = "Town news\n\n"


def claims(body: str, headline: str = HEADLINE):
    text = headline + body
    result = process_text(text, {"published": "2024-05-01"})
    return [dict(cue=c.cue.text, speaker=c.speaker.text if c.speaker else None, canonical=c.speaker_canonical,
                 type=c.speaker_type, content=[s.text for s in c.spans]) for c in result.claims]


def by_cue(found, cue):
    hits = [c for c in found if c["cue"].endswith(cue)]
    assert hits, f"no claim with cue {cue!r} in {found}"
    return hits[0]


# 1. actions read as statements ------------------------------------------------------------------

def test_class1_a_noun_for_a_decision_is_no_statement():
    assert claims("The decision to close the plant angered hundreds of workers.") == []


def test_class1_a_death_toll_is_no_claim():
    assert claims("The flu claimed 2,100 lives in the region last winter.") == []
    # the same verb with a statement is still a claim
    assert by_cue(claims("The mayor claimed that the flu was under control."), "claimed")["speaker"] == "The mayor"


# 2. pronouns and pairs of speakers --------------------------------------------------------------

def test_class2_two_speakers_together_are_never_one_of_them():
    (c,) = claims("Prince Harry and Prince William said they were saddened by the news.")
    assert c["canonical"] == "Prince Harry and Prince William" and c["type"] != "person"


def test_class2_a_pronoun_takes_the_one_compatible_person_named_before_it():
    found = claims('Scott Smith, 45, was arrested in May. His lawyer, Jane Doe, spoke to the court on Friday. '
                   '"The search was never lawful," she told the court.')
    assert by_cue(found, "told")["canonical"] == "Jane Doe"


# 3. short names, "it", datelines ----------------------------------------------------------------

def test_class3_a_title_and_surname_take_the_full_name():
    found = claims("Bernie Jones opened the meeting at noon. Later, Mr Jones said the budget was safe.")
    assert by_cue(found, "said")["canonical"] == "Bernie Jones"


def test_class3_it_is_the_company_just_named():
    found = claims("Acme Corp reported higher sales on Monday. It also said it would hire 200 workers.")
    c = by_cue(found, "said")
    assert c["speaker"] == "It" and c["canonical"] == "Acme Corp" and c["type"] == "organization"


def test_class3_a_dateline_is_never_speaker_nor_content():
    found = claims("SEOUL, March 5 -- North Korea fired two missiles into the sea, officials said.")
    c = by_cue(found, "said")
    assert c["speaker"] == "officials"
    assert c["content"] == ["North Korea fired two missiles into the sea"]


# 4. verbs without their own subject -------------------------------------------------------------

def test_class4_a_participle_speaks_for_the_main_clause_subject():
    c = by_cue(claims("The mayor defended the budget, arguing that it would protect local jobs."), "arguing")
    assert c["speaker"] == "The mayor"


def test_class4_prompted_to_say_gives_the_object():
    c = by_cue(claims("The ruling prompted the charities to say that the law was unfair."), "say")
    assert c["speaker"] == "the charities"


def test_class4_the_subject_of_was_told_is_the_addressee():
    c = by_cue(claims("The clerk was told he would lose his job."), "told")
    assert c["speaker"] is None


# 5. colon-introduced quotes and follow-on paragraphs --------------------------------------------

def test_class5_follow_on_paragraphs_keep_the_speaker():
    found = claims('Ms Hodge said:\n\n"We were promised a fair deal and we did not get one."\n\n'
                   '"The families deserve better than this."')
    c = by_cue(found, "said")
    assert c["speaker"] == "Ms Hodge" and c["type"] == "person"
    assert any("families deserve better" in piece for piece in c["content"])
    assert any("promised a fair deal" in piece for piece in c["content"])


# 6. content cut or taken from the wrong place ---------------------------------------------------

def test_class6_all_conjuncts_stay_in_the_content():
    c = by_cue(claims("The minister argued that taxes were too high, spending was too low and debt was rising."),
               "argued")
    assert c["content"][-1].endswith("debt was rising")


def test_class6_a_parenthetical_cue_splits_the_content_around_it():
    c = by_cue(claims("At present prices, the company said, the plan would cost $5 billion."), "said")
    assert c["content"][-1] == "the plan would cost $5 billion"


# 7. speaker spans -------------------------------------------------------------------------------

def test_class7_a_day_before_the_speaker_stays_out():
    c = by_cue(claims("On Tuesday Mr Jones denied that he had lied to the committee."), "denied")
    assert c["speaker"] == "Mr Jones"


def test_class7_a_headline_names_its_speaker_after_the_cue():
    found = claims("A former aide said the budget was safe.", headline="Budget 'safe' says ex-aide\n\n")
    c = by_cue(found, "says")
    assert c["speaker"] == "ex-aide" and c["content"] == ["Budget 'safe'"]


@pytest.mark.parametrize("headline, speaker, content", [
    ("Talks will fail, say unions\n\n", "unions", "Talks will fail"),
    ("Jane Roe says the plan will fail\n\n", "Jane Roe", "the plan will fail"),
])
def test_class7_headlines_either_way_round(headline, speaker, content):
    c = by_cue(claims("The talks resumed on Monday.", headline=headline), "say" if "say " in headline else "says")
    assert c["speaker"] == speaker and c["content"] == [content]
