"""Speaker phrases (extract.attribution.sources) on hand-built parses of made-up sentences."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.attribution import sources


def _doc(words, heads, deps, pos, *, spaces=None, ents=None):
    spaces = spaces if spaces is not None else [True] * (len(words) - 2) + [False, False]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * (len(words) - 1), ents=ents)


def test_a_hyphenated_speaker_is_never_cut_inside_its_word():
    # "Budget safe, says ex-aide." parsed with "ex" as the subject and "-aide" hung elsewhere
    words = ["Budget", "safe", ",", "says", "ex", "-", "aide", "."]
    spaces = [True, False, True, True, False, False, False, False]
    doc = _doc(words, [1, 3, 3, 3, 3, 3, 3, 3], ["nsubj", "ccomp", "punct", "ROOT", "nsubj", "punct", "dobj", "punct"],
               ["NOUN", "ADJ", "PUNCT", "VERB", "NOUN", "PUNCT", "NOUN", "PUNCT"], spaces=spaces)
    who = sources.speaker(doc[4], [])
    assert who.span.text == "ex-aide" and who.canonical == "ex-aide"
    # a spaced dash is not part of a word: "Jane Roe - the mayor" keeps "Jane Roe" whole, nothing more
    words = ["Roe", "-", "the", "mayor", "-", "said", "so", "."]
    doc = _doc(words, [5, 0, 3, 0, 0, 5, 5, 5], ["nsubj", "punct", "det", "appos", "punct", "ROOT", "advmod", "punct"],
               ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT"])
    assert sources.speaker(doc[0], []).span.text == "Roe - the mayor"


def test_a_day_the_parser_ran_into_the_speaker_is_left_out():
    # "On Tuesday Mr Jones denied it." parsed with "On Tuesday" inside the subject
    words = ["On", "Tuesday", "Mr", "Jones", "denied", "it", "."]
    doc = _doc(words, [3, 0, 3, 4, 4, 4, 4], ["prep", "pobj", "compound", "nsubj", "ROOT", "dobj", "punct"],
               ["ADP", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"], ents=["O", "B-DATE", "O", "O", "O", "O", "O"])
    assert sources.speaker(doc[3], []).span.text == "Mr Jones"
    # a bare year stays: "2016 Democrats said" (PolNeAR keeps it)
    words = ["2016", "Democrats", "said", "no", "."]
    doc = _doc(words, [1, 2, 2, 2, 2], ["nummod", "nsubj", "ROOT", "dobj", "punct"],
               ["NUM", "PROPN", "VERB", "INTJ", "PUNCT"], ents=["B-DATE", "O", "O", "O", "O"])
    assert sources.speaker(doc[1], []).span.text == "2016 Democrats"


def test_a_dateline_is_never_the_canonical_speaker():
    # "SPRINGFIELD - Mayor Jane Roe said no." parsed with the place as subject, the name its appositive
    words = ["SPRINGFIELD", "-", "Mayor", "Jane", "Roe", "said", "no", "."]
    doc = _doc(words, [5, 0, 4, 4, 0, 5, 5, 5], ["nsubj", "punct", "compound", "compound", "appos", "ROOT", "dobj", "punct"],
               ["PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT"],
               ents=["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    assert sources.past_dateline(doc[0]).text == "Roe"
    who = sources.speaker(doc[0], [])
    assert who.span.text == "SPRINGFIELD - Mayor Jane Roe"  # as written, as PolNeAR marks it
    assert who.canonical == "Jane Roe" and who.role == "Mayor" and "SPRINGFIELD" not in who.canonical
    # a subject that is no dateline is its own head
    assert sources.past_dateline(doc[4]).text == "Roe"


def test_two_sources_speaking_together_are_a_group_not_one_of_them():
    # "Prince Harold and Queen Mary said no."
    words = ["Prince", "Harold", "and", "Queen", "Mary", "said", "no", "."]
    doc = _doc(words, [1, 5, 1, 4, 1, 5, 5, 5], ["compound", "nsubj", "cc", "compound", "conj", "ROOT", "dobj", "punct"],
               ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT"])
    who = sources.speaker(doc[1], [])
    assert who.span.text == "Prince Harold and Queen Mary"
    assert who.canonical == "Prince Harold and Queen Mary" and who.type == "country_or_group"
    # one source alone keeps its own name
    assert sources.speaker(doc[4], []).canonical == "Queen Mary"


def test_a_day_hung_on_the_speaker_is_left_out_but_a_poll_keeps_its_date():
    # "Jane Roe on Tuesday said no ." with "on Tuesday" hung on the name
    words = ["Jane", "Roe", "on", "Tuesday", "said", "no", "."]
    doc = _doc(words, [1, 4, 1, 2, 4, 4, 4], ["compound", "nsubj", "prep", "pobj", "ROOT", "intj", "punct"],
               ["PROPN", "PROPN", "ADP", "PROPN", "VERB", "INTJ", "PUNCT"],
               ents=["B-PERSON", "I-PERSON", "O", "B-DATE", "O", "O", "O"])
    assert sources.speaker(doc[1], []).span.text == "Jane Roe"
    # "A poll in June showed gains .": the date names the poll (PolNeAR keeps it)
    words = ["A", "poll", "in", "June", "showed", "gains", "."]
    doc = _doc(words, [1, 4, 1, 2, 4, 4, 4], ["det", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"],
               ["DET", "NOUN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"],
               ents=["O", "O", "O", "B-DATE", "O", "O", "O"])
    assert sources.speaker(doc[1], []).span.text == "A poll in June"
    # a place is no day: "Jane Roe in Ohio said no" keeps it
    words = ["Jane", "Roe", "in", "Ohio", "said", "no", "."]
    doc = _doc(words, [1, 4, 1, 2, 4, 4, 4], ["compound", "nsubj", "prep", "pobj", "ROOT", "intj", "punct"],
               ["PROPN", "PROPN", "ADP", "PROPN", "VERB", "INTJ", "PUNCT"],
               ents=["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O"])
    assert sources.speaker(doc[1], []).span.text == "Jane Roe in Ohio"


def test_an_aside_after_a_one_word_name_is_left_out_but_kept_after_a_full_name():
    # "Roe , who won , said no ." : a later mention by surname, the relative clause an aside
    words = ["Roe", ",", "who", "won", ",", "said", "no", "."]
    doc = _doc(words, [5, 0, 3, 0, 0, 5, 5, 5], ["nsubj", "punct", "nsubj", "relcl", "punct", "ROOT", "intj", "punct"],
               ["PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "VERB", "INTJ", "PUNCT"],
               spaces=[False, True, True, False, True, True, False, False])
    doc[2].tag_ = "WP"
    assert sources.speaker(doc[0], []).span.text == "Roe"
    # "Jane Roe , who won , said no ." : a first mention keeps its clause, as PolNeAR mostly does
    words = ["Jane", "Roe", ",", "who", "won", ",", "said", "no", "."]
    doc = _doc(words, [1, 6, 1, 4, 1, 1, 6, 6, 6],
               ["compound", "nsubj", "punct", "nsubj", "relcl", "punct", "ROOT", "intj", "punct"],
               ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "VERB", "INTJ", "PUNCT"],
               spaces=[True, False, True, True, False, True, True, False, False])
    assert sources.speaker(doc[1], []).span.text == "Jane Roe, who won"


def test_what_a_speaker_speaks_in_is_left_out():
    # "Jane Roe in an interview said no ." with "in an interview" hung on the name
    words = ["Jane", "Roe", "in", "an", "interview", "said", "no", "."]
    doc = _doc(words, [1, 5, 1, 4, 2, 5, 5, 5], ["compound", "nsubj", "prep", "det", "pobj", "ROOT", "intj", "punct"],
               ["PROPN", "PROPN", "ADP", "DET", "NOUN", "VERB", "INTJ", "PUNCT"])
    assert sources.speaker(doc[1], []).span.text == "Jane Roe"
    # a report keeps where it appeared: "A footnote in the report said no"
    words = ["A", "footnote", "in", "the", "report", "said", "no", "."]
    doc = _doc(words, [1, 5, 1, 4, 2, 5, 5, 5], ["det", "nsubj", "prep", "det", "pobj", "ROOT", "intj", "punct"],
               ["DET", "NOUN", "ADP", "DET", "NOUN", "VERB", "INTJ", "PUNCT"])
    assert sources.speaker(doc[1], []).span.text == "A footnote in the report"


def _quick_doc(subject: str, adjective: str) -> Doc:
    """"<subject> was <adjective> to point out that the plan failed ." as the parser reads it."""
    words = [subject, "was", adjective, "to", "point", "out", "that", "the", "plan", "failed", "."]
    return _doc(words, heads=[1, 1, 1, 4, 2, 4, 9, 8, 9, 4, 1],
                deps=["nsubj", "ROOT", "acomp", "aux", "xcomp", "prt", "mark", "det", "nsubj", "ccomp", "punct"],
                pos=["PROPN", "AUX", "ADJ", "PART", "VERB", "ADP", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"])


def test_the_subject_of_a_copula_speaks_through_its_adjective():
    # "Roe was quick to point out that ...": Roe points it out
    doc = _quick_doc("Roe", "quick")
    assert sources.subject_of(doc[4]).text == "Roe"
    # "It was hard to point out that ...": no one
    doc = _quick_doc("It", "hard")
    assert sources.subject_of(doc[4]) is None


def test_a_participle_on_any_noun_takes_it_for_its_subject():
    # "a statement saying that ...", "voters backing the plan": the noun the participle modifies
    words = ["They", "cited", "voters", "backing", "the", "plan", "."]
    doc = _doc(words, heads=[1, 1, 1, 2, 5, 3, 1], deps=["nsubj", "ROOT", "dobj", "acl", "det", "dobj", "punct"],
               pos=["PRON", "VERB", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    doc[3].tag_ = "VBG"
    assert sources.subject_of(doc[3]).text == "voters"
    # not a participle hung on an adjective or a verb
    doc = _doc(words, heads=[1, 1, 1, 2, 5, 3, 1], deps=["nsubj", "ROOT", "dobj", "acl", "det", "dobj", "punct"],
               pos=["PRON", "VERB", "ADJ", "VERB", "DET", "NOUN", "PUNCT"])
    doc[3].tag_ = "VBG"
    assert sources.subject_of(doc[3]) is None


def test_a_participle_of_saying_on_the_people_a_message_went_to_speaks_for_the_sender():
    # "The senator emailed supporters saying ...": the senator speaks, not the supporters
    words = ["The", "senator", "emailed", "supporters", "saying", "it", "continues", "."]
    doc = _doc(words, heads=[1, 2, 2, 2, 3, 6, 4, 2],
               deps=["det", "nsubj", "ROOT", "dobj", "acl", "nsubj", "ccomp", "punct"],
               pos=["DET", "NOUN", "VERB", "NOUN", "VERB", "PRON", "VERB", "PUNCT"])
    doc[3].tag_, doc[3].lemma_, doc[4].tag_, doc[4].lemma_ = "NNS", "supporter", "VBG", "say"
    assert sources.subject_of(doc[4]).text == "senator"
    # "The campaign sent a text to donors saying ...": through the message to the verb that sent it
    words = ["The", "campaign", "sent", "a", "text", "to", "donors", "saying", "it", "won", "."]
    doc = _doc(words, heads=[1, 2, 2, 4, 2, 4, 5, 6, 9, 7, 2],
               deps=["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "acl", "nsubj", "ccomp", "punct"],
               pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "VERB", "PRON", "VERB", "PUNCT"])
    doc[6].tag_, doc[6].lemma_, doc[7].tag_, doc[7].lemma_ = "NNS", "donor", "VBG", "say"
    assert sources.subject_of(doc[7]).text == "campaign"
    # people who chant are not a message's readers: "She waved to supporters chanting ..." keeps them
    words = ["She", "waved", "to", "supporters", "chanting", "it", "."]
    doc = _doc(words, heads=[1, 1, 1, 2, 3, 4, 1], deps=["nsubj", "ROOT", "prep", "pobj", "acl", "dobj", "punct"],
               pos=["PRON", "VERB", "ADP", "NOUN", "VERB", "PRON", "PUNCT"])
    doc[3].tag_, doc[3].lemma_, doc[4].tag_, doc[4].lemma_ = "NNS", "supporter", "VBG", "chant"
    assert sources.subject_of(doc[4]).text == "supporters"
    # a sign is no reader: "He held up a sign saying ..." keeps the sign
    words = ["He", "held", "a", "sign", "saying", "it", "."]
    doc = _doc(words, heads=[1, 1, 3, 1, 3, 4, 1], deps=["nsubj", "ROOT", "det", "dobj", "acl", "dobj", "punct"],
               pos=["PRON", "VERB", "DET", "NOUN", "VERB", "PRON", "PUNCT"])
    doc[3].tag_, doc[4].tag_, doc[4].lemma_ = "NN", "VBG", "say"
    assert sources.subject_of(doc[4]).text == "sign"

def test_a_person_named_beside_a_person_noun_is_a_person_whatever_ner_said():
    from extract.attribution.sources import _a_person

    words = ["Cattelan", ",", "the", "spokesman", ",", "said", "it", "was", "art", "."]
    doc = Doc(Vocab(), words=words, spaces=[False, True, True, False, True, True, True, True, False, False],
              heads=[5, 0, 3, 0, 0, 5, 7, 5, 7, 5], deps=["nsubj", "punct", "det", "appos", "punct", "ROOT", "nsubj",
                                                         "ccomp", "attr", "punct"],
              pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX", "NOUN", "PUNCT"],
              lemmas=["Cattelan", ",", "the", "spokesman", ",", "say", "it", "be", "art", "."],
              ents=["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"])
    assert _a_person(doc[0], None)
    bare = Doc(Vocab(), words=["NPR", ",", "spokesman", "X", "said"], heads=[4, 0, 0, 2, 4],
               deps=["nsubj", "punct", "appos", "appos", "ROOT"], pos=["PROPN", "PUNCT", "NOUN", "PROPN", "VERB"],
               lemmas=["NPR", ",", "spokesman", "X", "say"], ents=["B-ORG", "O", "O", "O", "O"])
    assert not _a_person(bare[0], None)


def test_the_role_of_a_person_named_after_the_noun_is_the_phrase_before_the_name():
    from extract.records import Entity, Span

    text = "The agency's director, Dr. John Brown"
    span, full = Span.of(text, 0, 22), Span.of(text, 0, len(text))
    name = Entity(Span.of(text, 27, 37), "PERSON", "John Brown")
    assert sources.role(span, name, full) == "The agency's director"


def _titled(words, heads, deps, pos, ents=None):
    return sources.speaker(_doc(words, heads, deps, pos, ents=ents)[[d for d in deps].index("nsubj")], [])


def test_a_name_after_a_title_is_the_speaker_when_ner_glued_them():
    # "First Minister of Scotland Nicola Sturgeon said so." with the name hung under "of"
    words = ["First", "Minister", "of", "Scotland", "Nicola", "Sturgeon", "said", "so", "."]
    heads = [1, 6, 1, 5, 5, 2, 6, 6, 6]
    deps = ["compound", "nsubj", "prep", "compound", "compound", "pobj", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    who = _titled(words, heads, deps, pos, ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"])
    assert (who.canonical, who.type, who.role) == ("Nicola Sturgeon", "person", "First Minister of Scotland")


def test_a_role_then_a_name_in_apposition_gives_the_name():
    words = ["Another", "witness", ",", "Nicole", "Vane", ",", "said", "so", "."]
    heads = [1, 6, 1, 4, 1, 1, 6, 6, 6]
    deps = ["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "advmod", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "ADV", "PUNCT"]
    who = _titled(words, heads, deps, pos)
    assert (who.canonical, who.type, who.role) == ("Nicole Vane", "person", "Another witness")


def test_no_name_is_taken_from_a_pair_or_from_a_phrase_the_person_is_not_head_of():
    # "Hume and Chris Wallace": a pair; "a spokesman for ...": the name is not the speaker's
    words = ["Brit", "Hume", "and", "Chris", "Wallace", "said", "so", "."]
    heads = [1, 5, 1, 4, 1, 5, 5, 5]
    deps = ["compound", "nsubj", "cc", "compound", "conj", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    assert _titled(words, heads, deps, pos).canonical != "Chris Wallace"
    words = ["The", "office", "of", "Chris", "Wallace", "said", "so", "."]
    heads = [1, 5, 1, 4, 2, 5, 5, 5]
    deps = ["det", "nsubj", "prep", "compound", "pobj", "ROOT", "advmod", "punct"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    assert _titled(words, heads, deps, pos).type != "person"


def test_a_country_is_no_first_name():
    # "Prime Minister of India Narendra Modi": "India" is in the lists of girls' names
    words = ["Minister", "of", "India", "Narendra", "Modi", "said", "so", "."]
    heads = [5, 0, 4, 4, 1, 5, 5, 5]
    deps = ["nsubj", "prep", "compound", "compound", "pobj", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    assert sources._name_at_end(sources.phrase(_doc(words, heads, deps, pos)[0]), _doc(words, heads, deps, pos)[0]) is None


def test_part_of_phrases_and_people_nouns_are_typed():
    # "Some of the protesters said no." : typed by the whole, protesters, unnamed people
    words = ["Some", "of", "the", "protesters", "said", "no", "."]
    doc = _doc(words, [4, 0, 3, 1, 4, 4, 4], ["nsubj", "prep", "det", "pobj", "ROOT", "dobj", "punct"],
               ["DET", "ADP", "DET", "NOUN", "VERB", "INTJ", "PUNCT"])
    doc[3].lemma_ = "protester"
    assert sources.speaker(doc[0], []).type == "anonymous"
    # "About 54 percent of voters said no." : a share of voters
    words = ["About", "54", "percent", "of", "voters", "said", "no", "."]
    doc = _doc(words, [1, 2, 5, 2, 3, 5, 5, 5], ["advmod", "nummod", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"],
               ["ADV", "NUM", "NOUN", "ADP", "NOUN", "VERB", "INTJ", "PUNCT"])
    doc[4].lemma_ = "voter"
    assert sources.speaker(doc[2], []).type == "anonymous"
    # "A reporter asked why." : a person not named
    words = ["A", "reporter", "asked", "why", "."]
    doc = _doc(words, [1, 2, 2, 2, 2], ["det", "nsubj", "ROOT", "advmod", "punct"], ["DET", "NOUN", "VERB", "ADV", "PUNCT"])
    assert sources.speaker(doc[1], []).type == "anonymous"


def test_a_capital_that_only_opens_the_sentence_is_no_proper_modifier():
    # "Many residents said no." : not an organization ("Norwegian residents" would be)
    words = ["Many", "residents", "said", "no", "."]
    doc = _doc(words, [1, 2, 2, 2, 2], ["amod", "nsubj", "ROOT", "dobj", "punct"], ["ADJ", "NOUN", "VERB", "INTJ", "PUNCT"])
    doc[1].lemma_ = "resident"
    assert sources.speaker(doc[1], []).type == "anonymous"
    words = ["They", "said", "Norwegian", "residents", "left", "."]
    doc = _doc(words, [1, 1, 3, 4, 1, 1], ["nsubj", "ROOT", "amod", "nsubj", "ccomp", "punct"],
               ["PRON", "VERB", "ADJ", "NOUN", "VERB", "PUNCT"])
    doc[3].lemma_ = "resident"
    assert sources.speaker(doc[3], []).type == "organization"
    # opening the sentence, a nationality's ending still tells a proper adjective NER missed
    words = ["Norwegian", "residents", "said", "no", "."]
    doc = _doc(words, [1, 2, 2, 2, 2], ["amod", "nsubj", "ROOT", "dobj", "punct"], ["ADJ", "NOUN", "VERB", "INTJ", "PUNCT"])
    doc[1].lemma_ = "resident"
    assert sources.speaker(doc[1], []).type == "organization"


def _ent(doc, i, j, label="PERSON"):
    from extract.records import Entity, Span
    return Entity(Span.of(doc.text, doc[i].idx, doc[j - 1].idx + len(doc[j - 1])), label, doc[i:j].text)


def test_the_name_the_head_is_in_outranks_a_longer_name_beside_it():
    # "Kamloops RCMP Constable Gary Gray said no." with NER's two names: "Kamloops RCMP Constable", "Gary Gray"
    words = ["Kamloops", "RCMP", "Constable", "Gary", "Gray", "said", "no", "."]
    doc = _doc(words, [2, 2, 4, 4, 5, 5, 5, 5], ["compound", "compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"],
               ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT"])
    who = sources.speaker(doc[4], [_ent(doc, 0, 3), _ent(doc, 3, 5)])
    assert who.canonical == "Gary Gray" and who.type == "person"


def test_a_name_in_apposition_names_any_noun_head():
    # "“No,” said UCL astronomer Jane Roe." parsed with the name as an apposition of "astronomer"
    words = ["“", "No", ",", "”", "said", "UCL", "astronomer", "Jane", "Roe", "."]
    spaces = [False, False, False, True, True, True, True, True, False, False]
    doc = _doc(words, [4, 4, 4, 4, 4, 6, 4, 8, 6, 4],
               ["punct", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "compound", "appos", "punct"],
               ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "PROPN", "NOUN", "PROPN", "PROPN", "PUNCT"], spaces=spaces)
    who = sources.speaker(doc[6], [_ent(doc, 5, 6, "ORG"), _ent(doc, 7, 9)])
    assert who.canonical == "Jane Roe" and who.type == "person" and who.role == "UCL astronomer"


def test_the_entities_touching_a_phrase_are_found_in_their_order():
    import random

    from extract.attribution.sources import _touching
    from extract.records import Entity, Span

    rng = random.Random(7)
    for _ in range(200):
        starts = [rng.randint(0, 200) for _ in range(rng.randint(0, 25))]
        ents = tuple(Entity(Span(a, a + rng.randint(1, 25), "x"), "PERSON", "x") for a in starts)
        for _ in range(20):
            lo = rng.randint(0, 220)
            hi = lo + rng.randint(0, 40)
            want = [e for e in ents if e.span.start < hi and lo < e.span.end]
            assert _touching(ents, lo, hi) == want == _touching(list(ents), lo, hi)
