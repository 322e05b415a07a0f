"""Claim builders: from one cue token to a claim (cue, speaker, content), or None.

Every builder has the signature ``(tok, ctx) -> Optional[Claim]`` and checks that the token is its
kind of cue; :data:`BUILDERS` tries them in order and the first claim wins (:func:`find`). The cue's
extent comes from :mod:`.cues`, the speaker from :mod:`.sources`, the content from :mod:`.content`.
:func:`relays` adds the nested claims a relaying participle makes ("..., citing a report by Y").
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np
from spacy.attrs import DEP, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from ..records import Claim, Span
from . import content, cues, sources
from .common import Context, new_claim
from .sources import ANONYMOUS
from .spans import char_span, tokens_span

HEDGE_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}
RELAY_LEMMAS = {"cite", "quote"}
PARENTHETICAL_RATE = 0.6  # only verbs that are cues most of the time stand alone ("you know" is no claim)
# a cue verb in another sense, told by its object: "The storm claimed 3,000 lives" is a death toll, no
# claim (seen on Wikinews: 3 of 3 "claimed ... lives"; none on PolNeAR train, so train-validation is
# unchanged). Conflict monitors read such sentences most.
OTHER_SENSE_OBJECTS = {"claim": {"life", "victim"}}
INHERITED_OBJECT_RATE = 0.5  # "..., citing a report": a participle's object is content for strong cues only
# "her comments about the merger" is an attribution; "her view of the city", "his remarks to the board"
# rarely are (train-validation: adding of/on/to costs 0.04 point source, 0.08 cue exact F1)
NOUN_CONTENT_PREPS = {"about"}
RAISING_VERBS = {"seem", "appear"}
WHEN_WORDS = {"when", "once", "after", "if", "while", "before", "whenever"}
# verbs whose "if"/"whether" clause is what is asked or known ("asked if ...", "wondered whether ...")
QUESTION_VERBS = {"ask", "wonder", "question", "know", "decide", "see", "say", "tell"}
# verbs whose "yes", "no" or "so" is what is said or thought ("said no", "thinks so")
ANSWER_VERBS = {"say", "think", "hope", "guess"}  # their subject belongs to the content, not the source
# the prepositions that lead from a light-verb cue's noun to the content ("raised questions about X")
LIGHT_PREPS = {"about", "over", "of", "on", "into", "for", "against", "to", "with", "at"}

Builder = Callable[[Token, Context], Optional[Claim]]


def light_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"Younger voters have expressed misgivings about Mrs. Clinton": verb and noun make the cue,
    the object of the noun's preposition (or the noun's clause: "expressed concern that ...") is
    the content."""
    noun = ctx.lexicon.light_noun(tok)
    if noun is None:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in LIGHT_PREPS and c.i > noun.i), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    last = prep
    if obj is None:
        # "expressed concern that ...", "issued a statement saying ...": the noun's clause
        obj = next((c for c in noun.children if c.i > noun.i and c.dep_ in ("acl", "ccomp", "relcl")
                    and c.pos_ in ("VERB", "AUX") and (c.tag_ == "VBG" or any(
                        g.dep_ == "mark" and g.lower_ == "that" for g in c.children))), None)
        last = noun
        said = next((c for c in obj.children if c.dep_ == "ccomp"), None) if obj is not None and obj.tag_ == "VBG" else None
        if said is not None:
            obj, last = said, obj  # "issued a statement saying | the report was false"
    subj = sources.subject_of(tok)
    if obj is None or subj is None:
        return None
    span = content.span_of(list(obj.subtree))
    verb = cues.cue_span(tok, ctx.lexicon)
    cue = Span.of(ctx.text, verb.start, last.idx + len(last.text))
    if span is None or cue.end > span.start:
        return None
    return new_claim(sources.speaker(subj, ctx.entities), cue=cue, content=span, quote="indirect", hedge=hedge(tok),
                     rule="verb:light")


def prep_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"According to the ministry, 12 people were injured": the phrase's object is the source, the
    clause it modifies the content."""
    if tok.lower_ not in ("according", "as"):
        return None
    got = cues.prep_cue(tok)
    if got is None:
        return None
    cue_toks, pobj = got
    cue = tokens_span(cue_toks)
    both = content.prep_pieces(tok.head, cue_toks, pobj)
    if both is not None and cue is not None:
        pieces = tuple(p for p in (content.span_of(both[0]), content.span_of(both[1])) if p is not None)
        if len(pieces) == 2:
            return new_claim(sources.speaker(pobj, ctx.entities), cue=cue, content=Span.of(ctx.text, pieces[0].start, pieces[1].end),
                             content_spans=pieces, quote="indirect", rule="according_to")
    toks = content.for_prep(tok.head, cue_toks, pobj)
    if not toks:
        return None
    span = content.span_of(toks)
    if span is None or cue is None:
        return None
    return new_claim(sources.speaker(pobj, ctx.entities), cue=cue, content=span, quote="indirect", rule="according_to")


def verb_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """A verb cue with its complement as content (:func:`.content.for_verb`), else standing alone:
    "X, as Y said" (:func:`as_claim`) or "X, he said, Y" (:func:`parenthetical_claim`)."""
    lex = ctx.lexicon
    if not lex.is_verb_cue(tok):
        return None
    got = content.for_verb(tok, takes_object=lex.takes_object(tok), prep_ok=lex.prep_is_content)
    if got is None:
        got = _for_clause(tok) or _question_clause(tok) or _answer(tok)
    if got is None:
        if lex.strength(tok) < PARENTHETICAL_RATE:
            return None
        return as_claim(tok, ctx) or parenthetical_claim(tok, ctx)
    cue_tok, rule = tok, None
    if got[1] == "open" and lex.passes_through(tok):
        inner = _through(tok, ctx)
        if inner is not None:
            (got, cue_tok), rule = inner, "verb:through"
    toks, kind = got
    if kind == "object" and any(t.dep_ == "dobj" and t.head.i == tok.i
                                and t.lemma_.lower() in OTHER_SENSE_OBJECTS.get(tok.lemma_.lower(), ()) for t in toks):
        return None
    span = content.span_of(toks)
    if span is None:
        return None
    subj = sources.subject_of(tok)
    if subj is None and kind == "clause" and span.end <= tok.idx:
        subj = _postposed_speaker(tok)
    pieces: tuple[Span, ...] = ()
    if subj is not None and span.start <= subj.idx < span.end:
        around = _around_relative(tok, subj, span, ctx)
        if around:
            pieces, span = around, Span.of(ctx.text, around[0].start, around[-1].end)
        else:
            subj = None
    asked = _passive_participle(tok)
    if asked and not _by_agent(tok, subj):
        subj = None  # "Asked about the delay, the mayor said ...": the mayor was asked; who asked, the text does not say
    if kind != "clause" and subj is None and not asked:
        # "..., mandating mutual assistance": without a source an object is no claim. Nor is a bare
        # passive's subject ("Two rallies were announced", round 10, not kept): PolNeAR
        # train-validation with the fold models unchanged gave relation F1 +0.0004 (four folds up), but
        # on 295 Wikinews articles half of its 36 claims were no attributions ("Avenatti was charged
        # with", "the fires be added to"), and with no speaker none is a quote; held to verbs with no
        # other dependent, it kept 4 claims and gained nothing
        return None
    if kind == "open" and not lex.takes_open(cue_tok):
        return None
    if kind != "clause" and subj is not None and subj.head.i != tok.i and tok.dep_ in ("advcl", "acl", "xcomp") \
            and lex.strength(tok) < INHERITED_OBJECT_RATE:
        return None  # "..., raising alarms": a participle with an object is an event, unless a strong cue ("citing")
    # "The governor's veto is expected to ...", "he was accused of ...": a passive subject is not the
    # source (train-validation: +0.5 point relation F1); but one inherited from a conjoined verb is
    # ("Jane Roe was pressed on it and said ...": fold models unchanged, relation +2 found, none lost)
    who = sources.speaker(subj, ctx.entities) if subj is None or subj.dep_ != "nsubjpass" or (
        tok.dep_ == "conj" and subj.head.i == tok.head.i) or (kind != "open" and _has_read_as_is(tok, subj)) \
        else ANONYMOUS
    if subj is None and not asked and kind == "clause" and span.start > tok.idx:
        fronted = _fronted_speaker(tok)
        if fronted:
            who = sources.of_tokens(fronted, ctx.entities)
    if not pieces and subj is not None and subj.head.i == tok.i and (
            (kind == "open" and subj.dep_ == "nsubjpass") or tok.lemma_.lower() in RAISING_VERBS):
        # "The shortage seems to be a real issue", "Turnout is expected to rise", "He seemed tired":
        # the subject is part of what is claimed (PolNeAR train: 80% of such subjects lie in the
        # content; raising verbs with any complement, not only "to ...": +0.26 point relation F1)
        head = sources.phrase(subj)
        if head is not None and head.end <= span.start:
            pieces = (head, span)
            span = Span.of(ctx.text, head.start, span.end)
            who = ANONYMOUS
    prep = content.content_prep(cue_tok, [c for c in cue_tok.children if c.dep_ in ("dobj", "dative")]) \
        if kind == "prep" else None
    if kind == "for":
        prep = tok.doc[toks[0].i - 1]  # "called for": the "for" of the clause belongs to the cue
    if prep is None and cue_tok.i + 1 < len(tok.doc):
        nxt = tok.doc[cue_tok.i + 1]
        if nxt.dep_ == "prep" and nxt.head.i == cue_tok.i and nxt.lower_ in ("on", "for") and span.start > nxt.idx:
            prep = nxt  # "called on Congress to act", "called for a ban": the preposition belongs to the cue
    return new_claim(who, cue=cues.cue_span(cue_tok, lex, prep), content=span, content_spans=pieces, quote="indirect",
                     hedge=hedge(tok), rule=rule or f"verb:{kind}")


def _through(tok: Token, ctx: Context) -> Optional[tuple[tuple[list[Token], str], Token]]:
    """"She continued to insist that ...", "he tried to portray the plan as ...": after a verb that
    PolNeAR train marks as one cue with "to" and the verb it completes (``through_verbs.tsv``), the
    content is what that second verb governs, and the cue runs from the first verb to the second
    (:func:`.cues.cue_span` takes the first in). ((content tokens, kind), second verb), or None when
    the second verb governs nothing that can be content."""
    x = content.open_complement(tok)
    if x is None:
        return None
    got = content.for_verb(x, takes_object=True, prep_ok=ctx.lexicon.prep_is_content)
    return (got, x) if got is not None else None


def _for_clause(tok: Token) -> Optional[tuple[list[Token], str]]:
    """"The senator called for the agency to release the files": the parser makes "for ... to
    release" a clause of its own (an adverbial clause marked by "for") rather than the verb's
    preposition; its subject and infinitive are the content, "called for" the cue. Only right after
    the verb, past particles, adverbs and a day ("called Friday for ..."). PolNeAR train: 29 of 31
    such clauses after a cue verb lie in a gold content; train-validation: 23 claims added right, 1
    wrong (relation F1 +0.04 point, with the claim check's head features +0.1)."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ != "advcl" or c.i <= tok.i:
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if mark is None or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        between = doc[tok.i + 1:mark.i]
        if all(t.dep_ in ("prt", "advmod", "npadvmod") or t.head.dep_ == "npadvmod" for t in between) \
                and len(between) <= 3:
            toks = [t for t in c.subtree if t.i > mark.i]
            return (toks, "for") if toks else None
    return None


def _question_clause(tok: Token) -> Optional[tuple[list[Token], str]]:
    """"Asked if the plan would pass, ...", "she wondered whether ...": the parser makes the
    "if"/"whether" clause adverbial; after a verb of asking or knowing it is the content (PolNeAR
    train: 8 of 11 such clauses after these cues are gold contents, 4 of 16 after other cues; with
    :func:`_answer`, train-validation relation F1 +0.05 point)."""
    if tok.lemma_.lower() not in QUESTION_VERBS:
        return None
    for c in tok.children:
        if c.dep_ == "advcl" and c.i > tok.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") and m.i <= tok.i + 3 for m in c.children):
            return list(c.subtree), "clause"
    return None


def _answer(tok: Token) -> Optional[tuple[list[Token], str]]:
    """"Half said so", "the senator said no": the one word after the verb is what was said
    (PolNeAR train: 14 of 25 such words after "say", "think", "hope", "guess" are a gold content
    with the verb as cue; train-validation: 12 of 13 added claims right)."""
    doc = tok.doc
    if tok.lemma_.lower() not in ANSWER_VERBS or tok.i + 1 >= len(doc):
        return None
    nxt = doc[tok.i + 1]
    return ([nxt], "answer") if nxt.lower_ in ("yes", "no", "so") and nxt.head.i == tok.i else None


def _postposed_speaker(tok: Token) -> Optional[Token]:
    """"“...,” added another Democrat", "“...?” asked the boy": after a clause content that precedes
    the cue, the parser takes the inverted subject for an object; the noun right after the verb,
    ending its sentence or set off by a comma, is the speaker (train-validation: +0.06 point source
    exact and relation F1, +0.2 point quoted attributions found)."""
    obj = next((c for c in tok.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dative")), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.left_edge.i != tok.i + 1 + sum(
            1 for c in tok.rights if c.i < obj.left_edge.i and c.dep_ in ("advmod", "prt")):
        return None
    after = obj.right_edge.i + 1
    doc = tok.doc
    return obj if after >= len(doc) or doc[after].is_punct or doc[after].is_sent_start else None


NOMINAL_OPENERS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM"})


def _fronted_speaker(tok: Token) -> list[Token]:
    """"Jane Roe, the mayor's chief of staff, said ...", "Alarmed by the vote, Senator Jane Roe, the
    minority leader, said ...": the parser hung a subject set off by commas on a clause of its own and
    left the verb without one. The speaker is the run of comma-separated noun phrases (a name, then
    appositives) that ends at the comma right before the verb (an adverb between them allowed: ",
    also said") and starts after the sentence's start or a phrase that opens with no noun ("At the
    club,", "Alarmed by ..."). Only a finite verb that heads its sentence, a clause content after it,
    a run that names someone and whose first phrase has no verb. PolNeAR train-validation (fold
    models unchanged): 9 speakers found right, 2 wrong, relation F1 +0.0004, source exact +0.0004."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    k = tok.i - 1
    while k > tok.sent.start and doc[k].dep_ in ("advmod", "npadvmod", "amod", "det") and doc[k].head.i in (tok.i, k + 1):
        k -= 1
    if doc[k].text != ",":
        return []
    segments, end = [], k
    for j in range(k - 1, tok.sent.start - 1, -1):
        if doc[j].text == "," or j == tok.sent.start:
            first = j if j == tok.sent.start and doc[j].text != "," else j + 1
            if first < end:
                segments.append((first, end))
            end = j
    run = []
    for first, end in segments:  # right to left
        words = doc[first:end]
        if (words[0].pos_ not in NOMINAL_OPENERS and words[0].tag_ != "PRP$") \
                or not any(t.pos_ in ("PROPN", "NOUN") for t in words):
            break
        run.append((first, end))
    while run and not _opens_speaker(doc[run[-1][0]]):
        run.pop()  # "many of them angry, the campaign chief, Jane Roe,": the run starts at "the"
    if run and any(t.pos_ in ("VERB", "AUX") for t in doc[run[-1][0]:run[-1][1]]):
        return []  # "Jane Roe offered him a job, said ...": a clause, not a name
    if not run or len(run) > 3 or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in doc[run[-1][0]:k]):
        return []
    return list(doc[run[-1][0]:k])


def _opens_speaker(lead: Token) -> bool:
    """A word that can open a speaker phrase: a name, a determiner, a possessive, a capitalised
    title ("Jane Roe", "the campaign chief", "her adviser", "Former governor")."""
    return lead.pos_ in ("PROPN", "DET") or lead.tag_ == "PRP$" or (lead.is_title and lead.pos_ in ("ADJ", "NOUN"))


def _has_read_as_is(verb: Token, subj: Token) -> bool:
    """"He's said he will fight on", "she's spoken out against the law": the parser reads the
    contracted "has" as "is" and makes the verb a passive; its subject is the speaker. Only for a
    subject of the verb itself that is not "it", "this" or "that" ("it's said that ...") and a
    verb with no agent and no "as" ("she's seen as a moderate" is a passive). PolNeAR
    train-validation (fold models of main, rules changed only, against this round's other rules):
    relation F1 0.7471 -> 0.7473, source exact 0.7507 -> 0.7508."""
    return subj.head.i == verb.i and subj.lower_ not in ("it", "this", "that", "which") and any(
        c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) and not any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children)


def _passive_participle(tok: Token) -> bool:
    """A participle clause in the passive, with no auxiliary of its own ("Asked about the delay, ...",
    "Told of the verdict, ..."): the main clause's subject is its patient, not the one speaking
    (PolNeAR train-validation: +0.17 point relation F1). Also when the tagger reads it as a past
    tense, as it does in one "Asked ..." of three, or the parser makes it an open complement or a
    conjunct (PolNeAR train gives 56 of 158 "asked" no source, all of them such participles; with
    the fold models unchanged, relation F1 +0.0005, on four folds of five, none down)."""
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in tok.children):
        return False
    if tok.tag_ == "VBN" and tok.dep_ == "advcl":
        return True
    if tok.tag_ not in ("VBN", "VBD") or not tok.lower_.endswith("ed"):
        return False
    # the tagger often reads such a participle as a past tense, or hangs it elsewhere: "Asked whether
    # ..., Jane Roe said" (VBD), "..., she said when asked about ..." (VBD), "..., he said, asked
    # about ..." (an open complement after a comma), "and when asked ..., he said" (a conjunct)
    when = any(c.dep_ == "advmod" and c.lower_ in WHEN_WORDS for c in tok.children)
    doc = tok.doc
    if tok.dep_ == "advcl":
        return when or tok.i == tok.sent.start
    if tok.dep_ == "xcomp":
        return tok.i > 0 and doc[tok.i - 1].text == ","
    return tok.dep_ == "conj" and when


def _by_agent(tok: Token, subj: Optional[Token]) -> bool:
    """Whether ``subj`` is the agent the passive participle ``tok`` names itself ("Asked by a
    reporter whether ..., Jane Roe said": the reporter asks, as PolNeAR marks it). Train-validation
    with the fold models unchanged: 5 speakers added, all right; source exact F1 0.7484 -> 0.7486,
    relation 0.7451 -> 0.7454 (three folds of five up, none down)."""
    return subj is not None and subj.dep_ == "pobj" and subj.head.dep_ == "agent" and subj.head.head.i == tok.i


def _around_relative(tok: Token, subj: Token, span: Span, ctx: Context) -> tuple[Span, ...]:
    """"the rule, which critics said was unfair": the parser put the cue and its subject inside the
    content; the content is what lies around them ("which" | "was unfair"), the subject the source."""
    phrase = sources.phrase(subj)
    cue_end = tok.idx + len(tok.text)
    if phrase is None or not (span.start <= phrase.start and cue_end < span.end and phrase.end <= tok.idx):
        return ()
    lead = char_span(ctx.text, span.start, phrase.start)
    rest = char_span(ctx.text, cue_end, span.end)
    before = ctx.doc.char_span(lead.start, lead.end, alignment_mode="expand") if lead is not None else None
    if before is None or rest is None or not any(t.tag_ in ("WDT", "WP", "WRB") for t in before):
        return ()
    return (lead, rest)


def as_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"X, as Y said" / "As Y noted, X" / "As reported by Y, X": the clause the "as" clause modifies is
    the content. The agent of a passive is the source (train-validation, fold models unchanged, with
    the content rules of this round in place: relation F1 0.7507 -> 0.7509, 7 claims right of 11 new,
    1 of 5 lost; source +0.0002, cue +0.0001, content +0.0001)."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        # "As reported by the Journal, X": the agent is the source
        by = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    head = tok.head
    lo, hi = tok.left_edge.i, tok.right_edge.i
    rest = [t for t in head.subtree if not (lo <= t.i <= hi)]
    left = [t for t in rest if t.i < lo]
    right = [t for t in rest if t.i > hi]
    span = content.span_of(right if len(right) >= len(left) else left)
    if subj is None or span is None:
        return None
    return new_claim(sources.speaker(subj, ctx.entities), cue=cues.cue_span(tok, ctx.lexicon), content=span,
                     quote="indirect", rule="verb:as")


def parenthetical_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"X, he said, Y" and "X, he said.": the content is the rest of the sentence, maybe in two pieces."""
    subj = content.subject(tok) or next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    pieces = content.parenthetical(tok)
    if not pieces:
        return None
    spans = tuple(s for s in (tokens_span(p) for p in pieces) if s is not None)
    if not spans:
        return None
    covering = Span.of(ctx.text, spans[0].start, spans[-1].end)
    return new_claim(sources.speaker(subj, ctx.entities), cue=cues.cue_span(tok, ctx.lexicon), content=covering,
                     content_spans=spans if len(spans) > 1 else (), quote="indirect", rule="verb:parenthetical")


def noun_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"Trump's claim that ...", "the DNC's decision to ...", "his criticism of Clinton": a noun
    cue with a possessor as the source and a clause or a preposition's object as the content. The
    preposition is "about", or one that PolNeAR train gives the noun's content at least
    ``NOUN_PREP_RATE`` of the time (``noun_preps.tsv``: "her attack on", "his embrace of"; this
    makes nouns outside the cue lists cues too); train-validation: 26 of 56 noun claims added right,
    relation F1 +0.04 point, cue exact +0.1."""
    if tok.pos_ != "NOUN":
        return None
    lex = ctx.lexicon
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return bare_noun_claim(tok, ctx)
    learnt = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1
                   and lex.noun_prep_is_content(tok, c) and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if not lex.is_noun_cue(tok) and learnt is None:
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > tok.i
                   and c.pos_ in ("VERB", "AUX")), None)
    prep = None
    if clause is not None:
        toks = list(clause.subtree)
    else:
        prep = learnt or next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPS
                               and c.i == tok.i + 1 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if prep is None:
            return None
        obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
        toks = list(obj.subtree)
    span = content.span_of(toks)
    cue = tokens_span([tok] + ([prep] if prep is not None else []))
    if span is None or cue is None:
        return None
    who = sources.speaker(poss, ctx.entities)
    if who.span is not None:
        # the possessor as written, with its "’s" ("the DNC’s"), as PolNeAR marks it
        who = sources.Speaker(tokens_span(list(poss.subtree)) or who.span, who.canonical, who.type, who.role)
    return new_claim(who, cue=cue, content=span, quote="indirect", rule="noun")


def bare_noun_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"allegations that the ballots were forged", "a demand by the senator that ...": a cue noun
    without a possessor whose "that" clause is its content; the source is the object of "by" or
    "from" on the noun ("criticism from rivals that ..."), or the subject of a verb whose
    preposition governs the noun (:func:`_reacting_subject`: "bristled at the suggestion that"),
    else none is given (a verb's object is as often what is rejected as what is held: "dismissed
    the argument that"). On PolNeAR train fold 0 about half of such nouns with a "that" clause are
    gold cues ("the fact that", "the idea that" are not cue nouns). Rule "noun:bare", so the claim
    check weighs it apart. Train-validation (fold models retrained): 56 claims kept, 38 right;
    relation F1 0.7470 -> 0.7482 (P 0.8379 -> 0.8381, R 0.6739 -> 0.6758, 4 of 5 folds up), cue
    exact 0.6900 -> 0.6913, content 0.6236 -> 0.6240, source 0.7513 -> 0.7516."""
    if not ctx.lexicon.is_noun_cue(tok):
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > tok.i
                   and c.pos_ in ("VERB", "AUX")
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        return None
    span = content.span_of(list(clause.subtree))
    cue = tokens_span([tok])
    if span is None or cue is None:
        return None
    by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and tok.i < c.i < clause.i), None)
    agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if agent is None:
        agent = _reacting_subject(tok, ctx)
    who = sources.speaker(agent, ctx.entities)
    return new_claim(who, cue=cue, content=span, quote="indirect", rule="noun:bare")


def _reacting_subject(noun: Token, ctx: Context) -> Optional[Token]:
    """"Her allies bristled at the suggestion that ...", "his rivals cling to the hope that ...":
    the subject of the verb whose preposition governs the noun holds or answers the claim, as
    PolNeAR marks it; only a subject that names someone, never a cue noun ("concerns rose over
    claims that")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB" or prep.head.lemma_ == "be":
        return None
    subj = sources.subject_of(prep.head)
    if subj is None or subj.i > prep.head.i or ctx.lexicon.is_noun_cue(subj):
        return None
    # someone who can hold a view: a name, a personal pronoun, or someone's ("Cruz's allies");
    # not "the talks stalled over a demand that ..."
    if (subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or (subj.pos_ == "PRON" and subj.lower_ not in ("it", "this", "that", "which"))
            or any(c.dep_ == "poss" for c in subj.children)):
        return subj
    return None


def frame_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"Roe leads Doe by 9 points in the latest Gallup poll", "In the CBS survey, her lead narrowed":
    a preposition on a verb frames the verb's clause as what its noun object says, when PolNeAR
    train marks that object (per lemma, preposition and tag, ``frames.tsv``) as the source with the
    preposition as the cue often enough (:attr:`.cues.FRAME_RATE`). The noun opens the claim; the
    preposition is the cue, the noun's phrase the source, the clause without the phrase the content
    (:func:`.content.for_frame`). Rule "frame"; made after the claim check (:func:`frames`).
    PolNeAR train: "in" + a singular "poll" is the cue of its object 21 times in 32, "in the polls"
    11 in 60. Train-validation (fold models otherwise unchanged): 38 claims, 24 right; relation F1
    0.7498 -> 0.7504 (P 0.8426 -> 0.8421, R 0.6755 -> 0.6766; 4 of 5 folds up), cue exact 0.6937 ->
    0.6942 (4 folds up), source 0.7521 -> 0.7524, content 0.6267 -> 0.6269; with the content on the
    larger side, as for "according to" (main's fold models): 31 claims, 21 right."""
    prep = tok.head
    if tok.dep_ != "pobj":
        return None
    source = ctx.lexicon.frame_source(prep)
    if source is None or source.i != tok.i:
        return None
    cue = tokens_span([prep])
    both = content.prep_pieces(prep.head, (prep,), tok)
    if both is not None:
        pieces = tuple(p for p in (content.span_of(both[0]), content.span_of(both[1])) if p is not None)
        if len(pieces) == 2 and cue is not None:
            return new_claim(sources.speaker(tok, ctx.entities), cue=cue, content=Span.of(ctx.text, pieces[0].start, pieces[1].end),
                             content_spans=pieces, quote="indirect", rule="frame")
    toks = content.for_frame(prep.head, prep, tok)
    span = content.span_of(toks) if toks else None
    if span is None or cue is None:
        return None
    return new_claim(sources.speaker(tok, ctx.entities), cue=cue, content=span, quote="indirect", rule="frame")


def predicate_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"The senator is sure that the bill will pass", "she was critical of the plan", "they are
    eager to ...", "he is a critic of the plan": a predicative adjective or noun whose complement
    PolNeAR train marks as its content at least ``PREDICATE_RATE`` of the time (``predicates.tsv``)
    is a cue with the copula, the copula's subject is the source. Train-validation, adjectives
    only: 40 claims, 35 right; content exact F1 +0.2 point, source +0.07, cue +0.05, relation
    -0.04 (the retrained claim check moves about 70 other claims each way); with the nouns after
    "be" as well: 46 claims, 40 right, relation F1 0.7381 -> 0.7390."""
    if not content.is_predicate(tok):
        return None
    got = content.predicate_complement(tok)
    if got is None or not ctx.lexicon.predicate_is_cue(tok, got[0]):
        return None
    key, comp = got
    verb = tok.head
    subj = sources.subject_of(verb)
    if subj is None or subj.dep_ == "nsubjpass" or subj.i > verb.i:
        return None
    last = tok if key == "clause" else comp.head
    span = content.span_of(list(comp.subtree))
    cue = Span.of(ctx.text, cues.cue_span(verb, ctx.lexicon).start, last.idx + len(last.text))
    if span is None or cue.end > span.start:
        return None
    return new_claim(sources.speaker(subj, ctx.entities), cue=cue, content=span, quote="indirect", rule="predicate")


def adverb_claim(tok: Token, ctx: Context) -> Optional[Claim]:
    """"X apparently believed ...", "troops have reportedly reached ...": the adverb hedges the
    clause it modifies, with no source (when the verb is a cue itself, it hedges that claim)."""
    if tok.lower_ not in HEDGE_ADVERBS or tok.dep_ != "advmod" or ctx.lexicon.is_verb_cue(tok.head):
        return None
    span = tokens_span([t for t in tok.head.subtree if t.i != tok.i])
    cue = tokens_span([tok])
    if span is None or cue is None:
        return None
    return new_claim(ANONYMOUS, cue=cue, content=span, hedge=tok.lower_, quote="indirect", rule="hedge_adverb")


def hedge(tok: Token) -> Optional[str]:
    """The hedge of a verb claim: the cue itself ("suggest", "estimate") or an adverb on it ("apparently")."""
    lemma = tok.lemma_.lower()
    if lemma in cues.HEDGES:
        return lemma
    return next((c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS), None)


# Tried in this order on every token; the first claim wins.
BUILDERS: tuple[Builder, ...] = (light_claim, prep_claim, verb_claim, noun_claim, predicate_claim, adverb_claim)


# What a builder's first test asks of its token: a verb or auxiliary (light_claim, verb_claim), a
# noun (noun_claim, and verb_claim's "claims" tagged NNS), a predicative adjective or noun
# (predicate_claim), the first word of "according to" (prep_claim) or a hedging adverb
# (adverb_claim). Other tokens, about half of a text, head no claim and skip the builders.
_OPENING_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_OPENING_WORDS = frozenset({first for first, _ in cues.PREP_CUES} | HEDGE_ADVERBS)


def may_open(tok: Token) -> bool:
    """Whether any builder can start from this token (a cheap test before trying them all)."""
    return tok.pos_ in _OPENING_POS or tok.tag_ == "NNS" or tok.lower_ in _OPENING_WORDS


def _ids(doc: Doc, strings) -> np.ndarray:
    return np.array([doc.vocab.strings[x] for x in strings], dtype=np.uint64)


def openers(doc: Doc) -> list[int]:
    """The indices of the tokens :func:`may_open` accepts, in order, read from one ``to_array``
    instead of a Python test per token (the same tokens; under cProfile, iterating and testing
    every token took about 6% of attribution's time; bench/stages.py shows no gain beyond its noise)."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([POS, TAG, LOWER])
    ok = np.isin(arr[:, 0], _ids(doc, _OPENING_POS)) | (arr[:, 1] == doc.vocab.strings["NNS"]) \
        | np.isin(arr[:, 2], _ids(doc, _OPENING_WORDS))
    return ok.nonzero()[0].tolist()


# The same first tests, one per builder (part of speech, tag, lower-case word), so that a token is
# offered only to the builders that can start from it: a noun no longer goes through the verb
# builders and back (tests/test_builders.py checks every builder against its test on made-up text).
OPENS: dict[Builder, Callable[[str, str, str], bool]] = {
    light_claim: lambda pos, tag, low: pos == "VERB",  # cues.Lexicon.light_noun
    prep_claim: lambda pos, tag, low: low in ("according", "as"),
    verb_claim: lambda pos, tag, low: pos in ("VERB", "AUX") or tag == "NNS",  # cues.Lexicon.is_verb_cue
    noun_claim: lambda pos, tag, low: pos == "NOUN",
    predicate_claim: lambda pos, tag, low: pos in ("ADJ", "NOUN"),  # content.is_predicate
    adverb_claim: lambda pos, tag, low: low in HEDGE_ADVERBS,
}
_OPENED_BY: dict = {}  # (POS, TAG, LOWER ids, the word's only when one of OPENS reads it) -> builders


def _builders_for(doc: Doc, pos: int, tag: int, low: int) -> tuple[Builder, ...]:
    """The builders of :data:`BUILDERS`, in order, whose first test a token with these ids passes."""
    key = (pos, tag, low)
    got = _OPENED_BY.get(key)
    if got is None:
        strings = doc.vocab.strings
        p, t, w = strings[pos], strings[tag], strings[low] if low else ""
        got = _OPENED_BY[key] = tuple(b for b in BUILDERS if OPENS[b](p, t, w))
    return got


_OPENING_LOWER = frozenset({"according", "as"} | HEDGE_ADVERBS)


def find(ctx: Context) -> tuple[list[Claim], set[int]]:
    """The claims the builders make, in token order, and the indices of their cue tokens. Each
    token meets only the builders whose first test it passes (:data:`OPENS`): the same claims on
    the 295 Wikinews articles of bench/stages.py; attribution's instructions on the first 60 of them
    (cachegrind) 4,039M -> 3,984M, -1.3%."""
    claims: list[Claim] = []
    used: set[int] = set()
    doc = ctx.doc
    idx = openers(doc)
    if not idx:
        return claims, used
    arr = doc.to_array([POS, TAG, LOWER])[idx]
    arr[~np.isin(arr[:, 2], _ids(doc, _OPENING_LOWER)), 2] = 0
    for i, (pos, tag, low) in zip(idx, arr.tolist()):
        tok = doc[i]
        for build in _builders_for(doc, pos, tag, low):
            claim = build(tok, ctx)
            if claim is not None:
                claims.append(claim)
                used.add(tok.i)
                break
    return claims, used


def frames(claims: list[Claim], ctx: Context) -> list[Claim]:
    """The claims :func:`frame_claim` makes on the article's preposition objects, but none whose cue
    lies inside the cue of one of ``claims`` (the claims kept so far). They come after the claim
    check (:func:`extract.attribution.extract`), which neither drops them nor learns from them:
    about 30 such candidates in a training set are too few to weigh the rule, and among its
    candidates they moved the check's other decisions as retraining does (PolNeAR train-validation
    with the check retrained on them: relation F1 0.7498 -> 0.7494, fold 2 -0.0044, while 24 of the
    36 frame claims were right)."""
    doc = ctx.doc
    if not ctx.lexicon.frames or not len(doc):
        return []
    out = []
    for i in (doc.to_array(DEP) == doc.vocab.strings["pobj"]).nonzero()[0]:
        claim = frame_claim(doc[int(i)], ctx)
        if claim is not None and not any(c.cue.start <= claim.cue.start < c.cue.end for c in claims):
            out.append(claim)
    return out


def relays(claims: list[Claim], ctx: Context) -> list[Claim]:
    """Nested attribution: "X said ..., citing a report by Y" relays Y's claim through X (such
    claims are linked by ``relayed_by``; PolNeAR, univocal, does not annotate them)."""
    out = []
    doc = ctx.doc
    advcl = (doc.to_array(DEP) == doc.vocab.strings["advcl"]).nonzero()[0] if len(doc) else ()
    relaying = [doc[int(i)] for i in advcl if doc[int(i)].lemma_.lower() in RELAY_LEMMAS]
    for c in claims:
        for tok in relaying:
            if not (c.cue.start <= tok.head.idx < c.cue.end):
                continue
            obj = next((k for k in tok.children if k.dep_ == "dobj"), None)
            if obj is None:
                continue
            by = next((p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")), None)
            src = next((k for k in by.children if k.dep_ == "pobj"), None) if by is not None else None
            cue = tokens_span([tok])
            if cue is None:
                continue
            out.append(new_claim(sources.speaker(src if src is not None else obj, ctx.entities), cue=cue,
                                 content=c.content, content_spans=c.content_spans, quote=c.quote, rule="relay",
                                 relayed_by=c.cue))
    return out
