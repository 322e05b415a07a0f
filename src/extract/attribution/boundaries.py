"""A learnt choice of where a claim's content and cue start and end.

The rules take the content and the cue from the parse (:mod:`.content`, :mod:`.cues`); among the
claims whose speaker is right, about a fifth have a content one clause longer or shorter than
PolNeAR's annotators mark ("said he would run, given his age" with or without ", given his age"),
and a tenth a cue a word longer or shorter ("said Friday", "declined to comment on", "at the time
said"). For each claim, :func:`content_variants` lists the spans its content could have instead
(cut before a comma, semicolon, dash or bracket inside it, start after one, drop a leading
conjunction, extend to such a break or to the sentence end after it; and, following the parse
where no punctuation marks the place, cut before a phrase hung on a word of the content, start
at the cue's object before it, extend over what the cue's verb governs after it: these three
took the claims whose right content is among the variants from 44% to 56% of those made wrong,
and content exact F1 on train-validation from 0.600 to 0.604) and :func:`cue_variants` the
spans its cue could have (up to three words more or fewer on the left, up to six more or three
fewer on the right, never into the speaker or the content). A conditional logit (a softmax over the
variants of one claim) over features of what each variant adds or removes (its words, or their
classes; the dependency label of its root and where that root hangs; its length; the rule that made
the claim; for cues, the cue's lemma) picks one, the span as made winning ties (:func:`adjust`);
no variant takes in another claim's cue ("said she would order an audit and warned against ...").

Four more content variants (issue 14's seventh round, for the contents one clause too long or too
short whose right span was among no variant): a hyphen between spaces is a break like a dash
(wire copy: "impulses that got him elected | - a mix of idealism ..."); a start at what the cue's
verb governs inside the content ("urged the court | to act", "accused Obama | of exploitation");
a start at the first word of the sentence, or the first after the cue ("[Meanwhile in Ohio,]
Kasich has pulled ahead, according to ..."); an end where a quotation that the content opens and
leaves open closes, sentences later ("saying that foreigners “look at these goofballs across the
ocean. We've got to get our act together.”"). PolNeAR train-validation (fold cue tables, gate and
claim check of main, the boundary model retrained): content exact F1 0.6158 -> 0.6174 (higher on
four folds of five), cue 0.6869 -> 0.6874, relation 0.7443 -> 0.7443, source unchanged; the
quotation's end alone gave 0.6175, the others 0.6160-0.6164 each. Features of the variant's last
word, the token after it and its open quote marks, added to these, gained nothing on fold 0
(content 0.6225 -> 0.6225 / 0.6227, relation 0.7454 -> 0.7446 / 0.7451) and were not kept.

A cue variant may also take the first words of a content that starts right after the cue, the
content then starting after them (issue 14's ninth round): PolNeAR marks "voiced concern over |
the plan", "took aim at | X", "released a memo titled | X", "declined to comment on | X" about as
often as "voiced | concern over the plan", so no rule fits, and the variants let the model learn per
verb and rule (features ``ic``: how many words it takes, the rule, the verb). Such a variant keeps
the cue's start as made and ends on a noun, preposition, verb, "to" or subordinating word, leaving
the content two words at least. PolNeAR train-validation (fold cue tables, gate and claim check of
main, boundary model retrained, each role learnt apart in both): cue exact F1 0.6902 -> 0.6918
(higher on four folds of five), content 0.6238 -> 0.6244, relation 0.7460 -> 0.7462, source
unchanged; of the 116 claims whose cue took words of the content, 36 cues were made right and 24
wrong (contents: 32 and 22). The other way, a cue ending in "to VERB" may end on the verb that one
completes, the content then starting at "to" ("has sought | to portray him as ...", "declined | to
say whether ..."; kind ``jN``): cue 0.6918 -> 0.6924 (four folds of five), content 0.6244 ->
0.6248, relation and source unchanged. Not kept: learnt shares of train as features of the cue
variants (the light-verb table's share of the noun, ``cue_preps.tsv``'s of a preposition,
``through_verbs.tsv``'s of "to VERB", in fifths): cue 0.6911 instead of 0.6918; with them and the
"to VERB" variant, variants reaching farther (back to the cue's verb over a long occasion phrase,
"said | in a video message to the convention"; over the whole of a phrase the verb governs; back
to a verb up to six words before): cue 0.6898.

The speaker phrase is chosen the same way (:func:`speaker_variants`): cut before a break or a
phrase hung on one of its words ("Jane Roe | on Tuesday", "a poll | in June"), extended over what
its head governs, its first word dropped. Three guards: never cut before a relative clause (its
pronoun is then PolNeAR's source of "Jane Roe, who ..."; allowing the cut, with the side of the
cue the phrase stands on as a feature, took source exact F1 to 0.7429 but relation F1 down
0.7400 -> 0.7398, on three folds of five); never extend over a trailer the rules leave out on
purpose (:func:`.sources.describes`: "One officer, identified as ..."); never end or start inside
a bracket ("Jane Roe (D-Ohio)"). PolNeAR train-validation: source exact F1 0.7419 -> 0.7423
(higher on four folds of five), relation, cue and content unchanged (0.7400, 0.6879, 0.6131).

Trained by ``python -m extract.training.boundaries`` on the candidate claims of PolNeAR train that
match a gold attribution (label: the variant equals a gold span, as the exact scorer compares
spans); stored in ``models/cues/boundary_model.tsv`` / ``boundary_model.json``, features prefixed
``content:``, ``cue:`` and ``speaker:``. PolNeAR train-validation (``extract eval polnear
../shared/data/polnear/train --fold all``, each fold chosen by a model trained on the other four),
against the per-variant logistic regression on contents only that it replaces: content exact F1
0.594 -> 0.604, cue exact 0.675 -> 0.681, relation 0.728 -> 0.729 (dev: content 0.613 -> 0.625,
cue 0.708 -> 0.714, relation 0.753 -> 0.755). Without the files spans stay as the rules made them.
"""
from __future__ import annotations

import csv
import json
import math
import re
from itertools import repeat
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_QUOTE, IS_SPACE, LENGTH, ORTH, POS, SPACY
from spacy.symbols import IDS, VERB
from spacy.tokens import Doc, Span as TokSpan, Token

from ..records import Claim, Span, replace
from .sources import describes
from ..nlp import text_of
from .spans import char_span, expand, sentence_bounds

BREAKS = frozenset({",", ";", "—", "–", "--", "(", ")", ":"})
# words that say what a stretch of text does (a relative, a concession, a time ...), kept as themselves
FUNCTION_WORDS = frozenset({
    "that", "which", "who", "whom", "whose", "as", "but", "and", "or", "because", "since", "if", "while", "when",
    "although", "though", "including", "given", "despite", "after", "before", "during", "in", "on", "at", "for",
    "with", "to", "of", "by", "from", "so", "not", "saying", "according", "where", "even", "than", "like"})
# dependents of a content word that a cut may stop before ("his candidacy | in June 2015")
CUT_DEPS = frozenset({"prep", "cc", "relcl", "acl", "advcl", "agent", "npadvmod"})
# dependents of the cue's verb that an extension may take in after the content ("called him | a liar")
EXTEND_DEPS = frozenset({"prep", "oprd", "xcomp", "advcl", "ccomp", "npadvmod", "dobj", "acomp"})
LEADING_CONJUNCTIONS = frozenset({"but", "and", "so", "yet"})
ORIGINAL = ("orig", "orig")

Variant = tuple[int, int, str, str]  # start, end, how the start was moved, how the end was moved


def _break(t: Token) -> bool:
    """A comma, semicolon, dash, bracket or colon, or a hyphen standing alone between spaces, as
    wire copy writes a dash ("some of the impulses that got him elected | - a mix of ...")."""
    return t.text in BREAKS or (t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_))


def content_variants(doc: Doc, content: Span, cue: Span) -> list[Variant]:
    """The spans a one-piece ``content`` could have instead, itself first (``("orig", "orig")``).
    Tokens are read through the article's arrays (:func:`_tokens`, :func:`_offsets`) and its
    sentence table (:func:`.spans.sentence_bounds`) rather than as Tokens, and the cue's verb's
    right children once (the same variants)."""
    s, e = content.start, content.end
    span = _toks(doc, s, e)
    if span is None or not len(span):
        return [(s, e) + ORIGINAL]
    first = span[0]
    heads, _, space, punct, quote = _tokens(doc)
    idx, ends_at = _offsets(doc)
    starts = {s: "orig"}
    if first.dep_ == "cc" or first.lower_ in LEADING_CONJUNCTIONS:
        nxt = next((i for i in range(span.start + 1, span.end) if not punct[i] and not space[i]), None)
        if nxt is not None:
            starts[idx[nxt]] = "drop_cc"
    breaks, deps, cut_deps = _breaks_and_deps(doc)
    for i in range(span.start, span.end - 1):
        if breaks[i]:
            starts.setdefault(idx[i + 1], "after_break")
    ends = {e: "orig"}
    for i in range(span.start + 1, span.end):
        if breaks[i] and ends_at[i - 1] > s:
            ends.setdefault(ends_at[i - 1], "before_break")
    for i in range(span.start + 1, span.end):  # before a phrase hung on a word of the content: "his candidacy | in June"
        if deps[i] in cut_deps and span.start <= heads[i] < i:
            edge = doc[i].left_edge.i
            if edge > span.start and not punct[edge - 1] and ends_at[edge - 1] > s:
                ends.setdefault(ends_at[edge - 1], "before_dep")
    cue_toks = _toks(doc, cue.start, cue.end)
    verb = _cue_head(cue_toks) if cue_toks is not None and len(cue_toks) else None
    if verb is not None and cue.end <= s:
        rights = list(verb.rights)
        # the cue's object before the content ("view | her as ready", "urged | the court to act")
        for c in rights:
            if c.i > cue_toks.end - 1 and c.left_edge.i < span.start and c.right_edge.i < span.start and c.dep_ in (
                    "dobj", "dative", "nsubj", "attr"):
                starts.setdefault(c.left_edge.idx, "cue_object")
        # what the cue's verb governs after the content, without a break ("described him | as a threat")
        end_i = span.end - 1
        for c in rights:
            if c.left_edge.i == end_i + 1 and c.dep_ in EXTEND_DEPS:
                end_i = c.right_edge.i
                ends.setdefault(ends_at[end_i], "extend_dep")
        # start at what the cue's verb governs inside the content ("urged the court | to act")
        for c in rights:
            if c.dep_ in ("xcomp", "prep", "oprd", "ccomp", "dative", "dobj") and span.start < c.left_edge.i < span.end:
                starts.setdefault(c.left_edge.idx, "cue_child")
    sent_start, sent_end = sentence_bounds(doc, span.start)
    # start at the first word of the sentence, or after the cue ("[Meanwhile in Ohio,] Kasich has ...,
    # according to ...")
    lo = cue_toks.end if cue_toks is not None and cue.end <= s and cue_toks.end > sent_start else sent_start
    word = next((i for i in range(lo, span.start) if not (punct[i] or space[i] or quote[i])), None)
    if word is not None and idx[word] < s:
        starts.setdefault(idx[word], "extend_left")
    if cue.end <= s:  # end where a quotation the content opens and leaves open ends, sentences later
        close = _quote_close(text_of(doc), s, e)
        if close is not None:
            ends.setdefault(close, "quote_close")
    if cue.end <= s:
        last = sent_end - 1
        while last > span.end - 1 and (punct[last] or space[last]):
            last -= 1
        for i in range(span.end, last + 1):
            if breaks[i] and ends_at[i - 1] > e:
                ends.setdefault(ends_at[i - 1], "extend_break")
        if last >= span.end and ends_at[last] > e:
            ends.setdefault(ends_at[last], "extend_sent")
    return [(a, b, ka, kb) for a, ka in starts.items() for b, kb in ends.items() if b > a]


def _quote_close(text: str, s: int, e: int):
    """Where the quotation a content opens and leaves open ends: the offset of its closing mark
    (or None when the content closes what it opens, or no mark closes it in the paragraph)."""
    inner = text[s:e].replace("``", "“ ").replace("''", '" ')
    depth = 0
    for ch in inner:
        if ch == "“":
            depth = 1
        elif ch == "”":
            depth = 0
        elif ch == '"':
            depth ^= 1
    if not depth:
        return None
    rest = text[e:e + 600]
    m = re.search(r'[”"]|\'\'|\n', rest)
    if m is None or m.group() == "\n":
        return None
    return e + m.start()


def _stretch(doc: Doc, a: int, b: int, pre: str, kept: tuple[int, int], cue: Span, *,
             word_root: bool = False) -> list[str]:
    """Features of the text a variant adds or removes, [a, b); with ``word_root``, also of its root
    among its words (a comma opening the stretch hangs on a word outside it and tells little).
    What depends on the text alone is read once per stretch and article (:func:`_read`): the
    variants of one span share most of their stretches (5,304 stretches scored on 40 Wikinews
    articles, 1,961 distinct). With the weights split by role once (:class:`BoundaryModel`), the
    boundary choice on those articles took 0.76 s -> 0.45 s, the same choices. The features
    themselves are built once per stretch, prefix and place of its roots (the variants of a span
    with one end in common share them: 61% of the calls on 60 Wikinews articles)."""
    got = _read(doc, a, b, word_root)
    if got is None:
        return [pre + "none"]
    lead, root, wroot, tail = got
    where = _place(root[2:], kept, cue) if root is not None else None
    wwhere = _place(wroot[2:], kept, cue) if wroot is not None else None
    memo = _article_memo(doc)
    key = ("stretch", a, b, pre, word_root, where, wwhere)
    out = memo.get(key)
    if out is None:
        out = [pre + x for x in lead]
        if root is not None:
            dep, pos = root[0], root[1]
            out += [f"{pre}dep={dep}", f"{pre}deppos={dep}|{pos}", f"{pre}head={where}", f"{pre}head={where}|{dep}"]
        if wroot is not None:
            out += [f"{pre}wdep={wroot[0]}", f"{pre}whead={wwhere}|{wroot[0]}"]
        out += [pre + x for x in tail]
        memo[key] = out
    return list(out)


_READ: list = [(None, {})]  # (the article last read, {key: what was read of it})


def _article_memo(doc: Doc) -> dict:
    """What this module read of ``doc`` so far, by key; kept for the last article read only."""
    memo = _READ[0]
    if memo[0] is not doc:
        memo = (doc, {})
        _READ[0] = memo  # one tuple swapped whole: a second thread reads its own article's or starts anew
    return memo[1]


def _tokens(doc: Doc) -> tuple[list, ...]:
    """Per token of the article, read once with ``to_array``: its head's index, part of speech
    (symbol id), and whether it is a space, punctuation, a quote mark. :func:`_read` reads the
    tokens of every stretch through these lists instead of building a Token per token and test
    (the same features; counted by cachegrind on the first 60 Wikinews articles of bench/stages.py,
    attribution's instructions 3,984M -> 3,872M, -2.7%)."""
    memo = _article_memo(doc)
    got = memo.get("tokens")
    if got is None:
        arr = doc.to_array([HEAD, POS, IS_SPACE, IS_PUNCT, IS_QUOTE]).astype(np.int64)
        arr[:, 0] += np.arange(len(doc))
        got = memo["tokens"] = tuple(arr.T.tolist())
    return got


def _offsets(doc: Doc) -> tuple[list, list]:
    """Per token of the article, read once: the offsets of its first character and of the character
    after its last (``t.idx``, ``t.idx + len(t.text)``)."""
    memo = _article_memo(doc)
    got = memo.get("offsets")
    if got is None:
        arr = doc.to_array([IDX, LENGTH]).astype(np.int64)
        got = memo["offsets"] = (arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist())
    return got


def _toks(doc: Doc, a: int, b: int) -> Optional[TokSpan]:
    """The tokens of [a, b) (:func:`.spans.expand`): a claim's content, cue and speaker are looked up
    by each role's variants and features (8 calls a claim before they were kept)."""
    return expand(doc, a, b)


def _breaks_and_deps(doc: Doc) -> tuple[list, list, set]:
    """Per token of the article, read once: whether it is a break (:func:`_break`), its dependency
    label's id, and the ids of :data:`CUT_DEPS`; for :func:`content_variants`, which tests every
    token of a content (the same variants; cachegrind, first 60 Wikinews articles: attribution's
    instructions 3,872M -> 3,830M, -1.1%)."""
    memo = _article_memo(doc)
    got = memo.get("breaks")
    if got is None:
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, SPACY, DEP]).astype(np.uint64)
        orth, spaced = arr[:, 0], arr[:, 1] == 1
        after_space = np.concatenate(([False], spaced[:-1]))
        breaks = np.isin(orth, np.array([strings[b] for b in BREAKS], dtype=np.uint64)) \
            | ((orth == np.uint64(strings["-"])) & spaced & after_space)
        got = memo["breaks"] = (breaks.tolist(), arr[:, 2].tolist(), {strings[d] for d in CUT_DEPS})
    return got


def _read(doc: Doc, a: int, b: int, word_root: bool):
    """The features of the stretch [a, b) that do not depend on the variant, in :func:`_stretch`'s
    order, unprefixed: (its length and first word, its root, its root among words (when asked and
    another), its verb, quote and opening mark); a root as (dep, pos, heads itself, its head's
    offset). None when no tokens cover it. Kept for the last article read only."""
    memo = _article_memo(doc)
    key = (a, b, word_root)
    if key in memo:
        return memo[key]
    sp = _toks(doc, a, b)
    if sp is None:
        memo[key] = None
        return None
    head, pos, space, punct, quote = _tokens(doc)
    toks = [i for i in range(sp.start, sp.end) if not space[i]]
    words = [i for i in toks if not punct[i]]
    lead = [f"len={min(len(words), 8)}"]
    if words:
        w = doc[words[0]]
        lead += [f"first={w.lower_ if w.lower_ in FUNCTION_WORDS else w.pos_}", f"ftag={w.tag_}"]
    inside = set(toks)
    root = next((i for i in toks if head[i] not in inside), None)
    wroot = next((i for i in words if head[i] not in inside), None) if word_root else None
    tail = []
    if any(pos[i] == VERB for i in toks):
        tail.append("verb")
    if any(quote[i] for i in toks):
        tail.append("quote")
    if toks and punct[toks[0]]:
        tail.append(f"p0={doc[toks[0]].text}")
    got = (lead, _rooted(doc[root]) if root is not None else None,
           _rooted(doc[wroot]) if wroot is not None and wroot != root else None, tail)
    memo[key] = got
    return got


def _rooted(t: Optional[Token]) -> Optional[tuple]:
    if t is None:
        return None
    h = t.head
    return t.dep_, t.pos_, h.i == t.i, h.idx


def _place(head: tuple, kept: tuple[int, int], cue: Span) -> str:
    """Where the root of a stretch hangs (``head``: whether on itself, its head's offset): on
    itself, on the cue, on the span kept, elsewhere."""
    itself, h = head
    return "self" if itself else "cue" if cue.start <= h < cue.end else "kept" if kept[0] <= h < kept[1] else "out"


def content_features(doc: Doc, claim: Claim, v: Variant) -> list[str]:
    """Sparse features of one variant of a claim's content."""
    a, b, ka, kb = v
    s, e = claim.content.start, claim.content.end
    out = ["bias", f"k={ka}|{kb}", f"rk={claim.rule}|{ka}|{kb}", f"qk={claim.quote}|{kb}"]
    part: list[str] = []
    if b > e:
        part += _stretch(doc, e, b, "add_", (s, e), claim.cue)
    if b < e:
        part += _stretch(doc, b, e, "rem_", (a, b), claim.cue)
    if a > s:
        part += _stretch(doc, s, a, "lead_", (a, b), claim.cue)
    out += part + [f"{kb}|{x}" for x in part]
    out += [f"{claim.rule}|{x}" for x in part if "first=" in x or "dep=" in x]
    return out


def _cue_head(cue: TokSpan) -> Token:
    """The word a cue is about: its last verb ("has said", "declined to comment"), else its root."""
    verbs = [t for t in cue if t.pos_ in ("VERB", "AUX")]
    return verbs[-1] if verbs else cue.root


def cue_variants(doc: Doc, claim: Claim) -> list[Variant]:
    """The spans the claim's cue could have (itself first, as ``("0", "0")``): its first and last
    words moved by a few words, within its sentence, never into the speaker or a content piece,
    always keeping the cue's verb (:func:`_cue_head`; variants without it once let "..., adding
    that ..." take "would rise" from the content before it as its cue).
    The kinds are the moves, in words ("-2" two words more on the left, "1" one more on the right).
    Tokens are read through the article's arrays (the same variants)."""
    cue = _toks(doc, claim.cue.start, claim.cue.end)
    if cue is None or not len(cue):
        return [(claim.cue.start, claim.cue.end, "0", "0")]
    lo_tok, hi_tok = cue.start, cue.end - 1
    lo, hi = sentence_bounds(doc, cue.start)
    hi -= 1
    body = _content_after(doc, claim, cue)
    if body is not None:  # into the content's first words, leaving it two at least ("voiced | concern over X")
        hi = min(hi, body.end - 3)
    for part in claim.spans + ((claim.speaker,) if claim.speaker is not None else ()):
        if body is not None and part is claim.content:
            continue
        toks = _toks(doc, part.start, part.end)
        if toks is None or not len(toks):
            continue
        if part.start >= claim.cue.end:
            hi = min(hi, toks.start - 1)
        elif part.end <= claim.cue.start:
            lo = max(lo, toks.end)
    h = _cue_tokens(doc, claim.cue)[2].i
    out = [(claim.cue.start, claim.cue.end, "0", "0")]
    first, last = max(lo, lo_tok - 3), min(hi, hi_tok + 6)
    # the words a variant may start or end on (not punctuation or spaces)
    _, pos, space, punct, _ = _tokens(doc)
    idx, ends_at = _offsets(doc)
    words = {i for i in range(first, max(last, hi_tok) + 1) if not (punct[i] or space[i])}
    into = body.start if body is not None else len(doc)
    for a in range(first, min(lo_tok + 3, h) + 1):
        if a not in words:
            continue
        for b in range(max(a, hi_tok - 3, h), last + 1):
            if b not in words or (a, b) == (lo_tok, hi_tok):
                continue
            if b >= into and (a != lo_tok or pos[b] not in INTO_POS_IDS):
                continue  # into the content: the cue's start as made, ending on a word that can end a cue
            out.append((idx[a], ends_at[b], str(a - lo_tok), str(b - hi_tok)))
    # back to the verb the cue's verb completes, the content then starting at its "to" ("has sought |
    # to portray him as ...", "declined | to say whether ..."): kind "jN", N words fewer on the right
    v1 = doc[h].head
    if body is not None and doc[h].dep_ == "xcomp" and lo_tok <= v1.i < h:
        out.append((idx[lo_tok], v1.idx + len(v1.text), "0", f"j{v1.i - hi_tok}"))
    return out


# what a cue that takes the content's first words ends on: "voiced concern | over", "declined to
# comment | on", "posted a message on Twitter reading | ...", "issued a report | ...", "hopes to | ..."
INTO_POS = frozenset({"ADP", "VERB", "NOUN", "PART", "SCONJ"})
INTO_POS_IDS = frozenset(IDS[p] for p in INTO_POS)  # as :func:`_tokens` reads parts of speech


def _content_after(doc: Doc, claim: Claim, cue: TokSpan) -> Optional[TokSpan]:
    """The claim's content when it is in one piece of three tokens or more and starts right after its
    cue (nothing but punctuation between): a cue variant may then take its first words, the content
    starting after them (:func:`adjust`)."""
    if claim.content_spans or claim.content.start < claim.cue.end:
        return None
    body = _toks(doc, claim.content.start, claim.content.end)
    if body is None or len(body) < 3:
        return None
    _, _, space, punct, _ = _tokens(doc)
    if any(not (punct[i] or space[i]) for i in range(cue.end, body.start)):
        return None
    return body


def _word(t, pre: str, head) -> list[str]:
    w = t.lower_ if (t.lower_ in FUNCTION_WORDS or t.pos_ in ("ADP", "PART", "AUX", "DET", "PRON", "ADV")) else t.pos_
    where = "cuehead" if t.head.i == head.i else "head" if t.i == head.i else "other"
    out = [f"{pre}w={w}", f"{pre}dep={t.dep_}", f"{pre}rel={where}|{t.dep_}"]
    if t.ent_type_ in ("DATE", "TIME"):
        out.append(f"{pre}date")
    return out


def _words(doc: Doc, lo: int, hi: int, pre: str, head: Token) -> list[str]:
    """:func:`_word`'s features of the tokens ``lo`` to ``hi - 1`` (kept per article, they saved
    nothing: a fifth of the calls found them, cachegrind counted the same instructions)."""
    return [f for t in doc[lo:hi] for f in _word(t, pre, head)]


def _cue_tokens(doc: Doc, cue: Span) -> tuple[int, int, Token, str]:
    """A cue's first and last token, its head (:func:`_cue_head`) and the head's lemma, read once
    per article."""
    memo = _article_memo(doc)
    key = ("cue", cue.start, cue.end)
    got = memo.get(key)
    if got is None:
        toks = _toks(doc, cue.start, cue.end)
        head = _cue_head(toks)
        got = memo[key] = (toks.start, toks.end - 1, head, head.lemma_.lower())
    return got


def cue_features(doc: Doc, claim: Claim, v: Variant) -> list[str]:
    """Sparse features of one variant of a claim's cue: the words it adds or drops on each side."""
    _, _, da, db = v
    lo_tok, hi_tok, head, lemma = _cue_tokens(doc, claim.cue)
    left, right = int(da), int(db.lstrip("j"))
    out = ["bias", f"da={da}", f"db={db}", f"dadb={da}|{db}", f"r={claim.rule}|{da}|{db}"]
    part: list[str] = []
    if right > 0:
        part += _words(doc, hi_tok + 1, hi_tok + right + 1, "addR_", head)
        part += _words(doc, hi_tok + right, hi_tok + right + 1, "lastR_", head)
    elif right < 0:
        part += _words(doc, hi_tok + right + 1, hi_tok + 1, "remR_", head)
    if left < 0:
        part += _words(doc, lo_tok + left, lo_tok, "addL_", head)
    elif left > 0:
        part += _words(doc, lo_tok, lo_tok + left, "remL_", head)
    if db.startswith("j"):
        part.append("j")
    elif right > 0 and not claim.content_spans and claim.cue.end <= claim.content.start <= _offsets(doc)[0][hi_tok + right]:
        # it takes the content's first words: how many, and for which rule and verb
        idx = _offsets(doc)[0]
        n = sum(1 for i in range(hi_tok + 1, hi_tok + right + 1) if idx[i] >= claim.content.start)
        part += ["ic", f"ic={min(n, 4)}", f"ic|{claim.rule}"]
        out.append(f"lem={lemma}|ic")
    return out + part + [f"lem={lemma}|{x}" for x in part if "w=" in x]


# dependents of a word of the speaker phrase a cut may stop before ("Trump | on Tuesday", "Jane Roe | , who ...")
SPEAKER_CUT_DEPS = frozenset({"prep", "relcl", "acl", "appos", "npadvmod", "advmod", "advcl", "amod", "nummod", "cc",
                              "conj", "punct"})
# what may open a speaker phrase and be left out of it ("the", "virtually", "but")
SPEAKER_LEAD_DEPS = frozenset({"det", "advmod", "cc", "predet", "punct", "prep"})


def speaker_variants(doc: Doc, claim: Claim) -> list[Variant]:
    """The spans the claim's speaker phrase could have instead, itself first: cut before a break or
    before a phrase hung on one of its words ("Trump | on Tuesday", "Jane Roe | , a lawyer"), never
    before a relative clause; extended over what its head governs after it or before it ("Vatican
    spokesman | the Rev. Jane Roe"), up to a trailer :func:`.sources.describes` leaves out; its first
    word (a determiner, an adverb) dropped. No variant but the phrase as made takes one bracket of
    a pair without the other (:func:`_brackets`)."""
    sp = claim.speaker
    span = _toks(doc, sp.start, sp.end) if sp is not None else None
    if span is None or not len(span):
        return [] if sp is None else [(sp.start, sp.end) + ORIGINAL]
    s, e = sp.start, sp.end
    toks = [t for t in span if not t.is_space]
    inside = {t.i for t in toks}
    starts, ends = {s: "orig"}, {e: "orig"}
    if len(toks) > 1 and toks[0].dep_ in SPEAKER_LEAD_DEPS:
        starts.setdefault(toks[1].idx, "drop_first")
    for t in toks[1:]:
        if t.text in BREAKS:
            prev = doc[t.i - 1]
            if prev.idx + len(prev.text) > s:
                ends.setdefault(prev.idx + len(prev.text), "before_break")
            if t.i + 1 < span.end:
                starts.setdefault(doc[t.i + 1].idx, "after_break")
        elif t.dep_ in SPEAKER_CUT_DEPS and t.head.i in inside and t.head.i < t.i and t.left_edge.i > span.start:
            k = t.left_edge.i - 1
            while k > span.start and (doc[k].is_punct or doc[k].is_space):
                k -= 1
            if doc[k].idx + len(doc[k].text) > s:
                ends.setdefault(doc[k].idx + len(doc[k].text), "before_dep")
    # a relative clause stays: PolNeAR then marks its pronoun as the source ("Jane Roe, who ...")
    relcl = [t.left_edge.idx for t in toks if t.dep_ == "relcl" and t.head.i in inside]
    ends = {b: k for b, k in ends.items() if not any(b <= r for r in relcl) or k == "orig"}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    if len(roots) == 1:
        head = roots[0]
        end_i = span.end - 1
        for c in head.rights:  # what the head governs after the phrase: ", who ...", "last week"
            if c.i > end_i and describes(c):
                break  # a trailer the rules leave out on purpose ("One soldier, identified by ...")
            if c.i > end_i and c.left_edge.i <= end_i + 2 and c.dep_ in SPEAKER_CUT_DEPS - {"punct", "cc"}:
                end_i = c.right_edge.i
                last = doc[end_i]
                ends.setdefault(last.idx + len(last.text), "extend_dep")
        lefts = [c for c in head.lefts if c.i < span.start]
        if lefts:
            starts.setdefault(doc[min(c.left_edge.i for c in lefts)].idx, "extend_left")
    pairs = _brackets(doc, span)
    return [(a, b, ka, kb) for a, ka in starts.items() for b, kb in ends.items()
            if b > a and ((ka, kb) == ORIGINAL or not any((a <= o < b) != (a < c <= b) for o, c in pairs))]


OPENING, CLOSING = {"(": ")", "[": "]"}, {")", "]"}


def _brackets(doc: Doc, span: TokSpan) -> list[tuple[int, int]]:
    """The brackets of the sentence around ``span`` as (offset of the opening mark, end of the
    closing one); one left open closes at the sentence's end. A speaker variant takes in both
    marks of a pair or neither: none ends or starts inside "Jane Roe (D-Ohio)"."""
    start, end = sentence_bounds(doc, span.start)
    idx, ends_at = _offsets(doc)
    if not any(mark in text_of(doc)[idx[start]:ends_at[end - 1]] for mark in OPENING):
        return []  # most sentences: no token is an opening mark
    sent = doc[start:end]
    out, open_ = [], []
    for t in sent:
        if t.text in OPENING:
            open_.append(t)
        elif t.text in CLOSING and open_:
            out.append((open_.pop().idx, t.idx + len(t.text)))
    end = sent[-1].idx + len(sent[-1].text)
    return out + [(t.idx, end + 1) for t in open_]


def speaker_features(doc: Doc, claim: Claim, v: Variant) -> list[str]:
    """Sparse features of one variant of a claim's speaker phrase: what it adds or removes."""
    a, b, ka, kb = v
    s, e = claim.speaker.start, claim.speaker.end
    out = ["bias", f"k={ka}|{kb}", f"rk={claim.rule}|{ka}|{kb}"]
    part: list[str] = []
    if b > e:
        part += _stretch(doc, e, b, "add_", (s, e), claim.cue, word_root=True)
    if b < e:
        part += _stretch(doc, b, e, "rem_", (a, b), claim.cue, word_root=True)
    if a > s:
        part += _stretch(doc, s, a, "lead_", (a, b), claim.cue, word_root=True)
    if a < s:
        part += _stretch(doc, a, s, "ladd_", (a, b), claim.cue, word_root=True)
    return out + part + [f"{ka}|{kb}|{x}" for x in part]


ROLES = {"content": (lambda doc, c: content_variants(doc, c.content, c.cue), content_features, ORIGINAL),
         "cue": (cue_variants, cue_features, ("0", "0")),
         "speaker": (speaker_variants, speaker_features, ORIGINAL)}


def variants(role: str, doc: Doc, claim: Claim, claims: Sequence[Claim], cues: Optional[list[Span]] = None
             ) -> list[Variant]:
    """The variants of the claim's ``role`` span that run into no other claim's cue (and, for a
    speaker, into none of its own cue and content); empty when the claim has no such span to move
    (a content in pieces, no speaker, a speaker a layout rule delimited). ``cues``: the other
    claims' cues (:func:`others`), when already read for another role of the claim."""
    if (role == "content" and claim.content_spans) or (role == "speaker" and claim.speaker is None):
        return []
    if role == "speaker" and (claim.rule.startswith("layout:") or claim.rule == "quote:name-colon"):
        return []  # the layout delimits it ("Jane Roe on the budget: '...'", "- Jane Roe", "TITLE - Jane Roe: “”")
    avoid = list(others(claim, claims) if cues is None else cues)
    if role == "speaker":
        avoid += [claim.cue, *claim.spans]
    return allowed(ROLES[role][0](doc, claim), avoid)


@dataclass(frozen=True)
class BoundaryModel:
    weights: dict  # "content:feature" / "cue:feature" / "speaker:feature" -> weight

    def __post_init__(self):
        by_role: dict = {}  # role -> {feature: weight}, split once rather than a key built per feature
        for key, weight in self.weights.items():
            role, _, feat = key.partition(":")
            by_role.setdefault(role, {})[feat] = weight
        object.__setattr__(self, "_by_role", by_role)

    def best(self, role: str, doc: Doc, claim: Claim, vs: Sequence[Variant]) -> Variant:
        """The best-scoring of the variants ``vs`` of the claim's ``role`` span (the first, the span
        as made, on a tie)."""
        if len(vs) < 2:
            return vs[0]
        feats = ROLES[role][1]
        w = self._by_role.get(role, {})
        # fsum is exact, so a tie is a tie whatever order the set iterates in (a plain sum could
        # break it differently from run to run, with the hash seed); then the first variant wins
        get, zero = w.get, repeat(0.0)
        scored = [(math.fsum(map(get, set(feats(doc, claim, v)), zero)), -k, v) for k, v in enumerate(vs)]
        return max(scored)[2]


def allowed(vs: list[Variant], avoid: Sequence[Span]) -> list[Variant]:
    """The variants that run into none of ``avoid`` (another claim's cue), the span as made always
    (each tried against the spans of ``avoid`` within reach of some variant only)."""
    if len(vs) < 2:
        return vs
    lo, hi = min(v[0] for v in vs), max(v[1] for v in vs)
    near = [x for x in avoid if lo < x.end and x.start < hi]
    return vs[:1] + [v for v in vs[1:] if not any(v[0] < x.end and x.start < v[1] for x in near)]


def others(claim: Claim, claims: Sequence[Claim]) -> list[Span]:
    """The cues of the other claims, which no variant of this claim's spans may take in."""
    return [o.cue for o in claims if o is not claim and o.relayed_by is None and not o.cue.overlaps(claim.cue)]


def _word_after(doc: Doc, span: Span):
    """The first token after ``span`` that is no punctuation or space, or None."""
    after = expand(doc, span.start, span.end).end
    return next((t for t in doc[after:] if not (t.is_punct or t.is_space)), None)


def adjust(claims: list[Claim], ctx) -> list[Claim]:
    """Each claim's content (when in one piece), cue and speaker phrase get the variants the model
    prefers (all unchanged without a model); all are chosen on the claim as the rules made it, and
    a speaker phrase that would then run into the chosen cue or content stays as made. A speaker's
    canonical name that was its phrase as written follows the phrase."""
    model = getattr(ctx.lexicon, "bounds", None) if ctx.lexicon is not None else None
    if model is None:
        return claims
    out = []
    for c in claims:
        if c.relayed_by is None:
            changes, joint = {}, False
            near = others(c, claims)
            for role in ROLES:
                vs = variants(role, ctx.doc, c, claims, near)
                if len(vs) < 2:
                    continue
                a, b, ka, kb = model.best(role, ctx.doc, c, vs)
                if (ka, kb) != ROLES[role][2]:
                    changes[role] = Span.of(ctx.text, a, b)
                    joint = joint or (role == "cue" and kb.startswith("j"))
            if "cue" in changes and not c.content_spans and c.cue.end <= c.content.start < changes["cue"].end:
                # the cue took the content's first words: the content starts after them
                body = changes.get("content", c.content)
                nxt = _word_after(ctx.doc, changes["cue"])
                if nxt is None or nxt.idx >= body.end:
                    del changes["cue"]
                elif nxt.idx > body.start:
                    changes["content"] = Span.of(ctx.text, nxt.idx, body.end)
            elif joint:  # the cue gave its last words back to the content, which starts after it
                body = changes.get("content", c.content)
                nxt = _word_after(ctx.doc, changes["cue"])
                if nxt is not None and nxt.idx < body.start:
                    changes["content"] = Span.of(ctx.text, nxt.idx, body.end)
            if "speaker" in changes:
                # without the separating punctuation and quote marks at its edges, as the rules write a speaker
                sp = char_span(ctx.text, changes["speaker"].start, changes.pop("speaker").end, quotes=True)
                kept = (changes.get("cue", c.cue), changes.get("content", c.content), *c.content_spans)
                if sp is not None and not any(sp.overlaps(x) for x in kept):
                    changes["speaker"] = sp
                    if c.speaker_canonical == c.speaker.text:
                        changes["speaker_canonical"] = sp.text
            if changes:
                c = replace(c, **changes)
        out.append(c)
    return out


def load(folder: Path) -> Optional[BoundaryModel]:
    tsv = folder / "boundary_model.tsv"
    if not tsv.exists():
        return None
    with open(tsv, encoding="utf-8", newline="") as f:
        return BoundaryModel({row["feature"]: float(row["weight"])
                              for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)})


def save(folder: Path, weights: dict, params: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "boundary_model.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("feature\tweight\n")
        for feat, w in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
            if "\t" in feat or "\n" in feat:
                continue
            f.write(f"{feat}\t{w:.4f}\n")
    (folder / "boundary_model.json").write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
