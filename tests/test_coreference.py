"""Coreference for speakers (:mod:`extract.attribution.coreference`), issue 14 class 2, on made-up
text with hand-made claims and entities (no model)."""
from __future__ import annotations

from extract.attribution import coreference
from extract.records import Claim, Entity, Span, replace


def _span(text, words, nth=0):
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return Span.of(text, at, at + len(words))


def _claim(text, speaker, cue, content, canonical=None, stype="unknown", nth=0):
    sp = _span(text, speaker, nth)
    at = text.index(cue, sp.end)  # the cue after its speaker
    return Claim(cue=Span.of(text, at, at + len(cue)), content=_span(text, content), speaker=sp,
                 speaker_canonical=canonical or sp.text, speaker_type=stype)


def _person(text, name, canonical=None, nth=0):
    return Entity(_span(text, name, nth), "PERSON", canonical or name)


def _resolved(claims, entities, text):
    return {c.content.text: c.speaker_canonical for c in coreference.resolve(claims, entities, text=text)}


def test_pronoun_follows_the_salient_speaker_not_the_last_person_named():
    text = ("Jane Roe, the head of the union, spoke on Monday. Roe said the offer was an insult. "
            "Scott Smith, a lawyer for the firm, sat beside her. She told the court she was never warned.")
    claims = [_claim(text, "Roe", "said", "the offer was an insult", "Jane Roe", "person", nth=1),
              _claim(text, "She", "told", "she was never warned")]
    ents = [_person(text, "Jane Roe"), _person(text, "Roe", "Jane Roe", nth=1), _person(text, "Scott Smith")]
    got = _resolved(claims, ents, text)
    assert got["she was never warned"] == "Jane Roe"
    assert got["the offer was an insult"] == "Jane Roe"


def test_pronoun_agrees_with_the_title_of_the_speaker():
    text = "Mr. Baker said the plan was sound. Ms. Lee said it was a mistake. He said she was wrong."
    claims = [_claim(text, "Baker", "said", "the plan was sound", "Tom Baker", "person"),
              _claim(text, "Lee", "said", "it was a mistake", "Ann Lee", "person", nth=0),
              _claim(text, "He", "said", "she was wrong")]
    ents = [_person(text, "Baker", "Tom Baker"), _person(text, "Lee", "Ann Lee")]
    assert _resolved(claims, ents, text)["she was wrong"] == "Tom Baker"


def test_two_people_named_and_no_speaker_leaves_the_pronoun_as_written():
    one = "Tom Baker arrived late on Friday. He said the deal was close."
    two = "Tom Baker and Kiro Lee arrived late on Friday. He said the deal was close."
    assert _resolved([_claim(one, "He", "said", "the deal was close")], [_person(one, "Tom Baker")],
                     one)["the deal was close"] == "Tom Baker"
    claims = [_claim(two, "He", "said", "the deal was close")]
    ents = [_person(two, "Tom Baker"), _person(two, "Kiro Lee")]
    assert _resolved(claims, ents, two)["the deal was close"] == "He"


def test_two_people_named_of_whom_one_is_compatible_gives_the_pronoun_that_one():
    text = "Tom Baker and Ann Lee arrived late on Friday. He said the deal was close."
    claims = [_claim(text, "He", "said", "the deal was close")]
    ents = [_person(text, "Tom Baker"), _person(text, "Ann Lee")]
    assert _resolved(claims, ents, text)["the deal was close"] == "Tom Baker"


def test_a_pair_of_speakers_is_no_antecedent_for_he_but_is_for_they():
    text = ("Prince Tom and Ann Lee said they would move abroad. They said they wanted a quiet life. "
            "He said the house was sold.")
    pair = _claim(text, "Prince Tom and Ann Lee", "said", "they would move abroad", stype="country_or_group")
    claims = [pair, _claim(text, "They", "said", "they wanted a quiet life", nth=0),
              _claim(text, "He", "said", "the house was sold")]
    ents = [_person(text, "Tom"), _person(text, "Ann Lee")]
    got = _resolved(claims, ents, text)
    assert got["they wanted a quiet life"] == "Prince Tom and Ann Lee"
    assert got["the house was sold"] == "He"


def _typed(claims, entities, text):
    return {c.content.text: (c.speaker_canonical, c.speaker_type)
            for c in coreference.resolve(claims, entities, text=text)}


def test_a_surname_tagged_as_an_organisation_is_the_person_named_in_full():
    text = ("Dana Quill opened her campaign on Monday. Later Quill said the plan was dead. "
            "Ben Harrow spoke next. Harrow argued taxes must fall.")
    claims = [_claim(text, "Quill", "said", "the plan was dead", stype="organization", nth=1),
              _claim(text, "Harrow", "argued", "taxes must fall", stype="country_or_group", nth=1)]
    ents = [_person(text, "Dana Quill"), _person(text, "Ben Harrow")]
    got = _typed(claims, ents, text)
    assert got["the plan was dead"] == ("Dana Quill", "person")
    assert got["taxes must fall"] == ("Ben Harrow", "person")


def test_a_surname_that_is_a_country_or_begins_an_organisation_stays_as_tagged():
    text = ("Tom Israel met donors. Israel said the border was closed. Sam Quill founded a fund. "
            "Quill Capital runs it. Quill estimates the fortune at $2 billion.")
    claims = [_claim(text, "Israel", "said", "the border was closed", stype="country_or_group", nth=1),
              _claim(text, "Quill", "estimates", "the fortune at $2 billion", stype="organization", nth=2)]
    ents = [_person(text, "Tom Israel"), _person(text, "Sam Quill"),
            Entity(_span(text, "Quill Capital"), "ORG", "Quill Capital")]
    got = _typed(claims, ents, text)
    assert got["the border was closed"] == ("Israel", "country_or_group")
    assert got["the fortune at $2 billion"] == ("Quill", "organization")


def test_a_pronoun_after_a_surname_tagged_as_an_organisation_takes_the_person():
    text = ("Adam Vell led the study. Later Vell said the results were clear. "
            "\"We will go on,\" he said.")
    claims = [_claim(text, "Vell", "said", "the results were clear", stype="organization", nth=1),
              _claim(text, "he", "said", "We will go on")]
    got = _typed(claims, [_person(text, "Adam Vell")], text)
    assert got["We will go on"] == ("Adam Vell", "person")


def test_a_first_name_tells_the_gender_when_no_title_does():
    # issue 14 class 2: "She" skips the latest speaker when his first name is a man's
    text = ("Nora Pike said the budget was short. Brian Colt said the budget was fine. "
            "She said the gap would grow.")
    claims = [_claim(text, "Nora Pike", "said", "the budget was short", stype="person"),
              _claim(text, "Brian Colt", "said", "the budget was fine", stype="person"),
              _claim(text, "She", "said", "the gap would grow")]
    got = _resolved(claims, [_person(text, "Nora Pike"), _person(text, "Brian Colt")], text)
    assert got["the gap would grow"] == "Nora Pike"


def test_a_title_outranks_the_first_name():
    text = "Mr. Leslie Rowe said the vote was lost. She said it was won."
    claims = [_claim(text, "Mr. Leslie Rowe", "said", "the vote was lost", "Leslie Rowe", "person"),
              _claim(text, "She", "said", "it was won")]
    got = _resolved(claims, [_person(text, "Leslie Rowe")], text)
    assert got["it was won"] == "She"


def test_a_first_name_of_either_gender_leaves_the_speaker_compatible():
    text = "Zorvan Kell said the plan was sound. She said the plan was late."
    claims = [_claim(text, "Zorvan Kell", "said", "the plan was sound", stype="person"),
              _claim(text, "She", "said", "the plan was late")]
    got = _resolved(claims, [_person(text, "Zorvan Kell")], text)
    assert got["the plan was late"] == "Zorvan Kell"


def test_a_surname_with_a_particle_is_matched_on_both_words():
    text = "Gina La Vey opened the debate. La Vey said the tax was unfair."
    claims = [_claim(text, "La Vey", "said", "the tax was unfair", stype="organization", nth=1)]
    got = _typed(claims, [_person(text, "Gina La Vey")], text)
    assert got["the tax was unfair"] == ("Gina La Vey", "person")


def test_the_first_names_lexicon_reads_both_genders():
    names = coreference.first_names()
    assert names["brian"] == "m" and names["nora"] == "f"
    assert "jordan" not in names  # in both lists: no gender


def test_the_role_noun_takes_the_one_person_named_with_that_role():
    # issue 14 class 3: "the mayor said" after "Mayor Jane Roe", or "Jane Roe, the city's mayor,"
    for text in ("Mayor Jane Roe opened the bridge. The mayor said costs had doubled.",
                 "Jane Roe, the city's mayor, opened the bridge. The mayor said costs had doubled.",
                 "The city's mayor, Jane Roe, opened the bridge. The mayor said costs had doubled."):
        claims = [_claim(text, "The mayor", "said", "costs had doubled", stype="anonymous")]
        assert _typed(claims, [_person(text, "Jane Roe")], text)["costs had doubled"] == ("Jane Roe", "person")


def test_the_role_noun_stays_as_written_when_two_people_hold_it():
    text = "Mayor Jane Roe met Mayor Tom Pike. The mayor said costs had doubled."
    claims = [_claim(text, "The mayor", "said", "costs had doubled", stype="anonymous")]
    got = _typed(claims, [_person(text, "Jane Roe"), _person(text, "Tom Pike")], text)
    assert got["costs had doubled"] == ("The mayor", "anonymous")


def test_a_role_held_by_one_named_in_full_and_one_by_surname_is_ambiguous():
    text = "President Obama met Jim Kell, the bank's president. The president said rates would rise."
    claims = [_claim(text, "The president", "said", "rates would rise", stype="anonymous")]
    got = _typed(claims, [_person(text, "Obama"), _person(text, "Jim Kell")], text)
    assert got["rates would rise"] == ("The president", "anonymous")


def test_a_headline_fragment_or_a_month_is_no_antecedent():
    text = ("Trump Supporter Screams 1 said the rally was loud. October came. "
            "\"It was loud,\" she said.")
    claims = [_claim(text, "Trump Supporter Screams 1", "said", "the rally was loud", stype="person"),
              _claim(text, "she", "said", "It was loud")]
    got = _resolved(claims, [_person(text, "Trump Supporter Screams 1")], text)
    assert got["It was loud"] == "she"


def _org(text, name, canonical=None, nth=0):
    return Entity(_span(text, name, nth), "ORG", canonical or name)


def test_the_company_is_the_organisation_the_article_names_most():
    text = ("Velmor Foods bought a bakery in Leeds. Velmor Foods paid in cash, Dunmore Bank said. "
            "The company said the deal would add 40 jobs.")
    claims = [_claim(text, "Dunmore Bank", "said", "Velmor Foods paid in cash", stype="organization"),
              _claim(text, "The company", "said", "the deal would add 40 jobs", stype="organization")]
    ents = [_org(text, "Velmor Foods"), _org(text, "Velmor Foods", nth=1), _org(text, "Dunmore Bank")]
    got = coreference.resolve(claims, ents, text=text)
    assert {c.content.text: c.speaker_canonical for c in got}["the deal would add 40 jobs"] == "Velmor Foods"
    assert all(c.speaker_type == "organization" for c in got)


def test_the_firm_is_the_organisation_an_apposition_called_a_firm():
    text = ("Tarn Motors sold fewer cars, Tarn Motors said, according to figures from Olbey Group, a research firm. "
            "The firm said sales fell 4%.")
    claims = [_claim(text, "The firm", "said", "sales fell 4%", stype="organization")]
    ents = [_org(text, "Tarn Motors"), _org(text, "Tarn Motors", nth=1), _org(text, "Olbey Group")]
    assert _resolved(claims, ents, text)["sales fell 4%"] == "Olbey Group"


def test_the_company_stays_as_written_when_the_candidates_disagree():
    # another organisation named earlier in the speaker's own sentence
    one = "Velmor Foods bought a bakery. Velmor Foods paid cash. On the Dunmore Bank website, the company said it was pleased."
    claims = [_claim(one, "the company", "said", "it was pleased", stype="organization")]
    ents = [_org(one, "Velmor Foods"), _org(one, "Velmor Foods", nth=1), _org(one, "Dunmore Bank")]
    assert _resolved(claims, ents, one)["it was pleased"] == "the company"
    # two organisations named as often, neither speaking
    two = "Velmor Foods will buy Dunmore Bank. The company said the price was fair."
    claims = [_claim(two, "The company", "said", "the price was fair", stype="organization")]
    ents = [_org(two, "Velmor Foods"), _org(two, "Dunmore Bank")]
    assert _resolved(claims, ents, two)["the price was fair"] == "The company"
    # the most named one not named in the last sentences
    three = ("Velmor Foods grew. Velmor Foods hired. Velmor Foods sold. Prices rose. Rents rose. Dunmore Bank lent. "
             "The company said the loan was cheap.")
    claims = [_claim(three, "The company", "said", "the loan was cheap", stype="organization")]
    ents = [_org(three, "Velmor Foods", nth=k) for k in range(3)] + [_org(three, "Dunmore Bank")]
    assert _resolved(claims, ents, three)["the loan was cheap"] == "The company"


def test_the_company_tie_goes_to_the_one_that_spoke():
    text = ("Velmor Foods will buy ovens from Dunmore Tools. Dunmore Tools agreed. Velmor Foods stated it had signed. "
            "The company said it was pleased.")
    claims = [_claim(text, "Velmor Foods", "stated", "it had signed", stype="organization", nth=1),
              _claim(text, "The company", "said", "it was pleased", stype="organization")]
    ents = [_org(text, "Velmor Foods"), _org(text, "Velmor Foods", nth=1), _org(text, "Dunmore Tools"),
            _org(text, "Dunmore Tools", nth=1)]
    assert _resolved(claims, ents, text)["it was pleased"] == "Velmor Foods"
    assert _resolved(claims[1:], ents, text)["it was pleased"] == "The company"  # nobody spoke: a tie


def test_the_company_is_never_an_organisation_named_like_a_person():
    text = "Dana Velmor spoke. Velmor hired staff. Velmor paid well. The company said wages rose."
    claims = [_claim(text, "The company", "said", "wages rose", stype="organization")]
    ents = [_person(text, "Dana Velmor"), _org(text, "Velmor", nth=1), _org(text, "Velmor", nth=2)]
    assert _resolved(claims, ents, text)["wages rose"] == "The company"


def test_a_surname_takes_the_full_name_that_a_titled_subject_ends_with():
    text = "Velmor chief Dana Kiro spoke first. Dana Kiro smiled. Kiro said the plant would stay open."
    claims = [_claim(text, "Kiro", "said", "the plant would stay open", stype="organization", nth=2)]
    ents = [_person(text, "Dana Kiro", nth=1), _org(text, "Kiro", nth=2)]
    subjects = [Entity(_span(text, "Velmor chief Dana Kiro"), "PERSON", "Velmor chief Dana Kiro")]
    got = coreference.resolve(claims, ents, subjects, text)[0]
    assert (got.speaker_canonical, got.speaker_type) == ("Dana Kiro", "person")


def test_it_never_stands_for_many_or_a_long_phrase_and_they_never_for_a_quotation():
    text = "The Wall Street experts said sales would fall. It said the plan was sound."
    claims = [_claim(text, "The Wall Street experts", "said", "sales would fall", stype="organization"),
              _claim(text, "It", "said", "the plan was sound")]
    assert _resolved(claims, [], text)["the plan was sound"] == "It"
    text = "Velmor Foods spoke. A statement saying “we are sorry” was read. They said it was late."
    claims = [_claim(text, "Velmor Foods", "spoke", "Velmor", stype="organization"),
              _claim(text, "A statement saying “we are sorry”", "was read", "was"),
              _claim(text, "They", "said", "it was late")]
    claims[1] = coreference.replace(claims[1], speaker_type="organization")
    assert _resolved(claims, [], text)["it was late"] == "They"
    text = "The firm said sales would fall. It said the plan was sound."
    claims = [_claim(text, "The firm", "said", "sales would fall", "Velmor Foods", "organization"),
              _claim(text, "It", "said", "the plan was sound")]
    assert _resolved(claims, [], text)["the plan was sound"] == "Velmor Foods"


def test_they_takes_an_unnamed_group_but_not_one_unnamed_person():
    text = "The delegates said the vote was rigged. A reporter asked why. They said the count was wrong."
    claims = [_claim(text, "The delegates", "said", "the vote was rigged", stype="anonymous"),
              _claim(text, "A reporter", "asked", "why", stype="anonymous"),
              _claim(text, "They", "said", "the count was wrong")]
    assert _resolved(claims, [], text)["the count was wrong"] == "The delegates"
    text = "The public said the vote was rigged. They said the count was wrong."
    claims = [_claim(text, "The public", "said", "the vote was rigged", stype="anonymous"),
              _claim(text, "They", "said", "the count was wrong")]
    assert _resolved(claims, [], text)["the count was wrong"] == "The public"


def test_a_kin_word_before_a_name_tells_its_gender():
    text = "His wife Jane said the house was sold. He said he would move abroad."
    claims = [_claim(text, "His wife Jane", "said", "the house was sold", "Jane", "person"),
              _claim(text, "He", "said", "he would move abroad")]
    assert _resolved(claims, [_person(text, "Jane")], text)["he would move abroad"] == "He"


def test_i_inside_a_quotation_is_the_person_quoted():
    text = '"I think the plan will work," Jane Roe said. "I was told so," he said.'
    outer = _claim(text, "Jane Roe", "said", "I think the plan will work", stype="person")
    inner = replace(_claim(text, "I", "think", "the plan will work"), relayed_by=outer.cue, speaker_type="person")
    quote = _span(text, '"I think the plan will work,"')
    got = {c.cue.text: c.speaker_canonical for c in coreference.first_person_quoted([outer, inner], [quote])}
    assert got["think"] == "Jane Roe"
    # the quoted one is a pronoun no one resolved: "I" stays as written
    outer = _claim(text, "he", "said", "I was told so", stype="person")
    inner = replace(_claim(text, "I", "was told", "so", nth=1), relayed_by=outer.cue, speaker_type="person")
    got = coreference.first_person_quoted([outer, inner], [_span(text, '"I was told so,"')])
    assert got[1].speaker_canonical == "I"
