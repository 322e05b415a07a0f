"""A learnt choice of where a claim's content starts and ends.

The rules take the content from the parse (:mod:`.content`); among the claims whose speaker and cue
are right, about a fifth have a content one clause longer or shorter than PolNeAR's annotators mark
("said he would run, given his age" with or without ", given his age"; a quotation cut at the
sentence end or running on). For a claim with a one-piece content, :func:`variants` lists the
spans it could have instead: cut before a comma, semicolon, dash or bracket inside it, start after
one, drop a leading conjunction, or extend to such a break (or the sentence end) after it. A
logistic regression over features of what each variant adds or removes (its first word, the
dependency label of its root and where that root hangs: the cue, the kept content, elsewhere; its
length; the rule that made the claim) scores them, and the best-scoring variant replaces the
content when it beats the content as made (:func:`adjust`).

Trained by ``python -m extract.training.boundaries`` on the candidate claims of PolNeAR train that
match a gold attribution (label: the variant equals a gold content, as the exact scorer compares
spans); stored in ``models/cues/boundary_model.tsv`` / ``boundary_model.json``. PolNeAR
train-validation: +0.46 point content exact F1 (136 contents made right, 42 made wrong, 151 wrong
either way). Without the files contents stay as the rules made them.
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from ..records import Claim, Span, replace

BREAKS = frozenset({",", ";", "—", "–", "--", "(", ")", ":"})
# words that say what a stretch of text does (a relative, a concession, a time ...), kept as themselves
FUNCTION_WORDS = frozenset({
    "that", "which", "who", "whom", "whose", "as", "but", "and", "or", "because", "since", "if", "while", "when",
    "although", "though", "including", "given", "despite", "after", "before", "during", "in", "on", "at", "for",
    "with", "to", "of", "by", "from", "so", "not", "saying", "according", "where", "even", "than", "like"})
LEADING_CONJUNCTIONS = frozenset({"but", "and", "so", "yet"})
ORIGINAL = ("orig", "orig")

Variant = tuple[int, int, str, str]  # start, end, how the start was moved, how the end was moved


def variants(doc: Doc, content: Span, cue: Span) -> list[Variant]:
    """The spans a one-piece ``content`` could have instead, itself first (``("orig", "orig")``)."""
    s, e = content.start, content.end
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return [(s, e) + ORIGINAL]
    toks = list(span)
    starts = {s: "orig"}
    if toks[0].dep_ == "cc" or toks[0].lower_ in LEADING_CONJUNCTIONS:
        nxt = next((t for t in toks[1:] if not t.is_punct and not t.is_space), None)
        if nxt is not None:
            starts[nxt.idx] = "drop_cc"
    for t in toks[:-1]:
        if t.text in BREAKS and t.i + 1 < span.end:
            starts.setdefault(doc[t.i + 1].idx, "after_break")
    ends = {e: "orig"}
    for t in toks[1:]:
        if t.text in BREAKS:
            prev = doc[t.i - 1]
            if prev.idx + len(prev.text) > s:
                ends.setdefault(prev.idx + len(prev.text), "before_break")
    sent = toks[0].sent
    if cue.end <= s:
        last = sent.end - 1
        while last > span.end - 1 and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        for t in doc[span.end:last + 1]:
            if t.text in BREAKS:
                prev = doc[t.i - 1]
                if prev.idx + len(prev.text) > e:
                    ends.setdefault(prev.idx + len(prev.text), "extend_break")
        if last >= span.end and doc[last].idx + len(doc[last].text) > e:
            ends.setdefault(doc[last].idx + len(doc[last].text), "extend_sent")
    return [(a, b, ka, kb) for a, ka in starts.items() for b, kb in ends.items() if b > a]


def _stretch(doc: Doc, a: int, b: int, pre: str, kept: tuple[int, int], cue: Span) -> list[str]:
    """Features of the text a variant adds or removes, [a, b)."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None:
        return [pre + "none"]
    toks = [t for t in sp if not t.is_space]
    words = [t for t in toks if not t.is_punct]
    out = [f"{pre}len={min(len(words), 8)}"]
    if words:
        w = words[0]
        out += [f"{pre}first={w.lower_ if w.lower_ in FUNCTION_WORDS else w.pos_}", f"{pre}ftag={w.tag_}"]
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside), None)
    if root is not None:
        h = root.head
        where = ("self" if h.i == root.i else "cue" if cue.start <= h.idx < cue.end
                 else "kept" if kept[0] <= h.idx < kept[1] else "out")
        out += [f"{pre}dep={root.dep_}", f"{pre}deppos={root.dep_}|{root.pos_}", f"{pre}head={where}",
                f"{pre}head={where}|{root.dep_}"]
    if any(t.pos_ == "VERB" for t in toks):
        out.append(f"{pre}verb")
    if any(t.is_quote for t in toks):
        out.append(f"{pre}quote")
    if toks and toks[0].is_punct:
        out.append(f"{pre}p0={toks[0].text}")
    return out


def features(doc: Doc, claim: Claim, v: Variant) -> list[str]:
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


@dataclass(frozen=True)
class BoundaryModel:
    weights: dict

    def score(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def best(self, doc: Doc, claim: Claim) -> Variant:
        """The best-scoring variant of the claim's content (the content itself on a tie)."""
        scored = [(self.score(features(doc, claim, v)), k, v)
                  for k, v in enumerate(variants(doc, claim.content, claim.cue))]
        return max(scored, key=lambda x: (x[0], -x[1]))[2]


def adjust(claims: list[Claim], ctx) -> list[Claim]:
    """Claims with a one-piece content get the variant the model prefers (all unchanged without a model)."""
    model = getattr(ctx.lexicon, "bounds", None) if ctx.lexicon is not None else None
    if model is None:
        return claims
    out = []
    for c in claims:
        if c.relayed_by is None and not c.content_spans:
            a, b, ka, kb = model.best(ctx.doc, c)
            if (ka, kb) != ORIGINAL:
                c = replace(c, content=Span.of(ctx.text, a, b))
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
