"""Attribution: who claimed what, found in one parsed article.

The driver calls the parts in turn, as citron does: cues (:mod:`.cues`) find the attributing
words, sources (:mod:`.sources`) the speaker, content (:mod:`.content`) what was claimed, quotes
(:mod:`.quotes`) the direct quotations, coreference (:mod:`.coreference`) the canonical speaker.
"""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ..records import ArticleMeta, Claim, Entity, Span, replace
from ..nlp import text_of
from . import content as content_
from . import coreference, cues, layout, quotes, sources
from .spans import char_span, tokens_span

HEDGE_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}
RELAY_LEMMAS = {"cite", "quote"}
PARENTHETICAL_RATE = 0.6  # only verbs that are cues most of the time stand alone ("you know" is no claim)
INHERITED_OBJECT_RATE = 0.5  # "..., citing a briefing": a participle's object is content for strong cues only
# "his comments about X" is an attribution; "his view of NATO", "statements to the FBI" rarely are
NOUN_CONTENT_PREPS = {"about"}
RAISING_VERBS = {"seem", "appear"}  # their subject belongs to the content, not the source
# the prepositions that lead from a light-verb cue's noun to the content ("raised questions about X")
LIGHT_PREPS = {"about", "over", "of", "on", "into", "for", "against", "to", "with", "at"}

__all__ = ["extract"]


def extract(doc: Doc, entities: Sequence[Entity] = (), meta: Optional[ArticleMeta] = None,
            lexicon: Optional[cues.Lexicon] = None) -> tuple[Claim, ...]:
    """All claims of a parsed article, in text order."""
    lex = lexicon or cues.lexicon()
    text = text_of(doc)
    claims: list[Claim] = []
    used_cues: set[int] = set()
    for tok in doc:
        noun = lex.light_noun(tok)
        claim = _light_claim(tok, noun, entities) if noun is not None else None
        if claim is not None:
            pass
        elif tok.lower_ in ("according", "as") and cues.prep_cue(tok) is not None:
            claim = _prep_claim(tok, entities)
        elif lex.is_verb_cue(tok):
            claim = _verb_claim(tok, lex, entities)
        elif _misparsed_verb(tok, lex):
            claim = _repaired_claim(tok, entities)
        elif lex.is_noun_cue(tok):
            claim = _noun_claim(tok, entities)
        elif tok.lower_ in HEDGE_ADVERBS and tok.dep_ == "advmod" and not lex.is_verb_cue(tok.head):
            # "X apparently believed ...": the adverb hedges the verb's own claim, it makes none
            claim = _adverb_claim(tok)
        if claim is not None:
            claims.append(claim)
            used_cues.add(tok.i)
    qspans = quotes.find(text)
    claims = _layout_claims(doc, qspans, entities) + claims
    claims = _attach_quotes(doc, claims, qspans, lex, entities, used_cues)
    claims = _split_quotes(text, claims, qspans)
    claims += _relays(doc, claims, entities)
    if meta is not None:
        claims = [_outside_exclusions(c, meta, text) for c in claims if not meta.is_excluded(c.cue.start, c.cue.end)
                  and not meta.is_excluded(c.content.start, c.content.end)]
    claims = _split_coordinated(doc, _dedupe([_speaker_apart(c, text) for c in claims]))
    claims = _unresolvable_in_quotes(_nest(claims), qspans)
    claims = coreference.resolve(claims, entities, _name_subjects(doc, entities))
    return tuple(sorted(claims, key=lambda c: (c.cue.start, c.content.start)))


def _outside_exclusions(c: Claim, meta: ArticleMeta, text: str) -> Claim:
    """A speaker phrase that the parser ran into a dateline ("WASHINGTON -- President Obama") starts after it."""
    sp = c.speaker
    if sp is None or not meta.is_excluded(sp.start, sp.end):
        return c
    start = max([x.end for x in meta.excluded if x.start < sp.end and sp.start < x.end] + [sp.start])
    trimmed = char_span(text, start, sp.end)
    return replace(c, speaker=trimmed) if trimmed is not None else replace(c, speaker=None, speaker_canonical=None)


def _speaker_apart(c: Claim, text: str) -> Claim:
    """A speaker phrase never runs into its own cue or content: when a misparse made the subject's
    subtree swallow the verb ("Roy Cooper (D), ..., called Friday for ..."), it ends before them."""
    sp = c.speaker
    if sp is None:
        return c
    parts = (c.cue,) + c.spans
    if not any(p.overlaps(sp) for p in parts):
        return c
    stops = [p.start for p in parts if p.start > sp.start and p.overlaps(sp)]
    cut = char_span(text, sp.start, min(stops)) if stops else None
    if cut is None:
        return c
    return replace(c, speaker=cut)


def _layout_claims(doc: Doc, qspans: list[Span], entities: Sequence[Entity]) -> list[Claim]:
    """Claims the layout makes: "NAME: text" lines and quotes signed "― Name"."""
    text = text_of(doc)
    out = []
    found = [(sp, cue, con, "layout:signed") for sp, cue, con in layout.signed_quotes(text, qspans)]
    found += [(sp, cue, con, "layout:colon") for sp, cue, con in layout.colon_lines(text)]
    for sp, cue, con, rule in found:
        name = next((e for e in entities if e.label == "PERSON" and e.span.overlaps(sp)), None)
        head = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        stype = "person" if name is not None or sp.text.isupper() else "unknown"
        if head is not None and stype == "unknown":
            stype = sources.classify(head.root, sp, entities, named=False)
        out.append(Claim(cue=cue, content=con, speaker=sp, speaker_canonical=name.canonical if name else sp.text.title()
                         if sp.text.isupper() else sp.text, speaker_type=stype, quote="direct", rule=rule))
    return out


def _speaker(head: Optional[Token], entities: Sequence[Entity]) -> dict:
    if head is None:
        return {}
    ante = sources.antecedent(head)
    if ante is not None:
        # "the agency, which said ...": the speaker is written "which", its canonical name is the agency's
        named = _speaker(ante, entities)
        span = tokens_span([head])
        if span is not None and named:
            return {**named, "speaker": span, "speaker_role": None}
    written = sources.phrase(head)
    span = sources.core(head) or written
    if span is None or written is None:
        return {}
    full = sources.full_phrase(head)
    name = _name_in(span, full, head, entities)
    stype = sources.classify(head, span, entities, named=name is not None)
    if name is not None:
        canonical = name.canonical if isinstance(name, Entity) else name.text
    else:
        canonical = coreference.capital_country(span.text) if stype == "country_or_group" else None
    if canonical is None:
        org = next((e for e in entities if e.label == "ORG" and span.contains(e.span)
                    and e.span.start <= head.idx < e.span.end), None)
        canonical = org.canonical if org is not None else span.text
    role = sources.role(span, name if isinstance(name, Entity) else None, full)
    return {"speaker": written, "speaker_canonical": canonical, "speaker_type": stype, "speaker_role": role}


def _name_in(span: Span, full: Optional[Span], head: Token, entities: Sequence[Entity]):
    """The person named in a speaker phrase: a PERSON entity, or a proper noun the head is named by."""
    person_head = head.pos_ == "PROPN" or head.lemma_.lower() in sources.PERSON_HEADS
    for area in (span, full if person_head else None):
        if area is None:
            continue
        persons = [e for e in entities if e.label == "PERSON" and area.contains(e.span)]
        if persons:
            return max(persons, key=lambda e: len(e.span.text))
    if head.pos_ == "NOUN" and head.lemma_.lower() in sources.PERSON_HEADS:
        for t in head.subtree:
            if t.pos_ == "PROPN" and t.dep_ in ("pobj", "appos", "attr", "oprd", "npadvmod", "dobj"):
                toks = [c for c in t.subtree if c.pos_ == "PROPN" and c.text[:1].isupper()]
                sp = tokens_span(toks)
                if sp is not None:
                    return sp
    return None


def _verb_claim(tok: Token, lex, entities) -> Optional[Claim]:
    got = content_.for_verb(tok, takes_object=lex.takes_object(tok), prep_ok=lex.prep_is_content)
    if got is None:
        if lex.strength(tok) < PARENTHETICAL_RATE:
            return None
        return _as_claim(tok, entities) or _parenthetical_claim(tok, entities)
    toks, kind = got
    span = content_.span_of(toks)
    if span is None:
        return None
    subj = sources.subject_of(tok)
    if subj is not None and span.start <= subj.idx < span.end:
        subj = None
    if kind != "clause" and subj is None:
        return None  # "..., mandating mutual assistance": without a source an object is no claim
    if subj is None and tok.tag_ == "VB" and tok.dep_ in ("ROOT", "conj") and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None  # an imperative ("Tell me what you will do", "Let's say you think ...") claims nothing
    if kind == "open" and not lex.takes_open(tok):
        return None
    if kind != "clause" and subj is not None and subj.head.i != tok.i and tok.dep_ in ("advcl", "acl", "xcomp") \
            and lex.strength(tok) < INHERITED_OBJECT_RATE:
        return None  # "..., raising alarms": a participle with an object is an event, unless a strong cue ("citing")
    # "Obama's veto is expected to ...", "he was accused of ...": a passive subject is not the source
    sp = _speaker(subj, entities) if subj is None or subj.dep_ != "nsubjpass" else {"speaker_type": "anonymous"}
    pieces: tuple[Span, ...] = ()
    if kind == "open" and subj is not None and subj.head.i == tok.i and (
            subj.dep_ == "nsubjpass" or tok.lemma_.lower() in RAISING_VERBS):
        # "The lack of enthusiasm seems to be a real issue", "Turnout is expected to rise": the
        # subject is part of what is claimed (PolNeAR train: 80% of such subjects lie in the content)
        head = sources.phrase(subj)
        if head is not None and head.end <= span.start:
            pieces = (head, span)
            span = Span.of(text_of(tok.doc), head.start, span.end)
            sp = {"speaker_type": "anonymous"}
    lemma = tok.lemma_.lower()
    prep = content_.content_prep(tok, [c for c in tok.children if c.dep_ in ("dobj", "dative")]) if kind == "prep" else None
    if kind == "passive":
        prep = next((c for c in tok.children if c.dep_ == "agent" and c.i <= tok.i + 2), None)  # "is supported by"
    if prep is None and tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        if nxt.dep_ == "prep" and nxt.head.i == tok.i and nxt.lower_ in ("on", "for") and span.start > nxt.idx:
            prep = nxt  # "called on Congress to act", "called for a ban": the preposition belongs to the cue
    cue = cues.cue_span(tok, prep)
    return Claim(cue=cue, content=span, content_spans=pieces, quote="indirect",
                 hedge=_hedge(tok), rule=f"verb:{kind}", **sp)


def _light_claim(tok: Token, noun: Token, entities) -> Optional[Claim]:
    """"Younger voters have expressed misgivings about Mrs. Clinton": verb and noun make the cue,
    the object of the noun's preposition (or the noun's clause: "expressed concern that ...") is
    the content."""
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
    span = content_.span_of(list(obj.subtree))
    verb = cues.cue_span(tok)
    cue = Span.of(text_of(tok.doc), verb.start, last.idx + len(last.text))
    if span is None or cue.end > span.start:
        return None
    return Claim(cue=cue, content=span, quote="indirect", hedge=_hedge(tok), rule="verb:light", **_speaker(subj, entities))


def _hedge(tok: Token) -> Optional[str]:
    """The hedge of a verb claim: the cue itself ("suggest", "estimate") or an adverb on it ("apparently")."""
    lemma = tok.lemma_.lower()
    if lemma in cues.HEDGES:
        return lemma
    return next((c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS), None)


def _noun_claim(tok: Token, entities) -> Optional[Claim]:
    """"Trump's claim that ...", "the DNC's decision to ...", "his criticism of Clinton": a noun
    cue with a possessor as the source and a clause or a preposition's object as the content."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > tok.i
                   and c.pos_ in ("VERB", "AUX")), None)
    prep = None
    if clause is not None:
        toks = list(clause.subtree)
    else:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPS
                     and c.i == tok.i + 1 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if prep is None:
            return None
        obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
        toks = list(obj.subtree)
    span = content_.span_of(toks)
    cue = tokens_span([tok] + ([prep] if prep is not None else []))
    if span is None or cue is None:
        return None
    sp = _speaker(poss, entities)
    if sp.get("speaker") is not None:
        # the possessor as written, with its "’s" ("the DNC’s"), as PolNeAR marks it
        whole = tokens_span(list(poss.subtree))
        sp["speaker"] = whole or sp["speaker"]
    return Claim(cue=cue, content=span, quote="indirect", rule="noun", **sp)


def _as_claim(tok: Token, entities) -> Optional[Claim]:
    """"X, as Y said" / "As Y noted, X": the clause the "as" clause modifies is the content."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    head = tok.head
    lo, hi = tok.left_edge.i, tok.right_edge.i
    rest = [t for t in head.subtree if not (lo <= t.i <= hi)]
    left = [t for t in rest if t.i < lo]
    right = [t for t in rest if t.i > hi]
    side = right if len(right) >= len(left) else left
    span = content_.span_of(side)
    if subj is None or span is None:
        return None
    return Claim(cue=cues.cue_span(tok), content=span, quote="indirect", rule="verb:as", **_speaker(subj, entities))


def _parenthetical_claim(tok: Token, entities) -> Optional[Claim]:
    """"X, he said, Y" and "X, he said.": the content is the rest of the sentence, maybe in two pieces."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    pieces = content_.parenthetical(tok)
    if not pieces:
        return None
    spans = tuple(s for s in (tokens_span(p) for p in pieces) if s is not None)
    if not spans:
        return None
    covering = Span.of(text_of(tok.doc), spans[0].start, spans[-1].end)
    return Claim(cue=cues.cue_span(tok), content=covering, content_spans=spans if len(spans) > 1 else (),
                 quote="indirect", rule="verb:parenthetical", **_speaker(subj, entities))


def _misparsed_verb(tok: Token, lex) -> bool:
    """A reporting verb the tagger read as an adjective in a sentence with no verb at all.

    "The update, received during the visit, detailed the involvement." is sometimes parsed as a
    noun phrase with "detailed" modifying "involvement": a verbless root is a parse failure, and a
    past-tense cue after the subject's closing comma is the missing main verb.
    """
    if tok.tag_ not in ("JJ", "VBN") or tok.dep_ != "amod" or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return False
    root = tok.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ == "VERB" and t.dep_ in ("ROOT", "ccomp") for t in tok.sent):
        return False
    low = tok.lower_
    return low.endswith("ed") and any(c in lex.object for c in (low[:-1], low[:-2]))


def _repaired_claim(tok: Token, entities) -> Optional[Claim]:
    root = tok.sent.root
    obj_end = tok.head.right_edge.i
    content = tokens_span(tok.doc[tok.i + 1:obj_end + 1])
    if content is None or root.i > tok.i:
        return None
    sp = _speaker(root, entities)
    cue = tokens_span([tok])
    return Claim(cue=cue, content=content, quote="indirect", rule="verb:repaired", **sp)


def _prep_claim(tok: Token, entities) -> Optional[Claim]:
    got = cues.prep_cue(tok)
    if got is None:
        return None
    cue_toks, pobj = got
    content_toks = content_.for_prep(tok.head, cue_toks, pobj)
    if not content_toks:
        return None
    span = content_.span_of(content_toks)
    cue = tokens_span(cue_toks)
    if span is None or cue is None:
        return None
    return Claim(cue=cue, content=span, quote="indirect", rule="according_to", **_speaker(pobj, entities))


def _adverb_claim(tok: Token) -> Optional[Claim]:
    head = tok.head
    span = tokens_span([t for t in head.subtree if t.i != tok.i])
    cue = tokens_span([tok])
    if span is None or cue is None:
        return None
    return Claim(cue=cue, content=span, speaker=None, speaker_type="anonymous", hedge=tok.lower_,
                 quote="indirect", rule="hedge_adverb")


def _attach_quotes(doc: Doc, claims: list[Claim], qspans: list[Span], lex, entities, used: set[int]) -> list[Claim]:
    """Make claims whose content is a quotation direct, and give orphan quotes a speaker."""
    out = list(claims)
    for q in qspans:
        # a cue inside the quotation ("“... I think ...,” she said") belongs to the quoted speaker's words
        hits = [i for i, c in enumerate(out) if c.content.overlaps(q) and not q.contains(c.cue)]
        if hits:
            i = max(hits, key=lambda k: _overlap(out[k].content, q))
            c = out[i]
            outside = text_of(doc)[c.content.start:q.start].strip(" \t\"“”'‘’,:")
            spill = text_of(doc)[q.end:c.content.end]
            if not outside and c.content.end <= c.cue.start and len(spill) <= 25 and not any(ch in spill for ch in ".?!\n"):
                c = replace(c, content=Span.of(text_of(doc), c.content.start, q.end))  # "“...,” Tulsa police Chief ...": a misparse
            if q.contains(c.content) or (outside.lower() in ("", "that", "if", "whether") and c.content.end <= q.end + 2):
                # the content is the quotation (with its "that" when the text has one before it)
                content = _strip_quote(q) if q.contains(c.content) or not outside else \
                    Span.of(text_of(doc), c.content.start, _strip_quote(q).end)
                out[i] = replace(c, content=content, quote="direct")
            else:
                out[i] = replace(c, quote="mixed")
            continue
        if not _own_cue_after(doc, q, lex, used) and _continue_quote(doc, q, out, lex):
            continue
        claim = _quote_claim(doc, q, lex, entities, used)
        if claim is not None:
            out.append(claim)
    return out


def _split_quotes(text: str, claims: list[Claim], qspans: list[Span]) -> list[Claim]:
    """"“By locking in China,” Mr. Obama said, “it now allowed me ...”": the quotation that ends
    right before the speaker and cue is the first piece of the one after them."""
    out = list(claims)
    for i, c in enumerate(out):
        if c.quote != "direct" or c.content_spans or c.content.start < c.cue.end:
            continue
        lead = min(c.cue.start, c.speaker.start if c.speaker is not None else c.cue.start)
        before = [q for q in qspans if q.end <= lead and not text[q.end:lead].strip(" \t,\"“”'‘’")]
        if not before:
            continue
        q1 = _strip_quote(before[-1])
        if any(o is not c and any(p.overlaps(q1) for p in o.spans) for o in out) or q1.end <= q1.start:
            continue
        pieces = (q1, c.content)
        out[i] = replace(c, content=Span.of(text, q1.start, c.content.end), content_spans=pieces)
    return out


def _own_cue_after(doc: Doc, q: Span, lex, used: set[int]) -> bool:
    """Whether a free cue verb follows the quote in its sentence ("“...,” she added")."""
    after = _tokens_between(doc, q.end, q.end + 60)
    for t in after:
        if t.is_sent_start or t.text in (".", "?", "!"):
            return False
        if lex.is_verb_cue(t) and t.i not in used:
            return True
    return False


def _continue_quote(doc: Doc, q: Span, claims: list[Claim], lex) -> bool:
    """A quote right after an attributed one, with no cue of its own, continues that claim."""
    prev = [i for i, c in enumerate(claims) if c.quote == "direct" and c.spans[-1].end <= q.start]
    if not prev:
        return False
    i = max(prev, key=lambda k: claims[k].spans[-1].end)
    c = claims[i]
    gap_start = max(c.spans[-1].end, c.cue.end, c.speaker.end if c.speaker else 0)
    gap = text_of(doc)[gap_start:q.start]
    if len(gap.strip()) > 40 or gap.count("\n") > 2:
        return False  # news style: the next paragraph's quote with no cue goes on with the same speaker
    if any(lex.is_verb_cue(t) and t.idx >= gap_start for t in _tokens_between(doc, gap_start, q.start)):
        return False  # "“...,” he said. Graham asked: “...”": the new quote has a cue of its own
    pieces = c.spans + (_strip_quote(q),)
    covering = Span.of(text_of(doc), pieces[0].start, pieces[-1].end)
    claims[i] = replace(c, content=covering, content_spans=pieces)
    return True


def _strip_quote(q: Span) -> Span:
    """A quotation without the comma that joins it to its cue ("...,” Ri stated")."""
    end = q.end
    while end > q.start and q.text[end - q.start - 1] in ",;: ":
        end -= 1
    return Span(q.start, end, q.text[: end - q.start])


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _quote_claim(doc: Doc, q: Span, lex, entities, used: set[int]) -> Optional[Claim]:
    """An orphan quote: the claim of a free cue verb next to it ("“...,” she said", "she said: “...”")."""
    text = text_of(doc)
    # a speech verb right after the quote ("..." she said) or right before it (she said: "...")
    window = [t for t in _tokens_between(doc, q.end, q.end + 80)] + [t for t in _tokens_between(doc, q.start - 80, q.start)]
    for t in window:
        if lex.is_verb_cue(t) and t.i not in used:
            subj = sources.subject_of(t)
            if subj is None:
                continue
            between = text[min(q.end, t.idx):max(q.start, t.idx)] if t.idx >= q.end else text[t.idx:q.start]
            crosses_sentence = t.idx >= q.end and len(between) > 40 and any(ch in between for ch in ".?!")
            if "\n" in between or crosses_sentence:
                continue
            used.add(t.i)
            return Claim(cue=cues.cue_span(t), content=_strip_quote(q), quote="direct", rule="quote:cue", **_speaker(subj, entities))
    return None


def _tokens_between(doc: Doc, start: int, end: int):
    """The tokens that start within [start, end) characters."""
    start, end = max(start, 0), min(end, len(text_of(doc)))
    if end <= start:
        return []
    span = doc.char_span(max(start, 0), min(end, len(text_of(doc))), alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def _relays(doc: Doc, claims: list[Claim], entities) -> list[Claim]:
    """Nested attribution: "X revealed ..., citing a briefing by Y" relays Y's claim through X."""
    out = []
    relaying = [t for t in doc if t.dep_ == "advcl" and t.lemma_.lower() in RELAY_LEMMAS]
    for c in claims:
        for tok in relaying:
            if not (c.cue.start <= tok.head.idx < c.cue.end):
                continue
            obj = next((k for k in tok.children if k.dep_ == "dobj"), None)
            if obj is None:
                continue
            by = next((p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")), None)
            src = next((k for k in by.children if k.dep_ == "pobj"), None) if by is not None else None
            sp = _speaker(src if src is not None else obj, entities)
            cue = tokens_span([tok])
            if cue is None:
                continue
            out.append(Claim(cue=cue, content=c.content, content_spans=c.content_spans, quote=c.quote,
                             rule="relay", relayed_by=c.cue, **sp))
    return out


def _name_subjects(doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
    """Proper-noun subjects not known as places or groups, as PERSON candidates for pronouns."""
    out = []
    by_start = {e.span.start: e for e in entities}
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
            continue
        toks = [t for t in tok.subtree if t.pos_ == "PROPN" and (t.i == tok.i or t.dep_ == "compound")]
        span = tokens_span(toks)
        if span is None:
            continue
        known = by_start.get(span.start)
        out.append(Entity(span, "PERSON", known.canonical if known is not None and known.label == "PERSON" else span.text))
    return out


def _split_coordinated(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """"He said he would order a review and warned against hackers": the parser often hangs the
    second verb off the content's verb, so the first claim's content swallows the second claim.
    A cue verb conjoined inside another claim's content, with no subject of its own, is the same
    speaker's next claim (PolNeAR marks two, both the outer speaker's: "Merrill says Machado
    promised ... and said ..."): the first content ends before the conjunction and the second
    claim takes the first one's speaker."""
    text = text_of(doc)
    out = list(claims)
    for k, c in enumerate(out):
        if not c.rule.startswith("verb:"):
            continue
        span = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        if tok.dep_ != "conj" or any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in tok.children):
            continue
        outer = [i for i, o in enumerate(out) if i != k and o.quote == "indirect" and not o.content_spans
                 and o.content.contains(c.cue) and o.content.start <= tok.head.idx < o.content.end
                 and not c.content.contains(o.cue)]
        if not outer:
            continue
        i = min(outer, key=lambda j: out[j].content.end - out[j].content.start)
        o = out[i]
        cc = [x for x in tok.head.children if x.dep_ == "cc" and x.i < tok.i]
        cut = min([tok.left_edge.idx] + [x.idx for x in cc])
        content = char_span(text, o.content.start, cut)
        if content is None:
            continue
        out[i] = replace(o, content=content)
        out[k] = replace(c, speaker=o.speaker, speaker_canonical=o.speaker_canonical,
                         speaker_type=o.speaker_type, speaker_role=o.speaker_role)
    return out


UNRESOLVABLE_SPEAKERS = {"i", "we", "you", "me", "us"}


def _unresolvable_in_quotes(claims: list[Claim], qspans: list[Span]) -> list[Claim]:
    """"“... I think you expose him for the fraud that he is.”": a claim inside a quotation whose
    speaker is "I", "we" or "you" (or nobody) belongs to the quoted person; when no claim relays the
    quotation, nothing says who that is, and a row with speaker "I" would mislead. Such claims are
    left out; inside an attributed quotation they stay, linked by ``relayed_by``."""
    def unresolved(c: Claim) -> bool:
        if c.relayed_by is not None or not any(q.contains(c.cue) and len(q.text.split()) >= 4 for q in qspans):
            return False
        return c.speaker is None or c.speaker.text.lower() in UNRESOLVABLE_SPEAKERS
    return [c for c in claims if not unresolved(c)]


def _nest(claims: list[Claim]) -> list[Claim]:
    """A claim whose cue lies inside another claim's content is relayed by it ("“I think ...,”
    she said"): link it with ``relayed_by`` (PolNeAR, being univocal, annotates only the outer)."""
    out = []
    for c in claims:
        if c.relayed_by is None:
            outer = [o for o in claims if o is not c and any(p.contains(c.cue) for p in o.spans)
                     and not c.content.contains(o.cue)]
            if outer:
                o = min(outer, key=lambda o: o.content.end - o.content.start)
                c = replace(c, relayed_by=o.cue)
        out.append(c)
    return out


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per cue and content; a claim whose cue lies inside a longer cue with the same
    content ("saying" in "issued a statement saying") is that claim."""
    seen = set()
    out = []
    cues_by_content: dict[tuple[int, int], list[Span]] = {}
    for c in claims:
        cues_by_content.setdefault((c.content.start, c.content.end), []).append(c.cue)
    for c in claims:
        key = (c.cue.start, c.content.start, c.content.end)
        if key in seen or any(o.contains(c.cue) and o != c.cue for o in cues_by_content[key[1:]]):
            continue
        seen.add(key)
        out.append(c)
    return out
