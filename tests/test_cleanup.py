"""Clean-up passes (extract.attribution.cleanup) on hand-built parses of made-up sentences."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.attribution import cleanup
from extract.attribution.common import Context
from extract.records import Claim, Span, replace


def _claim(text, speaker, cue, content):
    at = text.index
    return Claim(speaker=Span.of(text, at(speaker), at(speaker) + len(speaker)),
                 cue=Span.of(text, at(cue), at(cue) + len(cue)),
                 content=Span.of(text, at(content), at(content) + len(content)), rule="verb:clause")


def test_relative_pronoun_before_the_speaker_is_the_contents_first_piece():
    # "a gap that experts say renders walls useless" : PolNeAR marks "that" | "renders walls useless"
    words = ["a", "gap", "that", "experts", "say", "renders", "walls", "useless", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 7 + [False, False],
              heads=[1, 1, 5, 4, 1, 4, 5, 5, 1],
              deps=["det", "ROOT", "nsubj", "nsubj", "relcl", "ccomp", "dobj", "oprd", "punct"],
              pos=["DET", "NOUN", "PRON", "NOUN", "VERB", "VERB", "NOUN", "ADJ", "PUNCT"],
              tags=["DT", "NN", "WDT", "NNS", "VBP", "VBZ", "NNS", "JJ", "."], lemmas=words)
    text = doc.text
    ctx = Context(doc, text, (), None)
    claim = _claim(text, "experts", "say", "renders walls useless")
    (c,) = cleanup.relative_lead([claim], ctx)
    assert [p.text for p in c.spans] == ["that", "renders walls useless"]
    assert c.speaker == claim.speaker and c.cue == claim.cue
    # no relative pronoun before the speaker: the content stays in one piece
    words = ["Now", "experts", "say", "walls", "fail", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 4 + [False, False],
              heads=[2, 2, 2, 4, 2, 2], deps=["advmod", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
              pos=["ADV", "NOUN", "VERB", "NOUN", "VERB", "PUNCT"], tags=["RB", "NNS", "VBP", "NNS", "VBP", "."],
              lemmas=words)
    text = doc.text
    plain = _claim(text, "experts", "say", "walls fail")
    assert cleanup.relative_lead([plain], Context(doc, text, (), None)) == [plain]


def _passive(words, heads, deps, pos, tags):
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False],
              heads=heads, deps=deps, pos=pos, tags=tags, lemmas=[w.lower() for w in words])
    return doc, doc.text


def test_a_predicating_passive_takes_its_subject_as_the_contents_first_piece():
    # "The bridge is known for its cost." : no source; "The bridge" | "its cost"
    doc, text = _passive(["The", "bridge", "is", "known", "for", "its", "cost", "."], [1, 3, 3, 3, 3, 6, 4, 3],
                         ["det", "nsubjpass", "auxpass", "ROOT", "prep", "poss", "pobj", "punct"],
                         ["DET", "NOUN", "AUX", "VERB", "ADP", "PRON", "NOUN", "PUNCT"],
                         ["DT", "NN", "VBZ", "VBN", "IN", "PRP$", "NN", "."])
    doc[3].lemma_ = "know"
    at = text.index
    claim = Claim(cue=Span.of(text, at("is"), at(" its")), content=Span.of(text, at("its"), at(".")), rule="verb:prep")
    (c,) = cleanup.passive_lead([claim], Context(doc, text, (), None))
    assert [p.text for p in c.spans] == ["The bridge", "its cost"] and c.speaker is None
    # an addressee's passive keeps its content: "The mayor was asked about its cost."
    doc, text = _passive(["The", "mayor", "was", "asked", "about", "its", "cost", "."], [1, 3, 3, 3, 3, 6, 4, 3],
                         ["det", "nsubjpass", "auxpass", "ROOT", "prep", "poss", "pobj", "punct"],
                         ["DET", "NOUN", "AUX", "VERB", "ADP", "PRON", "NOUN", "PUNCT"],
                         ["DT", "NN", "VBD", "VBN", "IN", "PRP$", "NN", "."])
    doc[3].lemma_ = "ask"
    at = text.index
    asked = Claim(cue=Span.of(text, at("was"), at(" its")), content=Span.of(text, at("its"), at(".")), rule="verb:prep")
    assert cleanup.passive_lead([asked], Context(doc, text, (), None)) == [asked]


def _parenthetical(words, spaces, heads, deps, pos, tags):
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=[w.lower() for w in words])
    return doc, doc.text


def test_a_cue_set_off_by_commas_gives_its_content_the_words_before_it():
    # "The plan, she said, will fail." : PolNeAR marks "The plan" | "will fail"
    doc, text = _parenthetical(["The", "plan", ",", "she", "said", ",", "will", "fail", "."],
                               [True, False, True, True, False, True, True, False, False],
                               [1, 7, 4, 4, 7, 4, 7, 7, 7],
                               ["det", "nsubj", "punct", "nsubj", "parataxis", "punct", "aux", "ROOT", "punct"],
                               ["DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "AUX", "VERB", "PUNCT"],
                               ["DT", "NN", ",", "PRP", "VBD", ",", "MD", "VB", "."])
    claim = Claim(speaker=Span.of(text, 10, 13), cue=Span.of(text, 14, 18), content=Span.of(text, 20, 29),
                  rule="verb:parenthetical")
    assert (claim.speaker.text, claim.cue.text, claim.content.text) == ("she", "said", "will fail")
    ctx = Context(doc, text, (), None)
    (c,) = cleanup.around_parenthetical([claim], ctx)
    assert [p.text for p in c.spans] == ["The plan", "will fail"] and c.cue == claim.cue
    # a quotation's content is left to the quote passes
    direct = Claim(speaker=claim.speaker, cue=claim.cue, content=claim.content, rule="verb:parenthetical",
                   quote="direct")
    assert cleanup.around_parenthetical([direct], ctx) == [direct]


def test_a_cue_set_off_by_commas_gives_its_content_the_words_after_it():
    # "It is no surprise, he said, that costs rose." : "It is no surprise" | "that costs rose"
    words = ["It", "is", "no", "surprise", ",", "he", "said", ",", "that", "costs", "rose", "."]
    doc, text = _parenthetical(words, [True, True, True, False, True, True, False, True, True, True, False, False],
                               [1, 1, 3, 1, 6, 6, 1, 6, 10, 10, 1, 1],
                               ["nsubj", "ROOT", "det", "attr", "punct", "nsubj", "parataxis", "punct", "mark",
                                "nsubj", "ccomp", "punct"],
                               ["PRON", "AUX", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "SCONJ", "NOUN",
                                "VERB", "PUNCT"],
                               ["PRP", "VBZ", "DT", "NN", ",", "PRP", "VBD", ",", "IN", "NNS", "VBD", "."])
    at = text.index
    claim = Claim(speaker=Span.of(text, at("he"), at("he") + 2), cue=Span.of(text, at("said"), at("said") + 4),
                  content=Span.of(text, 0, at(",")), rule="verb:clause")
    ctx = Context(doc, text, (), None)
    (c,) = cleanup.around_parenthetical([claim], ctx)
    assert [p.text for p in c.spans] == ["It is no surprise", "that costs rose"]
    # the words after hold another claim's cue ("rose" made a cue here): the content stays in one piece
    other = Claim(cue=Span.of(text, at("rose"), at("rose") + 4), content=Span.of(text, at("costs"), at(" rose")),
                  rule="verb:clause")
    got = cleanup.around_parenthetical([claim, other], ctx)
    assert got == [claim, other] and got[0].content.text == "It is no surprise"



def test_a_content_that_ran_into_a_dateline_starts_after_it():
    from extract.records import ArticleMeta

    words = ["SEOUL", "--", "Troops", "crossed", "the", "river", ",", "officials", "said", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, True, True, False, True, True, False, False])
    text = doc.text
    meta = ArticleMeta(excluded=(Span.of(text, 0, text.index("Troops")),))
    ctx = Context(doc, text, (), None, meta)
    claim = _claim(text, "officials", "said", "SEOUL -- Troops crossed the river")
    (c,) = cleanup.outside_exclusions([claim], ctx)
    assert c.content.text == "Troops crossed the river" and c.speaker == claim.speaker
    # a content wholly inside the dateline goes, with its claim
    inside = _claim(text, "officials", "said", "SEOUL")
    assert cleanup.outside_exclusions([inside], ctx) == []


def test_a_headline_naming_its_speaker_after_says():
    from extract.records import ArticleMeta

    words = ["Budget", "safe", "says", "ex", "-", "aide"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, False, False, False],
              pos=["NOUN", "ADJ", "VERB", "NOUN", "PUNCT", "NOUN"], heads=[2, 0, 2, 2, 2, 4],
              deps=["nsubj", "amod", "ROOT", "nsubj", "dobj", "appos"])
    text = doc.text
    ctx = Context(doc, text, (), None, ArticleMeta(headline=Span.of(text, 0, len(text))))
    misparsed = _claim(text, "ex", "says", "aide")
    (c,) = cleanup.headline_inverted([misparsed], ctx)
    assert (c.speaker.text, c.content.text) == ("ex-aide", "Budget safe")
    # the same words outside the headline are left as they are
    ctx = Context(doc, text, (), None, ArticleMeta())
    assert cleanup.headline_inverted([misparsed], ctx) == [misparsed]


def _lexicon():
    import dataclasses

    from extract.attribution import cues
    return dataclasses.replace(cues.lexicon(), claims=None)


def _relative_doc(lead: str) -> Doc:
    # "They cited policies which he said hurt jobs ." ("which" the subject of "hurt", inside what "he" said)
    words = ["They", "cited", "policies", lead, "he", "said", "hurt", "jobs", "."]
    return Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 7 + [False, False],
               heads=[1, 1, 1, 6, 5, 2, 5, 6, 1],
               deps=["nsubj", "ROOT", "dobj", "nsubj", "nsubj", "relcl", "ccomp", "dobj", "punct"],
               pos=["PRON", "VERB", "NOUN", "PRON", "PRON", "VERB", "VERB", "NOUN", "PUNCT"],
               tags=["PRP", "VBD", "NNS", "WDT", "PRP", "VBD", "VBD", "NNS", "."],
               lemmas=["they", "cite", "policy", lead, "he", "say", "hurt", "job", "."])


def test_a_strong_cue_heading_its_own_relative_clause_is_not_relayed():
    doc = _relative_doc("which")
    text = doc.text
    ctx = Context(doc, text, (), _lexicon())
    outer = _claim(text, "They", "cited", "policies which he said hurt jobs")
    inner = _claim(text, "he", "said", "which he said hurt jobs")
    at = text.index
    inner = Claim(speaker=inner.speaker, cue=inner.cue, content=inner.content, rule="verb:clause",
                  content_spans=(Span.of(text, at("which"), at("which") + 5), Span.of(text, at("hurt"), at("hurt") + 9)))
    out = cleanup.nest([outer, inner], ctx)
    assert out[1].relayed_by is None and out[0].relayed_by is None
    # a relative word outside what was said ("policies where he said ...") leaves it relayed
    doc = _relative_doc("where")
    text = doc.text
    ctx = Context(doc, text, (), _lexicon())
    outer = _claim(text, "They", "cited", "policies where he said hurt jobs")
    inner = _claim(text, "he", "said", "hurt jobs")
    assert cleanup.nest([outer, inner], ctx)[1].relayed_by == outer.cue


def test_a_strong_cue_in_a_while_clause_stands_beside_the_claim_it_hangs_in():
    # "Most said they stay , while some said they leave ." ("while ... said" hung on "stay")
    words = ["Most", "said", "they", "stay", ",", "while", "some", "said", "they", "leave", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, False, True, True, True, True, True,
                                                             False, False],
              heads=[1, 1, 3, 1, 3, 7, 7, 3, 9, 7, 1],
              deps=["nsubj", "ROOT", "nsubj", "ccomp", "punct", "mark", "nsubj", "advcl", "nsubj", "ccomp", "punct"],
              pos=["ADJ", "VERB", "PRON", "VERB", "PUNCT", "SCONJ", "PRON", "VERB", "PRON", "VERB", "PUNCT"],
              tags=["JJS", "VBD", "PRP", "VBP", ",", "IN", "DT", "VBD", "PRP", "VBP", "."],
              lemmas=["most", "say", "they", "stay", ",", "while", "some", "say", "they", "leave", "."])
    text = doc.text
    ctx = Context(doc, text, (), _lexicon())
    outer = _claim(text, "Most", "said", "they stay, while some said they leave")
    at = text.index
    inner = Claim(speaker=Span.of(text, at("some"), at("some") + 4), cue=Span.of(text, at("said", 10), at("said", 10) + 4),
                  content=Span.of(text, at("they leave"), at("they leave") + 10), rule="verb:clause")
    out = cleanup.nest([outer, inner], ctx)
    assert out[1].relayed_by is None


def test_a_reply_in_a_to_which_clause_is_not_relayed():
    # "Lee asked a question , to which most said no ." ("to which ... said" hung on "question")
    words = ["Lee", "asked", "a", "question", ",", "to", "which", "most", "said", "no", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, False, True, True, True, True, True,
                                                             False, False],
              heads=[1, 1, 3, 1, 3, 8, 5, 8, 3, 8, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "punct", "prep", "pobj", "nsubj", "relcl", "dobj", "punct"],
              pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADP", "PRON", "ADJ", "VERB", "INTJ", "PUNCT"],
              tags=["NNP", "VBD", "DT", "NN", ",", "IN", "WDT", "JJS", "VBD", "UH", "."],
              lemmas=["Lee", "ask", "a", "question", ",", "to", "which", "most", "say", "no", "."])
    text = doc.text
    ctx = Context(doc, text, (), _lexicon())
    outer = _claim(text, "Lee", "asked", "a question, to which most said no")
    inner = _claim(text, "most", "said", "no")
    assert cleanup.nest([outer, inner], ctx)[1].relayed_by is None
    # "by which" is no reply: the claim stays relayed
    words[5] = "by"
    doc2 = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, False, True, True, True, True, True,
                                                              False, False],
               heads=[1, 1, 3, 1, 3, 8, 5, 8, 3, 8, 1],
               deps=["nsubj", "ROOT", "det", "dobj", "punct", "prep", "pobj", "nsubj", "relcl", "dobj", "punct"],
               pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADP", "PRON", "ADJ", "VERB", "INTJ", "PUNCT"],
               tags=["NNP", "VBD", "DT", "NN", ",", "IN", "WDT", "JJS", "VBD", "UH", "."],
               lemmas=["Lee", "ask", "a", "question", ",", "by", "which", "most", "say", "no", "."])
    text2 = doc2.text
    outer = _claim(text2, "Lee", "asked", "a question, by which most said no")
    inner = _claim(text2, "most", "said", "no")
    assert cleanup.nest([outer, inner], Context(doc2, text2, (), _lexicon()))[1].relayed_by == outer.cue


def _aside_doc(comma: bool) -> Doc:
    # "Jane Roe said the plan was sound , noting that it cost less ." ("noting" hung on "was")
    words = ["Jane", "Roe", "said", "the", "plan", "was", "sound", ",", "noting", "that", "it", "cost", "less", "."]
    heads = [1, 2, 2, 4, 5, 2, 5, 5, 5, 11, 11, 8, 11, 2]
    deps = ["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct", "advcl", "mark", "nsubj", "ccomp",
            "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT", "VERB", "SCONJ", "PRON", "VERB", "ADJ",
           "PUNCT"]
    tags = ["NNP", "NNP", "VBD", "DT", "NN", "VBD", "JJ", ",", "VBG", "IN", "PRP", "VBD", "JJR", "."]
    spaces = [True] * 6 + [False, True] + [True] * 4 + [False, False]
    if not comma:
        keep = [k for k in range(len(words)) if k != 7]
        old_to_new = {k: n for n, k in enumerate(keep)}
        words, deps, pos, tags = ([x[k] for k in keep] for x in (words, deps, pos, tags))
        heads = [old_to_new[heads[k]] for k in keep]
        spaces = [True] * 11 + [False, False]
    lemmas = [w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas)


def test_a_participle_set_off_after_a_claims_content_is_a_claim_of_the_same_speaker():
    doc = _aside_doc(comma=True)
    text = doc.text
    ctx = Context(doc, text, (), _lexicon())
    outer = _claim(text, "Jane Roe", "said", "the plan was sound, noting that it cost less")
    inner = _claim(text, "the plan", "noting", "that it cost less")
    out = cleanup.nest([outer, inner], ctx)
    assert out[1].relayed_by is None and out[1].speaker.text == "Jane Roe"
    assert out[0].content.text == "the plan was sound" and out[0].relayed_by is None
    # inside a quotation it stays relayed, and the outer content whole
    ctx = Context(doc, text, (), _lexicon(), quotes=(Span.of(text, text.index("the plan"), len(text) - 1),))
    out = cleanup.nest([outer, inner], ctx)
    assert out[1].relayed_by == outer.cue and out[0].content == outer.content
    # not set off by a comma: relayed, as before
    doc = _aside_doc(comma=False)
    text = doc.text
    ctx = Context(doc, text, (), _lexicon())
    outer = _claim(text, "Jane Roe", "said", "the plan was sound noting that it cost less")
    inner = _claim(text, "the plan", "noting", "that it cost less")
    out = cleanup.nest([outer, inner], ctx)
    assert out[1].relayed_by == outer.cue and out[0].content == outer.content


def test_a_participle_after_a_quotation_closed_after_its_comma_is_set_off_too():
    # 'Jane Roe said it was “sound,” noting that it cost less .'
    words = ["Jane", "Roe", "said", "it", "was", "“", "sound", ",", "”", "noting", "that", "it", "cost", "less", "."]
    heads = [1, 2, 2, 4, 2, 6, 4, 4, 4, 4, 12, 12, 9, 12, 2]
    deps = ["compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct", "acomp", "punct", "punct", "advcl", "mark",
            "nsubj", "ccomp", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PRON", "AUX", "PUNCT", "ADJ", "PUNCT", "PUNCT", "VERB", "SCONJ", "PRON", "VERB",
           "ADJ", "PUNCT"]
    tags = ["NNP", "NNP", "VBD", "PRP", "VBD", "``", "JJ", ",", "''", "VBG", "IN", "PRP", "VBD", "JJR", "."]
    spaces = [True, True, True, True, True, False, False, False, True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=[w.lower() for w in words])
    text = doc.text
    ctx = Context(doc, text, (), _lexicon(), quotes=(Span.of(text, text.index("“"), text.index("”") + 1),))
    outer = _claim(text, "Jane Roe", "said", "it was “sound,” noting that it cost less")
    inner = _claim(text, "it was", "noting", "that it cost less")
    out = cleanup.nest([outer, inner], ctx)
    assert out[1].relayed_by is None and out[1].speaker.text == "Jane Roe"
    assert out[0].content.text == "it was “sound,”"


def test_what_the_speaker_called_in_quote_marks_is_not_relayed():
    # The town hoped to shed what Roe called “a bad name” .  ("called" hangs inside "hoped"'s content)
    words = ["The", "town", "hoped", "to", "shed", "what", "Roe", "called", "“", "a", "bad", "name", "”", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 8 + [False, True, True, False, False, False],
              heads=[1, 2, 2, 4, 2, 7, 7, 4, 11, 11, 11, 7, 7, 2],
              deps=["det", "nsubj", "ROOT", "aux", "xcomp", "dobj", "nsubj", "ccomp", "punct", "det", "amod", "oprd",
                    "punct", "punct"],
              pos=["DET", "NOUN", "VERB", "PART", "VERB", "PRON", "PROPN", "VERB", "PUNCT", "DET", "ADJ", "NOUN",
                   "PUNCT", "PUNCT"],
              tags=["DT", "NN", "VBD", "TO", "VB", "WP", "NNP", "VBD", "``", "DT", "JJ", "NN", "''", "."],
              lemmas=["the", "town", "hope", "to", "shed", "what", "Roe", "call", "“", "a", "bad", "name", "”", "."])
    text = doc.text
    q = Span.of(text, text.index("a bad"), text.index("”"))
    ctx = Context(doc, text, (), None, None, (q,))
    outer = _claim(text, "The town", "hoped", "to shed what Roe called “a bad name”")
    inner = replace(_claim(text, "Roe", "called", "a bad name"), quote="direct")
    out = cleanup.nest([outer, inner], ctx)
    assert out[1].relayed_by is None
    plain = replace(inner, quote="indirect")
    ctx_plain = Context(doc, text, (), None, None, ())
    assert cleanup.nest([outer, plain], ctx_plain)[1].relayed_by is not None  # no quotation: relayed as before
