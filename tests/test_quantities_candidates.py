"""Candidates on small hand-built docs (words only, or with entities): qualifiers, ranges,
fractions, vague counts and what is no count. Sentences are made up."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.quantities.candidates import (Candidate, blocked_tokens, is_fraction, not_a_count, number_candidate,
                                           qualifier_around, vague_count)

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num), no model


def doc(text, ents=None, lemmas=None, pos=None):
    """Words split on spaces; a hyphen is glued to both neighbours ("twenty - one" is "twenty-one")."""
    words = text.split()
    spaces = [i + 1 < len(words) and "-" not in (w, words[i + 1]) for i, w in enumerate(words)]
    return Doc(VOCAB, words=words, spaces=spaces, ents=ents, lemmas=lemmas, pos=pos)


def test_qualifier_words_before_and_after():
    assert qualifier_around(doc("at least 40 people"), 2, 3) == ("at_least", 0)
    assert qualifier_around(doc("some 40 people"), 1, 2) == ("approximate", 0)
    assert qualifier_around(doc("40 or more people"), 0, 1) == ("at_least", 0)
    assert qualifier_around(doc("no fewer than 40 people"), 3, 4) == ("at_least", 0)
    assert qualifier_around(doc("the 40 people"), 1, 2) == ("exact", 1)


def test_ranges():
    d = doc("between 10 and 20 residents")
    assert number_candidate(d, 1, 2) == Candidate(0, 4, None, 10, 20, "range", number_end=2, hint=10)
    d = doc("from 1 to 1.5 million homes")
    c = number_candidate(d, 1, 2)
    assert (c.start, c.end, c.low, c.high, c.qualifier) == (0, 5, 1e6, 1.5e6, "range")
    d = doc("from $ 750,000 to $ 1 million")
    c = number_candidate(d, 2, 3)
    assert (c.low, c.high, c.unit) == (750_000, 1e6, "USD")


def test_number_phrases():
    from extract.quantities.candidates import phrase_end

    assert phrase_end(doc("twenty - one years"), 0) == 3
    assert phrase_end(doc("a hundred and two of those"), 1) == 4
    assert phrase_end(doc("two and a half miles"), 0) == 4
    assert phrase_end(doc("one and one - half times"), 0) == 5
    assert phrase_end(doc("it is 2 1/2 in thick"), 2) == 4
    assert phrase_end(doc("it cost 10 000 dollars"), 2) == 4
    d = doc("one third party and two thirds of voters", pos=["NUM", "ADJ", "NOUN", "CCONJ", "NUM", "NOUN", "ADP", "NOUN"])
    assert phrase_end(d, 0) == 1 and phrase_end(d, 4) == 6  # "third party" is no fraction


def test_alternatives_as_ranges():
    c = number_candidate(doc("he called three or four times"), 2, 3)
    assert (c.low, c.high, c.qualifier, c.end) == (3, 4, "range", 5)
    c = number_candidate(doc("it aged 12 or 11 years"), 2, 3)  # descending: two numbers
    assert (c.value, c.qualifier, c.end) == (12, "exact", 3)


def test_unit_words_between_the_numbers_of_a_range():
    c = number_candidate(doc("a five per cent to 20 per cent rebound"), 1, 2)
    assert (c.low, c.high, c.end) == (5, 20, 6)
    c = number_candidate(doc("she leads 49 percent to 42 percent"), 2, 3)  # a poll: descending, no range
    assert (c.value, c.qualifier, c.end) == (49, "exact", 3)


def test_a_change_and_a_level_are_two_numbers():
    """ "rose by $43.6bn to $419.2bn": the first number is the change, not a range's low end."""
    d = doc("rose by $43.6bn to $419.2bn")
    c = number_candidate(d, 2, 3)
    assert (c.value, c.low, c.high, c.qualifier, c.unit, c.end) == (43.6e9, 43.6e9, 43.6e9, "exact", "USD", 3)


def test_bounds_follow_the_qualifier():
    c = number_candidate(doc("up to 90 workers"), 2, 3)
    assert (c.value, c.low, c.high, c.qualifier, c.start) == (90, None, 90, "at_most", 0)
    c = number_candidate(doc("more than 90 workers"), 2, 3)
    assert (c.value, c.low, c.high, c.qualifier) == (90, 90, None, "more_than")
    c = number_candidate(doc("~ 90 workers".replace("~ ", "~")), 0, 1)
    assert (c.value, c.qualifier) == (90, "approximate")


def test_vague_counts():
    assert vague_count(doc("dozens of people"), 0) == (1, 12.0, 120.0)
    assert vague_count(doc("tens of thousands of people"), 0) == (3, 1e4, 1e5)
    d = doc("five hundreds and hundreds of people")
    assert vague_count(d, 1) is None and vague_count(d, 3) == (4, 100.0, 1000.0)


def test_fractions():
    d = doc("on the third of May a third of voters left")
    assert not is_fraction(d, 2) and is_fraction(d, 6)
    assert is_fraction(doc("half of them"), 0)


def test_what_is_no_count():
    d = doc("No one came but one of them did")
    assert not_a_count(d, 1, 2) and not not_a_count(d, 4, 5)
    d = doc("See section 5 and 12 pages")
    assert not_a_count(d, 2, 3) and not not_a_count(d, 4, 5)
    d = doc("It opened in 2019 with 2019 % growth")
    assert not_a_count(d, 3, 4) and not not_a_count(d, 5, 6)


def test_blocked_calendar_numbers_but_not_durations():
    d = doc("on March 5 after three years", ents=["O", "B-DATE", "I-DATE", "O", "B-DATE", "I-DATE"],
            lemmas=["on", "March", "5", "after", "three", "year"])
    assert blocked_tokens(d) == {2}  # the day of the month; "three years" is an amount of time
