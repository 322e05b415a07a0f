"""Claim builders (extract.attribution.builders) on hand-built Docs of made-up sentences."""
from __future__ import annotations

import dataclasses

import spacy
from spacy.tokens import Doc

from extract.attribution import builders, cues
from extract.attribution.common import Context


def _ctx(doc: Doc) -> Context:
    # the shipped tables, without the learnt check, so that the rules are what is tested
    lex = dataclasses.replace(cues.lexicon(), claims=None)
    return Context(doc=doc, text=doc.text, entities=(), lexicon=lex)


def called_for_doc() -> Doc:
    """"The mayor called for the council to resign ." as the parser reads it: "for ... to resign"
    an adverbial clause marked by "for", not the verb's preposition."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["The", "mayor", "called", "for", "the", "council", "to", "resign", "."],
               heads=[1, 2, 2, 7, 5, 7, 7, 2, 2],
               deps=["det", "nsubj", "ROOT", "mark", "det", "nsubj", "aux", "advcl", "punct"],
               pos=["DET", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "PART", "VERB", "PUNCT"],
               tags=["DT", "NN", "VBD", "IN", "DT", "NN", "TO", "VB", "."],
               lemmas=["the", "mayor", "call", "for", "the", "council", "to", "resign", "."])


def test_called_for_a_clause_is_a_claim():
    doc = called_for_doc()
    claim = builders.verb_claim(doc[2], _ctx(doc))
    assert claim is not None and claim.rule == "verb:for"
    assert claim.content.text == "the council to resign"
    assert claim.cue.text == "called for"
    assert claim.speaker is not None and claim.speaker.text == "The mayor"


def test_for_clause_far_from_the_verb_is_not_content():
    # "The mayor called the council before dawn for them to resign": only a clause right after the
    # verb is its content; here the object stands between (positive case on the same verb above)
    doc = called_for_doc()
    assert builders._for_clause(doc[2]) is not None
    vocab = spacy.blank("en").vocab
    far = Doc(vocab, words=["The", "mayor", "waited", "long", "days", "for", "them", "to", "leave", "."],
              heads=[1, 2, 2, 4, 2, 8, 8, 8, 2, 2],
              deps=["det", "nsubj", "ROOT", "amod", "dobj", "mark", "nsubj", "aux", "advcl", "punct"],
              pos=["DET", "NOUN", "VERB", "ADJ", "NOUN", "SCONJ", "PRON", "PART", "VERB", "PUNCT"],
              tags=["DT", "NN", "VBD", "JJ", "NNS", "IN", "PRP", "TO", "VB", "."],
              lemmas=["the", "mayor", "wait", "long", "day", "for", "they", "to", "leave", "."])
    assert builders._for_clause(far[2]) is None


def attack_doc() -> Doc:
    """"Her attack on the plan angered aides ." """
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["Her", "attack", "on", "the", "plan", "angered", "aides", "."],
               heads=[1, 5, 1, 4, 2, 5, 5, 5],
               deps=["poss", "nsubj", "prep", "det", "pobj", "ROOT", "dobj", "punct"],
               pos=["PRON", "NOUN", "ADP", "DET", "NOUN", "VERB", "NOUN", "PUNCT"],
               tags=["PRP$", "NN", "IN", "DT", "NN", "VBD", "NNS", "."],
               lemmas=["her", "attack", "on", "the", "plan", "anger", "aide", "."])


def test_possessed_noun_takes_the_object_of_a_learnt_preposition():
    doc = attack_doc()
    ctx = _ctx(doc)
    learnt = dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, noun_preps={("attack", "on"): 0.5}))
    claim = builders.noun_claim(doc[1], learnt)
    assert claim is not None and claim.cue.text == "attack on" and claim.content.text == "the plan"
    assert claim.speaker is not None and claim.speaker.text == "Her"
    # the same noun and preposition, rarely content on the training data: no claim
    rare = dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, noun_preps={("attack", "on"): 0.1}))
    assert builders.noun_claim(doc[1], rare) is None


def test_passive_agents_by_stays_out_of_the_cue():
    """"The plan was endorsed by the mayor .": the mayor is the source, the plan the content, the
    cue "was endorsed" without the agent's "by"."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["The", "plan", "was", "endorsed", "by", "the", "mayor", "."],
              heads=[1, 3, 3, 3, 3, 6, 4, 3],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
              pos=["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
              tags=["DT", "NN", "VBD", "VBN", "IN", "DT", "NN", "."],
              lemmas=["the", "plan", "be", "endorse", "by", "the", "mayor", "."])
    claim = builders.verb_claim(doc[3], _ctx(doc))
    assert claim is not None and claim.rule == "verb:passive"
    assert claim.cue.text == "was endorsed"
    assert claim.speaker is not None and claim.speaker.text == "the mayor"
    assert claim.content.text == "The plan"


def _asked_doc(verb: str, lemma: str) -> Doc:
    """"<verb> if the plan passed , the mayor smiled .": the "if" clause parsed as adverbial."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=[verb, "if", "the", "plan", "passed", ",", "the", "mayor", "smiled", "."],
               heads=[8, 4, 3, 4, 0, 8, 7, 8, 8, 8],
               deps=["advcl", "mark", "det", "nsubj", "advcl", "punct", "det", "nsubj", "ROOT", "punct"],
               pos=["VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
               tags=["VBN", "IN", "DT", "NN", "VBD", ",", "DT", "NN", "VBD", "."],
               lemmas=[lemma, "if", "the", "plan", "pass", ",", "the", "mayor", "smile", "."])


def test_asked_if_clause_is_the_content_without_a_source():
    doc = _asked_doc("Asked", "ask")
    claim = builders.verb_claim(doc[0], _ctx(doc))
    assert claim is not None and claim.content.text == "if the plan passed"
    assert claim.speaker is None  # the mayor was asked; who asked, the text does not say
    # the same clause after a verb that is not one of asking or knowing is no content
    assert builders._question_clause(doc[0]) is not None
    assert builders._question_clause(_asked_doc("Left", "leave")[0]) is None


def test_asked_by_someone_named_is_their_question():
    # "Asked by reporters if the plan passed , the mayor smiled .": the agent asks
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Asked", "by", "reporters", "if", "the", "plan", "passed", ",", "the", "mayor", "smiled",
                            "."],
              heads=[10, 0, 1, 6, 5, 6, 0, 10, 9, 10, 10, 10],
              deps=["advcl", "agent", "pobj", "mark", "det", "nsubj", "advcl", "punct", "det", "nsubj", "ROOT",
                    "punct"],
              pos=["VERB", "ADP", "NOUN", "SCONJ", "DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
              tags=["VBN", "IN", "NNS", "IN", "DT", "NN", "VBD", ",", "DT", "NN", "VBD", "."],
              lemmas=["ask", "by", "reporter", "if", "the", "plan", "pass", ",", "the", "mayor", "smile", "."])
    claim = builders.verb_claim(doc[0], _ctx(doc))
    assert claim is not None and claim.content.text == "if the plan passed"
    assert claim.speaker is not None and claim.speaker.text == "reporters"


def _said_doc(word: str, dep: str) -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["The", "mayor", "said", word, "."], heads=[1, 2, 2, 2, 2],
               deps=["det", "nsubj", "ROOT", dep, "punct"], pos=["DET", "NOUN", "VERB", "INTJ", "PUNCT"],
               tags=["DT", "NN", "VBD", "UH", "."], lemmas=["the", "mayor", "say", word, "."])


def test_said_no_is_a_claim():
    doc = _said_doc("no", "intj")
    claim = builders.verb_claim(doc[2], _ctx(doc))
    assert claim is not None and claim.rule == "verb:answer" and claim.content.text == "no"
    assert claim.speaker is not None and claim.speaker.text == "The mayor"
    assert builders._answer(doc[2]) is not None and builders._answer(_said_doc("twice", "advmod")[2]) is None


def _with(ctx: Context, **tables) -> Context:
    return dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, **tables))


def skeptical_doc() -> Doc:
    """"Local leaders are skeptical of the stadium deal ." """
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["Local", "leaders", "are", "skeptical", "of", "the", "stadium", "deal", "."],
               heads=[1, 2, 2, 2, 3, 7, 7, 4, 2],
               deps=["amod", "nsubj", "ROOT", "acomp", "prep", "det", "compound", "pobj", "punct"],
               pos=["ADJ", "NOUN", "AUX", "ADJ", "ADP", "DET", "NOUN", "NOUN", "PUNCT"],
               tags=["JJ", "NNS", "VBP", "JJ", "IN", "DT", "NN", "NN", "."],
               lemmas=["local", "leader", "be", "skeptical", "of", "the", "stadium", "deal", "."])


def test_predicative_adjective_with_a_learnt_complement_is_a_cue():
    doc = skeptical_doc()
    ctx = _ctx(doc)
    claim = builders.predicate_claim(doc[3], _with(ctx, predicates={("skeptical", "of"): 0.8}))
    assert claim is not None and claim.rule == "predicate"
    assert claim.cue.text == "are skeptical of" and claim.content.text == "the stadium deal"
    assert claim.speaker is not None and claim.speaker.text == "Local leaders"
    # the same adjective and preposition, rarely an attribution on the training data: no claim
    assert builders.predicate_claim(doc[3], _with(ctx, predicates={("skeptical", "of"): 0.1})) is None


def test_predicative_adjective_with_a_clause():
    """"The governor is sure that taxes will fall .": the clause is the content."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["The", "governor", "is", "sure", "that", "taxes", "will", "fall", "."],
              heads=[1, 2, 2, 2, 7, 7, 7, 3, 2],
              deps=["det", "nsubj", "ROOT", "acomp", "mark", "nsubj", "aux", "ccomp", "punct"],
              pos=["DET", "NOUN", "AUX", "ADJ", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"],
              tags=["DT", "NN", "VBZ", "JJ", "IN", "NNS", "MD", "VB", "."],
              lemmas=["the", "governor", "be", "sure", "that", "tax", "will", "fall", "."])
    ctx = _with(_ctx(doc), predicates={("sure", "clause"): 0.5})
    claim = builders.predicate_claim(doc[3], ctx)
    assert claim is not None and claim.cue.text == "is sure" and claim.content.text == "that taxes will fall"
    assert claim.speaker is not None and claim.speaker.text == "The governor"
    # the subject and the copula are no cue themselves
    assert builders.predicate_claim(doc[1], ctx) is None and builders.predicate_claim(doc[2], ctx) is None


def tried_doc() -> Doc:
    """"The senator tried to portray the plan as a tax ." """
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["The", "senator", "tried", "to", "portray", "the", "plan", "as", "a", "tax", "."],
               heads=[1, 2, 2, 4, 2, 6, 4, 4, 9, 7, 2],
               deps=["det", "nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "prep", "det", "pobj", "punct"],
               pos=["DET", "NOUN", "VERB", "PART", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
               tags=["DT", "NN", "VBD", "TO", "VB", "DT", "NN", "IN", "DT", "NN", "."],
               lemmas=["the", "senator", "try", "to", "portray", "the", "plan", "as", "a", "tax", "."])


def test_cue_passes_through_to_the_verb_it_completes():
    doc = tried_doc()
    ctx = _with(_ctx(doc), through={("try", "to"): 0.9}, curated=_ctx(doc).lexicon.curated | {"try"},
                verbs=_ctx(doc).lexicon.verbs | {"try"})
    claim = builders.verb_claim(doc[2], ctx)
    assert claim is not None and claim.rule == "verb:through"
    assert claim.cue.text == "tried to portray" and claim.content.text == "the plan as a tax"
    assert claim.speaker is not None and claim.speaker.text == "The senator"
    # a verb whose "to ..." PolNeAR marks as content ("promised to cut") keeps it whole
    kept = builders.verb_claim(doc[2], _with(ctx, through={("try", "to"): 0.1}))
    assert kept is not None and kept.rule == "verb:open"
    assert kept.cue.text == "tried" and kept.content.text == "to portray the plan as a tax"


def test_pronoun_object_with_a_predicate_is_content_not_the_addressee():
    """"Critics saw him as a threat ." (the pronoun is what is claimed about) against "Critics
    told him about the plan ." (the pronoun is the one addressed)."""
    from extract.attribution import content
    vocab = spacy.blank("en").vocab
    saw = Doc(vocab, words=["Critics", "saw", "him", "as", "a", "threat", "."],
              heads=[1, 1, 1, 1, 5, 3, 1], deps=["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
              pos=["NOUN", "VERB", "PRON", "ADP", "DET", "NOUN", "PUNCT"],
              tags=["NNS", "VBD", "PRP", "IN", "DT", "NN", "."],
              lemmas=["critic", "see", "he", "as", "a", "threat", "."])
    got = content.for_verb(saw[1], takes_object=True)
    assert got is not None and got[1] == "object"
    assert " ".join(t.text for t in got[0]) == "him as a threat"
    told = Doc(vocab, words=["Critics", "asked", "him", "about", "the", "plan", "."],
               heads=[1, 1, 1, 1, 5, 3, 1], deps=["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
               pos=["NOUN", "VERB", "PRON", "ADP", "DET", "NOUN", "PUNCT"],
               tags=["NNS", "VBD", "PRP", "IN", "DT", "NN", "."],
               lemmas=["critic", "ask", "he", "about", "the", "plan", "."])
    got = content.for_verb(told[1], takes_object=True)
    assert got is not None and got[1] == "prep" and " ".join(t.text for t in got[0]) == "the plan"


def test_predicate_noun_after_be_with_a_learnt_preposition():
    """"The mayor is a critic of the tax ." against "The mayor is a member of the board ."."""
    vocab = spacy.blank("en").vocab

    def doc_of(noun: str) -> Doc:
        return Doc(vocab, words=["The", "mayor", "is", "a", noun, "of", "the", "tax", "."],
                   heads=[1, 2, 2, 4, 2, 4, 7, 5, 2],
                   deps=["det", "nsubj", "ROOT", "det", "attr", "prep", "det", "pobj", "punct"],
                   pos=["DET", "NOUN", "AUX", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
                   tags=["DT", "NN", "VBZ", "DT", "NN", "IN", "DT", "NN", "."],
                   lemmas=["the", "mayor", "be", "a", noun, "of", "the", "tax", "."])
    critic, member = doc_of("critic"), doc_of("member")
    ctx = _with(_ctx(critic), predicates={("critic", "of"): 0.7, ("member", "of"): 0.0})
    claim = builders.predicate_claim(critic[4], ctx)
    assert claim is not None and claim.rule == "predicate"
    assert claim.cue.text == "is a critic of" and claim.content.text == "the tax"
    assert claim.speaker is not None and claim.speaker.text == "The mayor"
    assert builders.predicate_claim(member[4], dataclasses.replace(ctx, doc=member, text=member.text)) is None


def _doc(words, heads, deps, pos, tags, lemmas=None) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas or [w.lower() for w in words])


def test_a_participle_tagged_as_a_past_tense_is_still_passive():
    # "Asked whether it rained , the mayor said no ." with "Asked" tagged VBD (a past tense)
    doc = _doc(["Asked", "whether", "it", "rained", ",", "the", "mayor", "said", "no", "."],
               [7, 3, 3, 0, 7, 6, 7, 7, 7, 7],
               ["advcl", "mark", "nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "intj", "punct"],
               ["VERB", "SCONJ", "PRON", "VERB", "PUNCT", "DET", "NOUN", "VERB", "INTJ", "PUNCT"],
               ["VBD", "IN", "PRP", "VBD", ",", "DT", "NN", "VBD", "UH", "."])
    assert builders._passive_participle(doc[0])
    # "..., the mayor said, asked about it ." ("asked" an open complement after a comma)
    doc = _doc(["No", ",", "the", "mayor", "said", ",", "asked", "about", "it", "."],
               [4, 4, 3, 4, 4, 4, 4, 6, 7, 4],
               ["intj", "punct", "det", "nsubj", "ROOT", "punct", "xcomp", "prep", "pobj", "punct"],
               ["INTJ", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "VERB", "ADP", "PRON", "PUNCT"],
               ["UH", ",", "DT", "NN", "VBD", ",", "VBD", "IN", "PRP", "."])
    assert builders._passive_participle(doc[6])
    # "The mayor asked whether it rained .": a past tense with its own subject is the mayor's question
    doc = _doc(["The", "mayor", "asked", "whether", "it", "rained", "."], [1, 2, 2, 5, 5, 2, 2],
               ["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
               ["DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"], ["DT", "NN", "VBD", "IN", "PRP", "VBD", "."])
    assert not builders._passive_participle(doc[2])
    # "..., and when asked about it , he said ..." (a conjunct led by "when"): passive; without "when" not
    words = ["He", "smiled", "and", "when", "asked", "about", "it", "left", "."]
    deps = ["nsubj", "ROOT", "cc", "advmod", "conj", "prep", "pobj", "conj", "punct"]
    pos = ["PRON", "VERB", "CCONJ", "SCONJ", "VERB", "ADP", "PRON", "VERB", "PUNCT"]
    tags = ["PRP", "VBD", "CC", "WRB", "VBD", "IN", "PRP", "VBD", "."]
    doc = _doc(words, [1, 1, 1, 4, 1, 4, 5, 1, 1], deps, pos, tags)
    assert builders._passive_participle(doc[4])
    doc = _doc(words, [1, 1, 1, 1, 1, 4, 5, 1, 1], deps, pos, tags)
    assert not builders._passive_participle(doc[4])


def _fronted_doc(first: str, first_pos: str, first_tag: str) -> Doc:
    """"<first> the vote , Jane Roe , the party leader , also said it was fair ." with the name and
    its appositive hung on the first word's phrase, leaving "said" without a subject."""
    words = [first, "the", "vote", ",", "Jane", "Roe", ",", "the", "party", "leader", ",", "also", "said", "it",
             "was", "fair", "."]
    heads = [12, 2, 0, 12, 5, 2, 5, 9, 9, 5, 12, 12, 12, 14, 12, 14, 12]
    deps = ["prep", "det", "pobj", "punct", "compound", "appos", "punct", "det", "compound", "appos", "punct", "advmod",
            "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    pos = [first_pos, "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "ADV", "VERB",
           "PRON", "AUX", "ADJ", "PUNCT"]
    tags = [first_tag, "DT", "NN", ",", "NNP", "NNP", ",", "DT", "NN", "NN", ",", "RB", "VBD", "PRP", "VBD", "JJ", "."]
    return _doc(words, heads, deps, pos, tags, [w.lower() if w != "said" else "say" for w in words])


def test_a_subject_set_off_by_commas_that_the_parser_hung_elsewhere_is_the_speaker():
    doc = _fronted_doc("After", "ADP", "IN")
    assert " ".join(t.text for t in builders._fronted_speaker(doc[12])) == "Jane Roe , the party leader"
    claim = builders.verb_claim(doc[12], _ctx(doc))
    assert claim is not None and claim.speaker.text == "Jane Roe, the party leader"
    assert claim.content.text == "it was fair"
    # a verb with a subject of its own is left alone
    doc = _doc(["Jane", "Roe", ",", "the", "leader", ",", "said", "it", "was", "fair", "."],
               [1, 6, 1, 4, 1, 6, 6, 8, 6, 8, 6],
               ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
               ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
               ["NNP", "NNP", ",", "DT", "NN", ",", "VBD", "PRP", "VBD", "JJ", "."])
    claim = builders.verb_claim(doc[6], _ctx(doc))
    assert claim is not None and claim.speaker.text == "Jane Roe, the leader"


def test_a_fronted_clause_is_not_taken_for_a_speaker():
    # "Jane Roe offered him a job , said the aide ." hung badly: the clause before the comma has a verb
    doc = _doc(["Jane", "Roe", "offered", "him", "a", "job", ",", "said", "it", "was", "fair", "."],
               [1, 2, 7, 2, 5, 2, 7, 7, 9, 7, 9, 7],
               ["compound", "nsubj", "ccomp", "dative", "det", "dobj", "punct", "ROOT", "nsubj", "ccomp", "acomp",
                "punct"],
               ["PROPN", "PROPN", "VERB", "PRON", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
               ["NNP", "NNP", "VBD", "PRP", "DT", "NN", ",", "VBD", "PRP", "VBD", "JJ", "."])
    assert builders._fronted_speaker(doc[7]) == []


def test_a_passive_subject_inherited_by_a_conjoined_cue_is_its_source():
    # "Jane Roe was pressed and said it was fair ." : Roe was pressed (no source) and said it (her claim)
    words = ["Jane", "Roe", "was", "pressed", "and", "said", "it", "was", "fair", "."]
    doc = _doc(words, [1, 3, 3, 3, 3, 3, 7, 5, 7, 3],
               ["compound", "nsubjpass", "auxpass", "ROOT", "cc", "conj", "nsubj", "ccomp", "acomp", "punct"],
               ["PROPN", "PROPN", "AUX", "VERB", "CCONJ", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
               ["NNP", "NNP", "VBD", "VBN", "CC", "VBD", "PRP", "VBD", "JJ", "."],
               ["jane", "roe", "be", "press", "and", "say", "it", "be", "fair", "."])
    claim = builders.verb_claim(doc[5], _ctx(doc))
    assert claim is not None and claim.speaker is not None and claim.speaker.text == "Jane Roe"
    assert claim.content.text == "it was fair"


def _contracted_said_doc(subject: str) -> Doc:
    """"<subject> 's said he will run again ." as the parser reads it: the contracted "has" taken
    for the auxiliary of a passive."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=[subject, "'s", "said", "he", "will", "run", "again", "."],
               heads=[2, 2, 2, 5, 5, 2, 5, 2],
               deps=["nsubjpass", "auxpass", "ROOT", "nsubj", "aux", "ccomp", "advmod", "punct"],
               pos=["PRON", "AUX", "VERB", "PRON", "AUX", "VERB", "ADV", "PUNCT"],
               tags=["PRP", "VBZ", "VBN", "PRP", "MD", "VB", "RB", "."],
               lemmas=[subject.lower(), "be", "say", "he", "will", "run", "again", "."])


def test_contracted_has_read_as_a_passive_keeps_its_speaker():
    doc = _contracted_said_doc("She")
    claim = builders.verb_claim(doc[2], _ctx(doc))
    assert claim is not None and claim.content.text == "he will run again"
    assert claim.speaker is not None and claim.speaker.text == "She"
    # "It's said he will run again": no one is named
    doc = _contracted_said_doc("It")
    claim = builders.verb_claim(doc[2], _ctx(doc))
    assert claim is not None and claim.speaker is None


def _demand_doc(by: bool) -> Doc:
    """"The talks stalled over a demand (by the union) that wages rise ." as the parser reads it."""
    vocab = spacy.blank("en").vocab
    if by:
        words = ["The", "talks", "stalled", "over", "a", "demand", "by", "the", "union", "that", "wages", "rise", "."]
        heads = [1, 2, 2, 2, 5, 3, 5, 8, 6, 11, 11, 5, 2]
        deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "mark", "nsubj", "acl", "punct"]
        pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"]
        tags = ["DT", "NNS", "VBD", "IN", "DT", "NN", "IN", "DT", "NN", "IN", "NNS", "VBP", "."]
        lemmas = ["the", "talk", "stall", "over", "a", "demand", "by", "the", "union", "that", "wage", "rise", "."]
    else:
        words = ["The", "talks", "stalled", "over", "a", "demand", "that", "wages", "rise", "."]
        heads = [1, 2, 2, 2, 5, 3, 8, 8, 5, 2]
        deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "acl", "punct"]
        pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"]
        tags = ["DT", "NNS", "VBD", "IN", "DT", "NN", "IN", "NNS", "VBP", "."]
        lemmas = ["the", "talk", "stall", "over", "a", "demand", "that", "wage", "rise", "."]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_cue_noun_without_possessor_takes_its_that_clause():
    doc = _demand_doc(by=False)
    claim = builders.noun_claim(doc[5], _ctx(doc))
    assert claim is not None and claim.rule == "noun:bare"
    assert claim.cue.text == "demand" and claim.content.text == "that wages rise"
    assert claim.speaker is None or claim.speaker.span is None


def test_cue_noun_without_possessor_takes_its_by_agent_as_source():
    doc = _demand_doc(by=True)
    claim = builders.noun_claim(doc[5], _ctx(doc))
    assert claim is not None and claim.content.text == "that wages rise"
    assert claim.speaker is not None and claim.speaker.text == "the union"


def test_noun_outside_the_cue_lists_with_a_that_clause_is_no_claim():
    words = ["The", "fact", "that", "wages", "rise", "matters", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 5, 4, 4, 1, 5, 5],
              deps=["det", "nsubj", "mark", "nsubj", "acl", "ROOT", "punct"],
              pos=["DET", "NOUN", "SCONJ", "NOUN", "VERB", "VERB", "PUNCT"],
              tags=["DT", "NN", "IN", "NNS", "VBP", "VBZ", "."],
              lemmas=["the", "fact", "that", "wage", "rise", "matter", "."])
    assert builders.noun_claim(doc[1], _ctx(doc)) is None


def test_cue_noun_after_a_verbs_preposition_takes_the_verbs_subject():
    """"Her allies bristled at the suggestion that she lied ."""
    words = ["Her", "allies", "bristled", "at", "the", "suggestion", "that", "she", "lied", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2, 5, 3, 8, 8, 5, 2],
              deps=["poss", "nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "acl", "punct"],
              pos=["PRON", "NOUN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"],
              tags=["PRP$", "NNS", "VBD", "IN", "DT", "NN", "IN", "PRP", "VBD", "."],
              lemmas=["her", "ally", "bristle", "at", "the", "suggestion", "that", "she", "lie", "."])
    claim = builders.noun_claim(doc[5], _ctx(doc))
    assert claim is not None and claim.content.text == "that she lied"
    assert claim.speaker is not None and claim.speaker.text == "Her allies"


def test_openers_are_the_tokens_may_open_accepts(nlp):
    from extract.attribution import builders

    doc = nlp("According to officials, the talks reportedly failed. Critics said the plans, citing reports, "
              "were doomed; its claims were denied.")
    assert builders.openers(doc) == [t.i for t in doc if builders.may_open(t)]
    assert builders.openers(nlp("")) == []


def test_a_builder_makes_no_claim_from_a_token_its_opening_test_turns_away(nlp):
    # find offers a token only to the builders whose first test it passes (OPENS): every builder
    # tried on every token must agree, so find makes the claims that trying all of them makes
    doc = nlp("According to officials, the talks reportedly failed. But the mayor claims that taxes rose, "
              "as the governor said. Critics voiced concern about the plan; she was sure that it would pass "
              "and he is a critic of the deal. Her claim that the vote was rigged was false, aides apparently said.")
    ctx = _ctx(doc)
    tried_all = []
    for tok in doc:
        pos, tag, low = tok.pos_, tok.tag_, tok.lower_
        made = [b for b in builders.BUILDERS if b(tok, ctx) is not None]
        assert all(builders.OPENS[b](pos, tag, low) for b in made), (tok.text, made)
        if made:
            tried_all.append(made[0](tok, ctx))
    claims, _ = builders.find(ctx)
    assert claims == tried_all and len(claims) >= 5


def test_citing_relays_the_cited_claim(nlp):
    from extract import attribution, entities

    doc = nlp("The minister warned of delays, citing a report by the city engineers.")
    found = attribution.extract(doc, entities.extract(doc))
    relay = [c for c in found if c.rule == "relay"]
    assert relay and relay[0].cue.text == "citing" and relay[0].relayed_by.text == "warned of"


def test_an_object_with_a_predicate_is_content_without_an_object_cue():
    """"Voters see the governor as a liability ." : a cue that does not take a bare object
    ("voters see the sign") still takes one something is said of ("as ..."), but not a plain one."""
    from extract.attribution import content
    vocab = spacy.blank("en").vocab
    words = ["Voters", "see", "the", "governor", "as", "a", "liability", "."]
    doc = Doc(vocab, words=words, heads=[1, 1, 3, 1, 1, 6, 4, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
              tags=["NNS", "VBP", "DT", "NN", "IN", "DT", "NN", "."],
              lemmas=["voter", "see", "the", "governor", "as", "a", "liability", "."])
    got = content.for_verb(doc[1], takes_object=False)
    assert got is not None and got[1] == "object"
    assert " ".join(t.text for t in got[0]) == "the governor as a liability"
    plain = Doc(vocab, words=["Voters", "see", "the", "sign", "."], heads=[1, 1, 3, 1, 1],
                deps=["nsubj", "ROOT", "det", "dobj", "punct"], pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                tags=["NNS", "VBP", "DT", "NN", "."], lemmas=["voter", "see", "the", "sign", "."])
    assert content.for_verb(plain[1], takes_object=False) is None
    assert content.for_verb(plain[1], takes_object=True)[1] == "object"


def test_a_bare_passive_makes_no_claim():
    """"Two rallies were announced .": what was announced, by no one named, is no quote (round 10)."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Two", "rallies", "were", "announced", "."], heads=[1, 3, 3, 3, 3],
              deps=["nummod", "nsubjpass", "auxpass", "ROOT", "punct"], pos=["NUM", "NOUN", "AUX", "VERB", "PUNCT"],
              tags=["CD", "NNS", "VBD", "VBN", "."], lemmas=["two", "rally", "be", "announce", "."])
    assert builders.verb_claim(doc[3], _ctx(doc)) is None


def frame_doc(det: str = "the", noun: str = "poll", tag: str = "NN") -> Doc:
    """"Roe leads Doe by nine points in <det> latest <noun> ." as the parser reads it: "in" hung
    on the verb, the poll its object."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["Roe", "leads", "Doe", "by", "nine", "points", "in", det, "latest", noun, "."],
               heads=[1, 1, 1, 1, 5, 3, 1, 9, 9, 6, 1],
               deps=["nsubj", "ROOT", "dobj", "prep", "nummod", "pobj", "prep", "det", "amod", "pobj", "punct"],
               pos=["PROPN", "VERB", "PROPN", "ADP", "NUM", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PUNCT"],
               tags=["NNP", "VBZ", "NNP", "IN", "CD", "NNS", "IN", "DT", "JJS", tag, "."],
               lemmas=["Roe", "lead", "Doe", "by", "nine", "point", "in", det, "late", "poll", "."])


def test_learnt_frame_makes_its_object_the_source_of_the_clause():
    doc = frame_doc()
    ctx = _ctx(doc)
    learnt = dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, frames={("poll", "in NN"): 0.6}))
    claim = builders.frame_claim(doc[9], learnt)
    assert claim is not None and claim.rule == "frame"
    assert claim.cue.text == "in"
    assert claim.speaker is not None and claim.speaker.text == "the latest poll"
    assert claim.content.text == "Roe leads Doe by nine points"
    # the preposition's object only: "points" is no frame, nor is a frame seen rarely on train
    assert builders.frame_claim(doc[5], learnt) is None
    rare = dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, frames={("poll", "in NN"): 0.2}))
    assert builders.frame_claim(doc[9], rare) is None
    # the table is per tag: "in the latest polls" is another key
    plural = frame_doc(noun="polls", tag="NNS")
    assert builders.frame_claim(plural[9], dataclasses.replace(learnt, doc=plural, text=plural.text)) is None


def test_frame_table_counts_prepositions_on_verbs_with_their_object_as_source():
    import collections

    from extract.training.cues import count_frames

    doc = frame_doc()
    cue, source = bytearray(len(doc.text)), bytearray(len(doc.text))
    cue[doc[6].idx] = 1  # "in" is the cue, "the latest poll" the source
    for t in doc[7:10]:
        source[t.idx:t.idx + len(t.text)] = b"\x01" * len(t.text)
    total, hits = collections.Counter(), collections.Counter()
    count_frames(cue, source, doc, total, hits)
    assert total == {("poll", "in NN"): 1, ("point", "by NNS"): 1}
    assert hits[("poll", "in NN")] == 1 and hits[("point", "by NNS")] == 0


def test_frame_that_opens_its_clause_frames_what_follows():
    """"In the latest poll , Roe leads Doe ." : the content is the clause after the frame."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["In", "the", "latest", "poll", ",", "Roe", "leads", "Doe", "."],
              heads=[6, 3, 3, 0, 6, 6, 6, 6, 6],
              deps=["prep", "det", "amod", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
              pos=["ADP", "DET", "ADJ", "NOUN", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"],
              tags=["IN", "DT", "JJS", "NN", ",", "NNP", "VBZ", "NNP", "."],
              lemmas=["in", "the", "late", "poll", ",", "Roe", "lead", "Doe", "."])
    ctx = _ctx(doc)
    learnt = dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, frames={("poll", "in NN"): 0.6}))
    claim = builders.frame_claim(doc[3], learnt)
    assert claim is not None and claim.cue.text == "In" and claim.speaker.text == "the latest poll"
    assert claim.content.text == "Roe leads Doe"


def test_frames_are_found_on_preposition_objects_but_not_under_a_kept_cue():
    doc = frame_doc()
    ctx = _ctx(doc)
    learnt = dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, frames={("poll", "in NN"): 0.6}))
    got = builders.frames([], learnt)
    assert [(c.rule, c.cue.text) for c in got] == [("frame", "in")]
    # a claim kept by the check whose cue already holds the preposition: no second claim on it
    assert builders.frames(got, learnt) == []
    # no table, no frames
    assert builders.frames([], dataclasses.replace(ctx, lexicon=dataclasses.replace(ctx.lexicon, frames=None))) == []


def _buried_doc(dep: str) -> Doc:
    """"The mayor said in a message that the bridge was closed ." as the parser may read it: the
    "that" clause hung on "message" (``relcl``; ``acl`` would be a noun's own complement)."""
    return _doc(["The", "mayor", "said", "in", "a", "message", "that", "the", "bridge", "was", "closed", "."],
                [1, 2, 2, 2, 5, 3, 10, 8, 10, 10, 5, 2],
                ["det", "nsubj", "ROOT", "prep", "det", "pobj", "mark", "det", "nsubjpass", "auxpass", dep, "punct"],
                ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
                ["DT", "NN", "VBD", "IN", "DT", "NN", "IN", "DT", "NN", "VBD", "VBN", "."],
                ["the", "mayor", "say", "in", "a", "message", "that", "the", "bridge", "be", "close", "."])


def test_that_clause_hung_on_a_phrase_of_occasion_is_the_cues_content():
    from extract.attribution import content
    doc = _buried_doc("relcl")
    got = content.for_verb(doc[2], takes_object=False)
    assert got is not None and got[1] == "clause"
    assert " ".join(t.text for t in got[0]) == "that the bridge was closed"
    claim = builders.verb_claim(doc[2], _ctx(doc))
    assert claim is not None and claim.content.text == "that the bridge was closed"
    assert claim.speaker is not None and claim.speaker.text == "The mayor"
    # a noun's own complement ("the report that ...") is not moved to the verb
    assert content._buried_clause(_buried_doc("acl")[2], []) is None


def test_that_as_a_relative_pronoun_is_not_a_buried_clause():
    from extract.attribution import content
    # "The mayor said in a message that the council sent ." ("that" is the object of "sent")
    doc = _doc(["The", "mayor", "said", "in", "a", "message", "that", "the", "council", "sent", "."],
               [1, 2, 2, 2, 5, 3, 9, 8, 9, 5, 2],
               ["det", "nsubj", "ROOT", "prep", "det", "pobj", "dobj", "det", "nsubj", "relcl", "punct"],
               ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PRON", "DET", "NOUN", "VERB", "PUNCT"],
               ["DT", "NN", "VBD", "IN", "DT", "NN", "WDT", "DT", "NN", "VBD", "."])
    assert content._buried_clause(doc[2], []) is None


def _trailing_doc(mark: str) -> Doc:
    """"The bridge will close , a spokeswoman said on Monday , and it will reopen ." with "said"
    joined to "close" (``conj``), as the parser reads such sentences; with ``mark`` "because" in
    place of the first comma the cue clause is a reason, not set off."""
    words = ["The", "bridge", "will", "close", mark, "a", "spokeswoman", "said", "on", "Monday", ",", "and", "it",
             "will", "reopen", "."]
    return _doc(words, [1, 3, 3, 3, 7 if mark != "," else 3, 6, 7, 3, 7, 8, 7, 7, 14, 14, 7, 3],
                ["det", "nsubj", "aux", "ROOT", "mark" if mark != "," else "punct", "det", "nsubj",
                 "conj" if mark == "," else "advcl", "prep", "pobj", "punct", "cc", "nsubj", "aux", "conj", "punct"],
                ["DET", "NOUN", "AUX", "VERB", "SCONJ" if mark != "," else "PUNCT", "DET", "NOUN", "VERB", "ADP",
                 "PROPN", "PUNCT", "CCONJ", "PRON", "AUX", "VERB", "PUNCT"],
                ["DT", "NN", "MD", "VB", "IN" if mark != "," else ",", "DT", "NN", "VBD", "IN", "NNP", ",", "CC", "PRP",
                 "MD", "VB", "."],
                ["the", "bridge", "will", "close", mark, "a", "spokeswoman", "say", "on", "monday", ",", "and", "it",
                 "will", "reopen", "."])


def test_cue_clause_set_off_after_what_it_reports_takes_it_as_content():
    from extract.attribution import content
    doc = _trailing_doc(",")
    claim = builders.verb_claim(doc[7], _ctx(doc))
    assert claim is not None and claim.rule == "verb:parenthetical"
    assert claim.content.text == "The bridge will close"
    assert claim.speaker is not None and claim.speaker.text == "a spokeswoman"
    assert content.parenthetical(_trailing_doc("because")[7]) is None


def test_of_two_subjects_the_cues_own_is_the_nearer():
    """"Nothing he said will help , the senator said ." read with "Nothing" as a second subject of
    the last "said": the speaker is "the senator" and the content what comes before."""
    doc = _doc(["Nothing", "he", "said", "will", "help", ",", "the", "senator", "said", "."],
               [8, 2, 0, 4, 2, 8, 7, 8, 8, 8],
               ["nsubj", "nsubj", "relcl", "aux", "ccomp", "punct", "det", "nsubj", "ROOT", "punct"],
               ["PRON", "PRON", "VERB", "AUX", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
               ["NN", "PRP", "VBD", "MD", "VB", ",", "DT", "NN", "VBD", "."],
               ["nothing", "he", "say", "will", "help", ",", "the", "senator", "say", "."])
    claim = builders.verb_claim(doc[8], _ctx(doc))
    assert claim is not None and claim.rule == "verb:parenthetical"
    assert claim.speaker is not None and claim.speaker.text == "the senator"
    assert claim.content.text == "Nothing he said will help"


def test_as_reported_by_takes_the_agent_as_the_source():
    """"As reported by the Courier , the mayor resigned ." (no subject: the agent is the source)."""
    doc = _doc(["As", "reported", "by", "the", "Courier", ",", "the", "mayor", "resigned", "."],
               [1, 8, 1, 4, 2, 8, 7, 8, 8, 8],
               ["mark", "advcl", "agent", "det", "pobj", "punct", "det", "nsubj", "ROOT", "punct"],
               ["SCONJ", "VERB", "ADP", "DET", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
               ["IN", "VBN", "IN", "DT", "NNP", ",", "DT", "NN", "VBD", "."],
               ["as", "report", "by", "the", "courier", ",", "the", "mayor", "resign", "."])
    claim = builders.as_claim(doc[1], _ctx(doc))
    assert claim is not None and claim.rule == "verb:as"
    assert claim.speaker is not None and claim.speaker.text == "the Courier"
    assert claim.content.text == "the mayor resigned"
